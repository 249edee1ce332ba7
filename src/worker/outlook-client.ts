/**
 * Runs talks outlooks in Web Workers of their own (the forecast worker's code, separate instances),
 * so they never wait behind a long forecast nor die when one is cancelled. An outlook's futures are
 * split between up to two workers and their tallies merged in run order, which gives exactly the
 * single-pass result. Where there is no Worker, they run on the main thread.
 */
import * as Comlink from 'comlink';
import { mergeTallies, type ForecastOptions, type ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { createForecastApi, ensembleKey, type ForecastApi } from './forecast-api';
import { noteWork, outlooks } from './forecast-client';
import { fromWire } from './wire';

/** Outlook workers: two halve the wait on a machine with two cores or more. */
const MAX_WORKERS = 2;

type Api = ForecastApi | Comlink.Remote<ForecastApi>;

let apis: Api[] | null = null;
/** The key each scenario object was sent to the workers under, and the ensembles sent to them. */
const sent = new WeakMap<Scenario, string>();
let sentCount = 0;
const sentEnsembles = new Set<string>();

function outlookApis(): Api[] {
  if (apis) return apis;
  if (typeof Worker === 'undefined') return (apis = [createForecastApi()]);
  const cores = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency || 2 : 2;
  apis = Array.from({ length: Math.max(1, Math.min(MAX_WORKERS, cores)) }, (_, i) =>
    Comlink.wrap<ForecastApi>(new Worker(new URL('./forecast.worker.ts', import.meta.url), { type: 'module', name: `outlook-${i + 1}` })),
  );
  return apis;
}

/** Starts the outlook workers ahead of the first week, so the first outlook does not pay for them. */
export function warmUpOutlooks(): void {
  outlookApis();
}

/** One outlook's forecast, as a tally (outlookFromTally reads it). */
export async function runOutlook(scenario: Scenario, state: GameState, options: ForecastOptions): Promise<ForecastTally> {
  const done = outlooks.enter();
  try {
    return await outlookTally(scenario, state, options);
  } finally {
    done();
  }
}

async function outlookTally(scenario: Scenario, state: GameState, options: ForecastOptions): Promise<ForecastTally> {
  const workers = outlookApis();
  let key = sent.get(scenario);
  if (!key) {
    key = `outlook:${scenario.id}#${sentCount++}`;
    sent.set(scenario, key);
    await Promise.all(workers.map((w) => w.setScenario(key!, scenario)));
  }
  const { ensemble, ...rest } = options;
  const ensembleId = ensemble ? ensembleKey(ensemble) : null;
  if (ensemble && !sentEnsembles.has(ensembleId!)) {
    sentEnsembles.add(ensembleId!);
    await Promise.all(workers.map((w) => w.setEnsemble(ensemble)));
  }
  const per = Math.ceil(options.runs / workers.length);
  const parts = workers.flatMap((w, i) => {
    const first = i * per;
    const count = Math.min(per, options.runs - first);
    return count > 0 ? [Promise.resolve(w.chunk({ scenarioKey: key!, state, options: rest, ensembleId, first, count })).then((r) => fromWire(r.tally))] : [];
  });
  const tally = (await Promise.all(parts)).reduce(mergeTallies);
  // Once the outlook is on its way, the forecast workers may warm up on the same scenario.
  noteWork(scenario, options.ensemble ?? null);
  return tally;
}
