/** `sweep`, `--set` and `params`, run in process on the fixture scenario. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastSummary } from '../engine';
import { listParameters } from '../scenario/parameters';
import { cliOk, runCli } from '../test/cli';
import { fixture, fixtureInput } from '../test/fixture';
import { axisValues } from './commands/sweep';
import { outcomeColumns } from '../engine/outcomes';
import { measureColumns, provenanceColumns } from '../analysis/exports';

let dir = '';
let scenario = '';
const common = ['--runs', '150', '--seed', '6', '--threads', '1', '--no-date'];
const misperception = ['--param', 'dynamics.misperception', '--from', '0', '--to', '0.5', '--steps', '3'];

function csvRows(text: string): { fields: string[]; data: Record<string, string>[] } {
  const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  return { fields: csv.meta.fields ?? [], data: csv.data };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deterrence-lab-sweep-'));
  scenario = join(dir, 'fixture.json');
  writeFileSync(scenario, JSON.stringify(fixtureInput()));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('axisValues', () => {
  it('spaces the steps evenly from one end to the other without binary noise', () => {
    expect(axisValues({ path: 'x', from: 0, to: 0.5, steps: 3 })).toEqual([0, 0.25, 0.5]);
    expect(axisValues({ path: 'x', from: 0, to: 0.3, steps: 4 })).toEqual([0, 0.1, 0.2, 0.3]);
    expect(axisValues({ path: 'x', from: 2, to: 1, steps: 2 })).toEqual([2, 1]);
    expect(axisValues({ path: 'x', from: 0.4, to: 9, steps: 1 })).toEqual([0.4]);
  });
});

describe('sweep --table outcomes', () => {
  it('writes every outcome of every point, so its open-war result is reproduced from its own CSV', async () => {
    const cells = csvRows(await cliOk('sweep', scenario, ...misperception, ...common, '--format', 'csv')).data;
    const { fields, data } = csvRows(await cliOk('sweep', scenario, ...misperception, ...common, '--format', 'csv', '--table', 'outcomes'));
    expect(fields).toEqual([...provenanceColumns, 'setup', 'dynamics.misperception', ...measureColumns]);
    const measures = new Set(data.map((r) => r['measure']));
    expect([...measures]).toEqual(expect.arrayContaining(['open-war', 'talks-alive', 'escalation-mean']));
    expect(data).toHaveLength(3 * measures.size);
    for (const cell of cells) {
      const war = data.find((r) => r['measure'] === 'open-war' && r['dynamics.misperception'] === cell['dynamics.misperception'])!;
      expect([war['value'], war['chance_lo95'], war['chance_hi95']]).toEqual([cell['open_war'], cell['open_war_lo95'], cell['open_war_hi95']]);
      expect(war['parameters']).toBe(cell['parameters']);
      const escalation = data.find((r) => r['measure'] === 'escalation-mean' && r['dynamics.misperception'] === cell['dynamics.misperception'])!;
      expect(escalation['value']).toBe(cell['escalation_mean']);
    }
  });

  it('writes every week of every point with --table weeks, and refuses --table without --format csv', async () => {
    const { data } = csvRows(await cliOk('sweep', scenario, ...misperception, ...common, '--format', 'csv', '--table', 'weeks'));
    expect(new Set(data.map((r) => r['dynamics.misperception']))).toEqual(new Set(['0', '0.25', '0.5']));
    expect(data[0]).toHaveProperty('escalation_median');
    const r = await runCli('sweep', scenario, ...misperception, ...common, '--table', 'outcomes');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--format csv');
  });
});

describe('sweep', () => {
  it('sweeps dynamics.misperception from 0 to 0.5 in 3 rows, each a forecast with that value set', async () => {
    const { fields, data } = csvRows(await cliOk('sweep', scenario, ...misperception, ...common, '--format', 'csv'));
    expect(fields).toEqual([...provenanceColumns, 'dynamics.misperception', ...outcomeColumns]);
    expect(data.map((r) => r['dynamics.misperception'])).toEqual(['0', '0.25', '0.5']);
    expect(data.map((r) => r['parameters'])).toEqual(['dynamics.misperception=0', 'dynamics.misperception=0.25', 'dynamics.misperception=0.5']);
    for (const row of data) {
      const set = `dynamics.misperception=${row['dynamics.misperception']}`;
      const f = JSON.parse(await cliOk('forecast', scenario, '--set', set, ...common, '--format', 'json')) as { summary: ForecastSummary; provenance: { parameters: unknown } };
      expect(f.provenance.parameters).toEqual({ 'dynamics.misperception': Number(row['dynamics.misperception']) });
      expect(Number(row['talks_alive'])).toBe(f.summary.weeks.at(-1)!.alive.estimate);
      expect(Number(row['escalation_mean'])).toBe(f.summary.weeks.at(-1)!.escalationMean);
    }
  });

  it('sweeps two parameters over their grid, one row per point, with --set fixed on every row', async () => {
    const second = ['--param2', 'moves.proxy.rockets.outcomes.killed.probability.terms.proxy.capability', '--from2', '0', '--to2', '2', '--steps2', '2'];
    const text = await cliOk('sweep', scenario, ...misperception, ...second, '--set', 'initialEscalation=4', ...common, '--format', 'json');
    const out = JSON.parse(text) as { provenance: { parameters: unknown; sweep: unknown[] }; points: { parameters: Record<string, number> }[] };
    expect(out.provenance.parameters).toEqual({ initialEscalation: 4 });
    expect(out.provenance.sweep).toHaveLength(2);
    expect(out.points.map((p) => Object.values(p.parameters))).toEqual([
      [0, 0],
      [0, 2],
      [0.25, 0],
      [0.25, 2],
      [0.5, 0],
      [0.5, 2],
    ]);
  });

  it('gives the same rows on two threads as on one', async () => {
    const one = await cliOk('sweep', scenario, ...misperception, ...common, '--format', 'csv');
    const two = await cliOk('sweep', scenario, ...misperception, ...common, '--threads', '2', '--format', 'csv');
    expect(two).toBe(one);
  });

  it('exits 2 naming a bad --param path, and a value the scenario format forbids', async () => {
    const bad = await runCli('sweep', scenario, '--param', 'dynamics.misperceptoin', '--from', '0', '--to', '1', ...common);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('unknown parameter "dynamics.misperceptoin"');
    expect(bad.out).toBe('');
    const range = await runCli('sweep', scenario, '--param', 'dynamics.misperception', '--from', '0', '--to', '1.5', '--steps', '4', ...common);
    expect(range.code).toBe(2);
    expect(range.err).toContain('dynamics.misperception=1.5: Too big');
    expect((await runCli('sweep', scenario, '--param', 'dynamics.misperception', '--to', '1')).err).toContain('needs --from and --to');
    expect((await runCli('sweep', scenario, '--from2', '1')).code).toBe(2);
    expect((await runCli('sweep', scenario, ...misperception, '--set', 'dynamics.misperception=0.1')).err).toContain('cannot also be fixed');
  });
});

describe('--set', () => {
  it('changes the forecast and is recorded in its provenance', async () => {
    const plain = csvRows(await cliOk('forecast', scenario, ...common, '--format', 'csv')).data;
    const hot = csvRows(await cliOk('forecast', scenario, ...common, '--set', 'initialEscalation=9', '--set', 'dynamics.escalationGain=0.6', '--format', 'csv')).data;
    expect(hot[0]!['parameters']).toBe('initialEscalation=9 dynamics.escalationGain=0.6');
    expect(plain[0]!['escalation_median']).toBe('5');
    expect(hot[0]!['escalation_median']).toBe('9');
    expect(await cliOk('forecast', scenario, ...common, '--set', 'initialEscalation=9')).toContain('Parameters: initialEscalation=9\n');
  });

  it('exits 2 naming an unknown path, a bad value or a malformed setting', async () => {
    const unknown = await runCli('forecast', scenario, '--set', 'dynamics.nope=1');
    expect([unknown.code, unknown.err]).toEqual([2, expect.stringContaining('--set dynamics.nope=1: unknown parameter "dynamics.nope"')]);
    expect((await runCli('tournament', scenario, '--set', 'dynamics.grudgeDecay=-1')).err).toContain('--set dynamics.grudgeDecay=-1: Too small');
    expect((await runCli('forecast', scenario, '--set', 'initialEscalation')).err).toContain('PATH=VALUE');
    expect((await runCli('forecast', scenario, '--set', 'initialEscalation=high')).err).toContain('expects a number');
  });
});

describe('params', () => {
  it('lists every parameter path with its full-precision value', async () => {
    const list = JSON.parse(await cliOk('params', scenario, '--format', 'json')) as unknown;
    expect(list).toEqual(listParameters(fixture()));
    expect(await cliOk('params', scenario)).toMatch(/^moves\.proxy\.rockets\.outcomes\.killed\.probability\.terms\.proxy\.capability +1 +/m);
  });
});
