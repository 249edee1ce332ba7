/**
 * What a move is worth to an actor: the expected change in the actor's objective (a weighted sum
 * of refs) over the next weeks, from the move's effects and delayed effects, its chance outcomes
 * (with theirs), a talks transition it forces and its pull on escalation. The doctrine values its own moves this way, and the responses it
 * expects from others (belief.ts).
 */
import type { Compiled, CompiledMove, GainTables, MoveTables } from './compile';
import { RefKind } from '../scenario/refs';
import { choiceProbability, openChoices } from './week';
import type { Work } from './work';

/** The pull of an act on escalation: hostile acts pull toward their rung, cooperative ones push down. */
export function impulse(c: Compiled, w: Work, hostility: number, rung: number): number {
  const d = c.scenario.dynamics;
  if (hostility > 0) return d.escalationGain * hostility * Math.max(0, rung - w.escalation);
  return d.deescalationGain * hostility;
}

/** The value to the objective of effect `i` of the gain tables' pool (a scale or a set) in the current state. */
function effectGain(g: GainTables, w: Work, i: number): number {
  const current = g.effKind[i] === RefKind.variable ? w.vars[g.effArg[i]!]! : w.escalation;
  return g.effWeight[i]! * (g.effScale[i] === 1 ? current * g.effValue[i]! : g.effValue[i]! - current);
}

/** The expected change in actor `a`'s objective, now and from delayed effects, if move `m` (of any actor) is played now. */
export function expectedGain(c: Compiled, w: Work, a: number, m: CompiledMove): number {
  openChoices(c);
  return gainOf(c, w, a, m.index);
}

/**
 * `expectedGain` of move index `m` while the week's choices are made (week.ts: the outcome
 * probabilities are shared). The terms are summed in a fixed order: the constant part, effects
 * that read the state, chance outcomes, a forced talks transition, the pull on escalation. Small,
 * so that the doctrine's loop inlines it; the pairs with terms that read the state are rarer.
 */
export function gainOf(c: Compiled, w: Work, a: number, m: number): number {
  const g = c.gain;
  const p = a * g.moves + m;
  let gain = g.base[p]!;
  if (g.stateful[p] === 1) gain = statefulGain(c, w, a, m, p, gain);
  const weight = g.escalationWeight[a]!;
  return weight !== 0 ? gain + weight * impulseOf(c.moveTables, w, m) : gain;
}

/** `gain` plus the terms of pair `p` that read the state: effects, chance outcomes, a forced talks transition. */
export function statefulGain(c: Compiled, w: Work, a: number, m: number, p: number, gain: number): number {
  const g = c.gain;
  for (let i = g.effFrom[p]!, end = g.effTo[p]!; i < end; i++) gain += effectGain(g, w, i);
  for (let k = g.outFrom[p]!, end = g.outTo[p]!; k < end; k++) {
    let value = g.outValue[k]!;
    for (let i = g.outEffFrom[k]!, to = g.outEffTo[k]!; i < to; i++) value += effectGain(g, w, i);
    if (value !== 0) gain += choiceProbability(c, w, g.outIndex[k]!) * value;
  }
  const talks = g.talks[m]!;
  if (talks >= 0 && (c.transitions[talks]!.fromMask & (1 << w.phase)) !== 0) gain += talksGain(c, w, a, talks);
  return gain;
}

/**
 * What the talks transition `talks` (from the current phase) is worth to actor `a`. Kept apart, as
 * few moves force one: a smaller statefulGain is inlined where it is called in Chromium.
 */
function talksGain(c: Compiled, w: Work, a: number, talks: number): number {
  const phaseValue = c.objectiveWeights[a]!.phaseValue;
  return phaseValue[c.transitions[talks]!.to]! - phaseValue[w.phase]!;
}

/** Move `m`'s pull on escalation from the move tables: the same numbers as `impulse`. */
export function impulseOf(t: MoveTables, w: Work, m: number): number {
  if (t.pullsUp[m] === 1) {
    const gap = t.rung[m]! - w.escalation;
    return t.impulseGain[m]! * (gap > 0 ? gap : 0);
  }
  return t.impulseGain[m]!;
}
