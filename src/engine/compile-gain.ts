/**
 * The tables `expectedGain` (value.ts) reads in the turn loop, flat and pruned: for each pair of an
 * actor and a move, the constant part of the gain, the effects whose value reads the state, and the
 * chance outcomes the actor weighs, each with what it is worth. What adds nothing is left out (an
 * effect on something the actor does not value, an outcome worth nothing to it), in the order the
 * gain sums the rest, so the sums are the same numbers, bit for bit.
 */
import { RefKind } from '../scenario/refs';
import { EffectOp, type CompiledEffect, type CompiledMove, type GainTables, type ObjectiveWeights } from './compiled';

interface Pool {
  kind: number[];
  arg: number[];
  scale: number[];
  value: number[];
  weight: number[];
}

function weightOf(w: ObjectiveWeights, e: CompiledEffect): number {
  return e.kind === RefKind.variable ? w.vars[e.arg]! : e.kind === RefKind.escalation ? w.escalation : 0;
}

/** Appends the effects of `list` that the objective weighs to the pool; returns the pool's new end. */
function pushEffects(pool: Pool, w: ObjectiveWeights, list: readonly CompiledEffect[]): number {
  for (const e of list) {
    const weight = weightOf(w, e);
    if (weight === 0 || e.op === EffectOp.add) continue;
    const scale = e.op === EffectOp.scale;
    pool.kind.push(e.kind);
    pool.arg.push(e.arg);
    pool.scale.push(scale ? 1 : 0);
    // A scale's gain is current * (value - 1); the difference is taken here, once.
    pool.value.push(scale ? e.value - 1 : e.value);
    pool.weight.push(weight);
  }
  return pool.kind.length;
}

export function gainTables(
  moves: readonly CompiledMove[],
  weights: readonly ObjectiveWeights[],
  tables: { staticGain: Float64Array; fixedOutcomeGain: Float64Array; outcomeValue: Float64Array; outcomeCount: number },
): GainTables {
  const pairs = weights.length * moves.length;
  const base = new Float64Array(pairs);
  const effFrom = new Int32Array(pairs);
  const effTo = new Int32Array(pairs);
  const outFrom = new Int32Array(pairs);
  const outTo = new Int32Array(pairs);
  const pool: Pool = { kind: [], arg: [], scale: [], value: [], weight: [] };
  const out = { index: [] as number[], value: [] as number[], effFrom: [] as number[], effTo: [] as number[] };
  weights.forEach((w, a) => {
    for (const m of moves) {
      const p = a * moves.length + m.index;
      base[p] = tables.staticGain[p]! + tables.fixedOutcomeGain[p]!;
      effFrom[p] = pool.kind.length;
      effTo[p] = pushEffects(pool, w, m.dynamicEffects);
      outFrom[p] = out.index.length;
      for (const o of m.variableOutcomes) {
        if (o.weighted[a] === 0) continue;
        const value = tables.outcomeValue[a * tables.outcomeCount + o.index]!;
        const from = pool.kind.length;
        const to = pushEffects(pool, w, o.dynamicValueEffects);
        if (value === 0 && to === from) continue;
        out.index.push(o.index);
        out.value.push(value);
        out.effFrom.push(from);
        out.effTo.push(to);
      }
      outTo[p] = out.index.length;
    }
  });
  const stateful = new Uint8Array(pairs);
  for (let p = 0; p < pairs; p++) {
    const m = moves[p % moves.length]!;
    stateful[p] = effTo[p]! > effFrom[p]! || outTo[p]! > outFrom[p]! || m.talks >= 0 ? 1 : 0;
  }
  return {
    moves: moves.length,
    base,
    stateful,
    effFrom,
    effTo,
    outFrom,
    outTo,
    outIndex: Int32Array.from(out.index),
    outValue: Float64Array.from(out.value),
    outEffFrom: Int32Array.from(out.effFrom),
    outEffTo: Int32Array.from(out.effTo),
    effKind: Int8Array.from(pool.kind),
    effArg: Int32Array.from(pool.arg),
    effScale: Uint8Array.from(pool.scale),
    effValue: Float64Array.from(pool.value),
    effWeight: Float64Array.from(pool.weight),
    talks: Int32Array.from(moves.map((m) => m.talks)),
    escalationWeight: Float64Array.from(weights.map((w) => w.escalation)),
  };
}
