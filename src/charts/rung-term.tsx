import { useEffect, useId, useState } from 'react';
import type { Scenario } from '../scenario/schema';

/**
 * A rung's name that explains itself: its scenario description shows on hover, on keyboard focus
 * and on a tap, stays while the pointer is over it, and Escape hides it (WCAG 1.4.13).
 */
export function RungTerm({ scenario, level }: { scenario: Scenario; level: number }) {
  const rung = scenario.ladder[Math.max(0, Math.min(scenario.ladder.length - 1, level))]!;
  const id = useId();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);
  return (
    <span className="term" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button type="button" className="term-name" aria-describedby={id} onFocus={() => setOpen(true)} onBlur={() => setOpen(false)} onClick={() => setOpen((o) => !o)}>
        {rung.name}
      </button>
      <span role="tooltip" id={id} className="term-tip" hidden={!open}>
        Rung {rung.level}: {rung.description}
      </span>
    </span>
  );
}

/** Every rung of the ladder with what it means, in a disclosure under the escalation chart. */
export function LadderGlossary({ scenario }: { scenario: Scenario }) {
  return (
    <details className="ladder-glossary">
      <summary>What the rungs of the ladder mean ({scenario.ladder.length} rungs)</summary>
      <dl>
        {scenario.ladder.map((r) => (
          <div key={r.level}>
            <dt>
              {r.level}. {r.name}
            </dt>
            <dd>{r.description}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
