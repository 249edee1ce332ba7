import type { Parameter } from '../../scenario/parameters';

/** A choice among a scenario's parameters, each shown with its current value. */
export function ParameterSelect({ label, value, params, onChange }: { label: string; value: string; params: readonly Parameter[]; onChange: (path: string) => void }) {
  return (
    <label>
      Parameter{' '}
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        {params.map((p) => (
          <option key={p.path} value={p.path}>
            {p.label} ({p.value})
          </option>
        ))}
      </select>
    </label>
  );
}
