import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { loadEnsemble, loadScenario, scenariosDir } from '../cli/load';
import { forecast, mergeTallies, forecastChunk } from '../engine/forecast';
import { initialState } from '../engine/state';
import { modelInterval, summarize } from '../engine/summary';
import { scenarioDigest } from '../scenario/files/digest';
import { parseEnsemble } from '../scenario/files/ensemble-file';
import { cliOk, runCli } from '../test/cli';
import { drawValues, ensembleJudgements, isStartState, judgeDraw } from './ensemble';

const { scenario: march, file: marchFile } = loadScenario('march-2021');
const road = loadScenario('road-to-march-2021').scenario;
const shipped = JSON.parse(readFileSync(join(scenariosDir, 'march-2021.ensemble.json'), 'utf8')) as unknown;
const dir = mkdtempSync(join(tmpdir(), 'dl-ensemble-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the shipped ensemble', () => {
  const parsed = parseEnsemble(shipped);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const file = parsed.value;

  it('is of this version of the March 2021 scenario, with its method and enough sets', () => {
    expect(file.scenarioDigest, 'scenarios/march-2021.ensemble.json is stale: run npm run calibrate').toBe(scenarioDigest(march));
    expect(file.method).toMatchObject({ name: 'history matching', record: 'road-to-march-2021', dataThrough: '2021-03-08' });
    expect(file.sets.length).toBeGreaterThanOrEqual(50);
    expect(file.parameters).toEqual(ensembleJudgements(march).map((j) => j.path));
    expect(file.parameters.some(isStartState)).toBe(false);
  });

  it('reproduces from its seed: the first kept set is drawn again with the same values and kept again', () => {
    const judged = ensembleJudgements(march);
    const first = file.sets[0]!;
    const values = drawValues(judged, file.method.seed, first.draw);
    expect(file.parameters.map((p) => values[p])).toEqual(first.values);
    const d = judgeDraw(march, road, judged, { first: first.draw, count: 1, seed: file.method.seed, games: file.method.games, minReplayR: file.method.minReplayR }, first.draw);
    expect(d.verdict).toBe('kept');
  }, 60_000);

  it('refuses a file whose sets do not match its parameters, naming the place', () => {
    const bad = structuredClone(shipped) as { sets: { values: number[] }[] };
    bad.sets[3]!.values.pop();
    const r = parseEnsemble(bad);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: 'sets[3].values' });
  }, 30_000);
});

