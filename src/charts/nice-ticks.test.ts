import fc from 'fast-check';
import { createRequire } from 'node:module';
import type { getTickValuesFixedDomain as FixedDomain } from 'recharts/types/util/scale/getNiceTickValues';
import { describe, expect, it } from 'vitest';
import { fixedTicks, rangeTicks, shareTicks, spanTicks } from './nice-ticks';

// recharts' ticks for a fixed domain, which its index does not export: the reference these ticks copy.
const { getTickValuesFixedDomain } = createRequire(import.meta.url)('recharts/lib/util/scale/getNiceTickValues') as { getTickValuesFixedDomain: typeof FixedDomain };

describe('nice ticks', () => {
  it('gives the forecast charts the ticks recharts gave them', () => {
    expect(fixedTicks(0, 26, 5, false)).toEqual([0, 7, 14, 21, 26]);
    expect(fixedTicks(2, 26, 5, false)).toEqual([2, 8, 14, 20, 26]);
    expect(fixedTicks(0, 12)).toEqual([0, 3, 6, 9, 12]);
    expect(fixedTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('matches recharts on a fixed domain of weeks, whole or not', () => {
    fc.assert(
      fc.property(fc.integer({ min: -20, max: 60 }), fc.integer({ min: 1, max: 80 }), fc.boolean(), (lo, span, whole) => {
        expect(fixedTicks(lo, lo + span, 5, !whole)).toEqual(getTickValuesFixedDomain([lo, lo + span], 5, !whole));
      }),
    );
  });

  // Shares are counts of futures over their number; recharts works them in decimals, this in doubles.
  const share = fc.integer({ min: 1, max: 200_000 }).chain((runs) => fc.integer({ min: 1, max: runs }).map((k) => k / runs));

  it('matches recharts on a fixed domain from 0 to a share', () => {
    fc.assert(
      fc.property(share, (hi) => {
        expect(fixedTicks(0, hi)).toEqual(getTickValuesFixedDomain([0, hi], 5, true));
      }),
    );
  });

  it('gives a share axis exact round labels: 0% to just past the largest bar by 1, 2, 2.5, 5, 10, 20 or 25 points', () => {
    expect(shareTicks(0.373)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(shareTicks(0.05)).toEqual([0, 0.02, 0.04, 0.06]);
    expect(shareTicks(1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    fc.assert(
      fc.property(share, (max) => {
        const ticks = shareTicks(max);
        expect(ticks.length).toBeLessThanOrEqual(5);
        expect(ticks[ticks.length - 1]).toBeGreaterThanOrEqual(max - 1e-12);
        expect(ticks[ticks.length - 2]).toBeLessThan(max);
        // Every label "n%" (or "n.5%") is the tick's value exactly.
        for (const t of ticks) expect(Math.round(t * 1000) / 10).toBeCloseTo(t * 100, 9);
      }),
    );
  });
});

/** A span [lo, hi] of any size and sign, and how many ticks to ask for. */
const span = fc.tuple(fc.double({ min: -1e4, max: 1e4, noNaN: true }), fc.double({ min: -1e4, max: 1e4, noNaN: true })).map(([a, b]): [number, number] => (a <= b ? [a, b] : [b, a]));
const tickCount = fc.integer({ min: 3, max: 8 });

describe('spanTicks', () => {
  it('covers the span and zero by a round step, in at most the ticks asked for', () => {
    expect(spanTicks(0.12, 0.78)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(spanTicks(-0.31, 0.45)).toEqual([-0.5, -0.25, 0, 0.25, 0.5]);
    expect(spanTicks(-3, -0.4, 3)).toEqual([-4, -2, 0]);
    expect(spanTicks(-0.007, -0.001)).toEqual([-0.008, -0.006, -0.004, -0.002, 0]);
    expect(spanTicks(0, 0)).toEqual([0]);
  });

  it('always holds both ends and zero, with at most `count` ticks, for spans of any size', () => {
    fc.assert(
      fc.property(span, tickCount, ([lo, hi], count) => {
        const ticks = spanTicks(lo, hi, count);
        expect(ticks.length).toBeLessThanOrEqual(count);
        expect(ticks[0]!).toBeLessThanOrEqual(Math.min(0, lo) + 1e-12);
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(Math.max(0, hi) - 1e-12);
        expect(ticks).toContain(0);
      }),
    );
  });
});

describe('rangeTicks', () => {
  it('covers the values by a round step, zero or not', () => {
    expect(rangeTicks(0.403, 0.568)).toEqual([0.4, 0.45, 0.5, 0.55, 0.6]);
    expect(rangeTicks(6.06, 7.31)).toEqual([6, 6.5, 7, 7.5]);
    expect(rangeTicks(0.6, 0.71, 4)).toEqual([0.6, 0.65, 0.7, 0.75]);
    expect(rangeTicks(-12, -3)).toEqual([-12.5, -10, -7.5, -5, -2.5]);
    expect(rangeTicks(5, 5)).toEqual([5]);
  });

  it('always holds both ends, by one round step, with at most `count` ticks', () => {
    fc.assert(
      fc.property(span, tickCount, ([lo, hi], count) => {
        const ticks = rangeTicks(lo, hi, count);
        expect(ticks.length).toBeLessThanOrEqual(count);
        expect(ticks[0]!).toBeLessThanOrEqual(lo + 1e-9 * Math.max(1, Math.abs(lo)));
        expect(ticks.at(-1)!).toBeGreaterThanOrEqual(hi - 1e-9 * Math.max(1, Math.abs(hi)));
        const step = (ticks.at(-1)! - ticks[0]!) / Math.max(1, ticks.length - 1);
        for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!).toBeCloseTo(step, 6);
      }),
    );
  });
});
