import { useState } from 'react';
import type { Scenario } from '../scenario/schema';
import { useSession } from '../store/react';

/**
 * The facilitator's events: fire one of the scenario's injects; it happens at the start of next
 * week and is logged with the game (Undo takes it back).
 */
export function InjectPanel({ scenario, queued }: { scenario: Scenario; queued: readonly string[] }) {
  const inject = useSession((s) => s.inject);
  const [choice, setChoice] = useState(scenario.injects[0]?.id ?? '');
  if (scenario.injects.length === 0) return null;
  const chosen = scenario.injects.find((e) => e.id === choice);
  const label = (id: string) => scenario.injects.find((e) => e.id === id)?.label ?? id;
  return (
    <details className="inject-panel">
      <summary>Facilitator: fire an event</summary>
      <label htmlFor="inject-choice">Event</label>{' '}
      <select id="inject-choice" value={choice} onChange={(e) => setChoice(e.target.value)}>
          {scenario.injects.map((e) => (
            <option key={e.id} value={e.id}>
              {e.label}
            </option>
        ))}
      </select>
      {chosen && <p className="muted">{chosen.description}</p>}
      <button type="button" onClick={() => inject(choice)}>
        Fire at the start of next week
      </button>
      {queued.length > 0 && <p role="status">Next week begins with: {queued.map(label).join('; ')}.</p>}
    </details>
  );
}
