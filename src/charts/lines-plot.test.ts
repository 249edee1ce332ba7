import { describe, expect, it } from 'vitest';
import { lonePoints, rowsPath } from './lines-plot';

const rows = [
  { turn: 0, date: 'a', v: 1 },
  { turn: 1, date: 'b', v: 2 },
  { turn: 2, date: 'c' },
  { turn: 3, date: 'd', v: 4 },
];
const same = (x: number) => x;

describe('rowsPath', () => {
  it('breaks a line where a row has no value, or joins across the gap when asked', () => {
    expect(rowsPath(rows, 'v', false, same, same)).toBe('M0,1L1,2M3,4');
    expect(rowsPath(rows, 'v', true, same, same)).toBe('M0,1L1,2L3,4');
  });

  it('draws nothing for a column no row has', () => {
    expect(rowsPath(rows, 'w', false, same, same)).toBe('');
  });

  it('finds the values that stand alone, to be drawn as dots', () => {
    expect(lonePoints(rows, 'v').map((r) => r.turn)).toEqual([3]);
    expect(lonePoints([{ turn: 0, date: 'a', v: 6.8 }], 'v').map((r) => r.turn)).toEqual([0]);
    expect(lonePoints(rows, 'v', true)).toEqual([]);
    expect(lonePoints([{ turn: 0, date: 'a' }, { turn: 1, date: 'b', v: 0.7 }], 'v', true).map((r) => r.turn)).toEqual([1]);
  });
});
