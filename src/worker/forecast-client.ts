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
import { createForecastApi, type ForecastApi, type WarmStep } from './forecast-api';

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

/** Runs per warm-up chunk, and how many: a fresh worker runs its first chunks slowly, until the JIT has compiled the engine. */
const WARM_RUNS = 100;
const WARM_CHUNKS = 2;
/** An ensemble's sets compiled per warm-up step: small steps, so that a forecast asked for meanwhile waits little. */
const WARM_SETS = 10;

/** What the pool warms up on: the scenario the app forecasts, and the ensemble its forecasts draw from. */
let target: { readonly scenario: Scenario; readonly ensemble: ForecastEnsemble | null } | null = null;
let warmWanted = false;
/** Forecasts in flight: warming stops while one runs (its own chunks warm the workers). */
let running = 0;
/** Workers whose JIT is warm (a warm-up or a forecast ran chunks on them), what each has warmed up on (scenario key and ensemble id), and those warming now. */
const jitWarm = new WeakSet<Runner>();
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

function warmSteps(key: string, ensemble: ForecastEnsemble | null, jit: boolean): WarmStep[] {
  const chunks: WarmStep[] = jit ? Array.from({ length: WARM_CHUNKS }, () => ({ kind: 'chunk', scenarioKey: key, runs: WARM_RUNS })) : [];
  const sets: WarmStep[] = [];
  for (let from = 0; ensemble && from < ensemble.sets.length; from += WARM_SETS) sets.push({ kind: 'sets', scenarioKey: key, ensemble, from, to: from + WARM_SETS });
  return [...chunks, ...sets];
}

async function warmRunner(runner: Runner): Promise<void> {
  const t = target!;
  const key = keyOf(t.scenario);
  const id = `${key} ${t.ensemble?.id ?? ''}`;
  if (warming.has(runner) || warmedOn.get(runner) === id || running > 0) return;
  warming.add(runner);
  try {
    await runner.api.setScenario(key, t.scenario);
    // The JIT needs warming once per worker; an ensemble's sets, once per scenario and ensemble.
    for (const step of warmSteps(key, t.ensemble, !jitWarm.has(runner))) {
      if (running > 0 || !pool.includes(runner)) return;
      await runner.api.warm(step);
      if (step.kind === 'chunk') jitWarm.add(runner);
    }
    warmedOn.set(runner, id);
  } catch {
    // Warming up is only a head start: a forecast does the same work if it could not.
  } finally {
    warming.delete(runner);
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
  const results: ForecastTally[] = new Array(chunks.length);
  let next = 0;
  const key = keyOf(scenario);

  const drive = async (runner: Runner) => {
    await runner.api.setScenario(key, scenario);
    while (!cancelled && next < chunks.length) {
      const index = next++;
      const c = chunks[index]!;
      results[index] = await runner.api.chunk({ scenarioKey: key, state, options, first: c.first, count: c.count });
      jitWarm.add(runner);
      done += c.count;
      run.onProgress?.(done, options.runs);
      if (wanted === 0) await yieldToPage();
    }
  };

  let stop: (e: Error) => void = () => {};
  const stopped = new Promise<never>((_, reject) => (stop = reject));
  const work = Promise.all(runners.map(drive)).then(() => results.reduce(mergeTallies));
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
