/** `forecast --shard i/n` and `merge`, run in process on the fixture scenario. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliOk, runCli } from '../test/cli';
import { fixtureInput } from '../test/fixture';
import type { ShardFile } from './shard';

let dir = '';
let scenario = '';
const shards: string[] = [];

/** Writes shard `i/n` of the 600-run, seed-9 forecast (or of a variant) and returns its file. */
async function shard(name: string, i: number, n: number, ...extra: string[]): Promise<string> {
  const file = join(dir, name);
  await cliOk('forecast', scenario, '--runs', '600', '--seed', '9', '--threads', '1', '--shard', `${i}/${n}`, '--out', file, ...extra);
  return file;
}

/** A copy of a shard file with `change` applied to its JSON. */
function edited(file: string, name: string, change: (s: ShardFile) => void): string {
  const data = JSON.parse(readFileSync(file, 'utf8')) as ShardFile;
  change(data);
  const out = join(dir, name);
  writeFileSync(out, JSON.stringify(data));
  return out;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deterrence-lab-shards-'));
  scenario = join(dir, 'fixture.json');
  writeFileSync(scenario, JSON.stringify(fixtureInput()));
  for (const i of [1, 2, 3]) shards.push(await shard(`s${i}.json`, i, 3));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('forecast --shard and merge', () => {
  it.each(['table', 'csv', 'json'])('print byte for byte what one forecast prints, as %s', async (format) => {
    const whole = await cliOk('forecast', scenario, '--runs', '600', '--seed', '9', '--threads', '1', '--format', format, '--no-date');
    const merged = await cliOk('merge', ...shards, '--scenario', scenario, '--format', format, '--no-date');
    expect(merged).toBe(whole);
  });

  it('stamps a date by default, and match once the date is taken out', async () => {
    const strip = (text: string) => {
      const out = JSON.parse(text) as { provenance: { generated?: string } };
      expect(out.provenance.generated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      delete out.provenance.generated;
      return out;
    };
    const whole = await cliOk('forecast', scenario, '--runs', '600', '--seed', '9', '--threads', '1', '--format', 'json');
    const merged = await cliOk('merge', ...[...shards].reverse(), '--scenario', scenario, '--format', 'json');
    expect(strip(merged)).toEqual(strip(whole));
  });

  it('splits the runs into contiguous chunks and records where each shard sits', () => {
    const files = shards.map((f) => JSON.parse(readFileSync(f, 'utf8')) as ShardFile);
    expect(files.map((f) => [f.shard.index, f.shard.count, f.tally.firstRun, f.tally.runs])).toEqual([
      [1, 3, 0, 200],
      [2, 3, 200, 200],
      [3, 3, 400, 200],
    ]);
    expect(files[0]!.provenance).toMatchObject({ app: 'deterrence-lab', scenario: 'fixture', schemaVersion: 1, seed: 9, runs: 600, parameters: {} });
  });

  it('merges shards into a tally that merges again', async () => {
    const whole = join(dir, 'whole.json');
    writeFileSync(whole, await cliOk('merge', ...shards, '--scenario', scenario, '--format', 'tally'));
    const again = await cliOk('merge', whole, '--scenario', scenario, '--format', 'csv', '--no-date');
    expect(again).toBe(await cliOk('forecast', scenario, '--runs', '600', '--seed', '9', '--threads', '1', '--format', 'csv', '--no-date'));
  });

  it('rejects overlapping shards, naming the files', async () => {
    const r = await runCli('merge', shards[0]!, shards[1]!, shards[1]!, shards[2]!, '--scenario', scenario);
    expect(r.code).toBe(1);
    expect(r.err).toBe(`${shards[1]}: tally.firstRun: runs [200, 400) overlap runs [200, 400) of ${shards[1]}\n`);
    expect(r.out).toBe('');
  });

  it('rejects a missing shard in the middle or at the end, naming the file next to the gap', async () => {
    const middle = await runCli('merge', shards[0]!, shards[2]!, '--scenario', scenario);
    expect(middle.code).toBe(1);
    expect(middle.err).toContain(`${shards[2]}: tally.firstRun: runs [200, 400) of 600 are in no shard given`);
    const end = await runCli('merge', shards[0]!, shards[1]!, '--scenario', scenario);
    expect(end.code).toBe(1);
    expect(end.err).toContain(`${shards[1]}: tally.runs: runs [400, 600) of 600 are in no shard given`);
  });

  it('rejects shards of a different forecast, naming the file and what differs', async () => {
    const seed = join(dir, 'seed10.json');
    await cliOk('forecast', scenario, '--runs', '600', '--seed', '10', '--threads', '1', '--shard', '2/3', '--out', seed);
    const r = await runCli('merge', shards[0]!, seed, shards[2]!, '--scenario', scenario);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${seed}: provenance.seed: seed 10 differs from 9 in ${shards[0]}`);

    const set = await shard('set.json', 2, 3, '--set', 'dynamics.misperception=0.2');
    const s = await runCli('merge', shards[0]!, set, shards[2]!, '--scenario', scenario);
    expect(s.err).toContain(`${set}: provenance.parameters: parameters {"dynamics.misperception":0.2} differs from {}`);

    const policy = await shard('policy.json', 3, 3, '--policy', 'red=hawk');
    expect((await runCli('merge', ...shards.slice(0, 2), policy, '--scenario', scenario)).err).toContain(`${policy}: provenance.strategies: `);

    const weeks = await shard('weeks.json', 3, 3, '--turns', '4');
    expect((await runCli('merge', ...shards.slice(0, 2), weeks, '--scenario', scenario)).err).toContain(`${weeks}: provenance.turns: `);
  });

  it('rejects shards run on another version of the scenario', async () => {
    const changed = join(dir, 'changed.json');
    writeFileSync(changed, JSON.stringify({ ...fixtureInput(), title: 'Fixture, edited' }));
    const r = await runCli('merge', ...shards, '--scenario', changed);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`${shards[0]}: digests.scenario: the shards were run on another version of scenario "fixture"`);
  });

  it('asks for --scenario when the shards name a scenario that is not bundled', async () => {
    const r = await runCli('merge', ...shards);
    expect(r.code).toBe(2);
    expect(r.err).toContain('"fixture" is not a bundled scenario: give the shards\' scenario file with --scenario');
  });

  it('never reads a path that a shard names as its scenario', async () => {
    for (const id of ['/etc/passwd', '../../package', '/dev/zero', scenario]) {
      const named = join(dir, 'named.json');
      const data = JSON.parse(readFileSync(shards[0]!, 'utf8'));
      data.provenance.scenario = id;
      data.tally.scenarioId = id;
      writeFileSync(named, JSON.stringify(data));
      const r = await runCli('merge', named);
      expect(r.code, id).toBe(2);
      expect(r.err).toContain(`"${id}" is not a bundled scenario`);
      expect(r.err).not.toMatch(/root:|"name": "deterrence-lab"/);
    }
  });

  it('treats a shard file as untrusted input: errors name the file and the path', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": ');
    const a = await runCli('merge', broken);
    expect(a.code).toBe(1);
    expect(a.err).toMatch(new RegExp(`^${broken.replace(/[.\\]/g, '\\$&')}: \\(root\\): `));

    const typed = edited(shards[1]!, 'typed.json', (s) => void ((s.tally as { runs: unknown }).runs = 'many'));
    expect((await runCli('merge', typed)).err).toContain(`${typed}: tally.runs: `);

    const counts = edited(shards[1]!, 'counts.json', (s) => void (s.tally.escalation[0]! += 1));
    expect((await runCli('merge', counts)).err).toContain(`${counts}: tally.escalation[week 0]: the week's escalation counts add up to 201, not the shard's 200 runs`);

    const seed = edited(shards[1]!, 'tally-seed.json', (s) => void (s.tally as { seed: number }).seed++);
    expect((await runCli('merge', seed)).err).toContain(`${seed}: tally.seed: the tally's seed differs from the provenance`);

    const extra = edited(shards[1]!, 'extra.json', (s) => void ((s as unknown as Record<string, unknown>)['code'] = 'rm -rf'));
    expect((await runCli('merge', extra)).err).toContain(`${extra}: (root): `);
  });

  it('refuses counts that cannot be, with exit 1, the path and nothing on stdout', async () => {
    const cases: [string, (s: ShardFile) => void, string][] = [
      ['war.json', (s) => void (s.tally.openWar = 5000), "tally.openWar: 5,000 futures end in open war, more than the shard's 200 runs"],
      ['week.json', (s) => void (s.tally.escalation[3 * s.tally.bins]! += 4800), "tally.escalation[week 3]: the week's escalation counts add up to 5,000, not the shard's 200 runs"],
      ['any.json', (s) => void (s.tally.counterAny[0] = 201), "tally.counterAny[0]: 201 futures saw counter 0 grow, more than the shard's 200 runs"],
      // Every future moved to rung 0: the counts still add up, but the last week's escalation puts them higher.
      ['rungs.json', (s) => void (s.tally.finalRung = s.tally.finalRung.map((_, r) => (r === 0 ? 200 : 0))), 'tally.finalRung['],
    ];
    for (const [name, change, error] of cases) {
      const bad = edited(shards[1]!, name, change);
      const r = await runCli('merge', shards[0]!, bad, shards[2]!, '--scenario', scenario);
      expect(r.code).toBe(1);
      expect(r.err).toContain(`${bad}: ${error}`);
      expect(r.out).toBe('');
    }
  });

  it('merges shards with one count fuzzed into an error naming the path, or into a result without NaN', async () => {
    const files = shards.map((f) => JSON.parse(readFileSync(f, 'utf8')) as ShardFile);
    const fuzzed = join(dir, 'fuzzed.json');
    const keys = ['escalation', 'phases', 'finalRung', 'counterSums', 'counterAny', 'openWar', 'endedByTalks', 'resolvedTurns', 'runs', 'firstRun'] as const;
    await fc.assert(
      fc.asyncProperty(fc.nat(2), fc.constantFrom(...keys), fc.nat(), fc.integer({ min: -2, max: 6000 }), async (which, key, at, value) => {
        const s = structuredClone(files[which]!);
        const tally = s.tally as unknown as Record<string, number | number[]>;
        const field = tally[key]!;
        if (Array.isArray(field)) field[at % field.length] = value;
        else tally[key] = value;
        writeFileSync(fuzzed, JSON.stringify(s));
        const r = await runCli('merge', ...shards.map((f, i) => (i === which ? fuzzed : f)), '--scenario', scenario, '--no-date');
        if (r.code === 0) {
          expect(r.out).not.toMatch(/NaN|Infinity/);
        } else {
          expect(r.code).toBe(1);
          expect(r.err).toMatch(/: (tally|shard)\.[^:]+: \S/);
          expect(r.out).toBe('');
        }
      }),
      { numRuns: 60 },
    );
  });

  it('exits 2 on a bad --shard and on --shard with a summary format', async () => {
    for (const bad of ['0/3', '4/3', '3', 'a/b']) {
      const r = await runCli('forecast', scenario, '--runs', '60', '--shard', bad);
      expect(r.code).toBe(2);
      expect(r.err).toContain('--shard');
    }
    expect((await runCli('forecast', scenario, '--runs', '2', '--shard', '1/3')).err).toContain('cannot split 2 runs into 3 shards');
    expect((await runCli('forecast', scenario, '--runs', '60', '--shard', '1/3', '--format', 'csv')).code).toBe(2);
    expect((await runCli('merge')).code).toBe(2);
  });
});
