/**
 * Morris elementary-effects screening (Morris 1991; μ* after Campolongo, Cariboni & Saltelli 2007):
 * a global sensitivity measure that costs r (k + 1) model runs for k factors. Each factor lives on
 * [0, 1] (the place of its value within its prior, see `scenario/priors.ts`), cut into p levels.
 * A trajectory starts at a random grid point and moves one factor at a time by ±Δ, every factor
 * once, in a random order; the change in the outcome over the change in the factor is one
 * elementary effect. Over r trajectories, per factor:
 *   - μ, the mean effect (its sign says which way the factor pushes),
 *   - μ*, the mean absolute effect (how much it matters at all; effects of both signs do not cancel),
 *   - σ, the spread of the effects (interaction with other factors, or a curved response).
 * Pure: the design is drawn from the engine's seeded generator, so a seed gives the same design.
 */
import { seededRng, uniform, type Rng } from '../engine/rng';

/** Grid levels per factor: p = 4, the common choice (levels 0, 1/3, 2/3, 1). */
export const MORRIS_LEVELS = 4;

/** The step Δ = p / (2 (p - 1)) for p levels (2/3 for p = 4): each level pairs with one Δ away. */
export function morrisDelta(levels: number): number {
  return levels / (2 * (levels - 1));
}

export interface Trajectory {
  /** k + 1 points; each holds k factor levels in [0, 1]. */
  readonly points: readonly (readonly number[])[];
  /** `order[j]` is the factor that changes from `points[j]` to `points[j + 1]`. */
  readonly order: readonly number[];
}

const below = (rng: Rng, n: number) => Math.min(n - 1, Math.floor(uniform(rng) * n));

function shuffled(rng: Rng, k: number): number[] {
  const order = Array.from({ length: k }, (_, i) => i);
  for (let i = k - 1; i > 0; i--) {
    const j = below(rng, i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/**
 * One trajectory, on the grid of `levels` steps (counted in grid units: Δ is `levels / 2` of them).
 * The base point x* takes levels 0 .. 1 - Δ; a factor that steps down starts Δ higher, so every
 * point stays on the grid in [0, 1] (the B* matrix of Morris 1991, built row by row).
 */
function trajectory(rng: Rng, k: number, levels: number): Trajectory {
  const half = levels / 2;
  const base = Array.from({ length: k }, () => below(rng, half));
  const up = Array.from({ length: k }, () => uniform(rng) < 0.5);
  const order = shuffled(rng, k);
  const grid = base.map((b, i) => (up[i] ? b : b + half));
  const scale = levels - 1;
  const points = [grid.map((g) => g / scale)];
  for (const i of order) {
    grid[i]! += up[i] ? half : -half;
    points.push(grid.map((g) => g / scale));
  }
  return { points, order };
}

/**
 * `r` trajectories over `k` factors, drawn from `seed` (the same seed, the same design).
 * `levels` must be even and at least 2.
 */
export function morrisDesign(k: number, r: number, seed: number, levels = MORRIS_LEVELS): Trajectory[] {
  if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0) throw new RangeError(`Morris levels must be an even whole number >= 2, got ${levels}`);
  const rng = seededRng(seed);
  return Array.from({ length: r }, () => trajectory(rng, k, levels));
}

/** Every point of the design, trajectory by trajectory: the order in which outcomes are given back. */
export function designPoints(design: readonly Trajectory[]): (readonly number[])[] {
  return design.flatMap((t) => t.points);
}

/** A factor's screening measures, in the outcome's units per unit of the factor (the whole prior range). */
export interface FactorEffects {
  readonly factor: number;
  /** Mean elementary effect. */
  readonly mu: number;
  /** Mean absolute elementary effect: the ranking measure. */
  readonly muStar: number;
  /** Sample standard deviation of the elementary effects (0 with a single trajectory). */
  readonly sigma: number;
  /** The effects themselves, one per trajectory. */
  readonly effects: readonly number[];
}

function measures(factor: number, effects: readonly number[]): FactorEffects {
  const n = effects.length;
  const mu = effects.reduce((a, b) => a + b, 0) / n;
  const muStar = effects.reduce((a, b) => a + Math.abs(b), 0) / n;
  const sigma = n < 2 ? 0 : Math.sqrt(effects.reduce((a, b) => a + (b - mu) ** 2, 0) / (n - 1));
  return { factor, mu, muStar, sigma, effects };
}

/**
 * The measures of each of the design's k factors, in factor order, from the outcome at every point
 * (`values` in the order of `designPoints`).
 */
export function elementaryEffects(design: readonly Trajectory[], values: readonly number[]): FactorEffects[] {
  const k = design[0]?.order.length ?? 0;
  if (values.length !== design.length * (k + 1)) throw new RangeError(`expected ${design.length * (k + 1)} outcomes, got ${values.length}`);
  const effects: number[][] = Array.from({ length: k }, () => []);
  design.forEach((t, ti) => {
    const y = values.slice(ti * (k + 1), (ti + 1) * (k + 1));
    t.order.forEach((i, j) => {
      const step = t.points[j + 1]![i]! - t.points[j]![i]!;
      effects[i]!.push((y[j + 1]! - y[j]!) / step);
    });
  });
  return effects.map((e, i) => measures(i, e));
}

/** The factors by μ*, largest first (ties in factor order). */
export function rankByMuStar<T extends Pick<FactorEffects, 'factor' | 'muStar'>>(effects: readonly T[]): T[] {
  return [...effects].sort((a, b) => b.muStar - a.muStar || a.factor - b.factor);
}
