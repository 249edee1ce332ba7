/** A worker thread that tallies one chunk of a forecast's runs. It only routes messages to the engine. */
import { parentPort, workerData } from 'node:worker_threads';
import { forecastChunk } from '../engine/forecast';
import type { ChunkRequest, WorkerMessage } from './parallel';

const port = parentPort;
if (port) {
  const post = (m: WorkerMessage) => port.postMessage(m);
  try {
    const { scenario, state, options, first, count } = workerData as ChunkRequest;
    const tally = forecastChunk(scenario, state, options, first, count, (done) => post({ type: 'progress', done }));
    post({ type: 'done', tally });
  } catch (e) {
    post({ type: 'error', message: (e as Error).message });
  }
}
