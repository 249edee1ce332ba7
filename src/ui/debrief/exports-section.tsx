import { debriefJson, debriefProvenance, debriefTable } from '../../analysis/debrief-exports';
import type { Debrief } from '../../analysis/debrief';
import { csvText } from '../../analysis/exports';
import type { Scenario } from '../../scenario/schema';
import { downloadText } from '../exports';

export interface ExportsSectionProps {
  readonly scenario: Scenario;
  readonly debrief: Debrief;
  /** The whole game as played (the session), written into the JSON beside the debrief. */
  readonly game: unknown;
  readonly running: boolean;
}

/** Downloads for grading: the tidy CSV (a row per week and actor) and the whole game with its debrief as JSON. Left out of print. */
export function ExportsSection({ scenario, debrief: d, game, running }: ExportsSectionProps) {
  const name = `deterrence-lab-${scenario.id}-seed-${d.seed}-debrief`;
  const stamp = () => debriefProvenance(scenario, d, new Date().toISOString());
  return (
    <section className="debrief-section debrief-exports" aria-labelledby="debrief-exports">
      <h2 id="debrief-exports">Exports</h2>
      <p className="hint">
        For grading: a CSV with a row per week and actor (who played it, the move, the team’s note, whether it was chosen automatically, its outcomes, and where
        escalation and the talks stood after the week), and the whole game as JSON with this debrief.
        {running && ' The columns that compare with the AI futures fill in once they are done.'}
      </p>
      <div className="debrief-export-buttons">
        <button type="button" onClick={() => downloadText(`${name}.csv`, csvText(debriefTable(scenario, d, stamp())), 'text/csv')}>
          Download CSV
        </button>
        <button type="button" onClick={() => downloadText(`${name}.json`, debriefJson(d, stamp(), game), 'application/json')}>
          Download the game as JSON
        </button>
      </div>
    </section>
  );
}
