/**
 * Versioned files: every persisted format has a kind, a `schemaVersion` and named steps that each
 * rewrite one version into the next (tldraw's migrations, one step and one test per change). A file
 * is brought up to the current version before it is parsed; a newer version is refused, not guessed.
 */
import { formatPath, type ParseResult, type ScenarioError } from '../parse';
import type { z } from '../zod';

export interface Step {
  /** The version this step upgrades from; it produces `from + 1`. */
  readonly from: number;
  /** What the step does, e.g. "turns become a typed log". */
  readonly name: string;
  readonly up: (raw: Record<string, unknown>) => Record<string, unknown>;
}

export interface FileFormat {
  /** The `kind` field's value, e.g. "deterrence-lab/game". */
  readonly kind: string;
  /** What people call it in messages: "saved game", "share link". */
  readonly noun: string;
  readonly version: number;
  readonly steps: readonly Step[];
  /** Version 1 of some formats named its version field differently (the first autosave: `version`). */
  readonly legacyVersionKey?: string;
  /** Version 1 of some formats had no `kind`. */
  readonly kindSince?: number;
}

export function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const fail = (path: string, code: string, message: string): ParseResult<never> => ({ ok: false, errors: [{ path, code, message }] });

/** Brings raw input of `format` up to its current version, or says why it cannot. Never throws. */
export function upgrade(raw: unknown, format: FileFormat): ParseResult<Record<string, unknown>> {
  if (!isObject(raw)) return fail('', 'invalid-type', `expected a ${format.noun}: a JSON object`);
  let value: Record<string, unknown> = raw;
  if (format.legacyVersionKey && value['schemaVersion'] === undefined && value[format.legacyVersionKey] !== undefined) {
    const { [format.legacyVersionKey]: legacy, ...rest } = value;
    value = { ...rest, schemaVersion: legacy };
  }
  const version = value['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return fail('schemaVersion', 'missing-version', `expected a ${format.noun} with schemaVersion, a whole number from 1`);
  }
  if (version > format.version) {
    return fail('schemaVersion', 'newer-version', `this ${format.noun} is schemaVersion ${version}, newer than this version of Deterrence Lab reads (${format.version})`);
  }
  const kindRequired = version >= (format.kindSince ?? 1);
  if (value['kind'] !== format.kind && (kindRequired || value['kind'] !== undefined)) {
    return fail('kind', 'wrong-kind', `expected a ${format.noun} (kind "${format.kind}"), got ${JSON.stringify(value['kind'] ?? null)}`);
  }
  for (let v = version; v < format.version; v++) {
    const step = format.steps.find((s) => s.from === v);
    if (!step) return fail('schemaVersion', 'no-migration', `no migration of a ${format.noun} from schemaVersion ${v}`);
    value = { ...step.up(value), kind: format.kind, schemaVersion: v + 1 };
  }
  return { ok: true, value };
}

/** Runs a zod schema over upgraded input, with errors at their JSON paths. */
export function check<T>(schema: z.ZodType<T>, value: unknown, prefix = ''): ParseResult<T> {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  const errors: ScenarioError[] = result.error.issues.map((i) => ({ path: `${prefix}${formatPath(i.path)}`, code: i.code, message: i.message }));
  return { ok: false, errors };
}

/** Parses JSON text; a syntax error is reported at the root. */
export function parseJson(text: string, noun: string): ParseResult<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return fail('', 'invalid-json', `the ${noun} is not valid JSON: ${(e as Error).message}`);
  }
}

/** A v1 log of `turns` (moves by actor) as typed week entries; anything else is passed on for the schema to name. */
export function turnsToLog(turns: unknown): unknown {
  if (!Array.isArray(turns)) return turns;
  return turns.map((t) => (isObject(t) ? { kind: 'week', moves: Object.fromEntries(Object.entries(t).map(([actor, move]) => [actor, { move }])) } : t));
}
