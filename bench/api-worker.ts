/**
 * A worker thread serving the browser's forecast API (src/worker/forecast-api.ts) as the Web Worker
 * does, for benches: each call is answered with the milliseconds it took inside the worker.
 */
import { parentPort } from 'node:worker_threads';
import { createForecastApi, type ForecastApi } from '../src/worker/forecast-api';

export type ApiCall = { id: number } & (
  | { method: 'setScenario'; args: Parameters<ForecastApi['setScenario']> }
  | { method: 'setEnsemble'; args: Parameters<ForecastApi['setEnsemble']> }
  | { method: 'chunk'; args: Parameters<ForecastApi['chunk']> }
  | { method: 'warm'; args: Parameters<ForecastApi['warm']> }
);

const api = createForecastApi();
parentPort?.on('message', (call: ApiCall) => {
  const t0 = performance.now();
  (api[call.method] as (...args: unknown[]) => unknown)(...call.args);
  parentPort!.postMessage({ id: call.id, ms: performance.now() - t0 });
});
