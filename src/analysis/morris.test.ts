import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { designPoints, elementaryEffects, MORRIS_LEVELS, morrisDelta, morrisDesign, rankByMuStar, type Trajectory } from './morris';

const delta = morrisDelta(MORRIS_LEVELS);
const grid = [0, 1 / 3, 2 / 3, 1];

/** The factors whose levels differ between two points. */
const changed = (a: readonly number[], b: readonly number[]) => a.flatMap((x, i) => (Math.abs(x - b[i]!) > 1e-12 ? [i] : []));

/** What is wrong with a trajectory over k factors, or null: one expect per trajectory keeps the property fast. */
function problem(t: Trajectory, k: number): string | null {
  if (t.points.length !== k + 1) return `${t.points.length} points`;
  if ([...t.order].sort((a, b) => a - b).join() !== Array.from({ length: k }, (_, i) => i).join()) return `order ${t.order.join()}`;
  for (const p of t.points) {
    if (p.length !== k) return `a point of ${p.length} levels`;
    if (p.some((x) => x < 0 || x > 1 || !grid.some((g) => Math.abs(g - x) < 1e-12))) return `a level off the grid: ${p.join()}`;
  }
  for (const [j, i] of t.order.entries()) {
    const [a, b] = [t.points[j]!, t.points[j + 1]!];
    if (changed(a, b).join() !== String(i)) return `step ${j} changes ${changed(a, b).join()}, not ${i}`;
    if (Math.abs(Math.abs(b[i]! - a[i]!) - delta) > 1e-12) return `step ${j} moves by ${b[i]! - a[i]!}`;
  }
  return null;
}

describe('the Morris design', () => {
  it('uses p = 4 levels and the step Δ = p / (2 (p - 1)) = 2/3', () => {
    expect(MORRIS_LEVELS).toBe(4);
    expect(delta).toBeCloseTo(2 / 3, 15);
    expect(morrisDelta(6)).toBeCloseTo(0.6, 15);
  });

  it('changes exactly one factor per step, by ±Δ, every factor once, with every level on the grid in [0, 1]', () => {
    expect(problem({ points: [[0], [1 / 3]], order: [0] }, 1)).toMatch(/moves by/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), (k, r, seed) => {
        const design = morrisDesign(k, r, seed);
        expect(design).toHaveLength(r);
        expect(design.map((t) => problem(t, k))).toEqual(design.map(() => null));
      }),
      { numRuns: 100 },
    );
  });

  it('gives the same design for a seed and a different one for another seed', () => {
    expect(morrisDesign(21, 10, 7)).toEqual(morrisDesign(21, 10, 7));
    expect(morrisDesign(21, 10, 7)).not.toEqual(morrisDesign(21, 10, 8));
  });

  it('moves factors up and down, from both lower levels, in varied orders', () => {
    const design = morrisDesign(6, 40, 3);
    const steps = design.flatMap((t) => t.order.map((i, j) => t.points[j + 1]![i]! - t.points[j]![i]!));
    expect(steps.some((s) => s > 0)).toBe(true);
    expect(steps.some((s) => s < 0)).toBe(true);
    expect(new Set(design.map((t) => t.order.join(','))).size).toBeGreaterThan(30);
    expect(new Set(design.map((t) => t.points[0]![0]))).toEqual(new Set(grid));
  });

  it('refuses an odd number of levels', () => {
    expect(() => morrisDesign(3, 2, 1, 3)).toThrow(RangeError);
  });

  it('lists the points trajectory by trajectory', () => {
    const design = morrisDesign(3, 2, 1);
    expect(designPoints(design)).toEqual([...design[0]!.points, ...design[1]!.points]);
  });
});

describe('the elementary-effects estimator', () => {
  const f = (x: readonly number[]) => 3 * x[0]! + 0 * x[1]! + x[2]! ** 2;
  const design = morrisDesign(3, 20, 11);
  const effects = elementaryEffects(design, designPoints(design).map(f));

  it('finds μ* = μ = 3 with no spread for a linear factor, and 0 for a factor with no effect', () => {
    expect(effects[0]!.muStar).toBeCloseTo(3, 12);
    expect(effects[0]!.mu).toBeCloseTo(3, 12);
    expect(effects[0]!.sigma).toBeCloseTo(0, 12);
    expect(effects[1]).toMatchObject({ mu: 0, muStar: 0, sigma: 0 });
    expect(effects.every((e) => e.effects.length === 20)).toBe(true);
  });

  it('sees a curved factor as a spread of effects between its slopes at the grid points', () => {
    // (x + Δ)² - x² over Δ is 2x + Δ: 2/3 from x = 0, 4/3 from x = 1/3.
    for (const e of effects[2]!.effects) expect([2 / 3, 4 / 3].some((v) => Math.abs(v - e) < 1e-12)).toBe(true);
    expect(effects[2]!.muStar).toBeGreaterThan(2 / 3 - 1e-12);
    expect(effects[2]!.muStar).toBeLessThan(4 / 3 + 1e-12);
    expect(effects[2]!.sigma).toBeGreaterThan(0);
  });

  it('counts a step down with the sign of the function, not of the step', () => {
    const down = morrisDesign(1, 30, 5);
    const e = elementaryEffects(down, designPoints(down).map((x) => -2 * x[0]!))[0]!;
    expect(e.mu).toBeCloseTo(-2, 12);
    expect(e.muStar).toBeCloseTo(2, 12);
  });

  it('ranks factors by μ*, largest first', () => {
    expect(rankByMuStar(effects).map((e) => e.factor)).toEqual([0, 2, 1]);
  });

  it('refuses outcomes that do not match the design', () => {
    expect(() => elementaryEffects(design, [1, 2, 3])).toThrow(RangeError);
  });
});
