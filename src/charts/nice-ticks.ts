/**
 * Axis ticks for the plain-SVG charts, chosen as recharts chooses them (its "auto" nice ticks, five
 * by default), so a chart drawn without recharts reads the same as one drawn with it; a share axis
 * steps by round percentages instead, so its labels are exact.
 */

/** The default number of ticks on an axis (recharts' `tickCount`). */
export const TICK_COUNT = 5;

/** `x` without the floating-point dust of repeated addition (0.30000000000000004 is 0.3). */
const clean = (x: number) => Number(x.toPrecision(12));

/** Digits before the decimal point of |x| (0.25 has 0, 7 has 1, 26 has 2); 1 for 0. */
function digitCount(x: number): number {
  return x === 0 ? 1 : Math.floor(Math.log10(Math.abs(x))) + 1;
}

/** A round step near `rough`: its leading digits rounded up to a multiple of 0.05 (0.1 for 1-9). */
function adaptiveStep(rough: number, allowDecimals: boolean, correction: number): number {
  if (rough <= 0) return 0;
  const digits = digitCount(rough);
  const unit = 10 ** digits;
  const scale = digits !== 1 ? 0.05 : 0.1;
  const step = clean((Math.ceil(clean(rough / unit / scale)) + correction) * scale * unit);
  return allowDecimals ? step : Math.ceil(step);
}

/**
 * Ticks on a fixed domain [lo, hi]: from `lo` by a round step, and `hi` itself as the last
 * (0, 7, 14, 21, 26 for weeks 0 to 26). With `allowDecimals` false every tick is a whole number.
 */
export function fixedTicks(lo: number, hi: number, count = TICK_COUNT, allowDecimals = true): number[] {
  if (!(hi > lo)) return [lo];
  const step = adaptiveStep((hi - lo) / (Math.max(count, 2) - 1), allowDecimals, 0);
  const ticks: number[] = [];
  for (let i = 0; clean(lo + i * step) < hi && i < 1000; i++) ticks.push(clean(lo + i * step));
  ticks.push(hi);
  if (allowDecimals) return ticks;
  const whole = ticks.map((t) => Math.round(t));
  return whole.length > 1 && whole[whole.length - 1] === whole[whole.length - 2] ? whole.slice(0, -1) : whole;
}

/** Steps a share axis may take: whole or round percentages, so every label is exact. */
const SHARE_STEPS = [0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];

/**
 * At most `count` ticks from 0 up past `max` (a share, 0 < max <= 1) by a step of 1, 2, 2.5, 5, 10,
 * 20 or 25 points, so a label such as "10%" is the tick's value, never a rounded 9.5%.
 */
export function shareTicks(max: number, count = TICK_COUNT): number[] {
  if (!(max > 0)) return [0];
  const step = SHARE_STEPS.find((s) => s * (count - 1) >= max - 1e-12) ?? 0.25;
  const top = Math.ceil(clean(max / step));
  return Array.from({ length: top + 1 }, (_, i) => clean(i * step));
}

/** Round steps for a span's ticks, per power of ten. */
const SPAN_STEPS = [1, 2, 2.5, 5];

/**
 * At most `count` ticks by a round step (1, 2, 2.5 or 5 times a power of ten) covering both `lo`
 * and `hi` and zero: the axis of a chart of changes up and down.
 */
export function spanTicks(lo: number, hi: number, count = TICK_COUNT): number[] {
  const from = Math.min(0, lo);
  const to = Math.max(0, hi);
  const ticks = rangeTicks(from, to, count);
  return ticks.includes(0) ? ticks : [...new Set([from, 0, to])];
}

/**
 * At most `count` ticks by a round step (1, 2, 2.5 or 5 times a power of ten) from at or below
 * `from` to at or above `to`, zero or not: the axis of values around a base (a tornado's outcomes
 * from 40.3% to 56.8% read 40%, 45%, 50%, 55%, 60%).
 */
export function rangeTicks(from: number, to: number, count = TICK_COUNT): number[] {
  if (!(to > from)) return [from];
  const rough = (to - from) / Math.max(1, count - 1);
  // A span too small for a power of ten to step it: its ends.
  if (!(rough > 1e-300)) return [from, to];
  const unit = 10 ** Math.floor(Math.log10(rough));
  const fits = (step: number) => Math.ceil(clean(to / step)) - Math.floor(clean(from / step)) + 1 <= count;
  let step = unit;
  for (let u = unit, found = false; !found; u *= 10) {
    const s = SPAN_STEPS.map((k) => clean(k * u)).find(fits);
    if (s !== undefined) [step, found] = [s, true];
  }
  const first = Math.floor(clean(from / step));
  const last = Math.ceil(clean(to / step));
  return Array.from({ length: last - first + 1 }, (_, i) => clean((first + i) * step));
}
