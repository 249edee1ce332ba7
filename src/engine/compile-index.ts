/**
 * Lookups by id for compiling, built once per scenario: compiling looks up an actor, move, phase,
 * transition or ref for every item it compiles, and a search of the list each time made compiling
 * quadratic in the scenario's size.
 */
import type { Scenario } from '../scenario/schema';
import { resolveRef, type ResolvedRef } from '../scenario/refs';

export interface CompileIndex {
  readonly scenario: Scenario;
  /** The top rung of the ladder. */
  readonly topRung: number;
  /** Index of an actor, move, talks phase or talks transition by id. Compiling assumes a checked scenario, so each exists. */
  readonly actor: (id: string) => number;
  readonly move: (id: string) => number;
  readonly phase: (id: string) => number;
  /** The transition's index, or -1 when there is none (`undefined`). */
  readonly transition: (id: string | undefined) => number;
  /** A ref resolved once per distinct name; a dangling ref is a programming error and throws. */
  readonly ref: (name: string) => ResolvedRef;
}

function indexOf(list: readonly { id: string }[], what: string, scenarioId: string): (id: string) => number {
  const index = new Map<string, number>();
  list.forEach((x, i) => {
    // The first of equal ids wins, as a search of the list would find it.
    if (!index.has(x.id)) index.set(x.id, i);
  });
  return (id) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`scenario "${scenarioId}": unknown ${what} "${id}"`);
    return i;
  };
}

/** The lookups for a checked scenario. */
export function indexScenario(scenario: Scenario): CompileIndex {
  const transition = indexOf(scenario.talks.transitions, 'talks transition', scenario.id);
  const refs = new Map<string, ResolvedRef>();
  return {
    scenario,
    topRung: scenario.ladder.reduce((top, r) => Math.max(top, r.level), -Infinity),
    actor: indexOf(scenario.actors, 'actor', scenario.id),
    move: indexOf(scenario.moves, 'move', scenario.id),
    phase: indexOf(scenario.talks.phases, 'talks phase', scenario.id),
    transition: (id) => (id === undefined ? -1 : transition(id)),
    ref: (name) => {
      let ref = refs.get(name);
      if (!ref) {
        const result = resolveRef(scenario, name);
        if (!result.ok) throw new Error(`scenario "${scenario.id}": ${result.message}`);
        ref = result.ref;
        refs.set(name, ref);
      }
      return ref;
    },
  };
}
