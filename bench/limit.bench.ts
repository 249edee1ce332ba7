/**
 * `npm run bench`: the forecast at the machine's limit (issue 13), each figure beside a ratio
 * measured in this one run (Node; the browser's click-to-chart time is bench/browser.bench.ts):
 *   - the Monte Carlo loop against the hand-written limit kernel of ../shared/bench/limit-kernel.ts
 *     (budget DESIGN.md: >= 0.8), and against the loop of commit BEFORE, the last one before this
 *     round of speed work (the engine and scenario extracted from git): interleaved pairs on CPU time;
 *   - the start states of 100,000 futures' streams, fetched chunk by chunk as the browser asks for
 *     them (CHUNK_RUNS per chunk): jumped ahead from the seed now, against re-jumping from the seed
 *     one stream at a time for every chunk as before (a cost growing with the square of the runs);
 *   - a fresh worker thread's first chunks of a forecast drawing from the ensemble, cold and after
 *     the warm-up the app's forecast client gives its workers (src/worker/forecast-client.ts
 *     warmUp), against a warm worker's chunks.
 */
import { Worker } from 'node:worker_threads';
import { loadEnsemble, loadScenario } from '../src/cli/load';
import { forecastChunk, type ForecastEnsemble } from '../src/engine/forecast';
import { streamStates } from '../src/engine/rng';
import { jumpedOneByOne } from '../src/test/streams';
import { initialState } from '../src/engine/state';
import type { Scenario } from '../src/scenario/schema';
import { ensembleKey } from '../src/worker/forecast-api';
import { CHUNK_RUNS, warmSteps } from '../src/worker/forecast-client';
import type { ApiCall } from './api-worker';
import { BEFORE_SPEED_WORK, cpu, limitKernel, loopAt, type Loop } from './engine-at';
import { budget, fmt, fmtFixed, header, median } from './lib';

const BEFORE = BEFORE_SPEED_WORK;
const RUNS = 3000;
const TURNS = 26;
const PAIRS = 9;
const STREAM_FUTURES = 100_000;
const KERNEL_BUDGET = 0.8;
/** A warmed worker's first chunks may take this much longer than its later ones. */
const WARM_BUDGET = 1.5;

/** Actor-turns per CPU second of `runs` futures of the loop. */
function rate(loop: Loop, seed: number, runs = RUNS): number {
  const r = cpu(() => loop.forecast(loop.scenario, loop.start, { runs, seed, turns: TURNS }, 0, runs));
  return (r.value.resolvedTurns * loop.scenario.actors.length) / (r.ms / 1000);
}

async function kernelRatios(scenario: Scenario): Promise<void> {
  const now: Loop = { forecast: forecastChunk as unknown as Loop['forecast'], scenario, start: initialState(scenario, 1) };
  const before = await loopAt(BEFORE);
  const { file, run: kernel } = await limitKernel();
  for (const l of [now, before]) if (l) rate(l, 99, 1000);
  kernel?.(2000, TURNS, 99);
  const rates = { now: [] as number[], before: [] as number[], kernel: [] as number[] };
  for (let i = 0; i < PAIRS; i++) {
    rates.now.push(rate(now, i + 1));
    if (before) rates.before.push(rate(before, i + 1));
    if (kernel) {
      const k = cpu(() => kernel(RUNS, TURNS, i + 1));
      rates.kernel.push((k.value.resolved * 5) / (k.ms / 1000));
    }
  }
  const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
  console.log(`actor-turns per CPU second (medians of ${PAIRS} interleaved rounds): engine ${fmt(median(rates.now))}` +
    (before ? `, engine at ${BEFORE} ${fmt(median(rates.before))}` : '') + (kernel ? `, limit kernel ${fmt(median(rates.kernel))}` : ''));
  if (kernel) {
    const r = ratio(rates.now, rates.kernel);
    console.log(`engine / limit kernel                              ${fmtFixed(r, 3)}   ${budget(`>= ${KERNEL_BUDGET}`, r >= KERNEL_BUDGET)}`);
    if (before) console.log(`engine at ${BEFORE} / limit kernel                ${fmtFixed(ratio(rates.before, rates.kernel), 3)}`);
  } else {
    console.log(`(no limit kernel at ${file})`);
  }
  if (before) console.log(`engine / engine at ${BEFORE} (speed-up)           ${fmtFixed(ratio(rates.now, rates.before), 3)}`);
  else console.log(`(git cannot extract commit ${BEFORE})`);
}


