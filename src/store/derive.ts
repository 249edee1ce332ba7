/**
 * States derived from a session by replaying its logs through the engine. Cached per log array, so
 * a render reads them for free and a new turn replays only once.
 */
import { replay } from '../engine/game';
import type { GameState } from '../engine/state';
import type { Branch, Session } from '../scenario/files/session-file';
import type { LogEntry } from '../scenario/log';
import type { Scenario } from '../scenario/schema';

export interface BranchStates {
  readonly states: readonly GameState[];
  /** Why replay stopped early, if it did (an illegal move in an imported log). */
  readonly error: string | null;
}

const cache = new WeakMap<readonly LogEntry[], BranchStates>();

export function branchStates(scenario: Scenario, session: Session, branch: Branch): BranchStates {
  const hit = cache.get(branch.log);
  if (hit) return hit;
  const { states, error } = replay(scenario, { scenarioId: session.scenarioId, seed: session.seed, horizon: session.horizon, log: branch.log });
  const result = { states, error: error ? `week ${error.turn + 1}: ${error.message}` : null };
  cache.set(branch.log, result);
  return result;
}

export function activeBranch(session: Session): Branch {
  return session.branches.find((b) => b.id === session.active) ?? session.branches[0]!;
}
