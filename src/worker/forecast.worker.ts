/// <reference lib="webworker" />
/** The forecast Web Worker: a shell that exposes the engine's chunk function over comlink. */
import * as Comlink from 'comlink';
import { createForecastApi } from './forecast-api';

Comlink.expose(createForecastApi());
