import { useMemo } from 'react';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import type { Branch, Session } from '../scenario/files/session-file';
import { activeBranch, branchStates } from '../store/derive';
import { useSession } from '../store/react';

export interface GameView {
  readonly session: Session;
  readonly branch: Branch;
  readonly states: readonly GameState[];
  /** Why the log stopped replaying early, if it did. */
  readonly replayError: string | null;
  /** The week in view and the latest week. */
  readonly viewTurn: number;
  readonly latest: number;
  readonly state: GameState;
  readonly atLatest: boolean;
}

/** The active branch's states, derived through the engine, and the week in view. */
export function useGame(scenario: Scenario): GameView | null {
  const session = useSession((s) => s.session);
  const view = useSession((s) => s.view);
  return useMemo(() => {
    if (!session) return null;
    const branch = activeBranch(session);
    const { states, error } = branchStates(scenario, session, branch);
    const latest = states.length - 1;
    const viewTurn = view === null ? latest : Math.min(view, latest);
    return { session, branch, states, replayError: error, viewTurn, latest, state: states[viewTurn]!, atLatest: viewTurn === latest };
  }, [scenario, session, view]);
}
