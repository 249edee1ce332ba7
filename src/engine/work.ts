/**
 * The working form of a game state: flat typed arrays the turn loop mutates in place. The public,
 * immutable `GameState` (state.ts) converts to and from it at the edges; Monte Carlo stays in this
 * form for a whole run.
 */
import type { Compiled, CompiledEffect, CompiledTerm } from './compile';
import { EffectOp } from './compile';
import { RefKind } from '../scenario/refs';
import type { Rng } from './rng';

export interface Pending {
  due: number;
  delayed: number;
  actor: number;
}

export const EndReason = { none: 0, openWar: 1, talks: 2 } as const;

export interface Work {
  turn: number;
  horizon: number;
  rng: Rng;
  vars: Float64Array;
  escalation: number;
  /** grudge[a * n + b]: a's remembered hostility from b, >= 0. */
  grudge: Float64Array;
  /** received[a * n + b]: hostility a perceived from b last week, in [-1, 1] per move. */
  received: Float64Array;
  phase: number;
  phaseSince: number;
  lastMove: Int32Array;
  triggered: Uint8Array;
  pending: Pending[];
  ended: number;
  /**
   * Beliefs, four numbers each (belief.ts): pseudo-counts of responses and of no response after a
   * trigger, then of responses and of none in weeks without a trigger to answer.
   */
  belief: Float64Array;
  /** Per belief: weeks since the trigger that opened its window, or -1 when no window is open. */
  beliefOpen: Int32Array;
  /** Injects queued by the log, by index: they fire at the start of the next week. */
  injects: number[];
}

/** Slots of one belief in `Work.belief`. */
export const BeliefSlot = { hit: 0, miss: 1, baseHit: 2, baseMiss: 3, size: 4 } as const;

/** The mean of a belief's response rate after a trigger: what its holder expects. In (0, 1). */
export function beliefMean(w: Work, b: number): number {
  const at = b * BeliefSlot.size;
  const hit = w.belief[at]!;
  return hit / (hit + w.belief[at + 1]!);
}

/** The mean of a belief's response rate in weeks without a trigger. In (0, 1). */
export function baselineMean(w: Work, b: number): number {
  const at = b * BeliefSlot.size + BeliefSlot.baseHit;
  const hit = w.belief[at]!;
  return hit / (hit + w.belief[at + 1]!);
}

/** The current value of a resolved reference. */
export function readRef(c: Compiled, w: Work, kind: number, arg: number): number {
  switch (kind) {
    case RefKind.variable:
      return w.vars[arg]!;
    case RefKind.escalation:
      return w.escalation;
    case RefKind.turn:
      return w.turn;
    case RefKind.grudge:
      return w.grudge[arg]!;
    case RefKind.tension: {
      const n = c.actors;
      const a = (arg / n) | 0;
      const b = arg - a * n;
      return (w.grudge[arg]! + w.grudge[b * n + a]!) / 2;
    }
    case RefKind.talksPhase:
      return w.phase === arg ? 1 : 0;
    case RefKind.belief:
      return beliefMean(w, arg);
    default:
      return c.phaseAlive[w.phase]!;
  }
}

/** The linear predictor base + sum(coef * ref), before the link. */
export function linearPredictor(c: Compiled, w: Work, t: CompiledTerm): number {
  let x = t.base;
  const coefs = t.coefs;
  const args = t.args;
  const vars = w.vars;
  if (t.varsOnly) {
    for (let i = 0; i < coefs.length; i++) x += coefs[i]! * vars[args[i]!]!;
    return x;
  }
  const kinds = t.kinds;
  for (let i = 0; i < coefs.length; i++) {
    const kind = kinds[i]!;
    x += coefs[i]! * (kind === RefKind.variable ? vars[args[i]!]! : kind === RefKind.escalation ? w.escalation : readRef(c, w, kind, args[i]!));
  }
  return x;
}

