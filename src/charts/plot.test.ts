import { describe, expect, it } from 'vitest';
import { bandPath, linear, linePath, plotBox } from './plot';

describe('plot parts', () => {
  it('maps a domain onto a range, reversed for a y-axis that grows upwards', () => {
    const y = linear(0, 12, 222, 8);
    expect([y(0), y(6), y(12)]).toEqual([222, 115, 8]);
    expect(linear(3, 3, 0, 100)(3)).toBe(0);
  });

  it('keeps the plot inside the margins, the y-axis on its left and the x-axis under it', () => {
    expect(plotBox(984, 260, { top: 8, right: 16, bottom: 8, left: 0 }, 32)).toEqual({ left: 32, right: 968, top: 8, bottom: 222 });
  });

  it('draws a band along its upper edge and back along its lower one', () => {
    expect(bandPath([[0, 10, 5], [1, 12, 6], [2, 14, 7]])).toBe('M0,5L1,6L2,7L2,14L1,12L0,10Z');
    expect(bandPath([])).toBe('');
    expect(linePath([[0.12345, 1], [2, 3.5]])).toBe('M0.123,1L2,3.5');
  });
});
