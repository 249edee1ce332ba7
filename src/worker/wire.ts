/**
 * A tally as it crosses between a worker and the page: its arrays of counts as Float64Arrays, whose
 * buffers are transferred rather than copied (structured-cloning an array of ten thousand numbers
 * costs about a millisecond each way, per chunk). Counts are integers far below 2^53, so a
 * Float64Array holds them exactly.
 */
import type { ForecastTally } from '../engine/forecast';

export type WireTally = { readonly [K in keyof ForecastTally]: ForecastTally[K] extends number[] ? Float64Array : ForecastTally[K] };

const isCounts = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');

/** The tally with its arrays of numbers packed. */
export function toWire(tally: ForecastTally): WireTally {
  return Object.fromEntries(Object.entries(tally).map(([k, v]) => [k, isCounts(v) ? Float64Array.from(v) : v])) as WireTally;
}

/** The buffers of a wire tally's arrays: what to transfer with it. */
export function buffersOf(wire: WireTally): ArrayBuffer[] {
  return Object.values(wire).flatMap((v) => (v instanceof Float64Array ? [v.buffer as ArrayBuffer] : []));
}

/** The tally back from its wire form: the same numbers in plain arrays. */
export function fromWire(wire: WireTally): ForecastTally {
  return Object.fromEntries(Object.entries(wire).map(([k, v]) => [k, v instanceof Float64Array ? Array.from(v) : v])) as unknown as ForecastTally;
}
