/**
 * Smoke tests of the `deterrence-lab` command under plain Node: each test spawns
 * `node bin/deterrence-lab.mjs ...` from the repository root, as a user would run it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ForecastSummary, GameState, TurnReport } from '../engine';
import { parseGameFile } from '../scenario/files/game-file';
import { parseScenario } from '../scenario/parse';
import { threadsOption, UsageError } from './args';
import { fixture, fixtureInput } from '../test/fixture';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(...args: string[]): Run {
  const { NODE_OPTIONS: _ignored, ...env } = process.env;
  const r = spawnSync(process.execPath, ['bin/deterrence-lab.mjs', ...args], { cwd: root, encoding: 'utf8', env: { ...env, FORCE_COLOR: '0' } });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir = '';
let scenarioFile = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'deterrence-lab-cli-'));
  scenarioFile = join(dir, 'fixture.json');
  writeFileSync(scenarioFile, JSON.stringify(fixtureInput(), null, 2));
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('deterrence-lab validate', { timeout: 30_000 }, () => {
  it('exits 0 and says ok for a good scenario', () => {
    const r = cli('validate', scenarioFile);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${scenarioFile}: ok (fixture: 3 actors, 8 moves, 1 events)\n`);
  });

  it('exits 1 and prints every error of every bad file as `file: path: message`', () => {
    const input = fixtureInput();
    input.moves[0]!.actor = 'green';
    input.events![0]!.date = '2020-01-01';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(input));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"schemaVersion": 1,');
    const parsed = parseScenario(input);
    if (parsed.ok) throw new Error('the bad scenario should not parse');
    expect(parsed.errors).toHaveLength(2);

    const r = cli('validate', scenarioFile, bad, broken);
    expect(r.status).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/: ok \(fixture:/);
    expect(lines.slice(1, 3)).toEqual(parsed.errors.map((e) => `${bad}: ${e.path}: ${e.message}`));
    expect(lines.slice(1, 3)).toEqual([`${bad}: moves[0].actor: unknown actor "green"`, expect.stringContaining(`${bad}: events[0].date: event date 2020-01-01`)]);
    expect(lines[3]).toMatch(new RegExp(`^${broken.replace(/[.\\]/g, '\\$&')}: \\(root\\): not valid JSON: `));
    expect(lines).toHaveLength(4);
    expect(r.stderr).toContain(`${bad}: 2 error(s)`);
  });

  it('exits 2 when given no file', () => {
    expect(cli('validate').status).toBe(2);
  });
});

describe('deterrence-lab on a scenario whose start date is not a calendar date', { timeout: 30_000 }, () => {
  const message = 'startDate: 2021-02-30 is not a calendar date (February 2021 has 28 days)';
  let bad = '';
  beforeAll(() => {
    bad = join(dir, 'february-30.json');
    writeFileSync(bad, JSON.stringify({ ...fixtureInput(), startDate: '2021-02-30' }));
  });

  it('validate exits 1 naming startDate and what is wrong with it', () => {
    const r = cli('validate', bad);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe(`${bad}: ${message}\n`);
  });

  it.each(['play', 'forecast'])('%s exits 1 with that error, not an uncaught RangeError', (command) => {
    const r = cli(command, bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${bad}: ${message}\n`);
    expect(r.stdout).toBe('');
  });
});

describe('deterrence-lab play', { timeout: 30_000 }, () => {
  it('prints one CSV row per week under a header', () => {
    const r = cli('play', scenarioFile, '--seed', '3', '--turns', '5', '--format', 'csv');
    expect(r.status).toBe(0);
    const csv = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual(['week', 'date', 'blue', 'red', 'proxy', 'outcomes', 'escalation', 'rung', 'talks', 'collapse risk this week', 'talks alive in 12 weeks']);
    for (const row of csv.data) {
      const alive = Number(row['talks alive in 12 weeks']);
      expect(alive, 'the outlook is a share of futures').toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
    }
    expect(csv.data).toHaveLength(5);
    expect(csv.data.map((row) => row['week'])).toEqual(['1', '2', '3', '4', '5']);
    expect(csv.data[0]!['date']).toBe('2021-03-09');
    const actorOf = new Map(fixture().moves.map((m) => [m.id, m.actor]));
    for (const row of csv.data) {
      for (const actor of ['blue', 'red', 'proxy']) expect(actorOf.get(row[actor]!)).toBe(actor);
      expect(Number.isFinite(Number(row['escalation']))).toBe(true);
    }
  });

  it('gives each week\'s outlook its model range across the calibrated ensemble, or none with --point', () => {
    const args = ['play', 'march-2021', '--seed', '2', '--turns', '2', '--outlook-runs', '300', '--format', 'csv'];
    const r = cli(...args);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const rows = Papa.parse<Record<string, string>>(r.stdout, { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      const [alive, lo, hi] = ['talks alive in 12 weeks', 'model range: low (5th pct)', 'model range: high (95th pct)'].map((c) => Number(row[c]));
      expect(lo, 'a set-to-set range, wider than chance alone').toBeLessThan(hi! - 0.05);
      expect(lo).toBeLessThanOrEqual(alive!);
      expect(hi).toBeGreaterThanOrEqual(alive!);
    }
    const table = cli('play', 'march-2021', '--seed', '2', '--turns', '2', '--outlook-runs', '300');
    expect(table.stdout).toMatch(/Talks outlook: \d+% chance they are still alive in 12 weeks — model range \d+%–\d+% across 100 calibrated parameter sets\./);
    const point = cli(...args, '--point');
    expect(point.status, point.stderr).toBe(0);
    expect(point.stdout.split('\n')[0]).not.toContain('model range');
  });

  it('tells each week\'s story as the app does with --story, and puts it in each JSON report', () => {
    const r = cli('play', 'march-2021', '--seed', '2', '--turns', '2', '--outlook-runs', '0', '--story');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('\nWeek 1, to 2021-03-15:\n');
    expect(r.stdout).toContain('\nWeek 2, to 2021-03-22:\n');
    expect(cli('play', 'march-2021', '--seed', '2', '--turns', '2', '--outlook-runs', '0').stdout).not.toContain('Week 1, to');
    const json = JSON.parse(cli('play', 'march-2021', '--seed', '2', '--turns', '2', '--outlook-runs', '0', '--format', 'json').stdout) as { reports: { narrative: string[]; story: string[] }[] };
    expect(json.reports).toHaveLength(2);
    for (const report of json.reports) expect(report.story.length).toBe(report.narrative.length);
  });

  it('prints the same game twice for the same seed', () => {
    const args = ['play', scenarioFile, '--seed', '11', '--turns', '8', '--format', 'json'];
    const first = cli(...args);
    expect(first.status).toBe(0);
    expect(cli(...args).stdout).toBe(first.stdout);
  });

  it('saves a game that `replay` brings to the same final escalation', () => {
    const save = join(dir, 'game.json');
    const played = cli('play', scenarioFile, '--seed', '5', '--turns', '6', '--format', 'json', '--save', save);
    expect(played.status).toBe(0);
    const reports = (JSON.parse(played.stdout) as { reports: TurnReport[] }).reports;
    expect(reports.length).toBeGreaterThan(0);
    expect(parseGameFile(JSON.parse(readFileSync(save, 'utf8')), fixture()).ok).toBe(true);

    const replayed = cli('replay', save, '--scenario', scenarioFile, '--format', 'json');
    expect(replayed.status).toBe(0);
    const end = JSON.parse(replayed.stdout) as GameState;
    expect(end.turn).toBe(reports.length);
    expect(end.escalation).toBe(reports[reports.length - 1]!.escalation.after);
  });

  it('fires an inject with --inject WEEK=ID: it shows in that week\'s narrative and why, and in the saved log', () => {
    const save = join(dir, 'inject.json');
    const r = cli('play', scenarioFile, '--seed', '5', '--turns', '4', '--inject', '1=inject.raid', '--format', 'json', '--save', save);
    expect(r.status, r.stderr).toBe(0);
    const reports = (JSON.parse(r.stdout) as { reports: TurnReport[] }).reports;
    // Fired once week 1 has been played: it happens at the start of the next week, in week 2's report.
    expect(reports[1]!.narrative).toContain('Special forces raided a proxy depot.');
    expect(reports[1]!.escalation.contributions.some((c) => c.kind === 'inject' && c.id === 'inject.raid')).toBe(true);
    expect(reports[0]!.narrative).not.toContain('Special forces raided a proxy depot.');
    const file = parseGameFile(JSON.parse(readFileSync(save, 'utf8')), fixture());
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    expect(file.value.game.log.map((e) => e.kind)).toEqual(['week', 'inject', 'week', 'week', 'week']);
    const replayed = cli('replay', save, '--scenario', scenarioFile, '--format', 'json');
    expect((JSON.parse(replayed.stdout) as GameState).escalation).toBe(reports.at(-1)!.escalation.after);
  });

  it('exits 2 naming the event when --inject names one the scenario does not have, or a week past the end', () => {
    const unknown = cli('play', scenarioFile, '--turns', '4', '--inject', '1=inject.nothing');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/inject\.nothing.*inject\.raid/);
    const late = cli('play', scenarioFile, '--turns', '4', '--inject', '4=inject.raid');
    expect(late.status).toBe(2);
    expect(cli('play', scenarioFile, '--inject', 'raid').status).toBe(2);
  });

  it('never reads a path that a saved game names as its scenario', () => {
    const evil = join(dir, 'evil.json');
    for (const id of ['/etc/passwd', '../../package', '/dev/zero']) {
      writeFileSync(evil, JSON.stringify({ kind: 'deterrence-lab/game', schemaVersion: 2, scenarioId: id, scenarioDigest: null, seed: 1, horizon: 3, log: [] }));
      const r = cli('replay', evil);
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(`scenarioId: no bundled scenario "${id}"`);
      expect(r.stdout + r.stderr).not.toMatch(/root:|"name": "deterrence-lab"/);
    }
  });

  it('exits 2 naming the strategy when --policy asks for an unknown one', () => {
    const r = cli('play', scenarioFile, '--policy', 'red=berserk');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown strategy "berserk"');
    expect(r.stdout).toBe('');
  });
});

describe('deterrence-lab forecast', { timeout: 60_000 }, () => {
  it('prints the same JSON on two threads as on one', () => {
    const args = ['forecast', scenarioFile, '--runs', '400', '--seed', '9', '--format', 'json', '--no-date'];
    const one = cli(...args, '--threads', '1');
    const two = cli(...args, '--threads', '2');
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(two.stderr).toContain('on 2 thread(s)');
    const { summary } = JSON.parse(one.stdout) as { summary: { runs: number; scenarioId: string } };
    expect(summary).toMatchObject({ runs: 400, scenarioId: 'fixture' });
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes the outcomes as a second tidy table with --table outcomes: each with its chance and model intervals', () => {
    const args = ['forecast', 'march-2021', '--runs', '300', '--seed', '2', '--threads', '1', '--no-date'];
    const csv = cli(...args, '--format', 'csv', '--table', 'outcomes');
    expect(csv.status).toBe(0);
    const rows = Papa.parse<Record<string, string>>(csv.stdout, { header: true, skipEmptyLines: true }).data;
    const { summary } = JSON.parse(cli(...args, '--format', 'json').stdout) as { summary: ForecastSummary };
    expect(rows.map((r) => r['measure'])).toEqual([...summary.outcomes.map((o) => o.id), 'escalation-mean']);
    for (const o of summary.outcomes) {
      const r = rows.find((x) => x['measure'] === o.id)!;
      expect(Number(r['value'])).toBe(o.value);
      if (o.lo !== null) expect(Number(r['chance_lo95'])).toBe(o.lo);
      if (o.modelLo != null) expect(Number(r['model_lo90'])).toBe(o.modelLo);
    }
    expect(rows.find((r) => r['measure'] === 'open-war')!['model_hi90']).not.toBe('');
    expect(rows.find((r) => r['measure'] === 'us.killed.mean')).toMatchObject({ kind: 'mean', chance_lo95: '' });
    expect(rows[0]!['ensemble']).toMatch(/^march-2021:/);
  });
});

describe('deterrence-lab forecast --threads', { timeout: 60_000 }, () => {
  it('caps --threads 256 at twice the cores (or at the runs), says so on stderr, and prints what one thread prints', () => {
    const args = ['forecast', scenarioFile, '--runs', '50', '--format', 'json', '--no-date'];
    const many = cli(...args, '--threads', '256');
    const one = cli(...args, '--threads', '1');
    expect(many.status).toBe(0);
    const cores = availableParallelism();
    const used = Math.min(2 * cores, 50);
    const why = used < 2 * cores ? 'as there are only 50 runs' : `twice this machine's ${cores} core${cores === 1 ? '' : 's'}`;
    expect(many.stderr).toContain(`--threads 256: using ${used}, ${why}\n`);
    expect(many.stderr).toContain(`on ${used} thread(s)`);
    expect(many.stdout).toBe(one.stdout);
    expect(one.stderr).not.toContain('--threads');
  });
});

describe('threadsOption', () => {
  const run = (value: string | undefined, runs: number | undefined, cores: number) => {
    let err = '';
    const threads = threadsOption(value, { err: (t) => void (err += t) }, runs, cores);
    return { threads, err };
  };

  it('caps --threads at twice the cores, in one line on stderr', () => {
    expect(run('256', 1000, 2)).toEqual({ threads: 4, err: "--threads 256: using 4, twice this machine's 2 cores\n" });
    expect(run('3', 1000, 1)).toEqual({ threads: 2, err: "--threads 3: using 2, twice this machine's 1 core\n" });
    expect(run('256', undefined, 2)).toEqual({ threads: 4, err: "--threads 256: using 4, twice this machine's 2 cores\n" });
  });

  it('caps --threads at the runs, saying so', () => {
    expect(run('8', 3, 4)).toEqual({ threads: 3, err: '--threads 8: using 3, as there are only 3 runs\n' });
    expect(run('2', 1, 4)).toEqual({ threads: 1, err: '--threads 2: using 1, as there is only 1 run\n' });
  });

  it('takes a number within the caps as given, and defaults to one thread per core, silently', () => {
    expect(run('4', 100, 2)).toEqual({ threads: 4, err: '' });
    expect(run(undefined, 100, 8)).toEqual({ threads: 8, err: '' });
    expect(run(undefined, 3, 8)).toEqual({ threads: 3, err: '' });
  });

  it('refuses a --threads that is not a whole number from 1', () => {
    for (const bad of ['0', '-1', '1.5', 'many', '']) expect(() => run(bad, 100, 2)).toThrow(UsageError);
  });
});

describe('deterrence-lab forecast --from a session file', { timeout: 60_000 }, () => {
  it('forecasts from the end of the active branch of a game the app exported', () => {
    const session = join(root, 'src/scenario/files/fixtures/session-v1.json');
    const r = cli('forecast', '--from', session, '--runs', '50', '--format', 'json', '--no-date');
    expect(r.stderr).not.toContain('error');
    expect(r.status).toBe(0);
    const { provenance, summary } = JSON.parse(r.stdout) as { provenance: { from: string; seed: number }; summary: { startTurn: number } };
    // The fixture's active branch is "branch-1", three weeks long (its main line has four).
    expect(summary.startTurn).toBe(3);
    expect(provenance).toMatchObject({ from: session, seed: 1 });
  });
});

describe('deterrence-lab with a bad command line', { timeout: 30_000 }, () => {
  it('exits 2 on an unknown command and shows the usage', () => {
    const r = cli('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command "frobnicate"');
    expect(r.stderr).toContain('Usage: deterrence-lab <command>');
  });

  it('exits 2 naming the path when sweep is given an unknown --param', () => {
    const r = cli('sweep', scenarioFile, '--param', 'dynamics.bogus', '--from', '0', '--to', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('sweep: --param: unknown parameter "dynamics.bogus"');
    expect(r.stdout).toBe('');
  });

  it('answers `sweep --help` with its options and exit 0, as a user runs it', () => {
    const r = cli('sweep', '--help');
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('--param PATH');
    expect(r.stdout).toContain('--no-date');
  });

  it('exits 2 on an option the command does not take', () => {
    const r = cli('play', scenarioFile, '--speed', '3');
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^play: .*--speed/);
  });
});
