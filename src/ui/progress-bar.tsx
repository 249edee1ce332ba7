import { grouped } from '../scenario/numbers';

/** Progress of a long computation in futures, with a Cancel button. */
export function ProgressBar({ label, done, total, onCancel }: { label: string; done: number; total: number; onCancel: () => void }) {
  return (
    <div className="forecast-progress">
      <progress max={total} value={done} aria-label={label} />
      <span role="status">
        {grouped(done)} of {grouped(total)} futures
      </span>
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
