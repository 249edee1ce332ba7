/** `tournament`, run in process on the fixture scenario (and once on March 2021 for `--us`/`--iran`). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastSummary, Interval } from '../engine';
import { strategiesFor } from '../scenario/schema';
import { cliOk, runCli } from '../test/cli';
import { fixture, fixtureInput } from '../test/fixture';
import { measureColumns, provenanceColumns } from '../analysis/exports';

interface TournamentJson {
  provenance: { strategies: Record<string, string>; players: Record<string, string[]>; seed: number; runs: number };
  cells: { strategies: Record<string, string>; talksAlive: Interval; escalationMean: number; openWar: Interval }[];
}

let dir = '';
let scenario = '';
const twoByTwo = ['--strategies', 'blue=hawk,restraint', '--strategies', 'red=doctrine,hawk', '--runs', '200', '--seed', '4', '--threads', '1', '--no-date'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deterrence-lab-tournament-'));
  scenario = join(dir, 'fixture.json');
  writeFileSync(scenario, JSON.stringify(fixtureInput()));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('tournament', () => {
  it('runs 2 x 2 strategies as 4 cells equal to separate forecasts with the same seed', async () => {
    const t = JSON.parse(await cliOk('tournament', scenario, ...twoByTwo, '--policy', 'proxy=restraint', '--format', 'json')) as TournamentJson;
    expect(t.provenance).toMatchObject({ strategies: { proxy: 'restraint' }, players: { blue: ['hawk', 'restraint'], red: ['doctrine', 'hawk'] }, seed: 4, runs: 200 });
    expect(t.cells.map((c) => c.strategies)).toEqual([
      { blue: 'hawk', red: 'doctrine' },
      { blue: 'hawk', red: 'hawk' },
      { blue: 'restraint', red: 'doctrine' },
      { blue: 'restraint', red: 'hawk' },
    ]);
    for (const c of t.cells) {
      const policy = ['--policy', `blue=${c.strategies['blue']}`, '--policy', `red=${c.strategies['red']}`, '--policy', 'proxy=restraint'];
      const f = JSON.parse(await cliOk('forecast', scenario, '--runs', '200', '--seed', '4', '--threads', '1', ...policy, '--format', 'json')) as { summary: ForecastSummary };
      const last = f.summary.weeks.at(-1)!;
      const war = f.summary.outcomes.find((o) => o.id === 'open-war')!;
      expect(c.talksAlive).toEqual(last.alive);
      expect(c.escalationMean).toBe(last.escalationMean);
      expect(c.openWar).toEqual({ estimate: war.value, lo: war.lo, hi: war.hi });
    }
    // Different strategies give different futures: the cells are not all one forecast.
    expect(new Set(t.cells.map((c) => c.escalationMean)).size).toBeGreaterThan(1);
  });

  it('writes tidy CSV, one row per cell, with the provenance as leading columns', async () => {
    const csv = Papa.parse<Record<string, string>>(await cliOk('tournament', scenario, ...twoByTwo, '--format', 'csv'), { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual([...provenanceColumns, 'strategy_blue', 'strategy_red', 'talks_alive', 'talks_alive_lo95', 'talks_alive_hi95', 'escalation_mean', 'open_war', 'open_war_lo95', 'open_war_hi95']);
    expect(csv.data).toHaveLength(4);
    expect(csv.data[1]).toMatchObject({ scenario: 'fixture', seed: '4', runs: '200', strategies: 'blue=hawk red=hawk proxy=doctrine', strategy_blue: 'hawk', strategy_red: 'hawk', generated: '' });
  });

  it('writes every outcome of every cell with --table outcomes, the open-war row equal to the cell\'s', async () => {
    const parse = (text: string) => Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    const cells = parse(await cliOk('tournament', scenario, ...twoByTwo, '--format', 'csv')).data;
    const long = parse(await cliOk('tournament', scenario, ...twoByTwo, '--format', 'csv', '--table', 'outcomes'));
    expect(long.errors).toEqual([]);
    expect(long.meta.fields).toEqual([...provenanceColumns, 'setup', 'strategy_blue', 'strategy_red', ...measureColumns]);
    for (const c of cells) {
      const war = long.data.find((r) => r['measure'] === 'open-war' && r['strategy_blue'] === c['strategy_blue'] && r['strategy_red'] === c['strategy_red'])!;
      expect([war['value'], war['chance_lo95'], war['chance_hi95'], war['strategies']]).toEqual([c['open_war'], c['open_war_lo95'], c['open_war_hi95'], c['strategies']]);
    }
    expect(long.data.some((r) => r['measure'] === 'proxy.attacks.mean')).toBe(true);
  });

  it('prints matrices of talks survival and mean escalation as a table', async () => {
    const out = await cliOk('tournament', scenario, ...twoByTwo, '--set', 'dynamics.misperception=0.2');
    expect(out).toContain('Talks alive at the end (share of futures [95% interval])\nblue \\ red  doctrine');
    expect(out).toContain('Mean escalation at the end (rung units)');
    expect(out).toContain('Parameters: dynamics.misperception=0.2');
    expect(out).toMatch(/^restraint +\d\.\d{3} \[\d\.\d{3}, \d\.\d{3}\]/m);
  });

  it('plays the first two actors with every strategy when none are named', async () => {
    const t = JSON.parse(await cliOk('tournament', scenario, '--runs', '3', '--threads', '1', '--format', 'json')) as TournamentJson;
    const all = strategiesFor(fixture());
    expect(t.provenance.players).toEqual({ blue: all, red: all });
    expect(t.cells).toHaveLength(all.length * all.length);
  });

  it('takes --us and --iran for the March 2021 scenario', async () => {
    const csv = Papa.parse<Record<string, string>>(await cliOk('tournament', '--us', 'hawk,restraint', '--iran', 'hawk', '--runs', '20', '--threads', '1', '--format', 'csv'), { header: true, skipEmptyLines: true });
    expect(csv.data.map((r) => [r['strategy_us'], r['strategy_iran']])).toEqual([
      ['hawk', 'hawk'],
      ['restraint', 'hawk'],
    ]);
    expect(csv.data[0]!['generated']).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('exits 2 naming an unknown actor, an unknown strategy or a third player', async () => {
    const us = await runCli('tournament', scenario, '--us', 'hawk');
    expect([us.code, us.err]).toEqual([2, expect.stringContaining('unknown actor "us"')]);
    const bad = await runCli('tournament', scenario, '--strategies', 'blue=hawk,berserk');
    expect([bad.code, bad.err]).toEqual([2, expect.stringContaining('"hawk,berserk"')]);
    const three = await runCli('tournament', scenario, '--strategies', 'blue=hawk', '--strategies', 'red=hawk', '--strategies', 'proxy=hawk');
    expect([three.code, three.err]).toEqual([2, expect.stringContaining('two players')]);
  });
});
