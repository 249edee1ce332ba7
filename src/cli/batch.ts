/**
 * Many forecasts in a row (the cells of a tournament, the points of a sweep), all with the same seed
 * so they face the same random streams (common random numbers): differences between cells come from
 * the set-up, not from luck. Each is summarised to the few outcomes a cell shows (engine/outcomes.ts).
 */
import { forecastTurns } from '../engine/forecast';
import { initialState } from '../engine/state';
import type { Interval } from '../engine/stats';
import { summarize, type ForecastSummary } from '../engine/summary';
import type { Scenario, StrategyId } from '../scenario/schema';
import { progressBar, type Io } from './io';
import { parallelForecast, WorkerPool } from './parallel';

export interface BatchItem {
  readonly scenario: Scenario;
  readonly strategies: Readonly<Record<string, StrategyId>>;
}

export interface BatchOptions {
  readonly runs: number;
  readonly seed: number;
  /** Weeks ahead; the scenario's default length when absent. */
  readonly turns: number | undefined;
  readonly threads: number;
}

/** Runs every item's forecast from the scenario's start, one after another, with one progress bar. */
export async function runBatch(items: readonly BatchItem[], o: BatchOptions, io: Io, label: string): Promise<ForecastSummary[]> {
  const bar = progressBar(io, items.length * o.runs, label);
  const threads = Math.min(o.threads, o.runs);
  const pool = threads > 1 ? new WorkerPool(threads) : null;
  const out: ForecastSummary[] = [];
  try {
    for (const [i, item] of items.entries()) {
      const state = initialState(item.scenario, o.seed, item.scenario.defaultTurns);
      const options = { runs: o.runs, seed: o.seed, turns: o.turns ?? forecastTurns(state, { runs: o.runs, seed: o.seed }), strategies: item.strategies };
      const tally = await parallelForecast(item.scenario, state, options, pool ?? 1, (d) => bar.update(i * o.runs + d));
      out.push(summarize(item.scenario, tally));
    }
  } finally {
    await pool?.close();
  }
  bar.finish();
  return out;
}

/** The CSV tables of a tournament or sweep: one row per cell (the default), every outcome per cell, or every week per cell. */
export const batchTables = ['cells', 'outcomes', 'weeks'] as const;
export type BatchTableName = (typeof batchTables)[number];

/** Readable headers for `outcomeColumns` in text tables. */
export const outcomeHeaders = ['talks alive', 'lo95', 'hi95', 'mean escalation', 'open war', 'lo95', 'hi95'] as const;

/** `0.712 [0.683, 0.739]` for a matrix cell. */
export function showInterval(i: Interval): string {
  return `${i.estimate.toFixed(3)} [${i.lo.toFixed(3)}, ${i.hi.toFixed(3)}]`;
}
