/** Small, exact statistics for Monte Carlo summaries. */

/** z for a two-sided 95% interval. */
const Z95 = 1.959963984540054;

export interface Interval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

/** The Wilson score interval (95%) for `successes` out of `trials`; [0, 1] when there are no trials. */
export function wilson(successes: number, trials: number): Interval {
  if (trials === 0) return { estimate: 0, lo: 0, hi: 1 };
  const p = successes / trials;
  const z2 = Z95 * Z95;
  const denom = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denom;
  const half = (Z95 * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denom;
  // Rounding can leave the bounds a hair on the wrong side of the estimate at 0 or 1.
  return { estimate: p, lo: Math.min(p, Math.max(0, centre - half)), hi: Math.max(p, Math.min(1, centre + half)) };
}

/**
 * The q-quantile (q in [0, 1]) of values recorded in a histogram whose bin i holds the values that
 * round to i * width: the value of the bin holding the ceil(q * total)-th smallest value.
 */
export function histogramQuantile(counts: ArrayLike<number>, offset: number, bins: number, width: number, q: number): number {
  let total = 0;
  for (let i = 0; i < bins; i++) total += counts[offset + i]!;
  if (total === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < bins; i++) {
    seen += counts[offset + i]!;
    if (seen >= rank) return Math.round(i * width * 1e6) / 1e6;
  }
  return Math.round((bins - 1) * width * 1e6) / 1e6;
}
