import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../test/fixture';
import { migrate, migrations, type Migration } from './migrations';
import { SCHEMA_VERSION } from './schema';

/** Three made-up formats: v1 has `title`, v2 renames it `name`, v3 nests it under `meta`. */
function steps(log: string[] = []): Migration[] {
  return [
    {
      from: 1,
      name: 'rename title to name',
      up: ({ title, ...rest }) => {
        log.push('rename title to name');
        return { ...rest, name: title };
      },
    },
    {
      from: 2,
      name: 'nest name under meta',
      up: ({ name, ...rest }) => {
        log.push('nest name under meta');
        return { ...rest, meta: { name } };
      },
    },
  ];
}

describe('migrate with the published steps', () => {
  it('has no steps while version 1 is the only format', () => {
    expect(SCHEMA_VERSION).toBe(1);
    expect(migrations).toEqual([]);
  });

  it('passes a version 1 scenario through unchanged', () => {
    const input = fixtureInput();
    expect(migrate(input)).toStrictEqual({ ok: true, value: fixtureInput() });
  });

  it.each([
    ['null', null],
    ['a string', 'scenario'],
    ['a number', 1],
    ['an array', [{ schemaVersion: 1 }]],
  ])('rejects %s: a scenario is a JSON object', (_, raw) => {
    expect(migrate(raw)).toEqual({ ok: false, errors: [{ path: '', code: 'invalid-type', message: 'expected a JSON object' }] });
  });

  it.each([
    ['missing', undefined],
    ['a string', '1'],
    ['zero', 0],
    ['negative', -1],
    ['fractional', 1.5],
  ])('rejects a schemaVersion that is %s', (_, version) => {
    const result = migrate({ schemaVersion: version, id: 'x' });
    expect(result).toEqual({ ok: false, errors: [{ path: 'schemaVersion', code: 'missing-version', message: expect.stringContaining('whole number') }] });
  });

  it('rejects a schemaVersion newer than this code reads, naming both versions', () => {
    const result = migrate({ schemaVersion: SCHEMA_VERSION + 1 });
    expect(result).toEqual({
      ok: false,
      errors: [{ path: 'schemaVersion', code: 'newer-version', message: `schemaVersion ${SCHEMA_VERSION + 1} is newer than this version of Deterrence Lab reads (${SCHEMA_VERSION})` }],
    });
  });
});

describe('migrate with a list of steps', () => {
  it('applies every step in order from an old version and stamps the current version', () => {
    const log: string[] = [];
    const result = migrate({ schemaVersion: 1, title: 'Old', keep: true }, steps(log), 3);
    expect(result).toStrictEqual({ ok: true, value: { keep: true, meta: { name: 'Old' }, schemaVersion: 3 } });
    expect(log).toEqual(['rename title to name', 'nest name under meta']);
  });

  it('starts from the file\'s own version, skipping the steps before it', () => {
    const log: string[] = [];
    const result = migrate({ schemaVersion: 2, name: 'Mid' }, steps(log), 3);
    expect(result).toStrictEqual({ ok: true, value: { meta: { name: 'Mid' }, schemaVersion: 3 } });
    expect(log).toEqual(['nest name under meta']);
  });

  it('finds steps by their `from` version, whatever order they are listed in', () => {
    const result = migrate({ schemaVersion: 1, title: 'Old' }, [...steps()].reverse(), 3);
    expect(result).toStrictEqual({ ok: true, value: { meta: { name: 'Old' }, schemaVersion: 3 } });
  });

  it('sets schemaVersion after each step even when a step forgets to', () => {
    const seen: unknown[] = [];
    const forgetful: Migration[] = [
      { from: 1, name: 'drop everything', up: () => ({}) },
      { from: 2, name: 'look', up: (raw) => (seen.push(raw['schemaVersion']), raw) },
    ];
    expect(migrate({ schemaVersion: 1 }, forgetful, 3)).toStrictEqual({ ok: true, value: { schemaVersion: 3 } });
    expect(seen).toEqual([2]);
  });

  it('does not change its input', () => {
    const raw = { schemaVersion: 1, title: 'Old' };
    migrate(raw, steps(), 3);
    expect(raw).toStrictEqual({ schemaVersion: 1, title: 'Old' });
  });

  it('reports the version that has no step', () => {
    const result = migrate({ schemaVersion: 1, title: 'Old' }, steps().slice(0, 1), 3);
    expect(result).toEqual({ ok: false, errors: [{ path: 'schemaVersion', code: 'no-migration', message: 'no migration from schemaVersion 2' }] });
  });

  it('still rejects a version newer than the current one', () => {
    const result = migrate({ schemaVersion: 4 }, steps(), 3);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]!.code).toBe('newer-version');
  });
});
