/**
 * Runs a Morris screening under Node: a forecast at every point of the design, one after another
 * on a pool of worker threads, all with the same seed (common random numbers), so an elementary
 * effect is the change the factor makes, not a change of luck.
 */
import { forecastTurns } from '../engine/forecast';
import { initialState } from '../engine/state';
import { summarize, type ForecastSummary } from '../engine/summary';
import { designPoints, MORRIS_LEVELS, morrisDesign, type Trajectory } from '../analysis/morris';
import { morrisFactors, morrisScreening, pointScenario, type MorrisFactor, type MorrisOutcome } from '../analysis/morris-screening';
import type { Scenario, StrategyId } from '../scenario/schema';
import { UsageError } from './args';
import { progressBar, type Io } from './io';
import { parallelForecast, WorkerPool } from './parallel';

export interface MorrisOptions {
  readonly trajectories: number;
  /** Futures per design point. */
  readonly runs: number;
  /** Seeds the design and every point's futures. */
  readonly seed: number;
  readonly threads: number;
  readonly strategies: Readonly<Record<string, StrategyId>>;
  /** Weeks ahead; the scenario's default length when absent. */
  readonly turns?: number;
}

export interface MorrisRun {
  readonly factors: readonly MorrisFactor[];
  readonly design: readonly Trajectory[];
  readonly levels: number;
  /** The forecast at every design point, in `designPoints` order. */
  readonly summaries: readonly ForecastSummary[];
  readonly outcomes: readonly MorrisOutcome[];
  readonly seconds: number;
}

/** The scenario's factors, or a usage error when it has no priors to screen. */
export function screenedFactors(scenario: Scenario): MorrisFactor[] {
  const factors = morrisFactors(scenario);
  if (factors.length === 0) throw new UsageError(`scenario "${scenario.id}" has no priors with uncertain parameters to screen (a "priors" section: see docs/model.md)`);
  return factors;
}

export async function runMorris(scenario: Scenario, o: MorrisOptions, io: Io): Promise<MorrisRun> {
  const started = performance.now();
  const factors = screenedFactors(scenario);
  const design = morrisDesign(factors.length, o.trajectories, o.seed);
  const points = designPoints(design);
  const build = (i: number) => {
    const r = pointScenario(scenario, factors, points[i]!);
    if (r.ok) return r.value;
    throw new UsageError(`design point ${i + 1} is refused by the scenario format: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  };
  const bar = progressBar(io, points.length * o.runs, 'morris');
  const threads = Math.min(o.threads, o.runs);
  const pool = threads > 1 ? new WorkerPool(threads) : null;
  const summaries: ForecastSummary[] = [];
  try {
    let next = build(0);
    for (let i = 0; i < points.length; i++) {
      const s = next;
      const state = initialState(s, o.seed, s.defaultTurns);
      const options = { runs: o.runs, seed: o.seed, turns: o.turns ?? forecastTurns(state, { runs: o.runs, seed: o.seed }), strategies: o.strategies };
      const pending = parallelForecast(s, state, options, pool ?? 1, (d) => bar.update(i * o.runs + d));
      // The next point's scenario is built while the workers run this one.
      if (i + 1 < points.length) next = build(i + 1);
      summaries.push(summarize(s, await pending));
    }
  } finally {
    await pool?.close();
  }
  bar.finish();
  const outcomes = morrisScreening(factors, design, summaries);
  return { factors, design, levels: MORRIS_LEVELS, summaries, outcomes, seconds: (performance.now() - started) / 1000 };
}
