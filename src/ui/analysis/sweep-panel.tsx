import type { Scenario } from '../../scenario/schema';
import type { StartPoint } from './analysis-view';

/** Sweeps of one or two scenario parameters (filled in once scenario parameters are addressable). */
export function SweepPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  return (
    <section aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Sweep a parameter</h2>
      <p className="hint">
        From {start.label} of {scenario.title}.
      </p>
    </section>
  );
}
