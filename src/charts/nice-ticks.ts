/**
 * Axis ticks for the plain-SVG charts, chosen as recharts chooses them (its "auto" nice ticks, five
 * by default), so a chart drawn without recharts reads the same as one drawn with it.
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

/**
 * `count` ticks from 0 up past `max` (> 0) by a round step: the axis of a bar chart of shares
 * (0%, 10%, ... 40% for a largest bar of 39%). Its last tick is the axis' top.
 */
export function ticksFromZero(max: number, count = TICK_COUNT): number[] {
  if (!(max > 0)) return [0];
  for (let correction = 0; correction < 100; correction++) {
    const step = adaptiveStep(max / (count - 1), true, correction);
    const up = Math.ceil(clean(max / step));
    if (up + 1 <= count) return Array.from({ length: count }, (_, i) => clean(i * step));
  }
  return [0, max];
}
