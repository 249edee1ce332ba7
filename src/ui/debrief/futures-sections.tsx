import { useMemo } from 'react';
import type { Debrief } from '../../analysis/debrief';
import { DebriefEscalationChart } from '../../charts/debrief-escalation-chart';
import { debriefRows, standingRows } from '../../charts/debrief-series';
import { DebriefStandingChart } from '../../charts/debrief-standing-chart';
import { DebriefTalksChart } from '../../charts/debrief-talks-chart';
import { standingSentence } from '../../charts/debrief-text';
import type { Scenario } from '../../scenario/schema';
import { ProgressBar } from '../progress-bar';
import type { Futures } from './use-futures';
import { grouped } from '../../scenario/numbers';

export interface FuturesSectionsProps {
  readonly scenario: Scenario;
  readonly debrief: Debrief;
  readonly futures: Futures;
  readonly onCancel: () => void;
  readonly onRetry: () => void;
}

/** What shows in place of the charts until the futures are done: progress, or how to run them again. */
function Waiting({ futures, onCancel, onRetry }: Pick<FuturesSectionsProps, 'futures' | 'onCancel' | 'onRetry'>) {
  if (futures.status === 'running') {
    return (
      <div className="debrief-waiting">
        <p>Running the AI futures from the same start, off the main thread…</p>
        <ProgressBar label="AI futures" done={futures.done} total={futures.total} onCancel={onCancel} />
      </div>
    );
  }
  if (futures.status === 'done') return null;
  return (
    <div className="debrief-waiting" role={futures.status === 'error' ? 'alert' : 'status'}>
      <p>{futures.status === 'error' ? `The AI futures failed: ${futures.message}` : 'The AI futures were cancelled.'}</p>
      <button type="button" onClick={onRetry}>
        Run the AI futures
      </button>
    </div>
  );
}

/** The escalation and talks sections: the class's line over the fan of AI futures from the same start. */
export function FuturesSections({ scenario, debrief: d, futures, onCancel, onRetry }: FuturesSectionsProps) {
  const rows = useMemo(() => debriefRows(d), [d]);
  const standing = useMemo(() => standingRows(d), [d]);
  const ready = futures.status === 'done' && d.futures !== null;
  const runs = (d.futures ? grouped(d.futures.runs) : '10,000');
  const lines = d.positions.filter((p) => p.week > 0).map(standingSentence).filter((s): s is string => s !== null);
  return (
    <>
      <section className="debrief-section" aria-labelledby="debrief-escalation">
        <h2 id="debrief-escalation">Escalation</h2>
        <p className="hint">
          The class’s path against {runs} futures from the same start, played by the AI with the game’s seed: each actor by its AI strategy in the game, each
          team’s actor by its default strategy.
        </p>
        <Waiting futures={futures} onCancel={onCancel} onRetry={onRetry} />
        {ready && (
          <>
            <p className="debrief-standing" data-testid="debrief-standing">
              {lines.length > 0 ? lines[lines.length - 1] : standingSentence(d.positions[0]!)}
            </p>
            <DebriefEscalationChart scenario={scenario} debrief={d} rows={rows} />
            {standing.length > 0 && <DebriefStandingChart debrief={d} rows={standing} />}
          </>
        )}
      </section>
      <section className="debrief-section" aria-labelledby="debrief-talks">
        <h2 id="debrief-talks">The talks</h2>
        {ready ? <DebriefTalksChart scenario={scenario} debrief={d} rows={rows} /> : <p className="hint">The talks chart follows once the futures are done.</p>}
      </section>
    </>
  );
}
