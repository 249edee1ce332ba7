/** `sensitivity`: the Morris screening over the priors (and the tornado), run in process with few futures. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { provenanceColumns } from '../analysis/exports';
import { morrisColumns, morrisFactors } from '../analysis/morris-screening';
import { cliOk, runCli } from '../test/cli';
import { fixtureInput } from '../test/fixture';
import { morrisTables } from './commands/sensitivity';
import { loadScenario } from './load';

const k = morrisFactors(loadScenario('march-2021').scenario).length;
const small = ['--trajectories', '2', '--runs', '20', '--seed', '3', '--no-date'];
const silent = { out: () => {}, err: () => {}, errIsTTY: false };

function csvRows(text: string): { fields: string[]; data: Record<string, string>[] } {
  const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  return { fields: csv.meta.fields ?? [], data: csv.data };
}

let dir = '';
let fixtureFile = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deterrence-lab-sensitivity-'));
  fixtureFile = join(dir, 'fixture.json');
  writeFileSync(fixtureFile, JSON.stringify(fixtureInput()));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Each screening is 2 x (k + 1) forecasts; worker threads start a TypeScript loader each.
describe('sensitivity --method morris', { timeout: 120_000 }, () => {
  it('prints both outcomes as tables of every factor ranked by mu*, with the design in the title', async () => {
    const r = await runCli('sensitivity', ...small, '--threads', '1');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Morris screening over the priors, ${k} factors`);
    expect(r.out).toContain(`2 trajectories of ${k + 1} points, 20 futures per point, seed 3`);
    const tables = r.out.split(/\n(?=Talks alive at the end|Mean final escalation)/).slice(1);
    expect(tables.map((t) => t.split('\n')[0])).toEqual(['Talks alive at the end (share of futures per prior range)', 'Mean final escalation (rungs per prior range)']);
    for (const t of tables) {
      const rows = t.trim().split('\n').slice(3);
      expect(rows).toHaveLength(k);
      expect(rows.map((x) => Number(x.trim().split(/\s+/)[0]))).toEqual(Array.from({ length: k }, (_, i) => i + 1));
      const muStar = rows.map((x) => Number(x.trim().split(/\s+/).at(-3)));
      expect(muStar).toEqual([...muStar].sort((a, b) => b - a));
    }
    expect(r.out).toContain('Move propensities (biases)');
    expect(r.err).toContain(`${2 * (k + 1)} points (2 trajectories of ${k + 1}) of 20 futures in`);
  });

  it('writes a tidy CSV with provenance on every row, the same on one thread or two, and the numbers of the JSON', async () => {
    const text = await cliOk('sensitivity', ...small, '--threads', '1', '--format', 'csv');
    const { fields, data } = csvRows(text);
    expect(fields).toEqual([...morrisColumns]);
    expect(fields.slice(0, provenanceColumns.length)).toEqual([...provenanceColumns]);
    expect(data).toHaveLength(2 * k);
    expect(data[0]).toMatchObject({ scenario: 'march-2021', seed: '3', runs: '20', start_week: '0', weeks: '26', method: 'morris', trajectories: '2', levels: '4', outcome: 'talks-alive', rank: '1', generated: '' });
    expect(data[k]).toMatchObject({ outcome: 'escalation', rank: '1' });
    expect(new Set(data.map((d) => d['rule'])).size).toBe(k);
    expect(await cliOk('sensitivity', ...small, '--threads', '2', '--format', 'csv')).toBe(text);

    const json = JSON.parse(await cliOk('sensitivity', ...small, '--threads', '1', '--format', 'json')) as {
      provenance: { method: string; trajectories: number; delta: number };
      outcomes: { id: string; rows: { match: string; muStar: number; mu: number; sigma: number }[] }[];
      points: { levels: number[] }[];
    };
    expect(json.provenance).toMatchObject({ method: 'morris', trajectories: 2 });
    expect(json.provenance.delta).toBeCloseTo(2 / 3, 12);
    expect(json.points).toHaveLength(2 * (k + 1));
    const first = json.outcomes[0]!.rows[0]!;
    expect([first.match, first.muStar, first.mu, first.sigma]).toEqual([data[0]!['rule'], Number(data[0]!['mu_star']), Number(data[0]!['mu']), Number(data[0]!['sigma'])]);
  });

  it('refuses a scenario without priors, one trajectory and an unknown method', async () => {
    const none = await runCli('sensitivity', fixtureFile, ...small);
    expect(none.code).toBe(2);
    expect(none.err).toContain('has no priors');
    expect((await runCli('sensitivity', '--trajectories', '1')).code).toBe(2);
    const bad = await runCli('sensitivity', '--method', 'sobol');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--method expects one of morris, tornado');
  });

  it('gives the calibration report its tables in markdown, and a line for a scenario with nothing to screen', async () => {
    const lines = await morrisTables(loadScenario('march-2021').scenario, { trajectories: 2, runs: 20, seed: 1, threads: 1 }, silent);
    expect(lines[0]).toContain(`${k} factors, one per prior rule`);
    expect(lines.filter((l) => l.startsWith('| rank | factor | rule | parameters | μ* | μ | σ |'))).toHaveLength(2);
    expect(lines.filter((l) => /^\| \d+ \| /.test(l))).toHaveLength(2 * k);
    expect(lines.some((l) => l.includes('μ* (the mean absolute effect)'))).toBe(true);
    expect(await morrisTables(loadScenario(fixtureFile).scenario, { trajectories: 2, runs: 20, seed: 1, threads: 1 }, silent)).toEqual(['Scenario `fixture` has no priors, so there is nothing to screen.']);
  });
});

describe('sensitivity --method tornado', { timeout: 120_000 }, () => {
  it('ranks the ten parameters with the largest swing, one at a time, with both values of each', async () => {
    const { fields, data } = csvRows(await cliOk('sensitivity', fixtureFile, '--method', 'tornado', '--runs', '30', '--threads', '1', '--no-date', '--format', 'csv'));
    expect(fields).toEqual([...provenanceColumns, 'method', 'outcome', 'rank', 'parameter', 'label', 'value_low', 'value_base', 'value_high', 'outcome_low', 'outcome_base', 'outcome_high', 'swing']);
    expect(data).toHaveLength(20);
    const gain = data.find((d) => d['parameter'] === 'dynamics.escalationGain');
    if (gain) expect(Number(gain['value_low'])).toBeCloseTo(0.8 * Number(gain['value_base']), 12);
    const swings = data.filter((d) => d['outcome'] === 'talks-alive').map((d) => Number(d['swing']));
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect((await runCli('sensitivity', '--method', 'tornado', '--trajectories', '3')).code).toBe(2);
  });
});
