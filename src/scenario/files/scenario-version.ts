/**
 * Saves and the scenario they were played on: a save carries the scenario's digest; opening it on
 * another version of the scenario says so plainly, and replays on the current one or refuses with
 * the reason (a move or event that no longer exists).
 */
import type { Scenario } from '../schema';
import { scenarioDigest, shortDigest } from './digest';

export type ScenarioMatch = 'same' | 'unrecorded' | 'changed';

/** How a save's recorded digest compares with the scenario as it is now. */
export function matchScenario(scenario: Scenario, digest: string | null): ScenarioMatch {
  if (digest === null) return 'unrecorded';
  return digest === scenarioDigest(scenario) ? 'same' : 'changed';
}

/** A plain sentence for a save whose scenario is not the one it was played on, or null when it is. */
export function scenarioNotice(scenario: Scenario, digest: string | null, noun: string): string | null {
  switch (matchScenario(scenario, digest)) {
    case 'same':
      return null;
    case 'unrecorded':
      return `This ${noun} was saved by an earlier version of Deterrence Lab, which did not record the version of “${scenario.title}” it was played on; it has been replayed on the current one.`;
    case 'changed':
      return `This ${noun} was played on another version of “${scenario.title}” (${shortDigest(digest!)}, now ${shortDigest(scenarioDigest(scenario))}); it has been replayed on the current one, so its numbers may differ from when it was saved.`;
  }
}
