/**
 * The doctrine policy: each legal move of the actor gets a score (bias and propensity, drive from
 * grudges and the casualty signal held back by the rung, the value of talks, habit, the expected
 * gain, and the responses the actor expects), and one is drawn with a softmax at the actor's
 * temperature. Reads the flat tables of compile-tables.ts. A score term that is exactly zero is not
 * added: the sum is the same number (but for the sign of a zero, which neither a comparison nor
 * exp tells apart), so choices are exactly those of adding every term.
 */
import type { Compiled } from './compile';
import { beliefStakes } from './belief';
import { RefKind } from '../scenario/refs';
import { statefulGain } from './value';
import { choiceProbability } from './week';
import { legalIn, linearPredictor, readRef, type Work } from './work';

/** The doctrine's casualty drive for actor `a`: casualtySensitivity times its casualty signal. */
function casualtyDrive(c: Compiled, w: Work, a: number): number {
  const t = c.actorTables;
  const kind = t.casualtyKind[a]!;
  if (kind < 0) return 0;
  return t.casualtySensitivity[a]! * (kind === RefKind.variable ? w.vars[t.casualtyArg[a]!]! : readRef(c, w, kind, t.casualtyArg[a]!));
}

/** The belief stakes actor `a` weighs, while the week's choices are made; null when it looks no further than its own moves. */
export function stakesOf(c: Compiled, w: Work, a: number): Float64Array | null {
  const foresight = c.actorTables.foresight[a]!;
  if (foresight === 0 || c.beliefsHeld[a]!.length === 0) return null;
  beliefStakes(c, w, a, foresight, c.stakeBuffer);
  return c.stakeBuffer;
}

/** The score move `m` gets from the responses its actor expects to it. */
function anticipationOf(c: Compiled, w: Work, m: number, stakes: Float64Array): number {
  const t = c.moveTables;
  let x = 0;
  for (let k = t.anticipatedFrom[m]!, end = t.anticipatedTo[m]!; k < end; k++) {
    const o = t.anticipatedOutcome[k]!;
    const p = o < 0 ? 1 : choiceProbability(c, w, o);
    x += p * stakes[t.anticipatedBelief[k]!]!;
  }
  return x;
}

/**
 * Writes actor `a`'s legal moves into `legal` and their scores over the temperature into `scores`;
 * returns how many. The loop runs for every actor every week: it reads the tables through locals.
 */
function scoreMoves(c: Compiled, w: Work, a: number, legal: Int32Array, scores: Float64Array): number {
  const stakes = stakesOf(c, w, a);
  const t = c.moveTables;
  const { bias, hostile, escalationTerm, talksTerm, propensity, targetFrom, targetTo, targets, anticipatedFrom, anticipatedTo, own, restricted } = t;
  const phaseBit = 1 << w.phase;
  const grudge = w.grudge;
  const grudgeRow = a * c.actors;
  const actor = c.actorTables;
  const reciprocity = actor.reciprocity[a]!;
  const inertia = actor.inertia[a]!;
  const objectiveWeight = actor.objectiveWeight[a]!;
  const temperature = actor.temperature[a]!;
  const casualty = casualtyDrive(c, w, a);
  const alive = c.phaseAlive[w.phase] !== 0;
  const last = w.lastMove[a]!;
  // gainOf (value.ts), read through locals: the tables and the state do not change while the actor chooses.
  const gain = c.gain;
  const { base, stateful } = gain;
  const pairRow = a * gain.moves;
  const escalationWeight = gain.escalationWeight[a]!;
  const { pullsUp, rung, impulseGain } = t;
  const escalation = w.escalation;
  let count = 0;
  for (let i = t.ownFrom[a]!, end = t.ownTo[a]!; i < end; i++) {
    const m = own[i]!;
    if (restricted[m] !== 0 && !legalIn(c, w, m, phaseBit)) continue;
    let s = bias[m]!;
    const terms = propensity[m]!;
    if (terms !== null) s += linearPredictor(c, w, terms);
    const h = hostile[m]!;
    if (h !== 0) {
      let drive = 0;
      for (let i = targetFrom[m]!, to = targetTo[m]!; i < to; i++) drive += grudge[grudgeRow + targets[i]!]!;
      s += h * (reciprocity * drive + casualty - escalationTerm[m]!);
    }
    if (alive && talksTerm[m] !== 0) s += talksTerm[m]!;
    if (last === m) s += inertia;
    const p = pairRow + m;
    let value = base[p]!;
    if (stateful[p] === 1) value = statefulGain(c, w, a, m, p, value);
    if (escalationWeight !== 0) {
      let pull = impulseGain[m]!;
      if (pullsUp[m] === 1) {
        const gap = rung[m]! - escalation;
        pull *= gap > 0 ? gap : 0;
      }
      value += escalationWeight * pull;
    }
    // Multiplying or dividing by one is exact: the common weight and temperature of 1 skip the operation.
    s += objectiveWeight === 1 ? value : objectiveWeight * value;
    if (stakes !== null && anticipatedTo[m]! > anticipatedFrom[m]!) s += anticipationOf(c, w, m, stakes);
    legal[count] = m;
    scores[count++] = temperature === 1 ? s : s / temperature;
  }
  return count;
}

/**
 * Actor `a`'s softmax weights while the week's choices are made: its legal moves written into
 * `legal`, their weights (exp of score minus the best score) into `scores`; returns how many.
 */
export function doctrineWeights(c: Compiled, w: Work, a: number, legal: Int32Array, scores: Float64Array): number {
  const count = scoreMoves(c, w, a, legal, scores);
  let max = -Infinity;
  for (let k = 0; k < count; k++) if (scores[k]! > max) max = scores[k]!;
  for (let k = 0; k < count; k++) {
    // exp(0) is exactly 1: the best move's weight needs no exp.
    const d = scores[k]! - max;
    scores[k] = d === 0 ? 1 : Math.exp(d);
  }
  return count;
}

/** The move the uniform draw `u` picks from `count` weighted moves at `legal[at ..]`, `weights[at ..]`. */
export function pickWeighted(u: number, legal: Int32Array, weights: Float64Array, at: number, count: number): number {
  const end = at + count;
  let total = 0;
  for (let k = at; k < end; k++) total += weights[k]!;
  let target = u * total;
  for (let k = at; k < end; k++) {
    target -= weights[k]!;
    if (target < 0) return legal[k]!;
  }
  return legal[end - 1]!;
}

/** Actor `a`'s doctrine choice with the uniform draw `u` (its legal moves written into `legal`, their weights into `scores`). */
export function doctrineChoice(c: Compiled, w: Work, a: number, u: number, legal: Int32Array, scores: Float64Array): number {
  return pickWeighted(u, legal, scores, 0, doctrineWeights(c, w, a, legal, scores));
}