describe('the ensemble command', () => {
  const args = ['ensemble', '--draws', '8', '--games', '2', '--seed', '5', '--min-replay-r', '0', '--keep', '8'];

  it('writes the same file byte for byte from the same seed, in one process or as shards in separate processes', async () => {
    const one = await cliOk(...args);
    expect(await cliOk(...args)).toBe(one);
    // The cluster recipe, run locally: each shard a process of its own (the bin), then --merge.
    const bin = join(scenariosDir, '..', 'bin', 'deterrence-lab.mjs');
    const shards = [1, 2, 3].map((i) => {
      const out = join(dir, `shard-${i}.json`);
      const r = spawnSync(process.execPath, [bin, ...args, '--shard', `${i}/3`, '--out', out, '--quiet'], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return out;
    });
    expect(await cliOk('ensemble', '--merge', ...shards)).toBe(one);
    const merged = await cliOk('ensemble', '--merge', shards[2]!, shards[0]!, shards[1]!);
    expect(merged).toBe(one);
    expect(await cliOk(...args, '--threads', '2')).toBe(one);
    // deploy/shard.sh, as a Kubernetes Indexed Job and as a Slurm job array run it: the index from the scheduler.
    const recipe = join(scenariosDir, '..', 'deploy', 'shard.sh');
    const { JOB_COMPLETION_INDEX: _k, SLURM_ARRAY_TASK_ID: _s, ...env } = process.env;
    for (const indexVariable of ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID']) {
      const out = join(dir, indexVariable);
      for (const i of [0, 1]) {
        const r = spawnSync('sh', [recipe, ...args], { encoding: 'utf8', env: { ...env, [indexVariable]: String(i), SHARDS: '2', OUT: out } });
        expect(r.status, r.stderr).toBe(0);
      }
      expect(await cliOk('ensemble', '--merge', join(out, 'ensemble-shard-1-of-2.json'), join(out, 'ensemble-shard-2-of-2.json'))).toBe(one);
    }
    const noIndex = spawnSync('sh', [recipe, ...args], { encoding: 'utf8', env: { ...env, SHARDS: '2', OUT: dir } });
    expect(noIndex.status).toBe(2);
    expect(noIndex.stderr).toContain('no shard index');
    const missing = await runCli('ensemble', '--merge', shards[0]!, shards[2]!);
    expect(missing.code).not.toBe(0);
    expect(missing.err).toMatch(/do not cover the draws once each/);
  }, 120_000);
});

describe('ensemble forecasts', () => {
  const { ensemble } = loadEnsemble(march, marchFile);
  const state = initialState(march, 1, 26);
  const o = { runs: 400, seed: 3, turns: 12, ensemble: ensemble! };

  it('split into chunks, merge into exactly one pass, every set with the same share of futures', () => {
    const whole = forecast(march, state, o);
    const parts = mergeTallies(forecastChunk(march, state, o, 0, 150), forecastChunk(march, state, o, 150, 250));
    expect(parts).toEqual(whole);
    expect(new Set(whole.setRuns)).toEqual(new Set([4]));
    expect(whole.ensemble).toBe(ensemble!.id);
  }, 30_000);

  it('report a model interval beside the chance interval; point values report none', () => {
    const s = summarize(march, forecast(march, state, o));
    const alive = s.outcomes.find((x) => x.id === 'talks-alive')!;
    expect(alive.modelLo).not.toBeNull();
    expect(alive.modelLo!).toBeLessThanOrEqual(alive.value);
    expect(alive.modelHi!).toBeGreaterThanOrEqual(alive.value);
    const point = summarize(march, forecast(march, state, { runs: 400, seed: 3, turns: 12 }));
    expect(point.outcomes.find((x) => x.id === 'talks-alive')!.modelLo).toBeNull();
    expect(point.sets).toBe(0);
  }, 30_000);

  it('take chance noise out of the model interval: sets that differ by noise alone give a point', () => {
    // Eight sets, the same true share, spread only as much as 100 futures each would spread anyway.
    const noiseOnly = modelInterval([0.5, 0.55, 0.45, 0.52, 0.48, 0.5, 0.53, 0.47], new Array(8).fill(0.0025));
    expect(noiseOnly!.hi - noiseOnly!.lo).toBeLessThan(1e-9);
    const real = modelInterval([0.2, 0.8, 0.3, 0.7, 0.4, 0.6, 0.25, 0.75], new Array(8).fill(0.0025));
    expect(real!.lo).toBeLessThan(0.3);
    expect(real!.hi).toBeGreaterThan(0.7);
  });

  it('show both intervals in the CLI, and the point values with --point', async () => {
    const out = await cliOk('forecast', '--runs', '300', '--turns', '6', '--no-date');
    expect(out).toMatch(/alive after week 6: \d+% \(chance \d+%–\d+%\) — model range \d+%–\d+% across 100 calibrated parameter sets/);
    expect(out).toContain('model lo90');
    const point = await cliOk('forecast', '--runs', '300', '--turns', '6', '--no-date', '--point');
    expect(point).toContain("(the scenario's own values: no model range)");
    const csv = await cliOk('forecast', '--runs', '300', '--turns', '6', '--no-date', '--format', 'csv');
    expect(csv.split('\n')[0]).toContain('ensemble');
    expect(csv.split('\n')[0]).toContain('talks_alive_model_lo90');
  }, 60_000);
});
