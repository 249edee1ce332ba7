/**
 * Runs a forecast off the main thread: the runs are cut into chunks, handed to a small pool of Web
 * Workers as they free up, and the chunk tallies merged in run order, which gives exactly the
 * single-pass result. Where there is no Worker, the same chunks run on the main thread, yielding
 * between chunks so the page stays responsive. Workers are kept for the next forecast; cancelling
 * stops handing out chunks and ends them.
 */
import * as Comlink from 'comlink';
import { mergeTallies, type ForecastOptions, type ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { createForecastApi, type ForecastApi } from './forecast-api';

/** Runs per chunk: small enough that a main-thread chunk stays well under 50 ms. */
export const CHUNK_RUNS = 250;
/** At most this many workers, whatever the machine reports. */
const MAX_WORKERS = 8;

export class ForecastCancelled extends Error {
  override readonly name = 'ForecastCancelled';
  constructor() {
    super('The forecast was cancelled.');
  }
}

export interface ForecastJob {
  readonly promise: Promise<ForecastTally>;
  cancel(): void;
}

export interface RunOptions {
  readonly onProgress?: (done: number, total: number) => void;
  /** Number of workers; 0 runs on the main thread. Defaults to the machine's cores. */
  readonly workers?: number;
}

const keys = new WeakMap<Scenario, string>();
let nextKey = 0;
function keyOf(s: Scenario): string {
  let key = keys.get(s);
  if (!key) {
    key = `${s.id}#${nextKey++}`;
    keys.set(s, key);
  }
  return key;
}

interface Runner {
  readonly api: ForecastApi | Comlink.Remote<ForecastApi>;
  dispose(): void;
}

function workerRunner(): Runner {
  const worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: 'forecast' });
  const api = Comlink.wrap<ForecastApi>(worker);
  return { api, dispose: () => worker.terminate() };
}

function mainThreadRunner(): Runner {
  return { api: createForecastApi(), dispose: () => {} };
}

const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Workers are started once and reused by later forecasts; cancelling ends them. */
const pool: Runner[] = [];

function workers(count: number): Runner[] {
  while (pool.length < count) pool.push(workerRunner());
  return pool.slice(0, count);
}

/** Starts the workers ahead of the first forecast, so its clock does not include their start-up. */
export function warmUp(): void {
  const n = defaultWorkers();
  if (n > 0) workers(n);
}

function endPool(): void {
  pool.splice(0).forEach((r) => r.dispose());
}

export function defaultWorkers(): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

/** Starts a forecast; the job's promise resolves to the merged tally or rejects with ForecastCancelled. */
export function runForecast(scenario: Scenario, state: GameState, options: ForecastOptions, run: RunOptions = {}): ForecastJob {
  const chunks: { first: number; count: number }[] = [];
  for (let first = 0; first < options.runs; first += CHUNK_RUNS) chunks.push({ first, count: Math.min(CHUNK_RUNS, options.runs - first) });
  const wanted = run.workers ?? defaultWorkers();
  const runners: Runner[] = wanted > 0 ? workers(Math.min(wanted, chunks.length)) : [mainThreadRunner()];
  let cancelled = false;
  let done = 0;
  const results: ForecastTally[] = new Array(chunks.length);
  let next = 0;
  const key = keyOf(scenario);

  const drive = async (runner: Runner) => {
    await runner.api.setScenario(key, scenario);
    while (!cancelled && next < chunks.length) {
      const index = next++;
      const c = chunks[index]!;
      results[index] = await runner.api.chunk({ scenarioKey: key, state, options, first: c.first, count: c.count });
      done += c.count;
      run.onProgress?.(done, options.runs);
      if (wanted === 0) await yieldToPage();
    }
  };

  let stop: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const work = Promise.all(runners.map(drive)).then(() => results.reduce(mergeTallies));
  const promise = Promise.race([work, stopped]);
  // Whichever loses the race must not surface as an unhandled rejection.
  work.catch(() => {});
  stopped.catch(() => {});
  return {
    promise,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      // Ending the workers abandons their chunks in flight, whose calls never settle: settle here.
      if (wanted > 0) endPool();
      stop(new ForecastCancelled());
    },
  };
}
