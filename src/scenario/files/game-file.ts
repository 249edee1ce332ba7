/**
 * The saved-game format (`play --save`, `replay`, `forecast --from`): a game is its log, with the
 * digest of the scenario it was played on. Saved games are untrusted input: parsed into a checked
 * `GameLog` (ids checked against the scenario when one is given), never trusted.
 *
 * Versions: 1 logged `turns` (moves by actor); 2 logs typed entries (`log`) and the scenario digest.
 */
import { z } from '../zod';
import { MAX_SEED, MAX_WEEKS } from '../limits';
import { checkLog, gameLogSchema, type GameLog } from '../log';
import type { ParseResult } from '../parse';
import type { Scenario } from '../schema';
import { scenarioDigest } from './digest';
import { check, turnsToLog, upgrade, type FileFormat } from './versioned';

export const GAME_FILE_KIND = 'deterrence-lab/game';
export const GAME_FILE_VERSION = 2;

/** A scenario digest as files record it (files from before digests have none). */
export const digestSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest as 64 hex digits').nullable();

export const gameFileFormat: FileFormat = {
  kind: GAME_FILE_KIND,
  noun: 'saved game',
  version: GAME_FILE_VERSION,
  steps: [
    {
      from: 1,
      name: 'turns become a typed log, and the scenario digest is recorded (none for version 1)',
      up: ({ turns, ...rest }) => ({ ...rest, log: turnsToLog(turns), scenarioDigest: null }),
    },
  ],
};

export const gameFileSchema = z
  .object({
    kind: z.literal(GAME_FILE_KIND),
    schemaVersion: z.literal(GAME_FILE_VERSION),
    scenarioId: z.string().min(1).max(200),
    scenarioDigest: digestSchema,
    seed: z.number().int().min(0).max(MAX_SEED),
    horizon: z.number().int().min(1).max(MAX_WEEKS),
    log: gameLogSchema,
  })
  .strict();

export type GameFile = z.infer<typeof gameFileSchema>;

export interface SavedGame {
  readonly game: GameLog;
  /** The digest of the scenario it was played on, or null for files from before digests. */
  readonly scenarioDigest: string | null;
}

/** Parses a saved game of any version; with a scenario, also checks its ids against it. Never throws. */
export function parseGameFile(raw: unknown, scenario?: Scenario): ParseResult<SavedGame> {
  const upgraded = upgrade(raw, gameFileFormat);
  if (!upgraded.ok) return upgraded;
  const file = check(gameFileSchema, upgraded.value);
  if (!file.ok) return file;
  const { scenarioId, seed, horizon, log } = file.value;
  if (scenario) {
    if (scenarioId !== scenario.id) {
      return { ok: false, errors: [{ path: 'scenarioId', code: 'wrong-scenario', message: `the game is for scenario "${scenarioId}", not "${scenario.id}"` }] };
    }
    const errors = checkLog(scenario, log, horizon);
    if (errors.length > 0) return { ok: false, errors };
  }
  return { ok: true, value: { game: { scenarioId, seed, horizon, log }, scenarioDigest: file.value.scenarioDigest } };
}

/** Writes a game log as a saved-game file (the parser's inverse), with the digest of the scenario it was played on. */
export function writeGameFile(game: GameLog, scenario: Scenario): GameFile {
  return {
    kind: GAME_FILE_KIND,
    schemaVersion: GAME_FILE_VERSION,
    scenarioId: game.scenarioId,
    scenarioDigest: scenarioDigest(scenario),
    seed: game.seed,
    horizon: game.horizon,
    log: JSON.parse(JSON.stringify(game.log)) as GameFile['log'],
  };
}
