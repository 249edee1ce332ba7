/**
 * The analysis store (zustand, vanilla): a batch of forecasts (set-ups to compare, tournament cells,
 * sweep points) run one after another through the forecast runner, with one progress bar, one
 * cancel button and the summaries kept in order.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ForecastOptions } from '../engine/forecast';
import type { GameState } from '../engine/state';
import { summarize, type ForecastSummary } from '../engine/summary';
import { batchEnsemble, batchesFor, splitBatches, type BatchCounts } from '../analysis/paired';
import type { Scenario } from '../scenario/schema';
import type { ForecastJob } from '../worker/forecast-client';
import type { Runner } from './forecast';

export type BatchKind = 'compare' | 'tournament' | 'sweep' | 'sensitivity' | 'morris';

export interface BatchItem {
  readonly label: string;
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly options: ForecastOptions;
  /** What distinguishes this item: strategies or parameter values, for tables and exports. */
  readonly key: Readonly<Record<string, string | number>>;
  /** Its scenario parameter changes by path, for the exports' `parameters` (none when absent). */
  readonly parameters?: Readonly<Record<string, number>>;
  /**
   * Count its futures in batches too, for paired intervals against the other items (paired.ts);
   * the summary is the same either way. Ignored when the item draws from a parameter ensemble.
   */
  readonly paired?: boolean;
}

/**
 * An item made only when its turn comes, for batches of many scenarios (a Morris design's points):
 * each is built just before it runs, so the page never spends long building them all at once.
 */
export interface LazyBatchItem {
  readonly runs: number;
  make(): BatchItem;
}

export type BatchEntry = BatchItem | LazyBatchItem;

const runsOf = (e: BatchEntry) => ('make' in e ? e.runs : e.options.runs);

export interface BatchResult {
  readonly item: BatchItem;
  readonly summary: ForecastSummary;
  /** Its futures' counts per batch, for an item run `paired`. */
  readonly batches?: BatchCounts;
}

/** Runs one item: with `paired`, through a batch ensemble, split back into the plain tally and the batches. */
async function runItem(runner: Runner, item: BatchItem, onProgress: (done: number) => void, started: (job: ForecastJob) => void): Promise<BatchResult> {
  const paired = item.paired === true && item.options.ensemble === undefined;
  const options = paired ? { ...item.options, ensemble: batchEnsemble(batchesFor(item.options.runs)) } : item.options;
  const job = runner(item.scenario, item.state, options, { onProgress });
  started(job);
  const tally = await job.promise;
  if (!paired) return { item, summary: summarize(item.scenario, tally) };
  const split = splitBatches(tally);
  return { item, summary: summarize(item.scenario, split.tally), batches: split.batches };
}

export interface AnalysisStore {
  readonly kind: BatchKind | null;
  readonly status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  readonly done: number;
  readonly total: number;
  readonly results: readonly BatchResult[];
  readonly error: string | null;
  run(kind: BatchKind, items: readonly BatchEntry[]): Promise<void>;
  cancel(): void;
}

export function createAnalysisStore(runner: Runner): StoreApi<AnalysisStore> {
  let current: { job: ForecastJob | null; cancelled: boolean } | null = null;
  return createStore<AnalysisStore>((set, get) => ({
    kind: null,
    status: 'idle',
    done: 0,
    total: 0,
    results: [],
    error: null,

    async run(kind, items) {
      get().cancel();
      const mine = { job: null as ForecastJob | null, cancelled: false };
      current = mine;
      const total = items.reduce((n, i) => n + runsOf(i), 0);
      set({ kind, status: 'running', done: 0, total, results: [], error: null });
      let finished = 0;
      const results: BatchResult[] = [];
      try {
        for (const entry of items) {
          if (mine.cancelled) return;
          const item = 'make' in entry ? entry.make() : entry;
          const progress = (d: number) => !mine.cancelled && set({ done: finished + d });
          results.push(await runItem(runner, item, progress, (job) => (mine.job = job)));
          finished += item.options.runs;
          if (!mine.cancelled) set({ done: finished, results: [...results] });
        }
        if (!mine.cancelled) set({ status: 'done' });
      } catch (e) {
        if (mine.cancelled) return;
        set({ status: 'error', error: e instanceof Error ? e.message : String(e) });
      } finally {
        if (current === mine) current = null;
      }
    },

    cancel() {
      if (!current) return;
      current.cancelled = true;
      current.job?.cancel();
      current = null;
      if (get().status === 'running') set({ status: 'cancelled' });
    },
  }));
}
