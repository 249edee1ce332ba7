/**
 * Monte Carlo: many seeded futures from one state, summarised as they run.
 *
 * Run i starts from the i-th independent stream of the forecast's seed (streams a `jump()` apart),
 * so runs can be split into chunks on any number of threads or machines and their tallies merged
 * into exactly the result of one pass: a tally holds only integer counts.
 */
import { scenarioDigest } from '../scenario/files/digest';
import { withCheckedParameters } from '../scenario/parameters';
import type { Scenario, StrategyId } from '../scenario/schema';
import { compile, type Compiled } from './compile';
import { rngFromState, streamStates } from './rng';
import { toWork, type GameState } from './state';
import { stateChoices, type StateChoices } from './policies';
import { playWork } from './turn';
import { cloneWork, EndReason, resetWork, type Work } from './work';

/** Escalation is tallied in bins of this many rungs. */
export const ESCALATION_BIN = 0.05;

/** Counter gains are tallied in millionths. */
export const COUNTER_SCALE = 1_000_000;

/** Runs between progress reports. */
const PROGRESS_EVERY = 250;

/**
 * Parameter sets a forecast draws its futures' numbers from (a calibrated ensemble): future i of N
 * uses set floor(i n / N), so every set gets the same share of futures (to within one) and any
 * chunk is still exact.
 */
export interface ForecastEnsemble {
  /** Names the ensemble (its file's digest): tallies of different ensembles never merge. */
  readonly id: string;
  readonly parameters: readonly string[];
  readonly sets: readonly (readonly number[])[];
}

export interface ForecastOptions {
  /** Number of futures, >= 1. */
  readonly runs: number;
  /** Weeks to simulate ahead of the state; defaults to the weeks left before the state's horizon. */
  readonly turns?: number;
  readonly seed: number;
  /** Strategy per actor id; actors not named use their scenario default. */
  readonly strategies?: Readonly<Record<string, StrategyId>>;
  /** Draw each future's parameters from these sets; without, every future has the scenario's own values. */
  readonly ensemble?: ForecastEnsemble;
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
  /** The ensemble's id, or null for the scenario's own values. */
  readonly ensemble: string | null;
  /**
   * Per parameter set (empty without an ensemble): futures run, futures with the talks alive each
   * week (setAlive[set * (turns + 1) + k]), futures ended in open war, and the sum of their final
   * escalation bins: what the model interval (the spread across sets) is read from.
   */
  readonly setRuns: number[];
  readonly setAlive: number[];
  readonly setOpenWar: number[];
  readonly setEscalation: number[];
  /** The sum of the squares of those bins: each set's own spread, so that its noise can be taken out. */
  readonly setEscalationSq: number[];
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
    ensemble: o.ensemble?.id ?? null,
    ...perSet(o.ensemble?.sets.length ?? 0, turns),
  };
}

function perSet(n: number, turns: number) {
  const zeros = (k = 1) => new Array<number>(n * k).fill(0);
  return { setRuns: zeros(), setAlive: zeros(turns + 1), setOpenWar: zeros(), setEscalation: zeros(), setEscalationSq: zeros() };
}

/**
 * The compiled scenario of each set of an ensemble, compiled when a future first needs it and kept
 * per scenario version and ensemble (per worker: a scenario sent to a worker arrives as a new
 * object each time, so the key is its digest, not its identity). The last few are kept. Futures
 * take their sets in blocks, so a chunk of a forecast compiles only the few sets it uses.
 */
const variants = new Map<string, (Compiled | undefined)[]>();
const VARIANTS_KEPT = 4;

export function compiledSet(scenario: Scenario, e: ForecastEnsemble, set: number): Compiled {
  const key = `${scenarioDigest(scenario)} ${e.id} ${e.parameters.length}`;
  let list = variants.get(key);
  if (!list) {
    if (variants.size >= VARIANTS_KEPT) variants.delete(variants.keys().next().value!);
    variants.set(key, (list = new Array<Compiled | undefined>(e.sets.length)));
  }
  // The sets were parsed against this scenario when the ensemble was made (its digest is checked on loading).
  return (list[set] ??= compile(withCheckedParameters(scenario, Object.fromEntries(e.parameters.map((p, j) => [p, e.sets[set]![j]!])))));
}

/** Every set compiled (what a worker warming up does). */
export function compiledSets(scenario: Scenario, e: ForecastEnsemble): Compiled[] {
  return e.sets.map((_, i) => compiledSet(scenario, e, i));
}

function record(c: Compiled, w: Work, k: number, t: ForecastTally, set: number): void {
  const bin = Math.min(t.bins - 1, Math.round(w.escalation / ESCALATION_BIN));
  t.escalation[k * t.bins + bin]! += 1;
  t.phases[k * c.phaseIds.length + w.phase]! += 1;
  if (set >= 0 && c.phaseAlive[w.phase]) t.setAlive[set * (t.turns + 1) + k]! += 1;
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
  const ensemble = o.ensemble ?? null;
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
  let cr = c;
  let crSet = -1;
  // Every future's first week is chosen from the start state: its weights are computed once per parameter set.
  let firstWeek: StateChoices | undefined;
  for (let r = 0; r < count; r++) {
    // Future i uses set floor(i * n / runs): each set a block of consecutive futures (its numbers stay in cache).
    const set = ensemble ? Math.floor(((first + r) * ensemble.sets.length) / o.runs) : -1;
    if (set !== crSet) {
      cr = compiledSet(scenario, ensemble!, set);
      crSet = set;
      firstWeek = undefined;
    }
    resetWork(w, base);
    w.rng = rngFromState(starts[r]!);
    record(c, w, 0, tally, set);
    for (let k = 1; k <= turns; k++) {
      if (w.ended === EndReason.none) {
        if (k === 1) firstWeek ??= stateChoices(cr, base, tally.strategies);
        playWork(cr, w, tally.strategies, moves, scores, scratch, undefined, k === 1 ? firstWeek : undefined);
        resolved += 1;
      }
      record(c, w, k, tally, set);
    }
    tally.finalRung[Math.min(c.topRung, Math.floor(w.escalation))]! += 1;
    if (w.ended === EndReason.openWar) (tally as { openWar: number }).openWar += 1;
    if (w.ended === EndReason.talks) (tally as { endedByTalks: number }).endedByTalks += 1;
    if (set >= 0) {
      tally.setRuns[set]! += 1;
      if (w.ended === EndReason.openWar) tally.setOpenWar[set]! += 1;
      const bin = Math.min(tally.bins - 1, Math.round(w.escalation / ESCALATION_BIN));
      tally.setEscalation[set]! += bin;
      tally.setEscalationSq[set]! += bin * bin;
    }
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
    a.strategies.join() === b.strategies.join() &&
    a.ensemble === b.ensemble &&
    a.setRuns.length === b.setRuns.length;
  if (!same) throw new Error('cannot merge tallies of different forecasts (scenario, seed, start, weeks, strategies or ensemble differ)');
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
    setRuns: sumInto(lo.setRuns, hi.setRuns),
    setAlive: sumInto(lo.setAlive, hi.setAlive),
    setOpenWar: sumInto(lo.setOpenWar, hi.setOpenWar),
    setEscalation: sumInto(lo.setEscalation, hi.setEscalation),
    setEscalationSq: sumInto(lo.setEscalationSq, hi.setEscalationSq),
  };
}
