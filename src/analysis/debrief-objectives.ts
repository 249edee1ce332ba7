/**
 * How each actor did against its own objectives: the scenario weighs refs for each actor (its
 * `objectives`), and the engine values a state by that weighted sum (compile.ts `objectives`,
 * work.ts `linearPredictor` and `readRef`). The score is read at the start and at the end of the
 * game, and each weighed thing the futures' tally records is set beside the futures that week.
 */
import { compile } from '../engine/compile';
import { COUNTER_SCALE, type ForecastTally } from '../engine/forecast';
import { isOver } from '../engine/game';
import { toWork, type GameState } from '../engine/state';
import type { ForecastSummary } from '../engine/summary';
import { linearPredictor, readRef } from '../engine/work';
import { RefKind } from '../scenario/refs';
import type { Scenario } from '../scenario/schema';
import type { Player } from './debrief';

export type Unrecorded = 'not-recorded' | 'not-over';

/** What the futures say about one weighed thing, the same week. */
export interface FuturesValue {
  /** `median` of escalation, `share` of futures in a talks phase (or alive), `mean-gain` of a counter over the whole game. */
  readonly kind: 'median' | 'share' | 'mean-gain';
  readonly value: number;
  /** The class's value as compared: its end value, or for a counter its gain over the game. */
  readonly game: number;
}

export interface ObjectiveTerm {
  readonly ref: string;
  readonly label: string;
  /** The actor's weight on it: positive means more is better for the actor. */
  readonly weight: number;
  /** Its value at the start and at the end of the game. */
  readonly start: number;
  readonly end: number;
  /** The futures the same week, where the tally records it; null while they run or when it does not. */
  readonly futures: FuturesValue | null;
  /** Whether the class did better for the actor than the futures: weight × (game − futures) > 0; null if not compared or equal. */
  readonly better: boolean | null;
  /**
   * Why the term is not compared: `not-recorded` when the futures' tally does not keep it (a
   * variable that is not a counter), `not-over` for a counter while the game goes on (the tally
   * counts it over each future's whole run).
   */
  readonly unrecorded: Unrecorded | null;
}

export interface ObjectiveRow {
  readonly actor: string;
  readonly name: string;
  readonly short: string;
  readonly team: boolean;
  /** The actor's objective score (the weighted sum) at the start and at the end of the game. */
  readonly start: number;
  readonly end: number;
  readonly terms: readonly ObjectiveTerm[];
}

function refLabel(scenario: Scenario, ref: string): string {
  if (ref === 'escalation') return 'Escalation';
  if (ref === 'talks:alive') return `${scenario.talks.label} alive`;
  if (ref.startsWith('talks:')) return `${scenario.talks.label} ${scenario.talks.phases.find((p) => `talks:${p.id}` === ref)?.label ?? ref}`;
  return scenario.variables.find((v) => v.id === ref)?.label ?? ref;
}

interface Futures {
  readonly tally: ForecastTally;
  readonly summary: ForecastSummary;
  /** The week compared: the last played, within the futures' weeks. */
  readonly week: number;
  /** The class's game is over, so a counter's gain over the whole game can be set beside the futures'. */
  readonly over: boolean;
  readonly horizon: number;
}

/** The futures' value of one weighed ref, or why the tally cannot give it. */
function futuresValue(scenario: Scenario, kind: number, arg: number, start: number, end: number, f: Futures): FuturesValue | Unrecorded {
  const week = f.summary.weeks[f.week]!;
  if (kind === RefKind.escalation) return { kind: 'median', value: week.escalation.p50, game: end };
  if (kind === RefKind.talksAlive) return { kind: 'share', value: week.alive.estimate, game: end };
  if (kind === RefKind.talksPhase) return { kind: 'share', value: week.phases[scenario.talks.phases[arg]!.id] ?? 0, game: end };
  const counter = kind === RefKind.variable ? scenario.variables.filter((v) => v.counter).indexOf(scenario.variables[arg]!) : -1;
  if (counter < 0) return 'not-recorded';
  // The tally sums each counter's gain over a future's whole run, so only a finished game compares.
  if (!f.over || f.tally.startTurn + f.tally.turns < f.horizon) return 'not-over';
  return { kind: 'mean-gain', value: f.tally.counterSums[counter]! / COUNTER_SCALE / f.tally.runs, game: end - start };
}

/** One row per actor: its score at the start and the end, and each weighed thing beside the futures. */
export function objectiveRows(
  scenario: Scenario,
  states: readonly GameState[],
  players: Readonly<Record<string, Player>>,
  tally: ForecastTally | null,
  summary: ForecastSummary | null,
): ObjectiveRow[] {
  const c = compile(scenario);
  const first = toWork(c, states[0]!);
  const lastState = states[states.length - 1]!;
  const last = toWork(c, lastState);
  const futures: Futures | null = tally && summary ? { tally, summary, week: Math.min(states.length - 1, tally.turns), over: isOver(lastState), horizon: lastState.horizon } : null;
  return scenario.actors.map((a, i) => {
    const term = c.objectives[i]!;
    const terms = Object.entries(a.objectives).map(([ref, weight], k): ObjectiveTerm => {
      const start = readRef(c, first, term.kinds[k]!, term.args[k]!);
      const end = readRef(c, last, term.kinds[k]!, term.args[k]!);
      const value = futures ? futuresValue(scenario, term.kinds[k]!, term.args[k]!, start, end, futures) : null;
      const compared = value !== null && typeof value !== 'string' ? value : null;
      const gap = compared ? weight * (compared.game - compared.value) : 0;
      return { ref, label: refLabel(scenario, ref), weight, start, end, futures: compared, better: gap === 0 ? null : gap > 0, unrecorded: typeof value === 'string' ? value : null };
    });
    return { actor: a.id, name: a.name, short: a.short, team: players[a.id] === 'human', start: linearPredictor(c, first, term), end: linearPredictor(c, last, term), terms };
  });
}
