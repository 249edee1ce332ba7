/** Compiling beliefs: their triggers, responses and priors, and which beliefs each move can trigger. */
import type { Scenario } from '../scenario/schema';
import type { CompiledBelief, CompiledMove } from './compiled';

/** The beliefs of `m`'s actor that `m` (or one of its outcomes) triggers. */
export function anticipations(scenario: Scenario, m: Scenario['moves'][number]): { belief: number[]; outcome: number[] } {
  const belief: number[] = [];
  const outcome: number[] = [];
  scenario.beliefs.forEach((b, i) => {
    if (b.holder !== m.actor) return;
    for (const t of b.triggers) {
      if (t === m.id) {
        belief.push(i);
        outcome.push(-1);
      } else if (t.startsWith(`${m.id}/`)) {
        const k = m.outcomes.findIndex((o) => `${m.id}/${o.id}` === t);
        if (k >= 0) {
          belief.push(i);
          outcome.push(k);
        }
      }
    }
  });
  return { belief, outcome };
}

/** Pseudo-counts [successes, failures] of a Beta prior given as a mean and a weight. */
function pseudoCounts(p: { mean: number; weight: number }): readonly [number, number] {
  return [p.mean * p.weight, (1 - p.mean) * p.weight];
}

export function compileBeliefs(scenario: Scenario, moves: readonly CompiledMove[]): CompiledBelief[] {
  const actorIndex = (id: string) => scenario.actors.findIndex((a) => a.id === id);
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
