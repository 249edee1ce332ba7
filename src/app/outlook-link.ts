/**
 * Asks for the talks outlook of the week just played as soon as the session store has it, before
 * React renders the week: the futures run in their workers while the page draws the week's result.
 */
import type { StoreApi } from 'zustand';
import type { Scenario } from '../scenario/schema';
import { activeBranch, branchStates } from '../store/derive';
import { aiStrategies, type OutlookStore } from '../store/outlook';
import type { SessionStore } from '../store/session';

export function linkOutlooks(sessions: StoreApi<SessionStore>, outlooks: StoreApi<OutlookStore>, scenarios: readonly Scenario[]): () => void {
  return sessions.subscribe((now, before) => {
    const session = now.session;
    if (!session || session === before.session) return;
    const scenario = scenarios.find((s) => s.id === session.scenarioId);
    if (!scenario) return;
    const { states } = branchStates(scenario, session, activeBranch(session));
    outlooks.getState().want(scenario, [states[states.length - 1]!], aiStrategies(session.controllers));
  });
}