/** A term's value after its link: a probability in [0, 1]. */
export function evalProbability(c: Compiled, w: Work, t: CompiledTerm): number {
  if (t.fixed === t.fixed) return t.fixed;
  const x = linearPredictor(c, w, t);
  if (!t.logistic) return x < 0 ? 0 : x > 1 ? 1 : x;
  const memo = t.memo;
  if (x === memo[0]) return memo[1]!;
  const p = 1 / (1 + Math.exp(-x));
  memo[0] = x;
  memo[1] = p;
  return p;
}

/** Term `t` of the pool's linear predictor (linearPredictor, by index: the same sum in the same order). */
export function termPredictor(c: Compiled, w: Work, t: number): number {
  const terms = c.terms;
  let x = terms.base[t]!;
  const { coef, arg } = terms;
  const vars = w.vars;
  const from = terms.from[t]!;
  const to = terms.to[t]!;
  if (terms.varsOnly[t] === 1) {
    for (let i = from; i < to; i++) x += coef[i]! * vars[arg[i]!]!;
    return x;
  }
  const kind = terms.kind;
  for (let i = from; i < to; i++) {
    const k = kind[i]!;
    x += coef[i]! * (k === RefKind.variable ? vars[arg[i]!]! : k === RefKind.escalation ? w.escalation : readRef(c, w, k, arg[i]!));
  }
  return x;
}

/** Term `t` of the pool after its link (evalProbability, by index): a probability in [0, 1]. */
export function termProbability(c: Compiled, w: Work, t: number): number {
  const terms = c.terms;
  const fixed = terms.fixed[t]!;
  if (fixed === fixed) return fixed;
  const x = termPredictor(c, w, t);
  if (terms.logistic[t] === 0) return x < 0 ? 0 : x > 1 ? 1 : x;
  const memo = terms.memo;
  if (x === memo[2 * t]) return memo[2 * t + 1]!;
  const p = 1 / (1 + Math.exp(-x));
  memo[2 * t] = x;
  memo[2 * t + 1] = p;
  return p;
}

/** Applies effect `i` of the resolve tables' pool (applyEffect, by index). Returns the change made. */
export function applyEffectAt(c: Compiled, w: Work, i: number): number {
  const e = c.resolve.effects;
  const kind = e.kind[i]!;
  const arg = e.arg[i]!;
  const op = e.op[i]!;
  const value = e.value[i]!;
  if (kind === RefKind.variable) {
    const vars = w.vars;
    const before = vars[arg]!;
    const x = op === EffectOp.add ? before + value : op === EffectOp.scale ? before * value : value;
    const lo = c.varMin[arg]!;
    const hi = c.varMax[arg]!;
    const after = x < lo ? lo : x > hi ? hi : x;
    vars[arg] = after;
    return after - before;
  }
  if (kind === RefKind.escalation) {
    const before = w.escalation;
    const x = op === EffectOp.add ? before + value : op === EffectOp.scale ? before * value : value;
    w.escalation = x < 0 ? 0 : x > c.topRung ? c.topRung : x;
    return w.escalation - before;
  }
  const grudge = w.grudge;
  const before = grudge[arg]!;
  grudge[arg] = Math.max(0, op === EffectOp.add ? before + value : op === EffectOp.scale ? before * value : value);
  return grudge[arg]! - before;
}

function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

function applyOp(current: number, e: CompiledEffect): number {
  if (e.op === EffectOp.add) return current + e.value;
  if (e.op === EffectOp.scale) return current * e.value;
  return e.value;
}

/** Applies one effect, keeping every number within its bounds. Returns the change made. */
export function applyEffect(c: Compiled, w: Work, e: CompiledEffect): number {
  if (e.kind === RefKind.variable) {
    const before = w.vars[e.arg]!;
    const after = clamp(applyOp(before, e), c.varMin[e.arg]!, c.varMax[e.arg]!);
    w.vars[e.arg] = after;
    return after - before;
  }
  if (e.kind === RefKind.escalation) {
    const before = w.escalation;
    w.escalation = clamp(applyOp(before, e), 0, c.topRung);
    return w.escalation - before;
  }
  const before = w.grudge[e.arg]!;
  w.grudge[e.arg] = Math.max(0, applyOp(before, e));
  return w.grudge[e.arg]! - before;
}

