/**
 * Beliefs about resolve. Each belief is what one actor (the holder) thinks of another's answer to a
 * trigger: how often `about` plays one of its responses within the window after a trigger, against
 * how often it plays them in weeks with nothing to answer. Both rates are Beta-Bernoulli estimates
 * with forgetting: every week the evidence shrinks toward the prior by `beliefMemory`, then the
 * week's observation is added.
 *
 * The holder's doctrine weighs a triggering move by the response it expects: its stake is
 *   foresight * (P(response | trigger) - P(response | no trigger)) * value of the response to it,
 * so a threat deters only as far as it is contingent and believed, and an actor that gains from
 * the response (a militia that wants the US to over-react inside Iraq) is drawn to provoke it.
 */
import type { Compiled, CompiledBelief } from './compile';
import { expectedGain, gainOf } from './value';
import { baselineMean, BeliefSlot, beliefMean, type Work } from './work';

/** Updates every belief from the week's moves and the triggers that happened (`c.beliefHit`, set as the moves resolved). */
export function observeBeliefs(c: Compiled, w: Work, moves: ArrayLike<number>): void {
  const count = c.beliefs.length;
  if (count === 0) return;
  const keep = c.scenario.dynamics.beliefMemory;
  const v = w.belief;
  const prior = c.beliefPrior;
  for (let i = 0; i < v.length; i++) v[i] = prior[i]! + keep * (v[i]! - prior[i]!);
  const moveCount = c.moves.length;
  const { beliefAbout, beliefWindow, beliefResponse, beliefHit } = c;
  const beliefOpen = w.beliefOpen;
  for (let i = 0; i < count; i++) {
    const at = i * BeliefSlot.size;
    const responded = beliefResponse[i * moveCount + moves[beliefAbout[i]!]!] === 1;
    let open = beliefOpen[i]!;
    if (open >= 0) {
      if (responded) {
        v[at] = v[at]! + 1;
        open = -1;
      } else if (open + 1 >= beliefWindow[i]!) {
        v[at + 1] = v[at + 1]! + 1;
        open = -1;
      } else {
        open += 1;
      }
    } else if (responded) {
      v[at + 2] = v[at + 2]! + 1;
    } else {
      v[at + 3] = v[at + 3]! + 1;
    }
    beliefOpen[i] = open < 0 && beliefHit[i] !== 0 ? 0 : open;
  }
}

/** How much more likely the response is after a trigger than without one: the threat's credibility, in [-1, 1]. */
export function credibility(w: Work, b: number): number {
  return beliefMean(w, b) - baselineMean(w, b);
}

/** The mean value to `holder` of the belief's responses, computed afresh (for reports and tests). */
export function responseValue(c: Compiled, w: Work, holder: number, b: CompiledBelief): number {
  let total = 0;
  for (let i = 0; i < b.responses.length; i++) total += expectedGain(c, w, holder, c.moves[b.responses[i]!]!);
  return total / b.responses.length;
}

/**
 * Writes into `out[b]` the stake of every belief actor `a` holds: foresight * credibility * value of
 * the response. While the week's choices are made (week.ts `openChoices`).
 */
export function beliefStakes(c: Compiled, w: Work, a: number, foresight: number, out: Float64Array): void {
  const values = c.responseValueBuffer;
  const weighed = c.responsesWeighed[a]!;
  for (let k = 0; k < weighed.length; k++) values[weighed[k]!] = gainOf(c, w, a, weighed[k]!);
  const held = c.beliefsHeld[a]!;
  const { beliefResponseFrom, beliefResponseTo, beliefResponses } = c;
  const v = w.belief;
  for (let k = 0; k < held.length; k++) {
    const b = held[k]!;
    // credibility and meanValue, read from the flat tables.
    const at = b * BeliefSlot.size;
    const hit = v[at]!;
    const baseHit = v[at + 2]!;
    const credible = hit / (hit + v[at + 1]!) - baseHit / (baseHit + v[at + 3]!);
    const from = beliefResponseFrom[b]!;
    const to = beliefResponseTo[b]!;
    let total = 0;
    for (let i = from; i < to; i++) total += values[beliefResponses[i]!]!;
    out[b] = foresight * credible * (total / (to - from));
  }
}
