/**
 * The limits the app, the CLI and every file format share: one home, so they cannot drift apart.
 */

/** The longest game, in weeks (ten years of weekly turns). */
export const MAX_WEEKS = 520;
/** Seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;
/** A session holds at most this many branches. */
export const MAX_BRANCHES = 50;
/** A branch's name, at most this many characters. */
export const MAX_BRANCH_NAME = 80;

/** Whether `x` is a seed the engine accepts: a whole number from 0 to MAX_SEED. */
export function isSeed(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= MAX_SEED;
}

/** Whether `x` is a game length the engine accepts: a whole number of weeks from 1 to MAX_WEEKS. */
export function isWeeks(x: number): boolean {
  return Number.isInteger(x) && x >= 1 && x <= MAX_WEEKS;
}
