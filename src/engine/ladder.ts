/** The escalation ladder: which rung an escalation index sits on. */
import type { Scenario } from '../scenario/schema';

/** The rung whose level is the whole part of `escalation`, clamped to the ladder. */
export function rungOf(scenario: Scenario, escalation: number): Scenario['ladder'][number] {
  const top = scenario.ladder.length - 1;
  const level = Math.max(0, Math.min(top, Math.floor(escalation)));
  return scenario.ladder[level]!;
}
