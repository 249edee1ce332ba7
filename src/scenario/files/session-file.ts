/**
 * The session format: what the app exports, saves in the browser and puts in share links. A session
 * is the game's set-up and its branches, each a complete log; every state is derived by replaying.
 * Sessions come from files, links and local storage, so they are parsed, never trusted.
 *
 * Versions: 1 logged each branch's `turns` (moves by actor); 2 logs typed entries (`log`) and the
 * digest of the scenario the session was played on.
 */
import { z } from '../zod';
import { MAX_BRANCHES, MAX_BRANCH_NAME, MAX_SEED, MAX_WEEKS } from '../limits';
import { checkLog, gameLogSchema } from '../log';
import type { ParseResult, ScenarioError } from '../parse';
import { strategyIds, type Scenario } from '../schema';
import { scenarioDigest } from './digest';
import { digestSchema } from './game-file';
import { check, isObject, parseJson, turnsToLog, upgrade, type FileFormat } from './versioned';

export const SESSION_KIND = 'deterrence-lab/session';
export const SESSION_VERSION = 2;

export const controllers = ['human', ...strategyIds] as const;
export type Controller = (typeof controllers)[number];

export const sessionFormat: FileFormat = {
  kind: SESSION_KIND,
  noun: 'game',
  version: SESSION_VERSION,
  steps: [
    {
      from: 1,
      name: "each branch's turns become a typed log, and the scenario digest is recorded (none for version 1)",
      up: (raw) => ({
        ...raw,
        scenarioDigest: null,
        branches: Array.isArray(raw['branches'])
          ? raw['branches'].map((b) => {
              if (!isObject(b)) return b;
              const { turns, ...rest } = b;
              return { ...rest, log: turnsToLog(turns) };
            })
          : raw['branches'],
      }),
    },
  ],
};

const branchSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a branch id of lower-case letters, digits and "-"'),
    name: z.string().trim().min(1).max(MAX_BRANCH_NAME),
    /** The branch this one was forked from, for display; every branch holds its whole log. */
    parent: z.string().nullable(),
    forkTurn: z.number().int().min(0).max(MAX_WEEKS),
    log: gameLogSchema,
  })
  .strict();

export const sessionSchema = z
  .object({
    kind: z.literal(SESSION_KIND),
    schemaVersion: z.literal(SESSION_VERSION),
    scenarioId: z.string().min(1).max(200),
    scenarioDigest: digestSchema,
    seed: z.number().int().min(0).max(MAX_SEED),
    horizon: z.number().int().min(1).max(MAX_WEEKS),
    controllers: z.record(z.string(), z.enum(controllers)),
    branches: z.array(branchSchema).min(1).max(MAX_BRANCHES),
    active: z.string(),
  })
  .strict();

export type Session = z.infer<typeof sessionSchema>;
export type Branch = Session['branches'][number];

function crossCheck(scenario: Scenario, s: Session): ScenarioError[] {
  if (s.scenarioId !== scenario.id) {
    return [{ path: 'scenarioId', code: 'wrong-scenario', message: `the session is for scenario "${s.scenarioId}", not "${scenario.id}"` }];
  }
  const errors: ScenarioError[] = [];
  const ids = new Set<string>();
  s.branches.forEach((b, i) => {
    if (ids.has(b.id)) errors.push({ path: `branches[${i}].id`, code: 'duplicate-id', message: `duplicate branch id "${b.id}"` });
    ids.add(b.id);
    errors.push(...checkLog(scenario, b.log, s.horizon, `branches[${i}].`));
  });
  s.branches.forEach((b, i) => {
    if (b.parent !== null && !ids.has(b.parent)) errors.push({ path: `branches[${i}].parent`, code: 'unknown-branch', message: `unknown parent branch "${b.parent}"` });
  });
  if (!ids.has(s.active)) errors.push({ path: 'active', code: 'unknown-branch', message: `unknown active branch "${s.active}"` });
  for (const actor of Object.keys(s.controllers)) {
    if (!scenario.actors.some((a) => a.id === actor)) errors.push({ path: `controllers.${actor}`, code: 'unknown-actor', message: `unknown actor "${actor}"` });
  }
  return errors;
}

/**
 * Parses a session of any version; `scenarioFor` looks up the scenario its id names (null if
 * unknown: ids inside files name bundled scenarios only). Never throws. Moves are checked by id
 * here; legality is checked when the log is replayed.
 */
export function parseSession(raw: unknown, scenarioFor: (id: string) => Scenario | null): ParseResult<Session> {
  const upgraded = upgrade(raw, sessionFormat);
  if (!upgraded.ok) return upgraded;
  const result = check(sessionSchema, upgraded.value);
  if (!result.ok) return result;
  const scenario = scenarioFor(result.value.scenarioId);
  if (!scenario) {
    return { ok: false, errors: [{ path: 'scenarioId', code: 'unknown-scenario', message: `no scenario "${result.value.scenarioId}" in this app` }] };
  }
  const errors = crossCheck(scenario, result.value);
  return errors.length > 0 ? { ok: false, errors } : result;
}

/** Parses session text (JSON). */
export function parseSessionText(text: string, scenarioFor: (id: string) => Scenario | null): ParseResult<Session> {
  const json = parseJson(text, 'game file');
  return json.ok ? parseSession(json.value, scenarioFor) : json;
}

export function writeSession(s: Session): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** A new session at version 2, for a scenario, with one empty branch. */
export function newSession(scenario: Scenario, setup: Pick<Session, 'seed' | 'horizon' | 'controllers'>): Session {
  return {
    kind: SESSION_KIND,
    schemaVersion: SESSION_VERSION,
    scenarioId: scenario.id,
    scenarioDigest: scenarioDigest(scenario),
    ...setup,
    controllers: { ...setup.controllers },
    branches: [{ id: 'main', name: 'Main line', parent: null, forkTurn: 0, log: [] }],
    active: 'main',
  };
}
