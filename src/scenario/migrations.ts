/**
 * Versioned files: a scenario carries `schemaVersion`, and each older version has a named step that
 * rewrites it to the next. Version 1 is the first published format, so the list of steps is empty;
 * the machinery is here so the next change of format adds one step and one test.
 */
import { SCHEMA_VERSION } from './schema';
import type { ParseResult } from './parse';

export interface Migration {
  /** The version this step upgrades from; it produces `from + 1`. */
  readonly from: number;
  readonly name: string;
  readonly up: (raw: Record<string, unknown>) => Record<string, unknown>;
}

/** Every step, in order. */
export const migrations: readonly Migration[] = [];

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Brings raw input up to the current schema version, or says why it cannot. */
export function migrate(raw: unknown, steps: readonly Migration[] = migrations, current = SCHEMA_VERSION): ParseResult<unknown> {
  if (!isObject(raw)) {
    return { ok: false, errors: [{ path: '', code: 'invalid-type', message: 'expected a JSON object' }] };
  }
  const version = raw['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return { ok: false, errors: [{ path: 'schemaVersion', code: 'missing-version', message: 'expected schemaVersion, a whole number from 1' }] };
  }
  if (version > current) {
    return {
      ok: false,
      errors: [{ path: 'schemaVersion', code: 'newer-version', message: `schemaVersion ${version} is newer than this version of Deterrence Lab reads (${current})` }],
    };
  }
  let value = raw;
  for (let v = version; v < current; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) return { ok: false, errors: [{ path: 'schemaVersion', code: 'no-migration', message: `no migration from schemaVersion ${v}` }] };
    value = { ...step.up(value), schemaVersion: v + 1 };
  }
  return { ok: true, value };
}
