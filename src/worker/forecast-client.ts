/**
 * Runs a forecast off the main thread: the runs are cut into chunks, handed to a small pool of Web
 * Workers as they free up, and the chunk tallies merged in run order, which gives exactly the
 * single-pass result. Where there is no Worker, the same chunks run on the main thread, yielding
 * between chunks so the page stays responsive. Workers are kept for the next forecast; cancelling
 * stops handing out chunks and ends them.
 */
import * as Comlink from 'comlink';
import { mergeTallies, type ForecastEnsemble, type ForecastOptions, type ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { createForecastApi, ensembleKey, type ForecastApi, type WarmStep } from './forecast-api';
import { fromWire } from './wire';

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

/**
 * The warm-up forecast's futures, and its steps: a fresh worker runs its first chunks slowly until
 * the JIT has compiled the engine; with an ensemble, the warm-up draws from it, which compiles
 * every set (WARM_RUNS futures spread over the sets). Small steps, so that a forecast asked for
 * meanwhile waits little. Its first WARM_AGAIN steps are run once more at the end: compiling the
 * sets leaves the worker a garbage collection and the JIT more to do, which these absorb.
 */
const WARM_RUNS = 500;
const WARM_STEP = 25;
const WARM_AGAIN = 6;

/** Counts what is running; `idle()` settles when nothing is (at once if nothing is now). */
export interface Gate {
  /** Something starts; the function returned says it ended (once; later calls do nothing). */
  enter(): () => void;
  idle(): Promise<void>;
}

export function gate(): Gate {
  let open = 0;
  let waiting: (() => void)[] = [];
  return {
    enter() {
      open += 1;
      let left = false;
      return () => {
        if (left) return;
        left = true;
        open -= 1;
        if (open > 0) return;
        const ready = waiting;
        waiting = [];
        ready.forEach((resolve) => resolve());
      };
    },
    idle: () => (open === 0 ? Promise.resolve() : new Promise<void>((resolve) => waiting.push(resolve))),
  };
}

/**
 * The talks outlooks running now (outlook-client.ts): the warm-up waits between its steps while
 * one runs. On two cores, two warming workers beside the outlook's two and the page slowed the
 * week's headline and the End turn's own work; the headline comes first.
 */
export const outlooks = gate();

/** What the pool warms up on: the scenario the app forecasts, and the ensemble its forecasts draw from. */
let target: { readonly scenario: Scenario; readonly ensemble: ForecastEnsemble | null } | null = null;
let warmWanted = false;
/** Forecasts in flight: warming stops while one runs (its own chunks warm the workers). */
let running = 0;
/** What each worker has warmed up on (scenario key and ensemble id), and those warming now. */
const warmedOn = new WeakMap<Runner, string>();
const warming = new WeakSet<Runner>();

/**
 * Starts the workers ahead of the first forecast, so its clock does not include their start-up, and
 * warms them up: each runs small chunks of the scenario (its point values) and compiles the
 * ensemble's sets, so the first forecast runs at full speed. Without a scenario, they warm up on
 * the one the app's talks outlooks run (noteWork) as soon as one is known.
 */
export function warmUp(scenario?: Scenario, ensemble?: ForecastEnsemble | null): void {
  const n = defaultWorkers();
  if (n === 0) return;
  workers(n);
  warmWanted = true;
  if (scenario) target = { scenario, ensemble: ensemble ?? null };
  if (target) warmPool();
}

/** The scenario (and ensemble) the app is forecasting with, from the talks outlooks: what warmUp warms the workers on. */
export function noteWork(scenario: Scenario, ensemble: ForecastEnsemble | null): void {
  target = { scenario, ensemble };
  if (warmWanted) warmPool();
}

function warmPool(): void {
  for (const runner of pool) void warmRunner(runner);
}

/** The steps that warm a worker up on the scenario of `key` (and the ensemble, if any). */
export function warmSteps(key: string, ensemble: ForecastEnsemble | null): WarmStep[] {
  const ensembleId = ensemble ? ensembleKey(ensemble) : null;
  const steps = Array.from({ length: WARM_RUNS / WARM_STEP }, (_, i) => ({ scenarioKey: key, runs: WARM_RUNS, first: i * WARM_STEP, count: WARM_STEP, ensembleId }));
  return [...steps, ...steps.slice(0, WARM_AGAIN)];
}

/** What each worker was last sent: a scenario key and an ensemble key. It holds them until sent others, so the same need not be sent again. */
const sent = new WeakMap<Runner, { readonly scenario: string | null; readonly ensemble: string | null }>();

/**
 * Sends `runner` the scenario (under `key`) and the ensemble a forecast needs, unless they were the
 * last it was sent. Messages to a worker arrive in order, so what is posted before a chunk is there for it.
 */
function prepare(runner: Runner, key: string, scenario: Scenario, ensemble: ForecastEnsemble | null | undefined): Promise<unknown> {
  const last = sent.get(runner) ?? { scenario: null, ensemble: null };
  const calls: unknown[] = [];
  if (last.scenario !== key) calls.push(runner.api.setScenario(key, scenario));
  const e = ensemble ? ensembleKey(ensemble) : null;
  if (ensemble && last.ensemble !== e) calls.push(runner.api.setEnsemble(ensemble));
  sent.set(runner, { scenario: key, ensemble: e ?? last.ensemble });
  return Promise.all(calls);
}

async function warmRunner(runner: Runner): Promise<void> {
  const t = target!;
  const key = keyOf(t.scenario);
  const id = `${key} ${t.ensemble?.id ?? ''}`;
  if (warming.has(runner) || warmedOn.get(runner) === id || running > 0) return;
  warming.add(runner);
  const steps = warmSteps(key, t.ensemble);
  let done = 0;
  try {
    await prepare(runner, key, t.scenario, t.ensemble);
    for (const step of steps) {
      await outlooks.idle();
      if (running > 0 || !pool.includes(runner)) return;
      await runner.api.warm(step);
      done += 1;
    }
    warmedOn.set(runner, id);
  } catch {
    // Warming up is only a head start: a forecast does the same work if it could not.
  } finally {
    warming.delete(runner);
    mark('forecast-warm', { steps: steps.length, done });
  }
}

function endPool(): void {
  pool.splice(0).forEach((r) => r.dispose());
}

export function defaultWorkers(): number {
  if (typeof Worker === 'undefined') return 0;
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  return Math.max(1, Math.min(MAX_WORKERS, cores));
}

/**
 * Leaves a mark on the page's performance timeline for bench/browser.bench.ts: `forecast-compute`
 * when a forecast is done, whose detail is the milliseconds each worker spent computing chunks (what
 * the time from click to chart is set against); `forecast-warm` when a worker's warm-up ends, with
 * how many of its steps it ran (a forecast asked for meanwhile stops it).
 */
function mark(name: 'forecast-compute' | 'forecast-warm', detail: object): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  // Only the last forecast's: a sweep runs hundreds, and the timeline would keep them all.
  if (name === 'forecast-compute') performance.clearMarks?.(name);
  performance.mark(name, { detail });
}

