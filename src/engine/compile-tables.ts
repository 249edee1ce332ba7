/**
 * Flat tables of the moves and actors for the turn loop: per-move numbers and per-actor doctrine
 * numbers in typed arrays, and each move's lists (own moves, targets, preconditions, anticipated
 * beliefs) as ranges of shared pools, so the loop reads numbers by index instead of walking
 * objects and the scenario.
 */
import type { Scenario } from '../scenario/schema';
import { RefKind } from '../scenario/refs';
import type { ActorTables, CompiledMove, MoveTables } from './compiled';

/** Concatenates per-item lists into one pool, with each item's range [from, to). */
function pooled<T>(lists: readonly (ArrayLike<T> | readonly T[])[]): { from: Int32Array; to: Int32Array; items: T[] } {
  const from = new Int32Array(lists.length);
  const to = new Int32Array(lists.length);
  const items: T[] = [];
  lists.forEach((list, i) => {
    from[i] = items.length;
    for (let k = 0; k < list.length; k++) items.push(list[k]!);
    to[i] = items.length;
  });
  return { from, to, items };
}

/** Preconditions split by kind: those on variables are checked without reading a kind. */
function conditionTables(moves: readonly CompiledMove[]) {
  const onVars = pooled(moves.map((m) => m.conditions.filter((x) => x.kind === RefKind.variable)));
  const onRefs = pooled(moves.map((m) => m.conditions.filter((x) => x.kind !== RefKind.variable)));
  return {
    varConditionFrom: onVars.from,
    varConditionTo: onVars.to,
    varConditionArg: Int32Array.from(onVars.items.map((x) => x.arg)),
    varConditionMin: Float64Array.from(onVars.items.map((x) => x.min)),
    varConditionMax: Float64Array.from(onVars.items.map((x) => x.max)),
    refConditionFrom: onRefs.from,
    refConditionTo: onRefs.to,
    refConditionKind: Int8Array.from(onRefs.items.map((x) => x.kind)),
    refConditionArg: Int32Array.from(onRefs.items.map((x) => x.arg)),
    refConditionMin: Float64Array.from(onRefs.items.map((x) => x.min)),
    refConditionMax: Float64Array.from(onRefs.items.map((x) => x.max)),
  };
}

export function moveTables(scenario: Scenario, moves: readonly CompiledMove[], byActor: readonly (readonly number[])[]): MoveTables {
  const own = pooled(byActor);
  const targets = pooled(moves.map((m) => m.targets));
  // Each anticipated belief with the global index of its triggering outcome, or -1 when the move itself triggers it.
  const anticipated = pooled(
    moves.map((m) =>
      Array.from(m.anticipatedBelief, (b, k) => {
        const o = m.anticipatedOutcome[k]!;
        return [b, o < 0 ? -1 : m.outcomes[o]!.index] as const;
      }),
    ),
  );
  const d = scenario.dynamics;
  // Listed rather than spread into the literal below, so that every field is inside the object.
  const { varConditionFrom, varConditionTo, varConditionArg, varConditionMin, varConditionMax, refConditionFrom, refConditionTo, refConditionKind, refConditionArg, refConditionMin, refConditionMax } = conditionTables(moves);
  const numbers = (f: (m: CompiledMove) => number) => Float64Array.from(moves.map(f));
  return {
    ownFrom: own.from,
    ownTo: own.to,
    own: Int32Array.from(own.items),
    bias: numbers((m) => m.bias),
    hostile: numbers((m) => m.hostile),
    escalationTerm: numbers((m) => m.escalationTerm),
    talksTerm: numbers((m) => m.talksTerm),
    propensity: moves.map((m) => m.propensity),
    pullsUp: Uint8Array.from(moves.map((m) => (m.hostility > 0 ? 1 : 0))),
    // As value.ts impulse computes it: gain times hostility, times the gap to the rung when it pulls up.
    impulseGain: numbers((m) => (m.hostility > 0 ? d.escalationGain * m.hostility : d.deescalationGain * m.hostility)),
    rung: numbers((m) => m.rung),
    restricted: Uint8Array.from(moves.map((m) => (m.phaseMask !== ~0 || m.conditions.length > 0 ? 1 : 0))),
    phaseMask: Int32Array.from(moves.map((m) => m.phaseMask)),
    targetFrom: targets.from,
    targetTo: targets.to,
    targets: Int32Array.from(targets.items),
    varConditionFrom, varConditionTo, varConditionArg, varConditionMin, varConditionMax, refConditionFrom, refConditionTo, refConditionKind, refConditionArg, refConditionMin, refConditionMax,
    anticipatedFrom: anticipated.from,
    anticipatedTo: anticipated.to,
    anticipatedBelief: Int32Array.from(anticipated.items.map(([b]) => b)),
    anticipatedOutcome: Int32Array.from(anticipated.items.map(([, o]) => o)),
  };
}

export function actorTables(scenario: Scenario, signalRefs: readonly ({ kind: number; arg: number } | null)[]): ActorTables {
  const doctrine = <K extends 'inertia' | 'reciprocity' | 'casualtySensitivity' | 'objectiveWeight' | 'foresight' | 'temperature'>(key: K) =>
    Float64Array.from(scenario.actors.map((a) => a.doctrine[key]));
  return {
    inertia: doctrine('inertia'),
    reciprocity: doctrine('reciprocity'),
    casualtySensitivity: doctrine('casualtySensitivity'),
    objectiveWeight: doctrine('objectiveWeight'),
    foresight: doctrine('foresight'),
    temperature: doctrine('temperature'),
    casualtyKind: Int8Array.from(signalRefs.map((r) => (r ? r.kind : -1))),
    casualtyArg: Int32Array.from(signalRefs.map((r) => (r ? r.arg : 0))),
  };
}
