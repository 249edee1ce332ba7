/**
 * The talks outlook of game states (zustand, vanilla): "the chance the talks are still alive N
 * weeks from now" is a Monte Carlo estimate, so it is computed off the main thread, one state at a
 * time, most wanted first, and kept by a digest of the state. The runner is injected: a Web Worker
 * in the app, the main thread in tests.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ForecastOptions, ForecastTally } from '../engine/forecast';
import { outlookFromTally, outlookOptions, OUTLOOK_RUNS, type TalksOutlook } from '../engine/outlook';
import type { GameState } from '../engine/state';
import type { Scenario, StrategyId } from '../scenario/schema';

export type OutlookRunner = (scenario: Scenario, state: GameState, options: ForecastOptions) => Promise<ForecastTally>;

export type Strategies = Readonly<Record<string, StrategyId>>;

export interface OutlookStore {
  /** Outlooks computed so far, by `outlookKey`. */
  readonly results: Readonly<Record<string, TalksOutlook>>;
  /** The last error, if a computation failed. */
  readonly error: string | null;
  /** Asks for the outlooks of `states`, the first most urgently; states already known are skipped. */
  want(scenario: Scenario, states: readonly GameState[], strategies: Strategies): void;
}

/** The AI strategies of a session's controllers: the outlook's futures play people's actors by their defaults. */
export function aiStrategies(controllers: Readonly<Record<string, string>>): Strategies {
  return Object.fromEntries(Object.entries(controllers).filter(([, v]) => v !== 'human')) as Record<string, StrategyId>;
}

/** Outlooks kept; the oldest are dropped past this (a long game with many branches stays small). */
const KEEP = 2000;

/** FNV-1a over a string, twice with different offsets: a 64-bit key as 16 hex digits. */
function digest(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    a = Math.imul(a ^ ch, 0x01000193);
    b = Math.imul(b ^ ch, 0x01000193 + 2);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** Which outlook a state has: its scenario, the strategies of the futures and the state itself (without its report). */
export function outlookKey(scenario: Scenario, state: GameState, strategies: Strategies): string {
  const { report: _, ...rest } = state;
  const sorted = Object.keys(strategies).sort().map((k) => `${k}=${strategies[k]}`).join(',');
  return `${scenario.id}|${sorted}|${digest(JSON.stringify(rest))}`;
}

interface Job {
  readonly key: string;
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly strategies: Strategies;
}

export function createOutlookStore(runner: OutlookRunner, runs: number = OUTLOOK_RUNS): StoreApi<OutlookStore> {
  let queue: Job[] = [];
  let busy = false;
  return createStore<OutlookStore>((set, get) => {
    const pump = async () => {
      if (busy) return;
      busy = true;
      while (queue.length > 0) {
        const job = queue.shift()!;
        if (get().results[job.key]) continue;
        try {
          const options = outlookOptions(job.scenario, job.state, runs, job.strategies);
          const outlook = outlookFromTally(job.scenario, await runner(job.scenario, job.state, options));
          const keys = Object.keys(get().results);
          const kept = keys.length >= KEEP ? Object.fromEntries(keys.slice(keys.length - KEEP + 1).map((k) => [k, get().results[k]!])) : get().results;
          set({ results: { ...kept, [job.key]: outlook }, error: null });
        } catch (e) {
          set({ error: e instanceof Error ? e.message : String(e) });
        }
      }
      busy = false;
    };
    return {
      results: {},
      error: null,
      want(scenario, states, strategies) {
        const known = get().results;
        const wanted = states.map((state) => ({ key: outlookKey(scenario, state, strategies), scenario, state, strategies })).filter((j) => !known[j.key]);
        const keys = new Set(wanted.map((j) => j.key));
        queue = [...wanted.filter((j, i) => wanted.findIndex((x) => x.key === j.key) === i), ...queue.filter((j) => !keys.has(j.key))];
        void pump();
      },
    };
  });
}
