/**
 * Jumping a xoroshiro128+ state ahead by any number of `jump()`s in a few steps, so that the start
 * state of run i of a forecast costs about log2(i) table lookups instead of i jumps from the seed
 * (chunks of a long forecast were re-jumping from the seed, a cost that grew with the square of
 * the runs).
 *
 * The generator's step is linear over GF(2) on its 128 bits of state, and so is `jump()` (a sum of
 * stepped states). A linear map is held as its images of the 128 unit states; the map of 2^(k+1)
 * jumps is that of 2^k jumps applied twice. The map of one jump is read off pure-rand's own `jump()`,
 * so the states are exactly those of jumping one at a time.
 */
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

const BITS = 128;
const WORDS = 4;

/** powers[k]: the images, 4 words each, of the 128 unit states under 2^k jumps. */
const powers: Int32Array[] = [];

/** Applies the map `m` to the state `v` (4 words), writing the image into `out` (may be `v`). */
function apply(m: Int32Array, v: ArrayLike<number>, out: Int32Array | number[]): void {
  let o0 = 0;
  let o1 = 0;
  let o2 = 0;
  let o3 = 0;
  for (let word = 0; word < WORDS; word++) {
    let x = v[word]! | 0;
    let at = word * 32 * WORDS;
    while (x !== 0) {
      if (x & 1) {
        o0 ^= m[at]!;
        o1 ^= m[at + 1]!;
        o2 ^= m[at + 2]!;
        o3 ^= m[at + 3]!;
      }
      x >>>= 1;
      at += WORDS;
    }
  }
  out[0] = o0;
  out[1] = o1;
  out[2] = o2;
  out[3] = o3;
}

function oneJump(): Int32Array {
  const m = new Int32Array(BITS * WORDS);
  for (let j = 0; j < BITS; j++) {
    const unit = [0, 0, 0, 0];
    unit[j >> 5] = 1 << (j & 31);
    const rng = xoroshiro128plusFromState(unit);
    rng.jump();
    m.set(rng.getState(), j * WORDS);
  }
  return m;
}

function squared(m: Int32Array): Int32Array {
  const out = new Int32Array(BITS * WORDS);
  const column = new Int32Array(WORDS);
  for (let j = 0; j < BITS; j++) {
    apply(m, m.subarray(j * WORDS, j * WORDS + WORDS), column);
    out.set(column, j * WORDS);
  }
  return out;
}

function power(k: number): Int32Array {
  if (powers.length === 0) powers.push(oneJump());
  while (powers.length <= k) powers.push(squared(powers[powers.length - 1]!));
  return powers[k]!;
}

/** The state `jumps` jumps after `state` (jumps a whole number >= 0, below 2^53). */
export function jumpedState(state: readonly number[], jumps: number): number[] {
  const out = [state[0]! | 0, state[1]! | 0, state[2]! | 0, state[3]! | 0];
  let n = jumps;
  for (let k = 0; n > 0; k++) {
    if (n % 2 === 1) apply(power(k), out, out);
    n = Math.floor(n / 2);
  }
  return out;
}
