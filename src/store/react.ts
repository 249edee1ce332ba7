/** React bindings for the session store: a context for the vanilla store and a narrow-selector hook. */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import type { SessionStore } from './session';

export const SessionContext = createContext<StoreApi<SessionStore> | null>(null);

export function useSessionApi(): StoreApi<SessionStore> {
  const api = useContext(SessionContext);
  if (!api) throw new Error('useSession needs a <SessionContext.Provider>');
  return api;
}

/** Reads one slice of the session store; re-renders only when that slice changes. */
export function useSession<T>(selector: (s: SessionStore) => T): T {
  return useStore(useSessionApi(), selector);
}
