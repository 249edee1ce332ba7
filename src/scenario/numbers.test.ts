import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grouped } from './numbers';

describe('grouped', () => {
  it('puts a comma every three digits', () => {
    expect(grouped(0)).toBe('0');
    expect(grouped(999)).toBe('999');
    expect(grouped(1000)).toBe('1,000');
    expect(grouped(10000)).toBe('10,000');
    expect(grouped(-1234567)).toBe('-1,234,567');
  });

  it('writes what toLocaleString("en-US") writes, for any number (but -0, written "0")', () => {
    expect(grouped(-0)).toBe('0');
    const numbers = fc.oneof(fc.integer({ min: -1e15, max: 1e15 }), fc.double({ min: -1e9, max: 1e9, noNaN: true })).filter((n) => !Object.is(n, -0));
    fc.assert(
      fc.property(numbers, (n) => {
        expect(grouped(n)).toBe(n.toLocaleString('en-US'));
      }),
    );
  });
});
