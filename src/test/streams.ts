import { seededRng } from '../engine/rng';

/**
 * Stream start states as they were first found: from the seed, one jump per stream, for every
 * chunk (a cost growing with the square of the runs). The reference the jumped-ahead states are
 * checked against (rng.test.ts) and timed against (bench/limit.bench.ts).
 */
export function jumpedOneByOne(seed: number, first: number, count: number): number[][] {
  const rng = seededRng(seed);
  for (let i = 0; i <= first; i++) rng.jump();
  return Array.from({ length: count }, () => {
    const state = [...rng.getState()];
    rng.jump();
    return state;
  });
}
