import type { Debrief, ObjectiveRow, ObjectiveTerm } from '../../analysis/debrief';
import type { Scenario } from '../../scenario/schema';
import { CONTROLLER_LABELS, signed } from '../ui.constants';
import { inWords } from './format';

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** One weighed thing beside the futures: "Escalation 5.4 against the futures' median 7.1". */
function compared(t: ObjectiveTerm): string {
  const f = t.futures!;
  if (f.kind === 'median') return `${t.label}: ${f.game.toFixed(1)} against the futures’ median ${f.value.toFixed(1)}`;
  if (f.kind === 'share') return `${t.label}: ${f.game === 1 ? 'yes' : 'no'}, against ${pct(f.value)} of the futures`;
  return `${t.label}: ${signed(f.game, 1)} over the game, against ${signed(f.value, 1)} on average in the futures`;
}

function verdict(t: ObjectiveTerm, short: string): string {
  if (t.better === null) return 'the same';
  return t.better ? `better for ${short}` : `worse for ${short}`;
}

function Comparison({ row, week, running }: { row: ObjectiveRow; week: number; running: boolean }) {
  const terms = row.terms.filter((t) => t.futures);
  if (running) return <span className="muted">waiting for the futures…</span>;
  const better = terms.filter((t) => t.better === true).length;
  const unrecorded = row.terms.filter((t) => t.unrecorded === 'not-recorded').map((t) => t.label);
  const later = row.terms.filter((t) => t.unrecorded === 'not-over').map((t) => t.label);
  return (
    <>
      {terms.length > 0 ? (
        <>
          <p>
            At {week === 0 ? 'the start' : `week ${week}`}, better than the AI futures on {better} of the {terms.length} thing{terms.length === 1 ? '' : 's'} {row.short} weighs that
            they record:
          </p>
          <ul className="objective-terms">
            {terms.map((t) => (
              <li key={t.ref}>
                {compared(t)}: <strong>{verdict(t, row.short)}</strong>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>None of what {row.short} weighs is recorded by the AI futures, so its score is not set beside them.</p>
      )}
      {later.length > 0 && <p className="muted">Counted over the whole game, so compared once it is over: {inWords(later)}.</p>}
      {unrecorded.length > 0 && <p className="muted">Not recorded by the futures: {inWords(unrecorded)}.</p>}
    </>
  );
}

/** Each actor against its own objectives: its score at the start and at the end, and what the futures allow to compare. */
export function TeamsSection({ scenario, debrief: d, running }: { scenario: Scenario; debrief: Debrief; running: boolean }) {
  return (
    <section className="debrief-section" aria-labelledby="debrief-teams">
      <h2 id="debrief-teams">How each team did</h2>
      <p className="hint">
        An actor’s score is the weighted sum of what it values in the scenario (its objectives): higher is better for it. Scores of different actors are on
        different scales and are not compared with each other.
      </p>
      <table className="debrief-table teams-table">
        <thead>
          <tr>
            <th scope="col">Actor</th>
            <th scope="col">Score at the start</th>
            <th scope="col">At the end</th>
            <th scope="col">Change</th>
            <th scope="col">Beside the AI futures</th>
          </tr>
        </thead>
        <tbody>
          {d.objectives.map((row) => {
            const actor = scenario.actors.find((a) => a.id === row.actor)!;
            const team = d.teams.find((t) => t.actor === row.actor)!;
            return (
              <tr key={row.actor}>
                <th scope="row">
                  <span className="swatch" style={{ background: actor.color }} aria-hidden="true" /> {row.name}
                  <br />
                  <span className="muted">{row.team ? 'played by a team' : `AI: ${CONTROLLER_LABELS[team.strategy]}`}</span>
                </th>
                <td className="num">{row.start.toFixed(2)}</td>
                <td className="num">{row.end.toFixed(2)}</td>
                <td className="num">{signed(row.end - row.start)}</td>
                <td>
                  <Comparison row={row} week={d.weeks} running={running} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
