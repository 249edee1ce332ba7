import { describe, expect, it } from 'vitest';
import { createPrefsStore, PREFS_KEY, readPrefs } from './prefs';
import type { KeyValueStorage } from './library';

function memory(initial: Record<string, string> = {}): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (k) => data[k] ?? null,
    setItem: (k, v) => void (data[k] = v),
    removeItem: (k) => void delete data[k],
    get length() {
      return Object.keys(data).length;
    },
    key: (i) => Object.keys(data)[i] ?? null,
  };
}

describe('the preferences store', () => {
  it('starts with the projector layout off and remembers it once turned on', () => {
    const storage = memory();
    const prefs = createPrefsStore(storage);
    expect(prefs.getState().projector).toBe(false);
    prefs.getState().setProjector(true);
    expect(prefs.getState().projector).toBe(true);
    expect(createPrefsStore(storage).getState().projector).toBe(true);
  });

  it('reads an unreadable or mistyped preference as the default', () => {
    expect(readPrefs(memory({ [PREFS_KEY]: '{"projector":' }))).toEqual({ projector: false });
    expect(readPrefs(memory({ [PREFS_KEY]: '{"projector":"yes"}' }))).toEqual({ projector: false });
    expect(readPrefs(null)).toEqual({ projector: false });
  });

  it('keeps working in memory when the storage refuses to save', () => {
    const storage = memory();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const prefs = createPrefsStore(storage);
    prefs.getState().setProjector(true);
    expect(prefs.getState().projector).toBe(true);
  });
});
