/**
 * Runs talks outlooks in a Web Worker of their own (the forecast worker's code, a separate
 * instance), so they never wait behind a long forecast nor die when one is cancelled. Where there
 * is no Worker, they run on the main thread.
 */
import * as Comlink from 'comlink';
import type { ForecastOptions, ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { createForecastApi, type ForecastApi } from './forecast-api';

let api: ForecastApi | Comlink.Remote<ForecastApi> | null = null;
/** The key each scenario object was sent to the worker under. */
const sent = new WeakMap<Scenario, string>();
let sentCount = 0;

function outlookApi(): ForecastApi | Comlink.Remote<ForecastApi> {
  if (api) return api;
  if (typeof Worker === 'undefined') return (api = createForecastApi());
  const worker = new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: 'outlook' });
  return (api = Comlink.wrap<ForecastApi>(worker));
}

/** Starts the outlook worker ahead of the first week, so the first outlook does not pay for it. */
export function warmUpOutlooks(): void {
  outlookApi();
}

/** One outlook's forecast, as a tally (outlookFromTally reads it). */
export async function runOutlook(scenario: Scenario, state: GameState, options: ForecastOptions): Promise<ForecastTally> {
  const remote = outlookApi();
  let key = sent.get(scenario);
  if (!key) {
    key = `outlook:${scenario.id}#${sentCount++}`;
    sent.set(scenario, key);
    await remote.setScenario(key, scenario);
  }
  return remote.chunk({ scenarioKey: key, state, options, first: 0, count: options.runs });
}
