/** Compiling beliefs: their triggers, responses and priors, and which beliefs each move can trigger. */
import type { Scenario } from '../scenario/schema';
import type { CompiledBelief, CompiledMove } from './compiled';

/** Where each trigger is listed: trigger -> [belief index, position among that belief's triggers], in file order. */
export type TriggerIndex = ReadonlyMap<string, readonly (readonly [number, number])[]>;

/** The scenario's belief triggers by name, so each move looks up its own rather than scanning every belief. */
export function triggerIndex(scenario: Scenario): TriggerIndex {
  const index = new Map<string, [number, number][]>();
  scenario.beliefs.forEach((b, i) =>
    b.triggers.forEach((t, j) => {
      const list = index.get(t);
      if (list) list.push([i, j]);
      else index.set(t, [[i, j]]);
    }),
  );
  return index;
}

/** The beliefs of `m`'s actor that `m` (or one of its outcomes) triggers. */
export function anticipations(scenario: Scenario, triggers: TriggerIndex, m: Scenario['moves'][number]): { belief: number[]; outcome: number[] } {
  const found: { belief: number; position: number; outcome: number }[] = [];
  const add = (trigger: string, outcome: number) => {
    for (const [belief, position] of triggers.get(trigger) ?? []) {
      if (scenario.beliefs[belief]!.holder === m.actor) found.push({ belief, position, outcome });
    }
  };
  add(m.id, -1);
  m.outcomes.forEach((o, k) => add(`${m.id}/${o.id}`, k));
  // In the order of the beliefs and of their triggers, the order in which the doctrine sums them.
  found.sort((a, b) => a.belief - b.belief || a.position - b.position);
  return { belief: found.map((f) => f.belief), outcome: found.map((f) => f.outcome) };
}

/** Pseudo-counts [successes, failures] of a Beta prior given as a mean and a weight. */
function pseudoCounts(p: { mean: number; weight: number }): readonly [number, number] {
  return [p.mean * p.weight, (1 - p.mean) * p.weight];
}

export function compileBeliefs(scenario: Scenario, actorIndex: (id: string) => number, moves: readonly CompiledMove[]): CompiledBelief[] {
  const moveIndex = new Map(moves.map((m) => [m.id, m.index]));
  const outcomeIndex = new Map<string, number>(moves.flatMap((m) => m.outcomes.map((o): [string, number] => [`${m.id}/${o.id}`, o.index])));
  return scenario.beliefs.map((b) => ({
    id: b.id,
    label: b.label,
    holder: actorIndex(b.holder),
    about: actorIndex(b.about),
    window: b.window,
    triggerMoves: Int32Array.from(b.triggers.flatMap((t) => (moveIndex.has(t) ? [moveIndex.get(t)!] : []))),
    triggerOutcomes: Int32Array.from(b.triggers.flatMap((t) => (outcomeIndex.has(t) ? [outcomeIndex.get(t)!] : []))),
    responses: Int32Array.from(b.responses.map((r) => moveIndex.get(r)!)),
    prior: pseudoCounts(b.prior),
    baseline: pseudoCounts(b.baseline),
  }));
}

/** For each of `count` items, the beliefs (in order, each once) whose `listed` includes it. */
function beliefsListing(beliefs: readonly CompiledBelief[], count: number, listed: (b: CompiledBelief) => Int32Array): Int32Array[] {
  const lists = Array.from({ length: count }, (): number[] => []);
  beliefs.forEach((b, i) => {
    for (const item of listed(b)) {
      const list = lists[item]!;
      if (list.at(-1) !== i) list.push(i);
    }
  });
  return lists.map((list) => Int32Array.from(list));
}

/**
 * The lookup tables of the beliefs for the turn loop (Compiled's fields of the same names), each
 * filled from the beliefs' own lists rather than by searching them once per move or outcome.
 */
export function beliefTables(beliefs: readonly CompiledBelief[], actors: number, moves: number, outcomes: number) {
  const beliefResponse = new Uint8Array(beliefs.length * moves);
  beliefs.forEach((b, i) => b.responses.forEach((m) => (beliefResponse[i * moves + m] = 1)));
  const responseFrom = new Int32Array(beliefs.length);
  const responseTo = new Int32Array(beliefs.length);
  beliefs.forEach((b, i) => {
    responseFrom[i] = i > 0 ? responseTo[i - 1]! : 0;
    responseTo[i] = responseFrom[i]! + b.responses.length;
  });
  return {
    beliefAbout: Int32Array.from(beliefs.map((b) => b.about)),
    beliefWindow: Int32Array.from(beliefs.map((b) => b.window)),
    beliefResponseFrom: responseFrom,
    beliefResponseTo: responseTo,
    beliefResponses: Int32Array.from(beliefs.flatMap((b) => [...b.responses])),
    beliefPrior: Float64Array.from(beliefs.flatMap((b) => [...b.prior, ...b.baseline])),
    beliefResponse,
    beliefsHeld: Array.from({ length: actors }, (_, a) => Int32Array.from(beliefs.flatMap((b, i) => (b.holder === a ? [i] : [])))),
    responsesWeighed: Array.from({ length: actors }, (_, a) => Int32Array.from(new Set(beliefs.filter((b) => b.holder === a).flatMap((b) => [...b.responses])))),
    beliefsTriggeredByMove: beliefsListing(beliefs, moves, (b) => b.triggerMoves),
    beliefsTriggeredByOutcome: beliefsListing(beliefs, outcomes, (b) => b.triggerOutcomes),
  };
}
