import { dateOfTurn } from '../engine/compile';
import { rungOf } from '../engine/ladder';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { percent } from './ui.constants';

export interface NarrativeProps {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly survival: number;
}

const longDate = (iso: string) =>
  new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** Where things stand at the week in view, and what happened in the week before it. */
export function Narrative({ scenario, state, survival }: NarrativeProps) {
  const rung = rungOf(scenario, state.escalation);
  const phase = scenario.talks.phases.find((p) => p.id === state.talks.phase)?.label ?? state.talks.phase;
  const report = state.report;
  const moveLabel = (id: string) => scenario.moves.find((m) => m.id === id)?.label ?? id;
  return (
    <section className="narrative" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading" tabIndex={-1}>
        {report ? `Week ${report.turn + 1}: ${longDate(report.date)}` : `The start: ${longDate(scenario.startDate)}`}
      </h2>
      <dl className="status">
        <div>
          <dt>Ladder rung</dt>
          <dd>
            {rung.level}. {rung.name} <span className="muted">(escalation {state.escalation.toFixed(2)})</span>
          </dd>
        </div>
        <div>
          <dt>{scenario.talks.label}</dt>
          <dd>
            {phase} · {percent(survival)} chance of surviving to {dateOfTurn(scenario, state.horizon)}
          </dd>
        </div>
      </dl>
      {report ? (
        <>
          <ul className="week-moves">
            {report.moves.map((m) => {
              const actor = scenario.actors.find((a) => a.id === m.actor)!;
              return (
                <li key={m.actor}>
                  <span className="swatch" style={{ background: actor.color }} aria-hidden="true" /> <strong>{actor.short}</strong>:{' '}
                  {moveLabel(m.move)}
                </li>
              );
            })}
          </ul>
          <div className="story" aria-live="polite">
            {report.narrative.map((line, i) => (
              <p key={i}>{line}</p>
            ))}
          </div>
        </>
      ) : (
        <p className="story">{scenario.summary}</p>
      )}
      {state.ended && (
        <p className="ended" role="status">
          {state.ended === 'open-war' ? 'The crisis has escalated into open war. The game is over.' : `The game is over: ${phase}.`}
        </p>
      )}
    </section>
  );
}