/**
 * Chunk requests a worker keeps queued: when it finishes one, the next is already waiting in it, so
 * it never idles for the round trip to the page.
 */
const IN_FLIGHT = 2;

/**
 * Merges a forecast's `count` chunk tallies in run order as they come in, in any order: each is
 * merged as soon as every chunk before it is, so that when the last arrives little is left to do (one
 * long task at the end spread over the messages). A chunk that comes ahead of an earlier one waits.
 */
export function inRunOrder(count: number): { add(index: number, tally: ForecastTally): void; result(): ForecastTally } {
  const waiting: (ForecastTally | undefined)[] = new Array(count);
  let merged: ForecastTally | null = null;
  let upTo = 0;
  return {
    add(index, tally) {
      waiting[index] = tally;
      for (let t = waiting[upTo]; t !== undefined; t = waiting[upTo]) {
        merged = merged === null ? t : mergeTallies(merged, t);
        waiting[upTo++] = undefined;
      }
    },
    result() {
      if (merged === null || upTo !== count) throw new Error(`the forecast has merged ${upTo} of its ${count} chunks`);
      return merged;
    },
  };
}

/** Starts a forecast; the job's promise resolves to the merged tally or rejects with ForecastCancelled. */
export function runForecast(scenario: Scenario, state: GameState, options: ForecastOptions, run: RunOptions = {}): ForecastJob {
  const chunks: { first: number; count: number }[] = [];
  for (let first = 0; first < options.runs; first += CHUNK_RUNS) chunks.push({ first, count: Math.min(CHUNK_RUNS, options.runs - first) });
  const wanted = run.workers ?? defaultWorkers();
  const runners: Runner[] = wanted > 0 ? workers(Math.min(wanted, chunks.length)) : [mainThreadRunner()];
  let cancelled = false;
  let finished = false;
  const finish = () => {
    if (!finished) running -= 1;
    finished = true;
  };
  running += 1;
  let done = 0;
  const merge = inRunOrder(chunks.length);
  const computeMs = runners.map(() => 0);
  let next = 0;
  const key = keyOf(scenario);

  const { ensemble, ...rest } = options;
  const ensembleId = ensemble ? ensembleKey(ensemble) : null;
  /** Hands `runner` the next chunk, if any is left: its index and what the worker sends back. */
  const ask = (runner: Runner) => {
    if (cancelled || next >= chunks.length) return null;
    const index = next++;
    const c = chunks[index]!;
    const answer = Promise.resolve(runner.api.chunk({ scenarioKey: key, state, options: rest, ensembleId, first: c.first, count: c.count })).then((r) => ({ index, r }));
    // A chunk queued behind one that failed is never awaited: its failure must not go unhandled.
    answer.catch(() => {});
    return answer;
  };
  const drive = async (runner: Runner, slot: number) => {
    await prepare(runner, key, scenario, ensemble);
    // On the main thread, one chunk at a time with a yield between them; a worker gets IN_FLIGHT.
    const queue = Array.from({ length: wanted > 0 ? IN_FLIGHT : 1 }, () => ask(runner)).filter((p) => p !== null);
    while (queue.length > 0) {
      const { index, r } = await queue.shift()!;
      merge.add(index, fromWire(r.tally));
      computeMs[slot]! += r.ms;
      done += chunks[index]!.count;
      run.onProgress?.(done, options.runs);
      if (wanted === 0) await yieldToPage();
      const more = ask(runner);
      if (more) queue.push(more);
    }
  };

  let stop: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const work = Promise.all(runners.map(drive)).then(() => {
    mark('forecast-compute', { computeMs });
    return merge.result();
  });
  work.then(finish, finish);
  const promise = Promise.race([work, stopped]);
  // Whichever loses the race must not surface as an unhandled rejection.
  work.catch(() => {});
  stopped.catch(() => {});
  return {
    promise,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      finish();
      // Ending the workers abandons their chunks in flight, whose calls never settle: settle here.
      if (wanted > 0) endPool();
      stop(new ForecastCancelled());
    },
  };
}
