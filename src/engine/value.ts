/**
 * What a move is worth to an actor: the expected change in the actor's objective (a weighted sum
 * of refs) over the next weeks, from the move's effects and delayed effects, its chance outcomes
 * (with theirs), a talks transition it forces and its pull on escalation. The doctrine values its own moves this way, and the responses it
 * expects from others (belief.ts).
 */
import type { Compiled, CompiledMove, ObjectiveWeights } from './compile';
import { EffectOp } from './compile';
import { RefKind } from '../scenario/refs';
import { evalProbability, readRef, type Work } from './work';

/** The pull of an act on escalation: hostile acts pull toward their rung, cooperative ones push down. */
export function impulse(c: Compiled, w: Work, hostility: number, rung: number): number {
  const d = c.scenario.dynamics;
  if (hostility > 0) return d.escalationGain * hostility * Math.max(0, rung - w.escalation);
  return d.deescalationGain * hostility;
}

/** A move's pull on escalation. */
export function moveImpulse(c: Compiled, w: Work, m: CompiledMove): number {
  return impulse(c, w, m.hostility, m.rung);
}

function effectValue(c: Compiled, w: Work, weights: ObjectiveWeights, kind: number, arg: number, op: number, value: number): number {
  const weight = kind === RefKind.variable ? weights.vars[arg]! : kind === RefKind.escalation ? weights.escalation : 0;
  if (weight === 0) return 0;
  if (op === EffectOp.add) return weight * value;
  const current = readRef(c, w, kind, arg);
  return weight * (op === EffectOp.scale ? current * (value - 1) : value - current);
}

/** The expected change in actor `a`'s objective, now and from delayed effects, if move `m` (of any actor) is played now. */
export function expectedGain(c: Compiled, w: Work, a: number, m: CompiledMove): number {
  const weights = c.objectiveWeights[a]!;
  const at = a * c.moves.length + m.index;
  let gain = c.staticGain[at]! + c.fixedOutcomeGain[at]!;
  const dynamic = m.dynamicEffects;
  for (let i = 0; i < dynamic.length; i++) {
    const e = dynamic[i]!;
    gain += effectValue(c, w, weights, e.kind, e.arg, e.op, e.value);
  }
  const outcomes = m.variableOutcomes;
  const row = a * c.outcomeCount;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i]!;
    if (o.weighted[a] === 0) continue;
    let value = c.outcomeValue[row + o.index]!;
    const later = o.dynamicValueEffects;
    for (let j = 0; j < later.length; j++) {
      const e = later[j]!;
      value += effectValue(c, w, weights, e.kind, e.arg, e.op, e.value);
    }
    if (value !== 0) gain += evalProbability(c, w, o.probability) * value;
  }
  if (m.talks >= 0) {
    const t = c.transitions[m.talks]!;
    if ((t.fromMask & (1 << w.phase)) !== 0) gain += weights.phaseValue[t.to]! - weights.phaseValue[w.phase]!;
  }
  if (weights.escalation !== 0) gain += weights.escalation * moveImpulse(c, w, m);
  return gain;
}
