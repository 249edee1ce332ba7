/**
 * A game saved in the browser (one local-storage record per game): its session, the week in view,
 * the moves picked but not yet played, the teams' draft notes and the undone entries that Redo
 * brings back.
 *
 * Versions: 1 was the app's single autosave (`{version: 1, session, redo, picks, view}` under
 * `deterrence-lab:autosave:v1`); 2 is one record per game, with its id and dates.
 */
import { z } from '../zod';
import { NOTE_MAX_LENGTH, gameLogSchema, type LogEntry } from '../log';
import { MAX_WEEKS } from '../limits';
import type { ParseResult } from '../parse';
import type { Scenario } from '../schema';
import { parseSession, type Session } from './session-file';
import { check, turnsToLog, upgrade, type FileFormat } from './versioned';

export const SAVED_GAME_KIND = 'deterrence-lab/saved-game';
export const SAVED_GAME_VERSION = 2;

export const savedGameFormat: FileFormat = {
  kind: SAVED_GAME_KIND,
  noun: 'saved game',
  version: SAVED_GAME_VERSION,
  legacyVersionKey: 'version',
  kindSince: 2,
  steps: [
    {
      from: 1,
      name: 'the one autosaved game becomes a saved game with an id; its undone turns become log entries',
      up: ({ redo, ...rest }) => ({
        id: 'game-1',
        createdAt: null,
        updatedAt: null,
        notes: {},
        ...rest,
        redo:
          typeof redo === 'object' && redo !== null && !Array.isArray(redo)
            ? Object.fromEntries(Object.entries(redo).map(([branch, turns]) => [branch, turnsToLog(turns)]))
            : redo,
      }),
    },
  ],
};

export const gameIdSchema = z.string().regex(/^game-[a-z0-9-]{1,60}$/, 'a game id such as "game-1"');

const savedGameSchema = z
  .object({
    kind: z.literal(SAVED_GAME_KIND),
    schemaVersion: z.literal(SAVED_GAME_VERSION),
    id: gameIdSchema,
    /** ISO 8601 times; null in games saved before they were recorded. */
    createdAt: z.string().max(40).nullable(),
    updatedAt: z.string().max(40).nullable(),
    session: z.unknown().nullable(),
    redo: z.record(z.string(), gameLogSchema),
    picks: z.record(z.string(), z.string().max(200)),
    notes: z.record(z.string(), z.string().max(NOTE_MAX_LENGTH)),
    view: z.number().int().min(0).max(MAX_WEEKS).nullable(),
  })
  .strict();

export interface SavedGameRecord {
  readonly id: string;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
  /** Null only for the empty autosave of version 1 (no game was in progress). */
  readonly session: Session | null;
  readonly redo: Readonly<Record<string, readonly LogEntry[]>>;
  readonly picks: Readonly<Record<string, string>>;
  readonly notes: Readonly<Record<string, string>>;
  readonly view: number | null;
}

/** Parses a saved game of any version, and its session against the app's scenarios. Never throws. */
export function parseSavedGame(raw: unknown, scenarioFor: (id: string) => Scenario | null): ParseResult<SavedGameRecord> {
  const upgraded = upgrade(raw, savedGameFormat);
  if (!upgraded.ok) return upgraded;
  const record = check(savedGameSchema, upgraded.value);
  if (!record.ok) return record;
  const { kind: _k, schemaVersion: _v, session: rawSession, ...rest } = record.value;
  if (rawSession === null) return { ok: true, value: { ...rest, session: null } };
  const session = parseSession(rawSession, scenarioFor);
  if (!session.ok) return { ok: false, errors: session.errors.map((e) => ({ ...e, path: `session${e.path ? `.${e.path}` : ''}` })) };
  return { ok: true, value: { ...rest, session: session.value } };
}

/** Writes a saved game (the parser's inverse). */
export function writeSavedGame(g: SavedGameRecord): string {
  return JSON.stringify({ kind: SAVED_GAME_KIND, schemaVersion: SAVED_GAME_VERSION, ...g });
}
