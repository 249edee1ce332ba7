/**
 * The session format: what the app exports, autosaves and puts in share links. A session is the
 * game's set-up and its branches, each a complete log; every state is derived by replaying.
 * Sessions come from files, links and local storage, so they are parsed, never trusted.
 */
// lz-string is CommonJS: its default export works under Node (tsx) as in the bundler; named imports only in the bundler.
import LZString from 'lz-string';
import { z } from 'zod';
import { checkAgainst } from './game-file';
import { formatPath, type ParseResult, type ScenarioError } from './parse';
import { strategyIds, type Scenario } from './schema';

export const SESSION_KIND = 'deterrence-lab/session';
export const SESSION_VERSION = 1;

export const controllers = ['human', ...strategyIds] as const;
export type Controller = (typeof controllers)[number];

const branchSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/, 'a branch id of lower-case letters, digits and "-"'),
    name: z.string().trim().min(1).max(80),
    /** The branch this one was forked from, for display; every branch holds its whole log. */
    parent: z.string().nullable(),
    forkTurn: z.number().int().min(0),
    turns: z.array(z.record(z.string(), z.string())),
  })
  .strict();

export const sessionSchema = z
  .object({
    kind: z.literal(SESSION_KIND),
    schemaVersion: z.literal(SESSION_VERSION),
    scenarioId: z.string().min(1),
    seed: z.number().int().min(0).max(4294967295),
    horizon: z.number().int().min(1).max(520),
    controllers: z.record(z.string(), z.enum(controllers)),
    branches: z.array(branchSchema).min(1).max(50),
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
    errors.push(...checkAgainst(scenario, { scenarioId: s.scenarioId, horizon: s.horizon, turns: b.turns }, `branches[${i}].`));
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
 * Parses a session; `scenarioFor` looks up the scenario its id names (null if unknown). Never throws.
 * Moves are checked by id here; legality is checked when the log is replayed.
 */
export function parseSession(raw: unknown, scenarioFor: (id: string) => Scenario | null): ParseResult<Session> {
  const result = sessionSchema.safeParse(raw);
  if (!result.success) {
    return { ok: false, errors: result.error.issues.map((i) => ({ path: formatPath(i.path), code: i.code, message: i.message })) };
  }
  const scenario = scenarioFor(result.data.scenarioId);
  if (!scenario) {
    return { ok: false, errors: [{ path: 'scenarioId', code: 'unknown-scenario', message: `no scenario "${result.data.scenarioId}" in this app` }] };
  }
  const errors = crossCheck(scenario, result.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: result.data };
}

/** Parses session text (JSON). */
export function parseSessionText(text: string, scenarioFor: (id: string) => Scenario | null): ParseResult<Session> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', code: 'invalid-json', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseSession(raw, scenarioFor);
}

export function writeSession(s: Session): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}

/** The session as a compact, URL-safe string for a share link. */
export function encodeShare(s: Session): string {
  return LZString.compressToEncodedURIComponent(JSON.stringify(s));
}

/** The session a share link's string encodes, or why it cannot be read. */
export function decodeShare(code: string, scenarioFor: (id: string) => Scenario | null): ParseResult<Session> {
  let text: string | null = null;
  try {
    text = LZString.decompressFromEncodedURIComponent(code);
  } catch {
    text = null;
  }
  if (!text) return { ok: false, errors: [{ path: '', code: 'bad-link', message: 'the link is damaged: its game data cannot be decoded' }] };
  return parseSessionText(text, scenarioFor);
}
