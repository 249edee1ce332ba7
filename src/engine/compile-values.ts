/**
 * What moves and outcomes are worth to each actor's objective, precomputed where it does not depend
 * on the state: `add` effects (now and delayed), and outcomes of fixed probability (value.ts adds the rest).
 */
import type { Scenario } from '../scenario/schema';
import { EffectOp, type CompiledEffect, type CompiledMove, type CompiledOutcome, type ObjectiveWeights } from './compiled';
import { RefKind } from '../scenario/refs';

export function objectiveWeights(scenario: Scenario): ObjectiveWeights[] {
  const weight = (a: Scenario['actors'][number], ref: string) => (Object.hasOwn(a.objectives, ref) ? a.objectives[ref]! : 0);
  return scenario.actors.map((a) => ({
    vars: Float64Array.from(scenario.variables.map((v) => weight(a, v.id))),
    escalation: weight(a, 'escalation'),
    phaseValue: Float64Array.from(scenario.talks.phases.map((p) => weight(a, `talks:${p.id}`) + (p.alive ? weight(a, 'talks:alive') : 0))),
  }));
}

/** The value to an objective of the `add` effects in `effects`. */
function addValue(w: ObjectiveWeights, effects: readonly CompiledEffect[]): number {
  let gain = 0;
  for (const e of effects) {
    if (e.op !== EffectOp.add) continue;
    if (e.kind === RefKind.variable) gain += w.vars[e.arg]! * e.value;
    else if (e.kind === RefKind.escalation) gain += w.escalation * e.value;
  }
  return gain;
}

/** An outcome whose expected value is a constant: a fixed probability and `add` effects only. */
export function isFixedOutcome(o: CompiledOutcome): boolean {
  return o.probability.fixed === o.probability.fixed && o.dynamicValueEffects.length === 0;
}

export function fixedOutcomeGains(moves: readonly CompiledMove[], weights: readonly ObjectiveWeights[], values: Float64Array, count: number): Float64Array {
  const gains = new Float64Array(weights.length * moves.length);
  weights.forEach((_, a) => {
    for (const m of moves) {
      let gain = 0;
      for (const o of m.outcomes) if (isFixedOutcome(o) && o.weighted[a]) gain += o.probability.fixed * values[a * count + o.index]!;
      gains[a * moves.length + m.index] = gain;
    }
  });
  return gains;
}

export function outcomeValues(moves: readonly CompiledMove[], weights: readonly ObjectiveWeights[], count: number): Float64Array {
  const values = new Float64Array(weights.length * count);
  weights.forEach((w, a) => {
    for (const m of moves) for (const o of m.outcomes) values[a * count + o.index] = addValue(w, o.valueEffects);
  });
  return values;
}

export function staticGains(scenario: Scenario, moves: readonly CompiledMove[], weights: readonly ObjectiveWeights[]): Float64Array {
  const gains = new Float64Array(scenario.actors.length * moves.length);
  weights.forEach((w, a) => {
    for (const m of moves) gains[a * moves.length + m.index] = addValue(w, [...m.effects, ...m.laterEffects]);
  });
  return gains;
}
