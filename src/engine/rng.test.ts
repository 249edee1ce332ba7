import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { jumpedState } from './jump';
import { drawState, drawStateInto, rngFromState, seededRng, streamStates } from './rng';
import { jumpedOneByOne } from '../test/streams';

describe('the generator', () => {
  it("draws exactly pure-rand's xoroshiro128+ numbers, from a seed, a state, a clone and a jump", () => {
    for (const seed of [0, 1, 7, -3, 2021, 0x7fffffff, -0x80000000]) {
      const ours = seededRng(seed);
      const theirs = xoroshiro128plus(seed);
      for (let i = 0; i < 200; i++) expect(ours.next()).toBe(theirs.next());
      expect(ours.getState()).toEqual(theirs.getState());
      const [c1, c2] = [ours.clone(), theirs.clone()];
      ours.jump();
      theirs.jump();
      for (let i = 0; i < 50; i++) expect([ours.next(), c1.next()]).toEqual([theirs.next(), c2.next()]);
      const state = [...theirs.getState()];
      const fromState = [rngFromState(state), xoroshiro128plusFromState(state)] as const;
      for (let i = 0; i < 50; i++) expect(fromState[0].next()).toBe(fromState[1].next());
    }
  });

  it('is set to a state in place, and draws the next state into an array as drawState returns it', () => {
    const rng = seededRng(5);
    const copy = rng.clone();
    const next = new Int32Array(4);
    drawStateInto(rng, next);
    expect([...next]).toEqual(drawState(copy));
    rng.setState(next);
    const fresh = rngFromState([...next]);
    for (let i = 0; i < 50; i++) expect(rng.next()).toBe(fresh.next());
  });
});


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