function streamCost(): void {
  const time = (f: typeof streamStates) => {
    const t0 = performance.now();
    for (let first = 0; first < STREAM_FUTURES; first += CHUNK_RUNS) f(42, first, CHUNK_RUNS);
    return performance.now() - t0;
  };
  const same = [0, CHUNK_RUNS * 7, STREAM_FUTURES - CHUNK_RUNS].every((first) => JSON.stringify(streamStates(42, first, 3)) === JSON.stringify(jumpedOneByOne(42, first, 3)));
  const now = time(streamStates);
  const old = time(jumpedOneByOne);
  console.log(`stream start states of ${fmt(STREAM_FUTURES)} futures in chunks of ${CHUNK_RUNS}: jumped ahead ${fmt(now)} ms, re-jumped from the seed ${fmt(old)} ms (${fmtFixed(old / now, 0)}×)` +
    `   ${same ? 'the same states' : 'DIFFERENT STATES'}`);
}

/** A worker thread serving the forecast API; `call` answers with the milliseconds the call took inside it. */
function apiWorker(): { call: (c: Omit<ApiCall, 'id'>) => Promise<number>; end: () => Promise<number> } {
  const worker = new Worker(new URL('./api-worker-entry.mjs', import.meta.url), { execArgv: [] });
  const waiting = new Map<number, (ms: number) => void>();
  let next = 0;
  worker.on('message', ({ id, ms }: { id: number; ms: number }) => waiting.get(id)?.(ms));
  return {
    call: (c) => new Promise((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      worker.postMessage({ ...c, id });
    }),
    end: () => worker.terminate(),
  };
}

async function firstChunks(scenario: Scenario, ensemble: ForecastEnsemble | null): Promise<void> {
  const state = initialState(scenario, 1);
  const options = { runs: 10_000, seed: 7 };
  const ensembleId = ensemble ? ensembleKey(ensemble) : null;
  const chunks = async (warm: boolean) => {
    const w = apiWorker();
    await w.call({ method: 'setScenario', args: ['bench', scenario] });
    if (ensemble) await w.call({ method: 'setEnsemble', args: [ensemble] });
    let warmMs = 0;
    if (warm) for (const step of warmSteps('bench', ensemble)) warmMs += await w.call({ method: 'warm', args: [step] });
    const ms: number[] = [];
    for (let i = 0; i < 4; i++) ms.push(await w.call({ method: 'chunk', args: [{ scenarioKey: 'bench', state, options, ensembleId, first: i * CHUNK_RUNS, count: CHUNK_RUNS }] }));
    await w.end();
    return { ms, warmMs };
  };
  const cold = await chunks(false);
  const warmed = await chunks(true);
  const steady = median(warmed.ms.slice(2));
  const firstTwo = (ms: number[]) => (ms[0]! + ms[1]!) / 2;
  const show = (ms: number[]) => ms.map((x) => fmt(x)).join(', ');
  const what = `${CHUNK_RUNS}-future chunks of a 10,000-future forecast${ensemble ? ` drawing from the ${ensemble.sets.length}-set ensemble` : ''}`;
  console.log(`a fresh worker thread's ${what}, ms each:`);
  console.log(`  cold            ${show(cold.ms)}   first two ${fmtFixed(firstTwo(cold.ms) / steady, 2)}× a warm chunk`);
  console.log(`  after warm-up   ${show(warmed.ms)}   first two ${fmtFixed(firstTwo(warmed.ms) / steady, 2)}× a warm chunk   ${budget(`<= ${WARM_BUDGET}×`, firstTwo(warmed.ms) / steady <= WARM_BUDGET)}`);
  console.log(`  (the warm-up itself: ${fmt(warmed.warmMs)} ms of the worker's time before the first click)`);
}

async function main(): Promise<void> {
  const { scenario, file } = loadScenario('march-2021');
  const { ensemble } = loadEnsemble(scenario, file);
  header(`The forecast at the machine's limit (Node): scenario ${scenario.id}, ratios measured in this run`);
  await kernelRatios(scenario);
  streamCost();
  await firstChunks(scenario, ensemble);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
