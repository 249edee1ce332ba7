/**
 * The UI preferences store (zustand, vanilla): how the play view is laid out, remembered in the
 * browser between visits. A preference that cannot be read or saved falls back to its default and
 * never stops the app.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { KeyValueStorage } from './library';

export const PREFS_KEY = 'deterrence-lab:prefs:v1';

export interface Prefs {
  /** The projector layout: type large enough to read from the back of a room. */
  readonly projector: boolean;
}

export interface PrefsStore extends Prefs {
  setProjector(on: boolean): void;
}

const DEFAULTS: Prefs = { projector: false };

/** Reads the saved preferences; anything unreadable or of the wrong type is the default. */
export function readPrefs(storage: KeyValueStorage | null): Prefs {
  try {
    const raw = storage?.getItem(PREFS_KEY);
    if (!raw) return DEFAULTS;
    const parsed: unknown = JSON.parse(raw);
    const projector = typeof parsed === 'object' && parsed !== null && (parsed as { projector?: unknown }).projector === true;
    return { projector };
  } catch {
    return DEFAULTS;
  }
}

export function createPrefsStore(storage: KeyValueStorage | null): StoreApi<PrefsStore> {
  return createStore<PrefsStore>((set, get) => {
    const save = () => {
      try {
        storage?.setItem(PREFS_KEY, JSON.stringify({ projector: get().projector }));
      } catch {
        // A full or refused storage only means the preference is not remembered.
      }
    };
    return {
      ...readPrefs(storage),
      setProjector(on) {
        set({ projector: on });
        save();
      },
    };
  });
}
