/**
 * What a forecast worker does, as plain functions: the worker exposes them over comlink, and the
 * main-thread fallback calls them directly. No logic of its own beyond caching the scenario and
 * warming up (a small forecast run before it is needed).
 */
import { forecastChunk, type ForecastEnsemble, type ForecastOptions } from '../engine/forecast';
import { initialState, type GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { toWire, type WireTally } from './wire';

export interface ChunkRequest {
  /** Identifies the scenario object, so a worker compiles each scenario once. */
  readonly scenarioKey: string;
  readonly state: GameState;
  /** The forecast's options but its ensemble, which is sent once (setEnsemble) and named here (ensembleKey). */
  readonly options: Omit<ForecastOptions, 'ensemble'>;
  readonly ensembleId: string | null;
  readonly first: number;
  readonly count: number;
}

/**
 * One step of warming a worker up before it is needed (forecast-client.ts warmUp): futures
 * [first, first + count) of a small forecast from the scenario's start, drawing from `ensemble` if
 * given (which compiles its sets, as a real forecast would), the tally thrown away: the JIT compiles
 * the engine on it.
 */
export interface WarmStep {
  readonly scenarioKey: string;
  readonly runs: number;
  readonly first: number;
  readonly count: number;
  readonly ensembleId: string | null;
}

/** A chunk's tally (in its wire form, wire.ts), and the milliseconds it took the worker to compute it (for the pure compute time of a forecast). */
export interface ChunkResult {
  readonly tally: WireTally;
  readonly ms: number;
}

/** The name an ensemble goes by in a worker: its id and parameters (the same file without some parameters is another ensemble). */
export function ensembleKey(e: ForecastEnsemble): string {
  return `${e.id}|${e.parameters.join(',')}`;
}

export interface ForecastApi {
  setScenario(key: string, scenario: Scenario): void;
  setEnsemble(ensemble: ForecastEnsemble): void;
  chunk(request: ChunkRequest): ChunkResult;
  warm(step: WarmStep): void;
}

/** Scenarios a worker keeps compiled, and ensembles; older ones are dropped first (a sweep sends a scenario per point). */
const KEEP = 8;

/** Adds `value` under `key` as the newest entry of `map`, dropping the oldest past KEEP. */
function keep<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > KEEP) map.delete(map.keys().next().value!);
}

export function createForecastApi(): ForecastApi {
  const scenarios = new Map<string, Scenario>();
  const ensembles = new Map<string, ForecastEnsemble>();
  const scenarioOf = (key: string) => {
    const scenario = scenarios.get(key);
    if (!scenario) throw new Error(`forecast worker: no scenario "${key}"; call setScenario first`);
    return scenario;
  };
  const withEnsemble = <O extends Omit<ForecastOptions, 'ensemble'>>(options: O, id: string | null): O & { ensemble?: ForecastEnsemble } => {
    if (id === null) return options;
    const ensemble = ensembles.get(id);
    if (!ensemble) throw new Error(`forecast worker: no ensemble "${id}"; call setEnsemble first`);
    return { ...options, ensemble };
  };
  return {
    setScenario(key, scenario) {
      // A key names one scenario object of the page: keep the copy received first, whose compiled
      // form (and digest) the engine has cached, rather than compile every forecast's new copy.
      keep(scenarios, key, scenarios.get(key) ?? scenario);
    },
    setEnsemble(ensemble) {
      keep(ensembles, ensembleKey(ensemble), ensemble);
    },
    chunk({ scenarioKey, state, options, ensembleId, first, count }) {
      const t0 = performance.now();
      const tally = forecastChunk(scenarioOf(scenarioKey), state, withEnsemble(options, ensembleId), first, count);
      const ms = performance.now() - t0;
      return { tally: toWire(tally), ms };
    },
    warm({ scenarioKey, runs, first, count, ensembleId }) {
      const scenario = scenarioOf(scenarioKey);
      forecastChunk(scenario, initialState(scenario, 1), withEnsemble({ runs, seed: 1, turns: scenario.defaultTurns }, ensembleId), first, count);
    },
  };
}
