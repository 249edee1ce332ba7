/** Reading scenario and game files from disk for the CLI; errors name the file and the path inside it. */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GameLog } from '../engine/game';
import { parseGameFile } from '../scenario/files/game-file';
import { scenarioNotice } from '../scenario/files/scenario-version';
import { parseSession, SESSION_KIND } from '../scenario/files/session-file';
import { parseScenarioText, type ScenarioError } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { forecastEnsemble } from '../analysis/ensemble';
import type { ForecastEnsemble } from '../engine/forecast';
import { parseEnsemble } from '../scenario/files/ensemble-file';
import { parseJson } from '../scenario/files/versioned';

/** The bundled scenarios folder. */
export const scenariosDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'scenarios');

export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly errors: readonly ScenarioError[],
  ) {
    super(`${file}: ${errors.length} error(s)`);
  }
}

/** Formats errors one per line as `file: path: message`. */
export function formatErrors(file: string, errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${file}: ${e.path === '' ? '(root)' : e.path}: ${e.message}`).join('\n');
}

function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(file, [{ path: '', code: 'unreadable', message: (e as Error).message }]);
  }
}

/** A scenario from a path, or from a bundled scenario's id (e.g. `march-2021`). */
export function loadScenario(pathOrId: string): { scenario: Scenario; file: string } {
  const bundled = join(scenariosDir, `${pathOrId}.json`);
  const file = existsSync(pathOrId) || !existsSync(bundled) ? resolve(pathOrId) : bundled;
  const result = parseScenarioText(readText(file));
  if (!result.ok) throw new InputError(file, result.errors);
  return { scenario: result.value, file };
}

/**
 * A bundled scenario by its id, as a file names it. An id read from a file never names a path:
 * it must be a scenario id and one of the bundled scenarios.
 */
export function loadBundledScenario(id: string, file: string, path: string): Scenario {
  const known = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/.test(id) && existsSync(join(scenariosDir, `${id}.json`));
  if (!known) {
    throw new InputError(file, [{ path, code: 'unknown-scenario', message: `no bundled scenario "${id}"; give its file with --scenario` }]);
  }
  return loadScenario(join(scenariosDir, `${id}.json`)).scenario;
}

/** A session file's active branch, as a game. */
function sessionGame(raw: unknown, file: string, scenarioPath: string | undefined): { game: GameLog; scenario: Scenario; notice: string | null } {
  const loaded = new Map<string, Scenario>();
  const scenarioFor = (id: string) => loaded.get(id) ?? loaded.set(id, scenarioPath ? loadScenario(scenarioPath).scenario : loadBundledScenario(id, file, 'scenarioId')).get(id)!;
  const parsed = parseSession(raw, scenarioFor);
  if (!parsed.ok) throw new InputError(file, parsed.errors);
  const s = parsed.value;
  const scenario = scenarioFor(s.scenarioId);
  const branch = s.branches.find((b) => b.id === s.active) ?? s.branches[0]!;
  const game = { scenarioId: s.scenarioId, seed: s.seed, horizon: s.horizon, log: branch.log };
  return { game, scenario, notice: scenarioNotice(scenario, s.scenarioDigest, 'saved game') };
}

/**
 * A saved game (a game file, or a session file the app exported: its active branch), checked against
 * its scenario (the bundled one of its id, unless given), and what to say if the scenario is not the
 * version it was played on.
 */
export function loadGame(file: string, scenarioPath?: string): { game: GameLog; scenario: Scenario; notice: string | null } {
  let raw: unknown;
  try {
    raw = JSON.parse(readText(file));
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(file, [{ path: '', code: 'invalid-json', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (typeof raw === 'object' && raw !== null && (raw as { kind?: unknown }).kind === SESSION_KIND) return sessionGame(raw, file, scenarioPath);
  const header = parseGameFile(raw);
  if (!header.ok) throw new InputError(file, header.errors);
  const scenario = scenarioPath ? loadScenario(scenarioPath).scenario : loadBundledScenario(header.value.game.scenarioId, file, 'scenarioId');
  const checked = parseGameFile(raw, scenario);
  if (!checked.ok) throw new InputError(file, checked.errors);
  return { game: checked.value.game, scenario, notice: scenarioNotice(scenario, checked.value.scenarioDigest, 'saved game') };
}

/**
 * The calibrated ensemble beside a scenario file (`<id>.ensemble.json` in its folder), for the
 * scenario as given before any `--set`: null when there is none; a bad file is an input error;
 * an ensemble of another version of the scenario is refused with the reason.
 */
export function loadEnsemble(scenario: Scenario, scenarioFile: string, without: readonly string[] = []): { ensemble: ForecastEnsemble | null; notice: string | null } {
  const file = join(dirname(scenarioFile), `${scenario.id}.ensemble.json`);
  if (!existsSync(file)) return { ensemble: null, notice: null };
  const json = parseJson(readText(file), 'ensemble file');
  const parsed = json.ok ? parseEnsemble(json.value) : json;
  if (!parsed.ok) throw new InputError(file, parsed.errors);
  const e = forecastEnsemble(parsed.value, scenario, without);
  return e.ok ? { ensemble: e.ensemble, notice: null } : { ensemble: null, notice: `${file}: ${e.reason}; using the scenario's own values` };
}
