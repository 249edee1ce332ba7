/**
 * Proper scores for probability forecasts of weekly events and weekly counts: the Brier score of a
 * yes/no event, the continuous ranked probability score (CRPS) of a count, and central-interval
 * coverage. A count forecast is its cumulative distribution over 0, 1, 2, ..., so an ensemble of
 * futures and a Poisson rate are scored by the same code.
 */

/**
 * A forecast distribution of a count: `cdf[k]` = P(X <= k) for k = 0 .. length - 1, non-decreasing;
 * beyond the array it is 1.
 */
export type CountCdf = readonly number[];

/** Poisson's tail is cut where less than this much probability is left. */
const POISSON_TAIL = 1e-12;

/**
 * The Brier score: the mean of (p - o)^2 over forecasts p (weekly probabilities in [0, 1]) and what
 * happened (o = 1 or 0). In [0, 1]; lower is better; NaN when there is nothing to score.
 */
export function brier(p: readonly number[], happened: readonly boolean[]): number {
  const n = Math.min(p.length, happened.length);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += (p[i]! - (happened[i] ? 1 : 0)) ** 2;
  return sum / n;
}

/** The Poisson distribution with mean `rate` (>= 0) as a count forecast; rate 0 is a point mass at 0. */
export function poissonCdf(rate: number): number[] {
  const cdf: number[] = [];
  let pmf = Math.exp(-rate);
  let total = 0;
  for (let k = 0; ; k++) {
    total += pmf;
    cdf.push(Math.min(1, total));
    if (1 - total < POISSON_TAIL || k > rate + 50 * Math.sqrt(rate) + 50) return cdf;
    pmf *= rate / (k + 1);
  }
}

/** The empirical distribution of whole-number counts (>= 0), e.g. one week's counts over an ensemble. */
export function empiricalCdf(counts: readonly number[]): number[] {
  const top = counts.reduce((m, x) => Math.max(m, x), 0);
  const hist = new Array<number>(top + 1).fill(0);
  for (const x of counts) hist[x]! += 1;
  let seen = 0;
  return hist.map((h) => (seen += h) / counts.length);
}

const at = (cdf: CountCdf, k: number) => (k < cdf.length ? cdf[k]! : 1);

/**
 * The CRPS of a count forecast for the observed count y (a whole number >= 0), in counts; lower is
 * better, 0 only for a point mass on y. For a distribution on the integers the integral of
 * (F(x) - 1{x >= y})^2 is the sum over k >= 0 of (F(k) - 1{k >= y})^2, every step being 1 wide.
 */
export function crps(cdf: CountCdf, y: number): number {
  let sum = 0;
  for (let k = 0; k < Math.max(cdf.length, y); k++) sum += (at(cdf, k) - (k >= y ? 1 : 0)) ** 2;
  return sum;
}

/** The p-quantile (p in (0, 1]) of a count forecast: the least k with P(X <= k) >= p. */
export function countQuantile(cdf: CountCdf, p: number): number {
  // A hair below p, so that a cdf summed in floating point to 0.49999999 still reaches 0.5.
  const k = cdf.findIndex((f) => f >= p - 1e-12);
  return k < 0 ? cdf.length : k;
}

/**
 * Whether y lies in the forecast's central interval of probability `level` (in (0, 1)): from the
 * (1 - level) / 2 quantile to the (1 + level) / 2 quantile, both ends included. For a count the
 * interval holds at least `level` of the probability, so coverage above nominal is expected.
 */
export function covers(cdf: CountCdf, y: number, level: number): boolean {
  return countQuantile(cdf, (1 - level) / 2) <= y && y <= countQuantile(cdf, (1 + level) / 2);
}