/** Whether `move` is legal for its actor in the current state. */
export function isLegal(c: Compiled, w: Work, move: number): boolean {
  return legalIn(c, w, move, 1 << w.phase);
}

/** Whether move `m` is legal in the talks phase `phaseBit` (1 << phase) and the state's numbers. */
export function legalIn(c: Compiled, w: Work, m: number, phaseBit: number): boolean {
  const t = c.moveTables;
  if (t.restricted[m] === 0) return true;
  if ((t.phaseMask[m]! & phaseBit) === 0) return false;
  const vars = w.vars;
  for (let i = t.varConditionFrom[m]!, end = t.varConditionTo[m]!; i < end; i++) {
    const v = vars[t.varConditionArg[i]!]!;
    if (v < t.varConditionMin[i]! || v > t.varConditionMax[i]!) return false;
  }
  for (let i = t.refConditionFrom[m]!, end = t.refConditionTo[m]!; i < end; i++) {
    const v = readRef(c, w, t.refConditionKind[i]!, t.refConditionArg[i]!);
    if (v < t.refConditionMin[i]! || v > t.refConditionMax[i]!) return false;
  }
  return true;
}

/** Writes actor `a`'s legal moves into `out` and returns how many there are. */
export function legalInto(c: Compiled, w: Work, a: number, out: Int32Array): number {
  const { own, restricted } = c.moveTables;
  const phaseBit = 1 << w.phase;
  let count = 0;
  for (let i = c.moveTables.ownFrom[a]!, end = c.moveTables.ownTo[a]!; i < end; i++) {
    const m = own[i]!;
    if (restricted[m] === 0 || legalIn(c, w, m, phaseBit)) out[count++] = m;
  }
  return count;
}

/**
 * A working state made from its fields, always in this order: every Work then shares one hidden
 * class with all its fields inside the object (a spread copy kept all but four of them in a
 * separate store, one more load for every `w.escalation` of the turn loop).
 */
export function makeWork(f: Work): Work {
  return {
    turn: f.turn,
    horizon: f.horizon,
    rng: f.rng,
    vars: f.vars,
    escalation: f.escalation,
    grudge: f.grudge,
    received: f.received,
    phase: f.phase,
    phaseSince: f.phaseSince,
    lastMove: f.lastMove,
    triggered: f.triggered,
    pending: f.pending,
    ended: f.ended,
    belief: f.belief,
    beliefOpen: f.beliefOpen,
    injects: f.injects,
  };
}

export function cloneWork(w: Work): Work {
  return makeWork({
    ...w,
    rng: w.rng.clone(),
    vars: w.vars.slice(),
    grudge: w.grudge.slice(),
    received: w.received.slice(),
    lastMove: w.lastMove.slice(),
    triggered: w.triggered.slice(),
    pending: w.pending.map((p) => ({ ...p })),
    belief: w.belief.slice(),
    beliefOpen: w.beliefOpen.slice(),
    injects: w.injects.slice(),
  });
}

/** Resets `dst` (a clone of `src`, same shapes) to `src`, reusing its arrays: the Monte Carlo loop's per-run copy. */
export function resetWork(dst: Work, src: Work): void {
  dst.turn = src.turn;
  dst.horizon = src.horizon;
  dst.escalation = src.escalation;
  dst.phase = src.phase;
  dst.phaseSince = src.phaseSince;
  dst.ended = src.ended;
  dst.vars.set(src.vars);
  dst.grudge.set(src.grudge);
  dst.received.set(src.received);
  dst.lastMove.set(src.lastMove);
  dst.triggered.set(src.triggered);
  dst.belief.set(src.belief);
  dst.beliefOpen.set(src.beliefOpen);
  // Pending effects are never changed in place, only dropped when they fire: the records can be shared.
  dst.pending.length = 0;
  for (let i = 0; i < src.pending.length; i++) dst.pending.push(src.pending[i]!);
  dst.injects.length = 0;
  for (let i = 0; i < src.injects.length; i++) dst.injects.push(src.injects[i]!);
}
