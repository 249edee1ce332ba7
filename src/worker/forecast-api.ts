/**
 * What a forecast worker does, as plain functions: the worker exposes them over comlink, and the
 * main-thread fallback calls them directly. No logic of its own beyond caching the scenario.
 */
import { forecastChunk, type ForecastOptions, type ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';

export interface ChunkRequest {
  /** Identifies the scenario object, so a worker compiles each scenario once. */
  readonly scenarioKey: string;
  readonly state: GameState;
  readonly options: ForecastOptions;
  readonly first: number;
  readonly count: number;
}

export interface ForecastApi {
  setScenario(key: string, scenario: Scenario): void;
  chunk(request: ChunkRequest): ForecastTally;
}

/** Scenarios a worker keeps compiled; older ones are dropped first (a sweep sends one per point). */
const KEEP = 8;

export function createForecastApi(): ForecastApi {
  const scenarios = new Map<string, Scenario>();
  return {
    setScenario(key, scenario) {
      scenarios.delete(key);
      scenarios.set(key, scenario);
      while (scenarios.size > KEEP) scenarios.delete(scenarios.keys().next().value!);
    },
    chunk({ scenarioKey, state, options, first, count }) {
      const scenario = scenarios.get(scenarioKey);
      if (!scenario) throw new Error(`forecast worker: no scenario "${scenarioKey}"; call setScenario first`);
      return forecastChunk(scenario, state, options, first, count);
    },
  };
}
