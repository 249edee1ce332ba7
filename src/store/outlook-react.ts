/** React bindings for the outlook store. */
import { createContext, useContext, useEffect, useMemo } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { TalksOutlook } from '../engine/outlook';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { outlookKey, type OutlookStore, type Strategies } from './outlook';

export const OutlookContext = createContext<StoreApi<OutlookStore> | null>(null);

function useOutlookApi(): StoreApi<OutlookStore> {
  const api = useContext(OutlookContext);
  if (!api) throw new Error('useOutlooks needs an <OutlookContext.Provider>');
  return api;
}

/**
 * Asks for the outlooks of `states` (the first most urgently) and returns a lookup that gives each
 * state's outlook once it has been computed, or undefined until then.
 */
export function useOutlooks(scenario: Scenario, states: readonly GameState[], strategies: Strategies): (state: GameState) => TalksOutlook | undefined {
  const api = useOutlookApi();
  const results = useStore(api, (s) => s.results);
  useEffect(() => api.getState().want(scenario, states, strategies), [api, scenario, states, strategies]);
  return useMemo(() => (state: GameState) => results[outlookKey(scenario, state, strategies)], [results, scenario, strategies]);
}
