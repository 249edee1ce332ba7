/** A team's briefing in plain words: who it is and what it wants, from the scenario's objectives. */
import type { Scenario } from '../../scenario/schema';

type Actor = Scenario['actors'][number];

/** The name of what a ref counts, for a sentence: a variable's label, or the few built-in refs. */
function refName(scenario: Scenario, ref: string): string {
  if (ref === 'escalation') return 'escalation';
  if (ref === 'talks:alive') return `${scenario.talks.label} staying alive`;
  if (ref.startsWith('talks:')) {
    const phase = scenario.talks.phases.find((p) => `talks:${p.id}` === ref);
    return phase ? `${scenario.talks.label}: ${phase.label.toLowerCase()}` : ref;
  }
  const v = scenario.variables.find((x) => x.id === ref);
  if (!v) return ref;
  // "Militia capability" reads "militia capability" in a sentence; "US domestic pressure" keeps its capitals.
  return /^[A-Z][a-z]/.test(v.label) ? v.label.charAt(0).toLowerCase() + v.label.slice(1) : v.label;
}

/** What an actor wants more and less of, weightiest first. */
export function wants(scenario: Scenario, actor: Actor): { more: string[]; less: string[] } {
  const weights = Object.entries(actor.objectives).sort(([, a], [, b]) => Math.abs(b) - Math.abs(a));
  return {
    more: weights.filter(([, w]) => w > 0).map(([r]) => refName(scenario, r)),
    less: weights.filter(([, w]) => w < 0).map(([r]) => refName(scenario, r)),
  };
}

export function listing(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
