/**
 * Monte Carlo: many seeded futures from one state, summarised as they run.
 *
 * Run i starts from the i-th independent stream of the forecast's seed (streams a `jump()` apart),
 * so runs can be split into chunks on any number of threads or machines and their tallies merged
 * into exactly the result of one pass: a tally holds only integer counts.
 */
import type { Scenario, StrategyId } from '../scenario/schema';
import { compile, type Compiled } from './compile';
import { rngFromState, streamStates } from './rng';
import { toWork, type GameState } from './state';
import { playWork } from './turn';
import { cloneWork, EndReason, resetWork, type Work } from './work';

/** Escalation is tallied in bins of this many rungs. */
export const ESCALATION_BIN = 0.05;

/** Counter gains are tallied in millionths. */
export const COUNTER_SCALE = 1_000_000;

/** Runs between progress reports. */
const PROGRESS_EVERY = 250;

export interface ForecastOptions {
  /** Number of futures, >= 1. */
  readonly runs: number;
  /** Weeks to simulate ahead of the state; defaults to the weeks left before the state's horizon. */
  readonly turns?: number;
  readonly seed: number;
  /** Strategy per actor id; actors not named use their scenario default. */
  readonly strategies?: Readonly<Record<string, StrategyId>>;
}

/** A mergeable record of futures: integer counts only. */
export interface ForecastTally {
  readonly scenarioId: string;
  readonly seed: number;
  readonly startTurn: number;
  readonly turns: number;
  readonly strategies: readonly StrategyId[];
  /** Indices of the runs tallied: [firstRun, firstRun + runs). */
  readonly firstRun: number;
  readonly runs: number;
  readonly bins: number;
  /** escalation[k * bins + b]: runs whose escalation k weeks ahead rounds to bin b. */
  readonly escalation: number[];
  /** phases[k * phaseCount + p]: runs in talks phase p, k weeks ahead. */
  readonly phases: number[];
  /** Runs whose final escalation sits on each rung. */
  readonly finalRung: number[];
  readonly openWar: number;
  readonly endedByTalks: number;
  /** Weeks actually resolved over all runs (futures that ended early stop resolving). */
  readonly resolvedTurns: number;
  /**
   * Per counter variable: the sum over runs of its gain in millionths (whole numbers, so merging
   * in any order is exact), and how many runs saw any gain.
   */
  readonly counterSums: number[];
  readonly counterAny: number[];
}

function strategyList(c: Compiled, strategies: ForecastOptions['strategies']): StrategyId[] {
  return c.scenario.actors.map((a) => strategies?.[a.id] ?? a.defaultStrategy);
}

function emptyTally(c: Compiled, state: GameState, o: ForecastOptions, turns: number, firstRun: number, runs: number): ForecastTally {
  const bins = Math.round(c.topRung / ESCALATION_BIN) + 1;
  const counters = c.scenario.variables.filter((v) => v.counter).length;
  return {
    scenarioId: c.scenario.id,
    seed: o.seed,
    startTurn: state.turn,
    turns,
    strategies: strategyList(c, o.strategies),
    firstRun,
    runs,
    bins,
    escalation: new Array<number>((turns + 1) * bins).fill(0),
    phases: new Array<number>((turns + 1) * c.phaseIds.length).fill(0),
    finalRung: new Array<number>(c.topRung + 1).fill(0),
    openWar: 0,
    endedByTalks: 0,
    resolvedTurns: 0,
    counterSums: new Array<number>(counters).fill(0),
    counterAny: new Array<number>(counters).fill(0),
  };
}

function record(c: Compiled, w: Work, k: number, t: ForecastTally): void {
  const bin = Math.min(t.bins - 1, Math.round(w.escalation / ESCALATION_BIN));
  t.escalation[k * t.bins + bin]! += 1;
  t.phases[k * c.phaseIds.length + w.phase]! += 1;
}

/** The weeks a forecast from `state` simulates. */
export function forecastTurns(state: GameState, o: ForecastOptions): number {
  return Math.max(0, Math.floor(o.turns ?? state.horizon - state.turn));
}

