/**
 * A searchable choice among a scenario's parameters (hundreds of them): a combobox whose list is
 * grouped (dynamics, each actor's doctrine, each actor's moves, the talks, …), labelled in words,
 * filtered as one types, with each parameter's current value and, where the scenario's priors give
 * one, its allowed range. Keyboard: type to search, ↑/↓ to move, Enter to pick, Escape to close.
 */
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { listParameters, type Parameter } from '../../scenario/parameters';
import { judgements } from '../../scenario/priors';
import type { Scenario } from '../../scenario/schema';
import { matchParameters, type ParameterGroup } from './parameter-search';

const short = (x: number) => String(Number(x.toPrecision(3)));

function rangeText(range: { low: number; high: number } | undefined): string {
  return range && range.high > range.low ? `prior range ${short(range.low)} to ${short(range.high)}` : '';
}

function Option({ p, id, active, range, onPick }: { p: Parameter; id: string; active: boolean; range: string; onPick: () => void }) {
  return (
    <div
      role="option"
      id={id}
      aria-selected={active}
      className={active ? 'picker-option active' : 'picker-option'}
      // Keep the focus in the search box, so picking with the mouse does not close the list first.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      <span className="picker-label">{p.label}</span>
      <span className="picker-meta">
        {p.value}
        {range && ` · ${range}`}
      </span>
    </div>
  );
}

export function ParameterPicker({ scenario, label, value, onChange }: { scenario: Scenario; label: string; value: string; onChange: (path: string) => void }) {
  const params = useMemo(() => listParameters(scenario), [scenario]);
  const ranges = useMemo(() => new Map(judgements(scenario).map((j) => [j.path, { low: j.low, high: j.high }])), [scenario]);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const base = useId();
  const groups: ParameterGroup[] = useMemo(() => matchParameters(params, query), [params, query]);
  const flat = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const selected = params.find((p) => p.path === value);
  const indexOf = useMemo(() => new Map(flat.map((p, i) => [p.path, i])), [flat]);
  const optionId = (path: string) => `${base}-o-${indexOf.get(path)}`;
  const activeIndex = open && flat.length > 0 ? Math.min(active, flat.length - 1) : -1;
  const activePath = activeIndex >= 0 ? flat[activeIndex]!.path : undefined;

  useEffect(() => {
    if (activeIndex >= 0) document.getElementById(`${base}-o-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, base]);

  const close = () => {
    setOpen(false);
    setQuery('');
  };
  const pick = (path: string) => {
    onChange(path);
    close();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) return setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(flat.length - 1, a + step)));
    } else if (e.key === 'Enter' && open) {
      e.preventDefault();
      if (activePath) pick(activePath);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      close();
    }
  };
  const range = rangeText(selected ? ranges.get(selected.path) : undefined);

  return (
    <div className="parameter-picker">
      <label htmlFor={`${base}-input`}>Parameter</label>
      <input
        id={`${base}-input`}
        role="combobox"
        aria-label={label}
        aria-expanded={open}
        aria-controls={`${base}-list`}
        aria-autocomplete="list"
        aria-activedescendant={activePath ? optionId(activePath) : undefined}
        aria-describedby={`${base}-current`}
        autoComplete="off"
        placeholder="Type to search the parameters"
        value={open ? query : (selected?.label ?? '')}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onClick={() => setOpen(true)}
        onKeyDown={onKeyDown}
        onBlur={close}
      />
      {open && (
        <div role="listbox" id={`${base}-list`} aria-label={`${label}: ${flat.length} matching`} className="picker-list">
          {groups.map((g, gi) => (
            <div role="group" key={g.name} aria-labelledby={`${base}-g-${gi}`}>
              <div role="presentation" id={`${base}-g-${gi}`} className="picker-group">
                {g.name}
              </div>
              {g.items.map((p) => (
                <Option key={p.path} p={p} id={optionId(p.path)} active={p.path === activePath} range={rangeText(ranges.get(p.path))} onPick={() => pick(p.path)} />
              ))}
            </div>
          ))}
          {flat.length === 0 && <p className="picker-none">No parameter matches “{query}”.</p>}
        </div>
      )}
      <p className="picker-current hint" id={`${base}-current`}>
        {selected ? (
          <>
            Current value <strong>{selected.value}</strong>
            {range && ` · ${range}`} · <code>{selected.path}</code>
          </>
        ) : (
          'No parameter chosen.'
        )}
      </p>
    </div>
  );
}
