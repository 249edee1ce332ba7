/**
 * Autosave to local storage after every change. What is read back is parsed like any untrusted
 * input: a save that cannot be read is set aside under its own key (never silently dropped) and
 * reported, and the app starts clean.
 */
import { z } from 'zod';
import type { TurnMoves } from '../engine/game';
import type { Scenario } from '../scenario/schema';
import { parseSession, type Session } from '../scenario/session-file';

/** The part of the Web Storage API the store uses (so tests can pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const AUTOSAVE_KEY = 'deterrence-lab:autosave:v1';
export const SET_ASIDE_PREFIX = 'deterrence-lab:unreadable-save:';

export interface Autosave {
  readonly session: Session | null;
  readonly redo: Readonly<Record<string, readonly TurnMoves[]>>;
  readonly picks: Readonly<Record<string, string>>;
  readonly view: number | null;
}

const envelope = z
  .object({
    version: z.literal(1),
    session: z.unknown(),
    redo: z.record(z.string(), z.array(z.record(z.string(), z.string()))),
    picks: z.record(z.string(), z.string()),
    view: z.number().int().min(0).nullable(),
  })
  .strict();

export function saveAutosave(storage: KeyValueStorage, save: Autosave): void {
  try {
    storage.setItem(AUTOSAVE_KEY, JSON.stringify({ version: 1, ...save }));
  } catch {
    // Storage full or disabled: the game goes on; export still works.
  }
}

function setAside(storage: KeyValueStorage, raw: string, now: () => string): string {
  const key = `${SET_ASIDE_PREFIX}${now()}`;
  try {
    storage.setItem(key, raw);
    storage.removeItem(AUTOSAVE_KEY);
  } catch {
    return '(it could not be copied aside; it was left in place)';
  }
  return `it was kept in local storage under "${key}"`;
}

/** The saved session, or null; `problem` says what was wrong with a save that could not be read. */
export function loadAutosave(
  storage: KeyValueStorage,
  scenarioFor: (id: string) => Scenario | null,
  now: () => string,
): { value: Autosave | null; problem: string | null } {
  let raw: string | null;
  try {
    raw = storage.getItem(AUTOSAVE_KEY);
  } catch {
    return { value: null, problem: null };
  }
  if (raw === null) return { value: null, problem: null };
  const fail = (why: string) => ({ value: null, problem: `The saved game could not be read (${why}); ${setAside(storage, raw, now)}.` });
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return fail('it is not valid JSON');
  }
  const outer = envelope.safeParse(json);
  if (!outer.success) {
    const issue = outer.error.issues[0]!;
    return fail(`${issue.path.join('.') || 'its format'}: ${issue.message}`);
  }
  if (outer.data.session === null) return { value: { session: null, redo: {}, picks: {}, view: null }, problem: null };
  const session = parseSession(outer.data.session, scenarioFor);
  if (!session.ok) return fail(`session.${session.errors[0]!.path}: ${session.errors[0]!.message}`);
  return { value: { ...outer.data, session: session.value }, problem: null };
}
