/**
 * The tables a week's resolution reads (turn.ts), as structures of arrays: the linear terms (chance
 * outcomes, talks hazards, drift targets) in one pool, every effect in another, and per move and per
 * outcome the ranges of its effects, outcomes and delayed effects. The loop reads numbers by index
 * instead of walking the compiled objects, which stay for everything else (reports, traces, "why").
 *
 * Term indices: outcome o (its global index) is term o; transition t's hazard is term
 * outcomeCount + t; a variable's drift terms are listed in `driftTerm`.
 */
import type { CompiledDelayed, CompiledEffect, CompiledMove, CompiledTerm, CompiledTransition, EffectTables, ResolveTables, TermTables } from './compiled';

/** The terms in one pool, in the order given (term i is `terms[i]`). */
export function termTables(terms: readonly CompiledTerm[]): TermTables {
  const from = new Int32Array(terms.length);
  const to = new Int32Array(terms.length);
  const kind: number[] = [];
  const arg: number[] = [];
  const coef: number[] = [];
  terms.forEach((t, i) => {
    from[i] = kind.length;
    for (let k = 0; k < t.coefs.length; k++) {
      kind.push(t.kinds[k]!);
      arg.push(t.args[k]!);
      coef.push(t.coefs[k]!);
    }
    to[i] = kind.length;
  });
  return {
    base: Float64Array.from(terms.map((t) => t.base)),
    from,
    to,
    kind: Int8Array.from(kind),
    arg: Int32Array.from(arg),
    coef: Float64Array.from(coef),
    logistic: Uint8Array.from(terms.map((t) => (t.logistic ? 1 : 0))),
    varsOnly: Uint8Array.from(terms.map((t) => (t.varsOnly ? 1 : 0))),
    fixed: Float64Array.from(terms.map((t) => t.fixed)),
    memo: new Float64Array(terms.length * 2).fill(Number.NaN),
  };
}

/** Appends effect lists to one pool; each list's range is [from, to). */
class EffectPool {
  readonly kind: number[] = [];
  readonly arg: number[] = [];
  readonly op: number[] = [];
  readonly value: number[] = [];

  add(list: readonly CompiledEffect[]): [number, number] {
    const from = this.kind.length;
    for (const e of list) {
      this.kind.push(e.kind);
      this.arg.push(e.arg);
      this.op.push(e.op);
      this.value.push(e.value);
    }
    return [from, this.kind.length];
  }

  tables(): EffectTables {
    return { kind: Int8Array.from(this.kind), arg: Int32Array.from(this.arg), op: Int8Array.from(this.op), value: Float64Array.from(this.value) };
  }
}

/** Per item, the range of its list, appended to `pool`. */
function ranges<T>(items: readonly T[], list: (item: T) => readonly number[], pool: number[]): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(items.length);
  const to = new Int32Array(items.length);
  items.forEach((item, i) => {
    from[i] = pool.length;
    pool.push(...list(item));
    to[i] = pool.length;
  });
  return { from, to };
}

export function resolveTables(
  moves: readonly CompiledMove[],
  delayed: readonly CompiledDelayed[],
  transitions: readonly CompiledTransition[],
  outcomeCount: number,
  driftTerms: readonly (CompiledTerm | null)[],
): { resolve: ResolveTables; terms: TermTables } {
  const outcomes = moves.flatMap((m) => m.outcomes);
  outcomes.forEach((o, i) => {
    // Outcome o is term o and the outcomes of a move a range of indices: both need them in order.
    if (o.index !== i) throw new Error(`outcome ${o.id} has index ${o.index}, not ${i}`);
  });
  const pool = new EffectPool();
  const moveEffects = moves.map((m) => pool.add(m.effects));
  const outcomeEffects = outcomes.map((o) => pool.add(o.effects));
  const delayedEffects = delayed.map((d) => pool.add(d.effects));
  const delayedPool: number[] = [];
  const moveDelayed = ranges(moves, (m) => m.delayed, delayedPool);
  const outcomeDelayed = ranges(outcomes, (o) => o.delayed, delayedPool);
  const drifting = driftTerms.flatMap((t) => (t ? [t] : []));
  const terms = termTables([...outcomes.map((o) => o.probability), ...transitions.map((t) => t.hazard), ...drifting]);
  let next = outcomeCount + transitions.length;
  const moveOutFrom = new Int32Array(moves.length);
  const moveOutTo = new Int32Array(moves.length);
  for (const m of moves) {
    moveOutFrom[m.index] = m.outcomes.length > 0 ? m.outcomes[0]!.index : 0;
    moveOutTo[m.index] = moveOutFrom[m.index]! + m.outcomes.length;
  }
  return {
    terms,
    resolve: {
      effects: pool.tables(),
      moveEffFrom: Int32Array.from(moveEffects.map((r) => r[0])),
      moveEffTo: Int32Array.from(moveEffects.map((r) => r[1])),
      moveTalks: Int32Array.from(moves.map((m) => m.talks)),
      hostility: Float64Array.from(moves.map((m) => m.hostility)),
      moveOutFrom,
      moveOutTo,
      moveDelayedFrom: moveDelayed.from,
      moveDelayedTo: moveDelayed.to,
      outEffFrom: Int32Array.from(outcomeEffects.map((r) => r[0])),
      outEffTo: Int32Array.from(outcomeEffects.map((r) => r[1])),
      outDelayedFrom: outcomeDelayed.from,
      outDelayedTo: outcomeDelayed.to,
      delayedPool: Int32Array.from(delayedPool),
      delayedEffFrom: Int32Array.from(delayedEffects.map((r) => r[0])),
      delayedEffTo: Int32Array.from(delayedEffects.map((r) => r[1])),
      delayedAfter: Int32Array.from(delayed.map((d) => d.afterTurns)),
      hazardTerm: Int32Array.from(transitions.map((_, t) => outcomeCount + t)),
      driftTerm: Int32Array.from(driftTerms.map((t) => (t ? next++ : -1))),
    },
  };
}
