/**
 * References from scenario data to numbers in the game state, resolved once to small integer codes
 * so the turn loop reads them without looking up strings.
 */
import type { Scenario } from './schema';

export const RefKind = {
  variable: 0,
  escalation: 1,
  turn: 2,
  tension: 3,
  grudge: 4,
  talksPhase: 5,
  talksAlive: 6,
  belief: 7,
} as const;
export type RefKind = (typeof RefKind)[keyof typeof RefKind];

/** A resolved reference: `arg` is a variable index, a pair index `a * actors + b`, a phase or a belief index. */
export interface ResolvedRef {
  readonly kind: RefKind;
  readonly arg: number;
  readonly writable: boolean;
}

export type RefResult = { ok: true; ref: ResolvedRef } | { ok: false; message: string };

/** The names a ref may take, for error messages and the format docs. */
export const refForms =
  'a variable id, "escalation", "turn", "tension:A:B", "grudge:A:B", "talks:PHASE", "talks:alive" or "belief:ID"';

function actorPair(scenario: Scenario, a: string | undefined, b: string | undefined): number | string {
  const ia = scenario.actors.findIndex((x) => x.id === a);
  const ib = scenario.actors.findIndex((x) => x.id === b);
  if (ia < 0) return `unknown actor "${a ?? ''}"`;
  if (ib < 0) return `unknown actor "${b ?? ''}"`;
  if (ia === ib) return 'an actor paired with itself';
  return ia * scenario.actors.length + ib;
}

/** Resolves `name` against the scenario's actors, variables and talks phases. */
export function resolveRef(scenario: Scenario, name: string): RefResult {
  if (name === 'escalation') return { ok: true, ref: { kind: RefKind.escalation, arg: 0, writable: true } };
  if (name === 'turn') return { ok: true, ref: { kind: RefKind.turn, arg: 0, writable: false } };
  const parts = name.split(':');
  if (parts.length === 3 && (parts[0] === 'tension' || parts[0] === 'grudge')) {
    const pair = actorPair(scenario, parts[1], parts[2]);
    if (typeof pair === 'string') return { ok: false, message: `"${name}" names ${pair}` };
    const isGrudge = parts[0] === 'grudge';
    return { ok: true, ref: { kind: isGrudge ? RefKind.grudge : RefKind.tension, arg: pair, writable: isGrudge } };
  }
  if (parts.length === 2 && parts[0] === 'talks') {
    if (parts[1] === 'alive') return { ok: true, ref: { kind: RefKind.talksAlive, arg: 0, writable: false } };
    const phase = scenario.talks.phases.findIndex((p) => p.id === parts[1]);
    if (phase < 0) return { ok: false, message: `"${name}" names an unknown talks phase` };
    return { ok: true, ref: { kind: RefKind.talksPhase, arg: phase, writable: false } };
  }
  if (parts.length >= 2 && parts[0] === 'belief') {
    const id = name.slice('belief:'.length);
    const index = (scenario.beliefs ?? []).findIndex((b) => b.id === id);
    if (index < 0) return { ok: false, message: `"${name}" names an unknown belief` };
    return { ok: true, ref: { kind: RefKind.belief, arg: index, writable: false } };
  }
  const variable = scenario.variables.findIndex((v) => v.id === name);
  if (variable < 0) return { ok: false, message: `unknown reference "${name}": expected ${refForms}` };
  return { ok: true, ref: { kind: RefKind.variable, arg: variable, writable: true } };
}
