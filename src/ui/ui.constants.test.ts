import { describe, expect, it } from 'vitest';
import { signed } from './ui.constants';

describe('signed', () => {
  it('signs a change, and leaves one that rounds to nothing unsigned', () => {
    expect(signed(0.4213)).toBe('+0.42');
    expect(signed(-3, 0)).toBe('−3');
    expect(signed(-0.0004)).toBe('0.00');
    expect(signed(-0.04, 1)).toBe('0.0');
    expect(signed(0)).toBe('0.00');
  });
});
