/**
 * The debrief of a game: the class's path week by week, where it sits each week among AI futures
 * from the same start, the turning points, and how each team did against its own objectives.
 * Pure: the app, the CLI and the classroom server read the same debrief from a game log and a
 * forecast tally. The futures are an input, so the tables that do not need them come at once.
 */
import { compile, dateOfTurn } from '../engine/compile';
import type { ForecastOptions, ForecastTally } from '../engine/forecast';
import { isOver, replay } from '../engine/game';
import { rungOf } from '../engine/ladder';
import { initialState, type EndState, type GameState } from '../engine/state';
import { summarize, type WeekSummary } from '../engine/summary';
import type { GameLog } from '../scenario/log';
import type { Scenario, StrategyId } from '../scenario/schema';
import { objectiveRows, type ObjectiveRow } from './debrief-objectives';
import { pathRows, type PathRow } from './debrief-path';
import { positionAmong, turningPoints, type Position, type TurningPoint } from './debrief-points';
import { lastDayOfWeek } from './week-story';

export type { FuturesValue, ObjectiveRow, ObjectiveTerm, Unrecorded } from './debrief-objectives';
export type { PathMove, PathRow } from './debrief-path';
export { positionAmong, turningPoints, TURNING_POINTS, type Position, type TurningPoint } from './debrief-points';

/** AI futures a debrief compares the class with. */
export const DEBRIEF_RUNS = 10_000;

/** Who played an actor: a human team, or an AI strategy. */
export type Player = 'human' | StrategyId;

export interface DebriefInput {
  readonly scenario: Scenario;
  readonly game: GameLog;
  /** Who played each actor; an actor not named was played by its scenario default strategy. */
  readonly players: Readonly<Record<string, Player>>;
  /** The AI futures from the game's start (`futuresStart`, `futuresOptions`), or null while they run. */
  readonly futures: ForecastTally | null;
}

export interface Team {
  readonly actor: string;
  readonly name: string;
  readonly short: string;
  /** True for a human team, false for an actor the AI played. */
  readonly team: boolean;
  /** The AI strategy: the actor's own in the game, or the one that plays it in the futures. */
  readonly strategy: StrategyId;
}

/** Where the class stood at the end of a week (week 0: the start), and the futures that week. */
export interface WeekPosition {
  readonly week: number;
  readonly date: string;
  /** Escalation on the ladder's scale, and its rung. */
  readonly escalation: number;
  readonly rung: number;
  readonly phase: string;
  readonly alive: boolean;
  /** The futures that same week; null while they run. */
  readonly futures: (Position & { readonly summary: WeekSummary }) | null;
}

export interface Debrief {
  readonly scenarioId: string;
  readonly title: string;
  readonly seed: number;
  readonly horizon: number;
  /** Weeks played; the path has one row per week. */
  readonly weeks: number;
  /** The game's first day, and the last day of the last week played (YYYY-MM-DD; the first day before any is played). */
  readonly startDate: string;
  readonly endDate: string;
  /** The game is over (its horizon reached, open war or a deal), not only paused. */
  readonly over: boolean;
  readonly ended: EndState;
  readonly teams: readonly Team[];
  readonly path: readonly PathRow[];
  /** One per state, week 0 (the start) to the last played week. */
  readonly positions: readonly WeekPosition[];
  readonly turningPoints: readonly TurningPoint[];
  readonly objectives: readonly ObjectiveRow[];
  /** The AI futures: how they were run and their week-by-week summary (week 0 to the horizon). */
  readonly futures: { readonly runs: number; readonly seed: number; readonly strategies: Readonly<Record<string, StrategyId>>; readonly weeks: readonly WeekSummary[] } | null;
  /** Why the log stopped replaying early, if it did; the debrief covers the weeks before. */
  readonly replayError: string | null;
}

/** The strategy each actor plays in the futures: its AI strategy in the game, its scenario default for a human team. */
export function futuresStrategies(scenario: Scenario, players: Readonly<Record<string, Player>>): Record<string, StrategyId> {
  return Object.fromEntries(
    scenario.actors.map((a) => {
      const p = players[a.id];
      return [a.id, p && p !== 'human' ? p : a.defaultStrategy];
    }),
  );
}

/** The state the futures start from: the game's own start (the facilitator's events are the class's path, not the futures'). */
export function futuresStart(scenario: Scenario, game: GameLog): GameState {
  return initialState(scenario, game.seed, game.horizon);
}

/** How the futures are run: DEBRIEF_RUNS runs with the game's seed, to its horizon, each actor by its AI strategy. */
export function futuresOptions(scenario: Scenario, game: GameLog, players: Readonly<Record<string, Player>>): ForecastOptions {
  return { runs: DEBRIEF_RUNS, seed: game.seed, turns: game.horizon, strategies: futuresStrategies(scenario, players) };
}

function positions(scenario: Scenario, states: readonly GameState[], futures: ForecastTally | null, weeks: readonly WeekSummary[]): WeekPosition[] {
  const c = compile(scenario);
  return states.map((s, week) => {
    const summary = weeks[week];
    return {
      week,
      date: dateOfTurn(scenario, week),
      escalation: s.escalation,
      rung: rungOf(scenario, s.escalation).level,
      phase: s.talks.phase,
      alive: c.phaseAlive[c.phaseIds.indexOf(s.talks.phase)] === 1,
      futures: futures && summary && week <= futures.turns ? { ...positionAmong(futures, week, s.escalation), summary } : null,
    };
  });
}

/** The debrief of a game. Throws only if the tally is from another scenario or start (a programming error). */
export function debrief({ scenario, game, players, futures }: DebriefInput): Debrief {
  if (futures && (futures.scenarioId !== scenario.id || futures.startTurn !== 0)) {
    throw new Error(`debrief: the futures are of "${futures.scenarioId}" from week ${futures.startTurn}, not of "${scenario.id}" from its start`);
  }
  const { states, error } = replay(scenario, game);
  const last = states[states.length - 1]!;
  const summary = futures ? summarize(scenario, futures) : null;
  const weeks = summary?.weeks ?? [];
  const strategies = futuresStrategies(scenario, players);
  return {
    scenarioId: scenario.id,
    title: scenario.title,
    seed: game.seed,
    horizon: game.horizon,
    weeks: states.length - 1,
    startDate: scenario.startDate,
    // The last day played: the last day of the last week (the start date before any week is played).
    endDate: states.length > 1 ? lastDayOfWeek(scenario, states.length - 2) : scenario.startDate,
    over: isOver(last),
    ended: last.ended,
    teams: scenario.actors.map((a) => ({ actor: a.id, name: a.name, short: a.short, team: players[a.id] === 'human', strategy: strategies[a.id]! })),
    path: pathRows(scenario, game, states, players),
    positions: positions(scenario, states, futures, weeks),
    turningPoints: turningPoints(scenario, states),
    objectives: objectiveRows(scenario, states, players, futures, summary),
    futures: summary && futures ? { runs: futures.runs, seed: futures.seed, strategies: summary.strategies as Record<string, StrategyId>, weeks } : null,
    replayError: error ? `week ${error.turn + 1}: ${error.message}` : null,
  };
}
