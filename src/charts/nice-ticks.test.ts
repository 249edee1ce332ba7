import fc from 'fast-check';
import { createRequire } from 'node:module';
import { getNiceTickValues } from 'recharts';
import type { getTickValuesFixedDomain as FixedDomain } from 'recharts/types/util/scale/getNiceTickValues';
import { describe, expect, it } from 'vitest';
import { fixedTicks, ticksFromZero } from './nice-ticks';

// recharts' ticks for a fixed domain, which its index does not export: the reference these ticks copy.
const { getTickValuesFixedDomain } = createRequire(import.meta.url)('recharts/lib/util/scale/getNiceTickValues') as { getTickValuesFixedDomain: typeof FixedDomain };

describe('nice ticks', () => {
  it('gives the forecast charts the ticks recharts gave them', () => {
    expect(fixedTicks(0, 26, 5, false)).toEqual([0, 7, 14, 21, 26]);
    expect(fixedTicks(2, 26, 5, false)).toEqual([2, 8, 14, 20, 26]);
    expect(fixedTicks(0, 12)).toEqual([0, 3, 6, 9, 12]);
    expect(fixedTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(ticksFromZero(0.39)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
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

  it('matches recharts’ nice ticks from zero for a share as the largest bar', () => {
    fc.assert(
      fc.property(share, (max) => {
        expect(ticksFromZero(max)).toEqual(getNiceTickValues([0, max], 5, true));
      }),
    );
  });
});
