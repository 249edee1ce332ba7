import { dateOfTurn } from '../engine/compile';
import { riskOf } from '../engine/game';
import { rungOf } from '../engine/ladder';
import type { TalksOutlook } from '../engine/outlook';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { lastDayOfWeek, longDate, weekStory } from '../analysis/week-story';
import { percent } from './ui.constants';

export interface NarrativeProps {
  readonly scenario: Scenario;
  readonly state: GameState;
  /** The talks outlook of the state, once computed. */
  readonly outlook: TalksOutlook | undefined;
  /** Show the rung and the talks' numbers (a classroom may hide them from teams). */
  readonly numbers?: boolean;
  /** The actors whose move of the week was chosen automatically (their team was late), and their notes. */
  readonly played?: Readonly<Record<string, { readonly note?: string; readonly auto?: true }>>;
}

/** Moves focus and view to the week's result (its heading), from which one Tab reaches the next pick below it. */
export function focusWeekResult(): void {
  const heading = document.getElementById('narrative-heading');
  heading?.focus({ preventScroll: true });
  heading?.scrollIntoView({ block: 'start' });
}

/** The headline: the chance the talks are still alive `outlookWeeks` weeks from the state, and the week's collapse risk. */
function TalksStatus({ scenario, state, outlook }: { scenario: Scenario; state: GameState; outlook: TalksOutlook | undefined }) {
  const weeks = scenario.talks.outlookWeeks;
  const by = longDate(dateOfTurn(scenario, state.turn + weeks));
  const risk = state.report?.talks.risk.after ?? riskOf(scenario, state);
  const alive = scenario.talks.phases.find((p) => p.id === state.talks.phase)?.alive ?? false;
  return (
    <>
      <span className="headline" data-testid="talks-outlook">
        {outlook ? percent(outlook.alive) : '…'}
      </span>{' '}
      chance they are still alive in {weeks} weeks (by {by}){outlook ? '' : ', computing'}
      {outlook?.model && (
        <span className="model-range" data-testid="talks-outlook-model" title="Where 90% of the calibrated parameter sets put it: the uncertainty of the model's numbers, beside the chance of events">
          {' '}
          — model range {percent(outlook.model.lo)}–{percent(outlook.model.hi)}
        </span>
      )}
      {alive && ` · collapse risk this week ${(risk * 100).toFixed(1)}%`}
    </>
  );
}

/** The week's heading: a week is named by its last day, so week 1 never reads as the start. */
function weekHeading(scenario: Scenario, state: GameState): string {
  const report = state.report;
  return report ? `Week ${report.turn + 1}: the week to ${longDate(lastDayOfWeek(scenario, report.turn))}` : `The start: ${longDate(scenario.startDate)}`;
}

/** Where things stand at the week in view, and what happened in the week before it. */
export function Narrative({ scenario, state, outlook, numbers = true, played = {} }: NarrativeProps) {
  const rung = rungOf(scenario, state.escalation);
  const phase = scenario.talks.phases.find((p) => p.id === state.talks.phase)?.label ?? state.talks.phase;
  const report = state.report;
  const moveLabel = (id: string) => scenario.moves.find((m) => m.id === id)?.label ?? id;
  return (
    <section className="narrative" aria-labelledby="narrative-heading">
      <h2 id="narrative-heading" tabIndex={-1}>
        {weekHeading(scenario, state)}
      </h2>
      {numbers && (
      <dl className="status">
        <div>
          <dt>Ladder rung</dt>
          <dd>
            {rung.level}. {rung.name} <span className="muted">(escalation {state.escalation.toFixed(2)})</span>
            <span className="rung-description">{rung.description}</span>
          </dd>
        </div>
        <div>
          <dt>{scenario.talks.label}</dt>
          <dd>
            {phase} · <TalksStatus scenario={scenario} state={state} outlook={outlook} />
          </dd>
        </div>
      </dl>
      )}
      {report ? (
        <>
          <ul className="week-moves">
            {report.moves.map((m) => {
              const actor = scenario.actors.find((a) => a.id === m.actor)!;
              return (
                <li key={m.actor}>
                  <span className="swatch" style={{ background: actor.color }} aria-hidden="true" /> <strong>{actor.short}</strong>:{' '}
                  {moveLabel(m.move)}
                  {played[m.actor]?.auto && <span className="tag tag-auto"> chosen automatically: the team was late</span>}
                  {played[m.actor]?.note && <q className="move-note-text">{played[m.actor]!.note}</q>}
                </li>
              );
            })}
          </ul>
          <div className="story" aria-live="polite">
            {weekStory({ scenario, report, numbers }).map((line, i) => (
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
