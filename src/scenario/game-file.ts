/**
 * The saved-game format: a game is its log. Saved games are untrusted input, so they are parsed
 * into a checked `GameLog` (ids checked against the scenario when one is given), never trusted.
 */
import { z } from 'zod';
import type { GameLog } from '../engine/game';
import { formatPath, type ParseResult, type ScenarioError } from './parse';
import type { Scenario } from './schema';

export const GAME_FILE_VERSION = 1;
export const GAME_FILE_KIND = 'deterrence-lab/game';

export const gameFileSchema = z
  .object({
    kind: z.literal(GAME_FILE_KIND),
    schemaVersion: z.literal(GAME_FILE_VERSION),
    scenarioId: z.string().min(1),
    seed: z.number().int().min(0).max(4294967295),
    horizon: z.number().int().min(1).max(520),
    turns: z.array(z.record(z.string(), z.string())),
  })
  .strict();

export type GameFile = z.infer<typeof gameFileSchema>;

/** Checks that every turn names one move of each actor, by the scenario's ids. */
export function checkAgainst(scenario: Scenario, file: Pick<GameFile, 'scenarioId' | 'horizon' | 'turns'>, prefix = ''): ScenarioError[] {
  const errors: ScenarioError[] = [];
  if (file.scenarioId !== scenario.id) {
    errors.push({ path: `${prefix}scenarioId`, code: 'wrong-scenario', message: `the game is for scenario "${file.scenarioId}", not "${scenario.id}"` });
    return errors;
  }
  const actorOf = new Map(scenario.moves.map((m) => [m.id, m.actor]));
  file.turns.forEach((turn, t) => {
    for (const a of scenario.actors) {
      if (turn[a.id] === undefined) errors.push({ path: `${prefix}turns[${t}].${a.id}`, code: 'missing-move', message: `no move for actor "${a.id}"` });
    }
    for (const [actor, move] of Object.entries(turn)) {
      if (!scenario.actors.some((a) => a.id === actor)) {
        errors.push({ path: `${prefix}turns[${t}].${actor}`, code: 'unknown-actor', message: `unknown actor "${actor}"` });
      } else if (actorOf.get(move) !== actor) {
        errors.push({ path: `${prefix}turns[${t}].${actor}`, code: 'unknown-move', message: `"${move}" is not a move of "${actor}"` });
      }
    }
  });
  if (file.turns.length > file.horizon) {
    errors.push({ path: `${prefix}turns`, code: 'too-long', message: `${file.turns.length} turns is more than the horizon of ${file.horizon}` });
  }
  return errors;
}

/** Parses a saved game; with a scenario, also checks its ids against it. Never throws. */
export function parseGameFile(raw: unknown, scenario?: Scenario): ParseResult<GameLog> {
  const result = gameFileSchema.safeParse(raw);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => ({ path: formatPath(i.path), code: i.code, message: i.message })) };
  }
  const errors = scenario ? checkAgainst(scenario, result.data) : [];
  if (errors.length > 0) return { ok: false, errors };
  const { scenarioId, seed, horizon, turns } = result.data;
  return { ok: true, value: { scenarioId, seed, horizon, turns } };
}

/** Writes a game log as a saved-game file (the parser's inverse). */
export function writeGameFile(log: GameLog): GameFile {
  return { kind: GAME_FILE_KIND, schemaVersion: GAME_FILE_VERSION, scenarioId: log.scenarioId, seed: log.seed, horizon: log.horizon, turns: log.turns.map((t) => ({ ...t })) };
}
