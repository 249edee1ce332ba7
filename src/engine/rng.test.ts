import { describe, expect, it } from 'vitest';
import { jumpedState } from './jump';
import { seededRng, streamStates } from './rng';

/** The start states as they were first defined: jump from the seed, one jump at a time. */
function jumpedOneByOne(seed: number, first: number, count: number): number[][] {
  const rng = seededRng(seed);
  for (let i = 0; i <= first; i++) rng.jump();
  return Array.from({ length: count }, () => {
    const state = [...rng.getState()];
    rng.jump();
    return state;
  });
}

describe('independent streams', () => {
  it('start every chunk exactly where jumping one stream at a time from the seed arrives', () => {
    for (const seed of [0, 1, 7, -3, 2021, 0x7fffffff]) {
      for (const [first, count] of [[0, 3], [1, 2], [249, 3], [250, 1], [1000, 2], [4097, 2], [99_999, 1]] as const) {
        expect(streamStates(seed, first, count)).toEqual(jumpedOneByOne(seed, first, count));
      }
    }
  });

  it('jumps any state ahead by a number of jumps in one call, and by none when asked for none', () => {
    const state = [...seededRng(99).getState()];
    const rng = seededRng(99);
    for (let i = 0; i < 37; i++) rng.jump();
    expect(jumpedState(state, 37)).toEqual([...rng.getState()]);
    expect(jumpedState(state, 0)).toEqual(state);
  });
});
