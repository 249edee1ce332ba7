import { describe, expect, it } from 'vitest';
import { weekTicks } from './week-ticks';

describe('week ticks', () => {
  it('gives every week when they fit', () => {
    expect(weekTicks(0, 12, 14)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('steps by a round number and never adds the domain’s end beside the last tick', () => {
    const ticks = weekTicks(-16, 12, 8);
    expect(ticks).toEqual([-16, -12, -8, -4, 0, 4, 8, 12]);
    expect(weekTicks(0, 26, 8)).toEqual([0, 4, 8, 12, 16, 20, 24]);
    expect(weekTicks(-16.4, 11, 14)).toEqual([-16, -14, -12, -10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]);
  });

  it('always includes week 0 when it is in range, and at most max ticks', () => {
    for (const [from, to, max] of [[-20, 26, 8], [0, 52, 14], [-3, 5, 4], [0, 1, 8]] as const) {
      const ticks = weekTicks(from, to, max);
      expect(ticks).toContain(0);
      expect(ticks.length).toBeLessThanOrEqual(Math.max(2, max));
    }
  });
});
