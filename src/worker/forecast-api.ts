/**
 * What a forecast worker does, as plain functions: the worker exposes them over comlink, and the
 * main-thread fallback calls them directly. No logic of its own beyond caching the scenario and
 * warming up (running the engine on a small chunk, compiling an ensemble's sets) before it is needed.
 */
import { compiledSet, forecastChunk, type ForecastEnsemble, type ForecastOptions, type ForecastTally } from '../engine/forecast';
import { initialState, type GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';

export interface ChunkRequest {
  /** Identifies the scenario object, so a worker compiles each scenario once. */
  readonly scenarioKey: string;
  readonly state: GameState;
  readonly options: ForecastOptions;
  readonly first: number;
  readonly count: number;
}

/** One step of warming a worker up before it is needed (forecast-client.ts warmUp). */
export type WarmStep =
  /** A small real chunk from the scenario's start, its tally thrown away: the engine's code gets compiled by the JIT. */
  | { readonly kind: 'chunk'; readonly scenarioKey: string; readonly runs: number }
  /** Sets [from, to) of an ensemble compiled and kept, as a forecast drawing from it would. */
  | { readonly kind: 'sets'; readonly scenarioKey: string; readonly ensemble: ForecastEnsemble; readonly from: number; readonly to: number };

export interface ForecastApi {
  setScenario(key: string, scenario: Scenario): void;
  chunk(request: ChunkRequest): ForecastTally;
  warm(step: WarmStep): void;
}

/** Scenarios a worker keeps compiled; older ones are dropped first (a sweep sends one per point). */
const KEEP = 8;

export function createForecastApi(): ForecastApi {
  const scenarios = new Map<string, Scenario>();
  const scenarioOf = (key: string) => {
    const scenario = scenarios.get(key);
    if (!scenario) throw new Error(`forecast worker: no scenario "${key}"; call setScenario first`);
    return scenario;
  };
  return {
    setScenario(key, scenario) {
      // A key names one scenario object of the page: keep the copy received first, whose compiled
      // form (and digest) the engine has cached, rather than compile every forecast's new copy.
      const known = scenarios.get(key);
      scenarios.delete(key);
      scenarios.set(key, known ?? scenario);
      while (scenarios.size > KEEP) scenarios.delete(scenarios.keys().next().value!);
    },
    chunk({ scenarioKey, state, options, first, count }) {
      return forecastChunk(scenarioOf(scenarioKey), state, options, first, count);
    },
    warm(step) {
      const scenario = scenarioOf(step.scenarioKey);
      if (step.kind === 'chunk') forecastChunk(scenario, initialState(scenario, 1), { runs: step.runs, seed: 1, turns: scenario.defaultTurns }, 0, step.runs);
      else for (let i = step.from; i < Math.min(step.to, step.ensemble.sets.length); i++) compiledSet(scenario, step.ensemble, i);
    },
  };
}
