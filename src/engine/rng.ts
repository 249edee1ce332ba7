/**
 * Seeded random streams. Randomness is state: a game keeps its generator's state (four 32-bit words)
 * in the game state, so a turn is a pure function of the state and the moves.
 *
 * Each turn opens by drawing the next turn's generator state, so the number of draws inside a turn
 * never shifts later turns: AI choices can be computed or skipped without changing the game.
 * Independent Monte Carlo runs start from states a `jump()` (2^64 draws) apart.
 */
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { jumpedState } from './jump';

export type Rng = JumpableRandomGenerator;
export type RngState = readonly number[];

const TWO_POW_MINUS_32 = 2 ** -32;

/** A generator seeded from a 32-bit integer seed. */
export function seededRng(seed: number): Rng {
  return xoroshiro128plus(seed | 0);
}

export function rngFromState(state: RngState): Rng {
  return xoroshiro128plusFromState(state);
}

/** Uniform in [0, 1), with 32 bits of resolution. */
export function uniform(rng: Rng): number {
  return (rng.next() >>> 0) * TWO_POW_MINUS_32;
}

/** Murmur3's finaliser: spreads every input bit over the word before it seeds a generator. */
function mix32(x: number): number {
  let h = x ^ (x >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** Draws a fresh generator state from `rng` (four draws); never the all-zero state. */
export function drawState(rng: Rng): number[] {
  const state = [mix32(rng.next()), mix32(rng.next()), mix32(rng.next()), mix32(rng.next())];
  if ((state[0]! | state[1]! | state[2]! | state[3]!) === 0) state[0] = 1;
  return state;
}

/**
 * The start states of `count` independent streams: stream i is the seed's state jumped i + 1 times.
 * The first is reached in about log2(first) steps (jump.ts), the rest one jump apart.
 */
export function streamStates(seed: number, first: number, count: number): number[][] {
  const rng = rngFromState(jumpedState(seededRng(seed).getState(), first + 1));
  const states: number[][] = [];
  for (let i = 0; i < count; i++) {
    states.push([...rng.getState()]);
    rng.jump();
  }
  return states;
}

/** A copy of the week's generator, moved past the next week's state (drawState): the week's policy draws. */
export function policyStream(w: { readonly rng: Rng }): Rng {
  const rng = w.rng.clone();
  drawState(rng);
  return rng;
}
