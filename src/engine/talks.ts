/**
 * The talks track: phases with competing weekly hazards.
 *
 * Each transition out of the current phase has a weekly probability h (a linear term through a
 * logistic). Competing risks combine as rates: lambda = -ln(1 - h), the week's exit probability is
 * 1 - exp(-sum lambda), shared among the transitions in proportion to their rates.
 */
import type { Compiled } from './compile';
import { evalProbability, type Work } from './work';

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
  let total = 0;
  for (let i = 0; i < c.transitions.length; i++) {
    const t = c.transitions[i]!;
    if ((t.fromMask & (1 << phase)) === 0 || t.to === phase) {
      out[i] = 0;
      continue;
    }
    const rate = rateOf(evalProbability(c, w, t.hazard));
    out[i] = rate;
    total += rate;
  }
  if (total === 0) return;
  const exit = 1 - Math.exp(-total);
  for (let i = 0; i < out.length; i++) out[i] = (out[i]! / total) * exit;
}

/** Draws the week's transition with the uniform `u`; returns its index or -1 for none. */
export function drawTransition(c: Compiled, w: Work, u: number, scratch: Float64Array): number {
  transitionProbabilities(c, w, w.phase, scratch);
  let acc = 0;
  for (let i = 0; i < scratch.length; i++) {
    acc += scratch[i]!;
    if (u < acc) return i;
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
 * The probability that the talks are alive after `weeks` more weeks, with the current hazards held
 * fixed: a Markov chain over the phases, started in the current phase. In [0, 1].
 */
export function survivalProbability(c: Compiled, w: Work, weeks: number): number {
  const k = c.phaseIds.length;
  const saved = w.phase;
  const matrix = new Float64Array(k * k);
  const row = new Float64Array(c.transitions.length);
  for (let p = 0; p < k; p++) {
    // Hazards read the phase through `talks:*` refs, so evaluate each row in its own phase.
    w.phase = p;
    transitionProbabilities(c, w, p, row);
    let stay = 1;
    for (let i = 0; i < row.length; i++) {
      const to = c.transitions[i]!.to;
      matrix[p * k + to] = matrix[p * k + to]! + row[i]!;
      stay -= row[i]!;
    }
    matrix[p * k + p] = matrix[p * k + p]! + stay;
  }
  w.phase = saved;
  let dist = new Float64Array(k);
  dist[saved] = 1;
  for (let week = 0; week < weeks; week++) {
    const next = new Float64Array(k);
    for (let p = 0; p < k; p++) {
      const mass = dist[p]!;
      if (mass === 0) continue;
      for (let q = 0; q < k; q++) next[q] = next[q]! + mass * matrix[p * k + q]!;
    }
    dist = next;
  }
  let alive = 0;
  for (let p = 0; p < k; p++) if (c.phaseAlive[p]) alive += dist[p]!;
  return Math.min(1, Math.max(0, alive));
}
