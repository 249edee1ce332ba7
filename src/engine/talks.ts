/**
 * The talks track: phases with competing weekly hazards.
 *
 * Each transition out of the current phase has a weekly probability h (a linear term through a
 * logistic). Competing risks combine as rates: lambda = -ln(1 - h), the week's exit probability is
 * 1 - exp(-sum lambda), shared among the transitions in proportion to their rates.
 */
import type { Compiled } from './compile';
import { termProbability, type Work } from './work';

/** Hazards at or above this are treated as certain, to keep rates finite. */
const MAX_HAZARD = 1 - 1e-12;

function rateOf(h: number): number {
  return -Math.log(1 - (h < MAX_HAZARD ? h : MAX_HAZARD));
}

/**
 * The weekly probability of each transition out of `phase`, given the state's other numbers.
 * Writes into `out` (one slot per transition; 0 for transitions not out of `phase`).
 */
export function transitionProbabilities(c: Compiled, w: Work, phase: number, out: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = 0;
  exitProbabilities(c, w, phase, out);
}

/**
 * The weekly probabilities of the transitions out of `phase` (`c.exits[phase]`, in index order),
 * written into their slots of `out`; the other slots are left as they are.
 */
function exitProbabilities(c: Compiled, w: Work, phase: number, out: Float64Array): void {
  const exits = c.exits[phase]!;
  const hazard = c.resolve.hazardTerm;
  let total = 0;
  for (let k = 0; k < exits.length; k++) {
    const i = exits[k]!;
    const rate = rateOf(termProbability(c, w, hazard[i]!));
    out[i] = rate;
    total += rate;
  }
  if (total === 0) return;
  const exit = 1 - Math.exp(-total);
  for (let k = 0; k < exits.length; k++) out[exits[k]!] = (out[exits[k]!]! / total) * exit;
}

/** Draws the week's transition with the uniform `u`; returns its index or -1 for none. */
export function drawTransition(c: Compiled, w: Work, u: number, scratch: Float64Array): number {
  exitProbabilities(c, w, w.phase, scratch);
  // Only the exits have a share: the other transitions add nothing to the running sum.
  const exits = c.exits[w.phase]!;
  let acc = 0;
  for (let k = 0; k < exits.length; k++) {
    acc += scratch[exits[k]!]!;
    if (u < acc) return exits[k]!;
  }
  return -1;
}

/** Moves the talks to the transition's target phase if the transition starts from the current one. */
export function applyTransition(c: Compiled, w: Work, transition: number): boolean {
  const t = c.transitions[transition]!;
  if ((t.fromMask & (1 << w.phase)) === 0 || t.to === w.phase) return false;
  w.phase = t.to;
  w.phaseSince = w.turn;
  return true;
}

/**
 * The weekly probability that the talks die from the phase they are in: the competing-risk share of
 * the transitions into phases that are not alive. In [0, 1]; `scratch` holds one number per transition.
 */
export function deathRisk(c: Compiled, w: Work, scratch: Float64Array): number {
  if (!c.phaseAlive[w.phase]) return 0;
  transitionProbabilities(c, w, w.phase, scratch);
  let risk = 0;
  for (let i = 0; i < scratch.length; i++) if (!c.phaseAlive[c.transitions[i]!.to]) risk += scratch[i]!;
  return Math.min(1, Math.max(0, risk));
}
