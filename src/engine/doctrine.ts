/**
 * The doctrine policy: each legal move of the actor gets a score (bias and propensity, drive from
 * grudges and the casualty signal held back by the rung, the value of talks, habit, the expected
 * gain, and the responses the actor expects), and one is drawn with a softmax at the actor's
 * temperature. Reads the flat tables of compile-tables.ts; a score term that is exactly zero is
 * not added, which leaves every sum the same number.
 */
import type { Compiled } from './compile';
import { beliefStakes } from './belief';
import { RefKind } from '../scenario/refs';
import { impulseOf, statefulGain } from './value';
import { choiceProbability } from './week';
import { legalInto, linearPredictor, readRef, type Work } from './work';

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
 * The terms of actor `a`'s legal moves `legal[0 .. count)` that call out or loop (a propensity,
 * the drive from grudges, a gain that reads the state, expected responses), into the scratch arrays
 * by move: computed apart, they leave the scoring loop a simple one that V8 compiles tightly.
 */
function outlyingTerms(c: Compiled, w: Work, a: number, legal: Int32Array, count: number, stakes: Float64Array | null): void {
  const t = c.moveTables;
  const g = c.gain;
  const scratch = c.scoreScratch;
  const row = a * g.moves;
  const grudgeRow = a * c.actors;
  for (let k = 0; k < count; k++) {
    const m = legal[k]!;
    const terms = t.propensity[m]!;
    if (terms !== null) scratch.propensity[m] = linearPredictor(c, w, terms);
    if (t.hostile[m] !== 0) {
      let drive = 0;
      for (let i = t.targetFrom[m]!, to = t.targetTo[m]!; i < to; i++) drive += w.grudge[grudgeRow + t.targets[i]!]!;
      scratch.drive[m] = drive;
    }
    if (g.stateful[row + m] === 1) scratch.gain[m] = statefulGain(c, w, a, m, row + m, g.base[row + m]!);
    if (stakes !== null && t.anticipatedTo[m]! > t.anticipatedFrom[m]!) scratch.anticipation[m] = anticipationOf(c, w, m, stakes);
  }
}

/**
 * Writes actor `a`'s legal moves into `legal` and their scores over the temperature into `scores`;
 * returns how many. The scoring loop runs for every actor every week: it reads the tables through
 * locals and calls nothing (outlyingTerms has computed what needs a call).
 */
function scoreMoves(c: Compiled, w: Work, a: number, legal: Int32Array, scores: Float64Array): number {
  const count = legalInto(c, w, a, legal);
  const stakes = stakesOf(c, w, a);
  outlyingTerms(c, w, a, legal, count, stakes);
  const t = c.moveTables;
  const { bias, hostile, escalationTerm, talksTerm, propensity, anticipatedFrom, anticipatedTo } = t;
  const { base, stateful } = c.gain;
  const scratch = c.scoreScratch;
  const actor = c.actorTables;
  const reciprocity = actor.reciprocity[a]!;
  const inertia = actor.inertia[a]!;
  const objectiveWeight = actor.objectiveWeight[a]!;
  const temperature = actor.temperature[a]!;
  const escalationWeight = c.gain.escalationWeight[a]!;
  const casualty = casualtyDrive(c, w, a);
  const alive = c.phaseAlive[w.phase] !== 0;
  const last = w.lastMove[a]!;
  const pairRow = a * c.gain.moves;
  for (let k = 0; k < count; k++) {
    const m = legal[k]!;
    let s = bias[m]!;
    if (propensity[m] !== null) s += scratch.propensity[m]!;
    const h = hostile[m]!;
    if (h !== 0) s += h * (reciprocity * scratch.drive[m]! + casualty - escalationTerm[m]!);
    if (alive && talksTerm[m] !== 0) s += talksTerm[m]!;
    if (last === m) s += inertia;
    // gainOf, with its stateful part from outlyingTerms.
    const gain = stateful[pairRow + m] === 1 ? scratch.gain[m]! : base[pairRow + m]!;
    s += objectiveWeight * (escalationWeight !== 0 ? gain + escalationWeight * impulseOf(t, w, m) : gain);
    if (stakes !== null && anticipatedTo[m]! > anticipatedFrom[m]!) s += scratch.anticipation[m]!;
    scores[k] = s / temperature;
  }
  return count;
}

/**
 * Actor `a`'s doctrine choice with the uniform draw `u`, while the week's choices are made: a
 * softmax over its scored legal moves (written into `legal`, their weights into `scores`).
 */
export function doctrineChoice(c: Compiled, w: Work, a: number, u: number, legal: Int32Array, scores: Float64Array): number {
  const count = scoreMoves(c, w, a, legal, scores);
  let max = -Infinity;
  for (let k = 0; k < count; k++) if (scores[k]! > max) max = scores[k]!;
  let total = 0;
  for (let k = 0; k < count; k++) {
    // exp(0) is exactly 1: the best move's weight needs no exp.
    const d = scores[k]! - max;
    const e = d === 0 ? 1 : Math.exp(d);
    scores[k] = e;
    total += e;
  }
  let target = u * total;
  for (let k = 0; k < count; k++) {
    target -= scores[k]!;
    if (target < 0) return legal[k]!;
  }
  return legal[count - 1]!;
}
