/**
 * Runs a forecast's runs across worker threads, one contiguous chunk per thread, and merges the
 * tallies. Because a tally holds only counts and run i always uses stream i, the merged result is
 * identical to a single-threaded run.
 *
 * A pool of workers lives for one forecast, or for a whole batch (a tournament, a sweep): starting
 * a worker means loading the TypeScript loader again, which costs far more than a small forecast.
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

/** A chunk to tally, sent to a worker. */
export interface WorkerTask {
  readonly id: number;
  readonly request: ChunkRequest;
}

export type WorkerMessage = { id: number } & ({ type: 'progress'; done: number } | { type: 'done'; tally: ForecastTally } | { type: 'error'; message: string });

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

interface Pending {
  readonly task: WorkerTask;
  readonly onProgress: (done: number) => void;
  readonly resolve: (t: ForecastTally) => void;
  readonly reject: (e: Error) => void;
}

/** Worker threads that tally chunks, one at a time each, until closed. */
export class WorkerPool {
  readonly size: number;
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly queue: Pending[] = [];
  private readonly running = new Map<Worker, Pending>();
  private nextId = 0;

  constructor(size: number) {
    this.size = size;
    this.workers = Array.from({ length: size }, () => this.start());
    this.idle = [...this.workers];
  }

  private start(): Worker {
    const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { execArgv: [] });
    worker.on('message', (m: WorkerMessage) => {
      const p = this.running.get(worker);
      if (!p || p.task.id !== m.id) return;
      if (m.type === 'progress') return p.onProgress(m.done);
      this.running.delete(worker);
      this.idle.push(worker);
      if (m.type === 'done') p.resolve(m.tally);
      else p.reject(new Error(m.message));
      this.next();
    });
    const fail = (e: Error) => {
      this.running.get(worker)?.reject(e);
      this.running.delete(worker);
      this.queue.splice(0).forEach((p) => p.reject(e));
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`forecast worker stopped with exit code ${code}`)));
    return worker;
  }

  private next(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const p = this.queue.shift()!;
      this.running.set(worker, p);
      worker.postMessage(p.task);
    }
  }

  /** Tallies one chunk on the next free worker. */
  run(request: ChunkRequest, onProgress: (done: number) => void): Promise<ForecastTally> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { id: this.nextId++, request }, onProgress, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    this.workers.forEach((w) => w.removeAllListeners('exit'));
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Runs [first, first + count) of a forecast as one tally: on this thread when `threads` is 1 (or
 * there is only one run), else split across a pool (the one given, or one made for this call).
 * `onProgress` gets the runs done so far.
 */
export async function parallelChunk(
  scenario: Scenario,
  state: GameState,
  options: ForecastOptions,
  range: { readonly first: number; readonly count: number },
  threads: number | WorkerPool,
  onProgress: (done: number) => void = () => {},
): Promise<ForecastTally> {
  const size = typeof threads === 'number' ? threads : threads.size;
  const parts = chunks(range.count, size).map((p) => ({ first: range.first + p.first, count: p.count }));
  if (parts.length === 1) return forecastChunk(scenario, state, options, range.first, range.count, onProgress);
  const pool = typeof threads === 'number' ? new WorkerPool(parts.length) : threads;
  const done = parts.map(() => 0);
  const report = (i: number) => (n: number) => {
    done[i] = n;
    onProgress(done.reduce((a, b) => a + b, 0));
  };
  try {
    const tallies = await Promise.all(parts.map((p, i) => pool.run({ scenario, state, options, ...p }, report(i))));
    return tallies.reduce(mergeTallies);
  } finally {
    if (pool !== threads) await pool.close();
  }
}

/** The whole forecast, on `threads` threads (1 = this thread). `onProgress` gets the runs done so far. */
export function parallelForecast(
  scenario: Scenario,
  state: GameState,
  options: ForecastOptions,
  threads: number | WorkerPool,
  onProgress: (done: number) => void = () => {},
): Promise<ForecastTally> {
  return parallelChunk(scenario, state, options, { first: 0, count: options.runs }, threads, onProgress);
}
