import type { Debrief } from '../../analysis/debrief';
import { CONTROLLER_LABELS } from '../ui.constants';
import { longDate } from '../../analysis/week-story';
import { inWords } from './format';

export interface DebriefHeaderProps {
  readonly debrief: Debrief;
  /** The branch debriefed, named when the game has several. */
  readonly branch: string | null;
  readonly onBack: () => void;
}

function ending(d: Debrief): string {
  if (d.ended === 'open-war') return `The game ended in open war after week ${d.weeks}.`;
  if (d.ended === 'talks') return `The game ended with a deal after week ${d.weeks}.`;
  if (d.over) return `The game is over: all ${d.horizon} weeks were played.`;
  return `The game is still under way: this debrief covers the ${d.weeks} of ${d.horizon} weeks played so far.`;
}

/** The debrief's title block: scenario, dates, teams, and the buttons (which print leaves out). */
export function DebriefHeader({ debrief: d, branch, onBack }: DebriefHeaderProps) {
  const teams = d.teams.filter((t) => t.team).map((t) => t.name);
  const ai = d.teams.filter((t) => !t.team).map((t) => `${t.short} (${CONTROLLER_LABELS[t.strategy]})`);
  return (
    <header className="debrief-header">
      <div>
        <h1 id="debrief-title" tabIndex={-1}>
          Debrief: {d.title}
        </h1>
        <p className="debrief-dates">
          <time dateTime={d.startDate}>{longDate(d.startDate)}</time> to <time dateTime={d.endDate}>{longDate(d.endDate)}</time> · {d.weeks} of {d.horizon} weeks
          played · seed {d.seed}
          {branch ? ` · branch “${branch}”` : ''}
        </p>
        <p className="debrief-teams">
          <strong>Teams:</strong> {teams.length > 0 ? inWords(teams) : 'none (every actor was played by the AI)'}.{' '}
          {ai.length > 0 && (
            <>
              <strong>AI:</strong> {inWords(ai)}.
            </>
          )}
        </p>
        <p className="debrief-ending">{ending(d)}</p>
      </div>
      <div className="debrief-actions">
        <button type="button" onClick={onBack}>
          Back to the game
        </button>
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
      </div>
    </header>
  );
}
