import type { Debrief, PathMove, PathRow } from '../../analysis/debrief';
import { rungOf } from '../../engine/ladder';
import type { Scenario } from '../../scenario/schema';
import { weekSpan } from '../../analysis/week-story';

function Move({ scenario, m }: { scenario: Scenario; m: PathMove }) {
  const actor = scenario.actors.find((a) => a.id === m.actor)!;
  return (
    <li>
      <span className="swatch" style={{ background: actor.color }} aria-hidden="true" /> <strong>{actor.short}</strong>{' '}
      <span className={`tag ${m.team ? 'tag-team' : 'tag-ai'}`}>{m.team ? 'team' : 'AI'}</span>
      {m.auto && <span className="tag tag-auto">automatic</span>}: {m.label}
      {m.outcomes.length > 0 && <span className="muted"> ({m.outcomes.join('; ')})</span>}
      {m.note && <q className="path-note">{m.note}</q>}
    </li>
  );
}

function Row({ scenario, row }: { scenario: Scenario; row: PathRow }) {
  const phase = scenario.talks.phases.find((p) => p.id === row.phase)?.label ?? row.phase;
  return (
    <tr>
      <th scope="row">
        Week {row.week}
        <br />
        <time className="muted" dateTime={row.date}>
          {weekSpan(scenario, row.week - 1)}
        </time>
      </th>
      <td>
        <ul className="path-moves">
          {row.moves.map((m) => (
            <Move key={m.actor} scenario={scenario} m={m} />
          ))}
        </ul>
      </td>
      <td className="path-story">
        {row.injects.map((e) => (
          <p key={e.id} className="path-inject">
            Fired event: {e.label}
          </p>
        ))}
        {row.narrative.map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </td>
      <td className="path-after">
        <span className="path-rung">
          {row.escalation.toFixed(1)} <span className="muted">rung {rungOf(scenario, row.escalation).level}</span>
        </span>
        <br />
        {scenario.talks.label}: {phase}
      </td>
    </tr>
  );
}

/** The class's path: a row per week with every actor's move, the teams' notes, the story, and where things stood. */
export function PathSection({ scenario, debrief: d }: { scenario: Scenario; debrief: Debrief }) {
  const notes = d.path.reduce((n, r) => n + r.moves.filter((m) => m.note).length, 0);
  const autos = d.path.reduce((n, r) => n + r.moves.filter((m) => m.auto).length, 0);
  return (
    <section className="debrief-section" aria-labelledby="debrief-path">
      <h2 id="debrief-path">The path</h2>
      {d.path.length === 0 ? (
        <p>No week has been played yet.</p>
      ) : (
        <>
          <p className="hint">
            {d.path.length} week{d.path.length === 1 ? '' : 's'}, {notes} team note{notes === 1 ? '' : 's'}
            {autos > 0 ? `, ${autos} move${autos === 1 ? '' : 's'} chosen automatically for a late team` : ''}. “Team” moves were chosen by the class; “AI” moves by the actor’s strategy.
          </p>
          <table className="debrief-table path-table">
            <caption className="visually-hidden">The class’s path, week by week</caption>
            <colgroup>
              <col className="path-week" />
              <col className="path-moves" />
              <col className="path-story" />
              <col className="path-state" />
            </colgroup>
            <thead>
              <tr>
                <th scope="col">Week</th>
                <th scope="col">Moves</th>
                <th scope="col">What happened</th>
                <th scope="col">After the week</th>
              </tr>
            </thead>
            <tbody>
              {d.path.map((row) => (
                <Row key={row.week} scenario={scenario} row={row} />
              ))}
            </tbody>
          </table>
        </>
      )}
      {d.replayError && (
        <p role="alert" className="message error">
          The game’s log stops replaying at {d.replayError}; the debrief covers the weeks before.
        </p>
      )}
    </section>
  );
}
