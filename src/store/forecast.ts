/**
 * The forecast store (zustand, vanilla): one forecast job at a time, with progress, cancel and the
 * summary of the last finished run. The runner is injected: Web Workers in the app, the main
 * thread in tests.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ForecastOptions, ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import { summarize, type ForecastSummary } from '../engine/summary';
import type { Scenario } from '../scenario/schema';
import type { ForecastJob, RunOptions } from '../worker/forecast-client';

export type ForecastStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

export interface ForecastRequest {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly options: ForecastOptions;
  /** Which branch and week the forecast starts from, to tell the user what they are looking at. */
  readonly branch: string;
  /** The game it was asked from (its id in the library): its results are shown with that game only. */
  readonly game: string | null;
  /** The game's states up to the start of the forecast: the line the futures go on from, whichever branch is in view later. */
  readonly path: readonly GameState[];
}

export interface ForecastStore {
  readonly status: ForecastStatus;
  readonly done: number;
  readonly total: number;
  /** The forecast asked for last (running, or finished). */
  readonly request: ForecastRequest | null;
  /**
   * The last finished forecast: its summary and what was asked for it. It stays while a new one
   * runs (or is cancelled or fails), so the results are not taken off the page until others replace
   * them; `finished` counts the forecasts finished, to tell one result from the next.
   */
  readonly summary: ForecastSummary | null;
  readonly summaryOf: ForecastRequest | null;
  readonly finished: number;
  readonly tally: ForecastTally | null;
  /** Wall-clock milliseconds the last finished run took. */
  readonly elapsedMs: number | null;
  readonly error: string | null;
  run(request: ForecastRequest): Promise<void>;
  cancel(): void;
  clear(): void;
}

export type Runner = (scenario: Scenario, state: GameState, options: ForecastOptions, run: RunOptions) => ForecastJob;

export function createForecastStore(runner: Runner, clock: () => number): StoreApi<ForecastStore> {
  let job: ForecastJob | null = null;
  return createStore<ForecastStore>((set, get) => ({
    status: 'idle',
    done: 0,
    total: 0,
    request: null,
    summary: null,
    summaryOf: null,
    finished: 0,
    tally: null,
    elapsedMs: null,
    error: null,

    async run(request) {
      job?.cancel();
      const started = clock();
      const mine = runner(request.scenario, request.state, request.options, {
        onProgress: (done, total) => {
          if (job === mine) set({ done, total });
        },
      });
      job = mine;
      set({ status: 'running', done: 0, total: request.options.runs, request, error: null });
      try {
        const tally = await mine.promise;
        if (job !== mine) return;
        set({ status: 'done', tally, summary: summarize(request.scenario, tally), summaryOf: request, finished: get().finished + 1, elapsedMs: clock() - started });
      } catch (e) {
        if (job !== mine) return;
        const cancelled = e instanceof Error && e.name === 'ForecastCancelled';
        set(cancelled ? { status: 'cancelled' } : { status: 'error', error: e instanceof Error ? e.message : String(e) });
      } finally {
        if (job === mine) job = null;
      }
    },

    cancel() {
      if (get().status !== 'running' || !job) return;
      const current = job;
      job = null;
      current.cancel();
      set({ status: 'cancelled' });
    },

    clear() {
      job?.cancel();
      job = null;
      set({ status: 'idle', done: 0, total: 0, request: null, summary: null, summaryOf: null, tally: null, elapsedMs: null, error: null });
    },
  }));
}
