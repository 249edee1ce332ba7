/** The width a value axis needs for its tick labels, so none is clipped at the chart's edge ("80.0%" read as "30.0%"). */

/** Tick label size on the analysis charts, px. */
export const AXIS_TICK_SIZE = 12;

/**
 * Pixels for the widest of `labels` at `fontSize`, plus the tick and a margin: a digit of the
 * system sans-serif fonts is at most 0.62 em wide, a "%" or "." no wider, so this is never short.
 */
export function axisWidth(labels: readonly string[], fontSize = AXIS_TICK_SIZE): number {
  const chars = Math.max(1, ...labels.map((l) => l.length));
  return Math.ceil(chars * fontSize * 0.62) + 16;
}

/** The labels an axis over [lo, hi] can show: its ends, and one more digit's worth for nice ticks just outside. */
export function axisLabels(lo: number, hi: number, format: (x: number) => string): string[] {
  const span = hi - lo || Math.abs(hi) || 1;
  return [lo, hi, lo - span * 0.1, hi + span * 0.1, 0].map(format);
}
