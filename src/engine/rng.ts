/**
 * Seeded random streams. Randomness is state: a game keeps its generator's state (four 32-bit words)
 * in the game state, so a turn is a pure function of the state and the moves.
 *
 * Each turn opens by drawing the next turn's generator state, so the number of draws inside a turn
 * never shifts later turns: AI choices can be computed or skipped without changing the game.
 * Independent Monte Carlo runs start from states a `jump()` (2^64 draws) apart.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { jumpedState } from './jump';

export type RngState = readonly number[];

/**
 * xoroshiro128+ exactly as pure-rand's (the same four 32-bit halves in the same order, the same
 * steps, the same outputs; rng.test.ts holds them equal), with a state that can be set in place:
 * the turn loop re-seeds its generator every week, and a new object a week was most of what the
 * loop allocated. The halves live in an Int32Array: as object fields, Chromium (whose small
 * integers are 31 bits) boxed every other one on each draw. States are always whole 32-bit words
 * (the engine makes them), so the array holds them exactly.
 */
export class Rng implements JumpableRandomGenerator {
  /** [s01, s00, s11, s10], in pure-rand's order. */
  private readonly s = new Int32Array(4);

  constructor(s01: number, s00: number, s11: number, s10: number) {
    const s = this.s;
    s[0] = s01;
    s[1] = s00;
    s[2] = s11;
    s[3] = s10;
  }

  next(): number {
    const s = this.s;
    const s01 = s[0]!;
    const s00 = s[1]!;
    const s11 = s[2]!;
    const s10 = s[3]!;
    const a0 = s10 ^ s00;
    const a1 = s11 ^ s01;
    s[1] = (s00 << 24) ^ (s01 >>> 8) ^ a0 ^ (a0 << 16);
    s[0] = (s01 << 24) ^ (s00 >>> 8) ^ a1 ^ ((a1 << 16) | (a0 >>> 16));
    s[3] = (a1 << 5) ^ (a0 >>> 27);
    s[2] = (a0 << 5) ^ (a1 >>> 27);
    return (s00 + s10) | 0;
  }

  clone(): Rng {
    const s = this.s;
    return new Rng(s[0]!, s[1]!, s[2]!, s[3]!);
  }

  /** pure-rand's own jump (2^64 draws); rare (once per stream), so it is borrowed rather than copied. */
  jump(): void {
    const rng = xoroshiro128plusFromState(this.getState());
    rng.jump();
    this.setState(rng.getState());
  }

  getState(): readonly number[] {
    const s = this.s;
    return [s[0]!, s[1]!, s[2]!, s[3]!];
  }

  /** Sets the generator to `state` (four words, as `getState` gives them). */
  setState(state: ArrayLike<number>): void {
    const s = this.s;
    s[0] = state[0]!;
    s[1] = state[1]!;
    s[2] = state[2]!;
    s[3] = state[3]!;
  }
}

const TWO_POW_MINUS_32 = 2 ** -32;

/** A generator seeded from a 32-bit integer seed (as pure-rand's xoroshiro128plus(seed)). */
export function seededRng(seed: number): Rng {
  const s = seed | 0;
  return new Rng(-1, ~s, s, 0);
}

export function rngFromState(state: RngState): Rng {
  if (state.length !== 4) throw new Error('The state must have been produced by a xoroshiro128plus RandomGenerator');
  return new Rng(state[0]!, state[1]!, state[2]!, state[3]!);
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
  const state = [0, 0, 0, 0];
  drawStateInto(rng, state);
  return state;
}

/** `drawState` written into `out` (four words), for the turn loop. */
export function drawStateInto(rng: Rng, out: Int32Array | number[]): void {
  out[0] = mix32(rng.next());
  out[1] = mix32(rng.next());
  out[2] = mix32(rng.next());
  out[3] = mix32(rng.next());
  if ((out[0]! | out[1]! | out[2]! | out[3]!) === 0) out[0] = 1;
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
