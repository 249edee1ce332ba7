/**
 * The plain-language label of a "why" contribution, shared by the play view's charts and the
 * debrief (which is pure, so the label lives here rather than beside the recharts components).
 */
import type { Contribution } from '../engine/report';
import type { Scenario } from '../scenario/schema';

/** A plain-language label for a contribution: who did what, or which force of nature. */
export function contributionLabel(scenario: Scenario, c: Contribution): string {
  const actor = scenario.actors.find((a) => a.id === c.actor)?.short;
  switch (c.kind) {
    case 'move':
      return `${actor ?? 'Move'}: ${c.label}`;
    case 'outcome':
      return `${actor ? `${actor} — ` : ''}${c.label}`;
    case 'delayed':
      return `Later: ${c.label}`;
    case 'event':
      return `Event: ${c.label}`;
    case 'inject':
      return `Fired event: ${c.label}`;
    case 'talks': {
      // The engine labels it "Talks: talks pause"; said once, it reads "Talks pause".
      const label = scenario.talks.transitions.find((t) => t.id === c.id)?.label ?? c.label.replace(/^Talks: /, '');
      return /talks|deal/i.test(label) ? label.charAt(0).toUpperCase() + label.slice(1) : `Talks: ${label}`;
    }
    default:
      return c.label;
  }
}
