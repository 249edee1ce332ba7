/// <reference lib="webworker" />
/** The forecast Web Worker: a shell that exposes the engine's chunk function over comlink. */
import * as Comlink from 'comlink';
import { createForecastApi } from './forecast-api';
import { buffersOf } from './wire';

const api = createForecastApi();
// A chunk's tally goes back with its buffers transferred, not copied (wire.ts).
Comlink.expose({
  ...api,
  chunk: (request: Parameters<typeof api.chunk>[0]) => {
    const result = api.chunk(request);
    return Comlink.transfer(result, buffersOf(result.tally));
  },
});
