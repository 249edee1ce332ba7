import { describe, expect, it } from 'vitest';
import { brier, countQuantile, covers, crps, empiricalCdf, poissonCdf } from './proper-scores';

/** CRPS from its sample form, E|X - y| - E|X - X'| / 2 over an ensemble: an independent check. */
function sampleCrps(xs: readonly number[], y: number): number {
  const n = xs.length;
  let a = 0;
  let b = 0;
  for (const x of xs) {
    a += Math.abs(x - y);
    for (const z of xs) b += Math.abs(x - z);
  }
  return a / n - b / (2 * n * n);
}

describe('the Brier score', () => {
  it('is the mean squared gap between each probability and what happened', () => {
    // (0.2 - 0)^2 = 0.04, (0.9 - 1)^2 = 0.01, (0.5 - 1)^2 = 0.25: mean 0.1.
    expect(brier([0.2, 0.9, 0.5], [false, true, true])).toBeCloseTo(0.1, 12);
  });

  it('is 0 for certain forecasts that come true and 1 for certain ones that do not', () => {
    expect(brier([1, 0], [true, false])).toBe(0);
    expect(brier([0, 1], [true, false])).toBe(1);
  });
});

describe('the CRPS of a count', () => {
  it('is the distance to the observation for a point mass', () => {
    expect(crps(poissonCdf(0), 2)).toBe(2);
    expect(crps([0, 0, 0, 1], 3)).toBe(0);
    expect(crps([0, 0, 0, 1], 0)).toBe(3);
  });

  it('gives 0.25 for an even ensemble of 0 and 1 when 1 happens', () => {
    // F(0) = 0.5 against the step at 1: (0.5 - 0)^2 = 0.25; F(1) = 1 matches the step.
    expect(crps(empiricalCdf([0, 1]), 1)).toBeCloseTo(0.25, 12);
    expect(sampleCrps([0, 1], 1)).toBeCloseTo(0.25, 12);
  });

  it('matches hand-summed values for Poisson forecasts', () => {
    // Rate 1, nothing happens: the sum over k of (1 - F(k))^2 = 0.399576 + 0.069824 + 0.006443 + ...
    expect(crps(poissonCdf(1), 0)).toBeCloseTo(0.476222388, 8);
    // Rate 0.5, two attacks: F(0)^2 + F(1)^2 + the tail = 0.367879 + 0.827742 + 0.000210 + ...
    expect(crps(poissonCdf(0.5), 2)).toBeCloseTo(1.195818287, 8);
  });

  it('equals the sample form for ensembles', () => {
    const ensembles = [
      [0, 0, 1, 3],
      [2, 2, 2],
      [0, 5, 1, 1, 0, 2],
    ];
    for (const xs of ensembles) for (const y of [0, 1, 2, 4, 7]) expect(crps(empiricalCdf(xs), y)).toBeCloseTo(sampleCrps(xs, y), 12);
  });
});

describe('central intervals of a count', () => {
  it('runs from the lower to the upper quantile, both ends included', () => {
    // Ten futures: 0 in four, 1 in three, 2 in two, 5 in one.
    const cdf = empiricalCdf([0, 0, 0, 0, 1, 1, 1, 2, 2, 5]);
    expect(countQuantile(cdf, 0.25)).toBe(0);
    expect(countQuantile(cdf, 0.75)).toBe(2);
    expect(countQuantile(cdf, 0.95)).toBe(5);
    expect(covers(cdf, 2, 0.5)).toBe(true);
    expect(covers(cdf, 3, 0.5)).toBe(false);
    expect(covers(cdf, 5, 0.9)).toBe(true);
  });

  it('is the single value of a point mass', () => {
    expect(covers(poissonCdf(0), 0, 0.9)).toBe(true);
    expect(covers(poissonCdf(0), 1, 0.9)).toBe(false);
  });
});
