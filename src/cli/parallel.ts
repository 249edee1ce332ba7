/**
 * Runs a forecast's runs across worker threads, one contiguous chunk per thread, and merges the
 * tallies. Because a tally holds only counts and run i always uses stream i, the merged result is
 * identical to a single-threaded run.
 */
import { Worker } from 'node:worker_threads';
import { forecastChunk, mergeTallies, type ForecastOptions, type ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';

export interface ChunkRequest {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly options: ForecastOptions;
  readonly first: number;
  readonly count: number;
}

export type WorkerMessage = { type: 'progress'; done: number } | { type: 'done'; tally: ForecastTally } | { type: 'error'; message: string };

/** Splits `runs` into at most `parts` contiguous chunks of near-equal size. */
export function chunks(runs: number, parts: number): { first: number; count: number }[] {
  const n = Math.max(1, Math.min(parts, runs));
  const size = Math.floor(runs / n);
  const extra = runs % n;
  let first = 0;
  return Array.from({ length: n }, (_, i) => {
    const count = size + (i < extra ? 1 : 0);
    const chunk = { first, count };
    first += count;
    return chunk;
  });
}

function runInWorker(request: ChunkRequest, onProgress: (done: number) => void): Promise<ForecastTally> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: request, execArgv: [] });
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress(m.done);
      else if (m.type === 'done') resolve(m.tally);
      else reject(new Error(m.message));
    });
    worker.on('error', reject);
    worker.on('exit', (code) => {
      if (code !== 0) reject(new Error(`forecast worker stopped with exit code ${code}`));
    });
  });
}

/** The whole forecast, on `threads` threads (1 = this thread). `onProgress` gets the runs done so far. */
export async function parallelForecast(
  scenario: Scenario,
  state: GameState,
  options: ForecastOptions,
  threads: number,
  onProgress: (done: number) => void = () => {},
): Promise<ForecastTally> {
  const parts = chunks(options.runs, threads);
  if (parts.length === 1) return forecastChunk(scenario, state, options, 0, options.runs, onProgress);
  const done = parts.map(() => 0);
  const report = (i: number) => (n: number) => {
    done[i] = n;
    onProgress(done.reduce((a, b) => a + b, 0));
  };
  const tallies = await Promise.all(parts.map((p, i) => runInWorker({ scenario, state, options, ...p }, report(i))));
  return tallies.reduce(mergeTallies);
}
