/** Week ticks for a chart's x-axis: whole multiples of a round step, never more than asked for. */

const STEPS = [1, 2, 4, 5, 10, 20, 25, 50, 100] as const;

/**
 * The ticks from `from` to `to` (weeks, `from` may be negative): every multiple of the smallest round
 * step that gives at most `max` ticks. A tick is never squeezed in at the domain's end, which is how
 * "11" and "12" came to collide.
 */
export function weekTicks(from: number, to: number, max: number): number[] {
  const lo = Math.ceil(from);
  const hi = Math.floor(to);
  if (hi < lo) return [];
  const step = STEPS.find((s) => Math.floor(hi / s) - Math.ceil(lo / s) + 1 <= Math.max(2, max)) ?? 100;
  const ticks: number[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push(t);
  return ticks;
}
