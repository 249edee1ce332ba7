/**
 * The week's choices share one state: every actor chooses from the same numbers before any move
 * resolves. A chance outcome's probability is weighed several times while they choose (by its
 * actor's gain and foresight, by the others' expected responses), so it is computed once per
 * state: `openChoices` starts a fresh cache, and nothing may change the state until the choices
 * are made.
 */
import type { Compiled } from './compile';
import { termProbability, type Work } from './work';

/** Stamps wrap before they overflow: the cache is cleared then. */
const MAX_STAMP = 0x3fffffff;

/** Starts a fresh cache of outcome probabilities for choices made from the state as it is now. */
export function openChoices(c: Compiled): void {
  const week = c.week;
  if (week.now[0]! >= MAX_STAMP) {
    week.stamp.fill(-1);
    week.now[0] = 0;
  } else {
    week.now[0] = week.now[0]! + 1;
  }
}

/** The probability of outcome `o` (its global index) in the state the choices are made from. */
export function choiceProbability(c: Compiled, w: Work, o: number): number {
  const week = c.week;
  const now = week.now[0]!;
  if (week.stamp[o] === now) return week.probability[o]!;
  const p = termProbability(c, w, o);
  week.probability[o] = p;
  week.stamp[o] = now;
  return p;
}
