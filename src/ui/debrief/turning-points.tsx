import type { Debrief, TurningPoint } from '../../analysis/debrief';
import type { Scenario } from '../../scenario/schema';
import { weekSpan } from '../../analysis/week-story';

/** "raised escalation by 0.73 rungs (6.86 to 7.01 over the week)", or the same for the talks' risk in points. */
function effect(scenario: Scenario, p: TurningPoint): string {
  const way = p.amount > 0 ? 'raised' : 'lowered';
  if (p.measure === 'escalation') {
    return `${way} escalation by ${Math.abs(p.amount).toFixed(2)} rungs (from ${p.before.toFixed(2)} to ${p.after.toFixed(2)} over the week)`;
  }
  const pts = (x: number) => `${(x * 100).toFixed(1)}%`;
  return `${way} the weekly risk that the ${scenario.talks.label} collapse by ${Math.abs(p.amount * 100).toFixed(1)} points (from ${pts(p.before)} to ${pts(p.after)} over the week)`;
}

/** The weeks whose largest single cause in "why" moved escalation or the talks' risk the most, with the class's moves that week. */
export function TurningPoints({ scenario, debrief: d }: { scenario: Scenario; debrief: Debrief }) {
  return (
    <section className="debrief-section" aria-labelledby="debrief-turning">
      <h2 id="debrief-turning">Turning points</h2>
      {d.turningPoints.length === 0 ? (
        <p>No week has been played yet.</p>
      ) : (
        <>
          <p className="hint">
            The {d.turningPoints.length === 1 ? 'week' : `${d.turningPoints.length} weeks`} in which one cause moved escalation or the talks’ risk the most (each
            measured against its full range: the ladder, or a probability from 0 to 100%), in the order they happened.
          </p>
          <ol className="turning-points">
            {d.turningPoints.map((p) => {
              const row = d.path[p.week - 1];
              const teamMoves = row?.moves.filter((m) => m.team) ?? [];
              return (
                <li key={p.week} className="turning-point">
                  <h3>
                    Week {p.week} <span className="muted">({weekSpan(scenario, p.week - 1)})</span>
                    {p.rank === 1 && <span className="tag tag-largest">largest</span>}
                  </h3>
                  <p>
                    <strong>{p.cause}</strong> {effect(scenario, p)}.
                  </p>
                  {teamMoves.length > 0 && (
                    <p className="muted">
                      The teams played:{' '}
                      {teamMoves.map((m, i) => (
                        <span key={m.actor}>
                          {i > 0 && '; '}
                          {scenario.actors.find((a) => a.id === m.actor)?.short}: {m.label}
                          {m.note && <> (“{m.note}”)</>}
                        </span>
                      ))}
                      .
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}