/**
 * Simulates runs [first, first + count) of a forecast and tallies them. Pure: the same arguments
 * give the same tally. Runs that end (open war, a deal) hold their final state for the rest.
 */
export function forecastChunk(
  scenario: Scenario,
  state: GameState,
  o: ForecastOptions,
  first: number,
  count: number,
  onProgress?: (done: number) => void,
): ForecastTally {
  const c = compile(scenario);
  const turns = forecastTurns(state, o);
  const tally = emptyTally(c, state, o, turns, first, count);
  const base = toWork(c, state);
  const counterIdx = c.scenario.variables.flatMap((v, i) => (v.counter ? [i] : []));
  const moves = new Int32Array(c.actors);
  const scores = new Float64Array(c.moves.length);
  const scratch = new Float64Array(c.transitions.length);
  const starts = streamStates(o.seed, first, count);
  let resolved = 0;
  const w = cloneWork(base);
  for (let r = 0; r < count; r++) {
    resetWork(w, base);
    w.rng = rngFromState(starts[r]!);
    record(c, w, 0, tally);
    for (let k = 1; k <= turns; k++) {
      if (w.ended === EndReason.none) {
        playWork(c, w, tally.strategies, moves, scores, scratch);
        resolved += 1;
      }
      record(c, w, k, tally);
    }
    tally.finalRung[Math.min(c.topRung, Math.floor(w.escalation))]! += 1;
    if (w.ended === EndReason.openWar) (tally as { openWar: number }).openWar += 1;
    if (w.ended === EndReason.talks) (tally as { endedByTalks: number }).endedByTalks += 1;
    counterIdx.forEach((v, i) => {
      const gain = w.vars[v]! - base.vars[v]!;
      tally.counterSums[i]! += Math.round(gain * COUNTER_SCALE);
      if (gain > 0) tally.counterAny[i]! += 1;
    });
    if (onProgress && ((r + 1) % PROGRESS_EVERY === 0 || r + 1 === count)) onProgress(r + 1);
  }
  return { ...tally, resolvedTurns: resolved };
}

/** Runs a whole forecast on this thread. */
export function forecast(scenario: Scenario, state: GameState, o: ForecastOptions): ForecastTally {
  return forecastChunk(scenario, state, o, 0, o.runs);
}

function sumInto(a: readonly number[], b: readonly number[]): number[] {
  return a.map((x, i) => x + b[i]!);
}

/**
 * Merges the tallies of adjacent chunks of one forecast. Throws if they belong to different
 * forecasts or leave a gap: mixing them would give a silently wrong answer.
 */
export function mergeTallies(a: ForecastTally, b: ForecastTally): ForecastTally {
  const [lo, hi] = a.firstRun <= b.firstRun ? [a, b] : [b, a];
  const same =
    a.scenarioId === b.scenarioId &&
    a.seed === b.seed &&
    a.startTurn === b.startTurn &&
    a.turns === b.turns &&
    a.bins === b.bins &&
    a.strategies.join() === b.strategies.join();
  if (!same) throw new Error('cannot merge tallies of different forecasts (scenario, seed, start, weeks or strategies differ)');
  if (lo.firstRun + lo.runs !== hi.firstRun) {
    throw new Error(`cannot merge runs [${lo.firstRun}, ${lo.firstRun + lo.runs}) with runs starting at ${hi.firstRun}: not adjacent`);
  }
  return {
    ...lo,
    runs: lo.runs + hi.runs,
    escalation: sumInto(lo.escalation, hi.escalation),
    phases: sumInto(lo.phases, hi.phases),
    finalRung: sumInto(lo.finalRung, hi.finalRung),
    openWar: lo.openWar + hi.openWar,
    endedByTalks: lo.endedByTalks + hi.endedByTalks,
    resolvedTurns: lo.resolvedTurns + hi.resolvedTurns,
    counterSums: sumInto(lo.counterSums, hi.counterSums),
    counterAny: sumInto(lo.counterAny, hi.counterAny),
  };
}
