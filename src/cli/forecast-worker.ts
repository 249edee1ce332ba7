/** A worker thread that tallies chunks of forecasts as they are sent. It only routes messages to the engine. */
import { parentPort } from 'node:worker_threads';
import { forecastChunk } from '../engine/forecast';
import type { WorkerMessage, WorkerTask } from './parallel';

const port = parentPort;
if (port) {
  const post = (m: WorkerMessage) => port.postMessage(m);
  port.on('message', ({ id, request }: WorkerTask) => {
    try {
      const { scenario, state, options, first, count } = request;
      const tally = forecastChunk(scenario, state, options, first, count, (done) => post({ id, type: 'progress', done }));
      post({ id, type: 'done', tally });
    } catch (e) {
      post({ id, type: 'error', message: (e as Error).message });
    }
  });
}
