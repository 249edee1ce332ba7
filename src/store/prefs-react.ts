/** React bindings for the UI preferences store. */
import { createContext, useContext } from 'react';
import { useStore, type StoreApi } from 'zustand';
import { createPrefsStore, type PrefsStore } from './prefs';

export const PrefsContext = createContext<StoreApi<PrefsStore> | null>(null);

// Without a provider (a component test), preferences live in memory only.
let fallback: StoreApi<PrefsStore> | null = null;

/** Reads one slice of the preferences; re-renders only when that slice changes. */
export function usePrefs<T>(selector: (s: PrefsStore) => T): T {
  const api = useContext(PrefsContext) ?? (fallback ??= createPrefsStore(null));
  return useStore(api, selector);
}
