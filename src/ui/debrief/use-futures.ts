/**
 * The debrief's AI futures: DEBRIEF_RUNS futures from the game's start, run in the forecast workers
 * (src/worker/forecast-client.ts) with progress. They depend only on the scenario, the seed, the
 * horizon and the AI strategies, not on the moves, so one run serves every later visit to the
 * debrief of the game, however far it has got. Leaving the page does not cancel them: the result is
 * kept for the way back. Only the Cancel button stops them.
 */
import { useCallback, useSyncExternalStore } from 'react';
import { futuresOptions, futuresStart, type Player } from '../../analysis/debrief';
import type { ForecastTally } from '../../engine/forecast';
import type { GameLog } from '../../scenario/log';
import type { Scenario } from '../../scenario/schema';
import { runForecast, type ForecastJob } from '../../worker/forecast-client';

export type Futures =
  | { readonly status: 'running'; readonly done: number; readonly total: number }
  | { readonly status: 'done'; readonly tally: ForecastTally }
  | { readonly status: 'cancelled' }
  | { readonly status: 'error'; readonly message: string };

interface Entry {
  futures: Futures;
  job: ForecastJob | null;
}

const entries = new Map<string, Entry>();
const listeners = new Set<() => void>();
const ids = new WeakMap<Scenario, number>();
let nextId = 0;

function notify(): void {
  listeners.forEach((l) => l());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function keyOf(scenario: Scenario, game: GameLog, players: Readonly<Record<string, Player>>): string {
  if (!ids.has(scenario)) ids.set(scenario, nextId++);
  const options = futuresOptions(scenario, game, players);
  return JSON.stringify([ids.get(scenario), options.seed, options.turns, options.runs, options.strategies]);
}

function set(key: string, futures: Futures, job: ForecastJob | null = entries.get(key)?.job ?? null): void {
  entries.set(key, { futures, job });
  notify();
}

function start(key: string, scenario: Scenario, game: GameLog, players: Readonly<Record<string, Player>>): void {
  const options = futuresOptions(scenario, game, players);
  const job = runForecast(scenario, futuresStart(scenario, game), options, {
    onProgress: (done, total) => {
      if (entries.get(key)?.job === job) set(key, { status: 'running', done, total });
    },
  });
  // No notice here: this runs during a render, and nothing else shows these futures yet.
  entries.set(key, { futures: { status: 'running', done: 0, total: options.runs }, job });
  job.promise.then(
    (tally) => set(key, { status: 'done', tally }, null),
    (e: unknown) => {
      if (entries.get(key)?.job !== job) return;
      const cancelled = e instanceof Error && e.name === 'ForecastCancelled';
      set(key, cancelled ? { status: 'cancelled' } : { status: 'error', message: e instanceof Error ? e.message : String(e) }, null);
    },
  );
}

/** The futures of a game, started on first use; with `cancel` while they run and `retry` after. */
export function useFutures(scenario: Scenario, game: GameLog, players: Readonly<Record<string, Player>>): { futures: Futures; cancel: () => void; retry: () => void } {
  const key = keyOf(scenario, game, players);
  // Started during render rather than in an effect, so the work begins as early as it can; the
  // entry exists from then on, so a re-render never starts a second run.
  if (!entries.has(key)) start(key, scenario, game, players);
  const futures = useSyncExternalStore(subscribe, () => entries.get(key)!.futures);
  const cancel = useCallback(() => {
    const job = entries.get(key)?.job;
    if (!job) return;
    set(key, { status: 'cancelled' }, null);
    job.cancel();
  }, [key]);
  const retry = useCallback(() => {
    start(key, scenario, game, players);
    notify();
  }, [key, scenario, game, players]);
  return { futures, cancel, retry };
}
