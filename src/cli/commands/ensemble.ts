/**
 * `ensemble`: makes a scenario's calibrated ensemble by history matching (src/analysis/ensemble.ts)
 * and writes `scenarios/<id>.ensemble.json`. `--shard i/n` judges only the i-th of n contiguous
 * parts of the draws and writes that part's draws; `--merge` puts the parts back together into
 * exactly the file one run writes. `--threads N` runs N shards as processes of their own and merges
 * them: the same recipe a cluster runs (deploy/).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensembleJudgements, historyMatch, type Draw, type MatchOptions } from '../../analysis/ensemble';
import { scenarioDigest } from '../../scenario/files/digest';
import {
  ENSEMBLE_KIND,
  ENSEMBLE_SHARD_KIND,
  ENSEMBLE_VERSION,
  MAX_ENSEMBLE_SETS,
  parseEnsembleShard,
  verdicts,
  type EnsembleFile,
  type EnsembleMethod,
  type EnsembleShard,
} from '../../scenario/files/ensemble-file';
import { parseJson } from '../../scenario/files/versioned';
import { MAX_SEED } from '../../scenario/limits';
import type { Scenario } from '../../scenario/schema';
import { intOption, threadsOption, UsageError } from '../args';
import { defineCommand, parseCommand } from '../options';
import { progressBar, type Io } from '../io';
import { formatErrors, loadScenario } from '../load';
import { shardOption } from './forecast';

/** The record the March 2021 calibration may use: everything before the start. */
const dataThrough = (s: Scenario) => new Date(Date.parse(`${s.startDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Canonical JSON text of a file: two-space indent, values on one line per set (diffs stay readable). */
function fileText(f: EnsembleFile | EnsembleShard): string {
  return `${JSON.stringify(f, null, 2).replace(/\[\s+([-\d.e+,\s]+?)\s+\]/g, (_, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`)}\n`;
}

function header(forecast: Scenario, method: EnsembleMethod) {
  return { schemaVersion: ENSEMBLE_VERSION, scenarioId: forecast.id, scenarioDigest: scenarioDigest(forecast), method, parameters: ensembleJudgements(forecast).map((j) => j.path) } as const;
}

function shardOf(forecast: Scenario, method: EnsembleMethod, first: number, draws: readonly Draw[]): EnsembleShard {
  const h = header(forecast, method);
  return {
    kind: ENSEMBLE_SHARD_KIND,
    ...h,
    shard: { first, count: draws.length },
    draws: draws.map((d) => (d.verdict === 'kept' ? { draw: d.index, verdict: d.verdict, values: h.parameters.map((p) => d.values[p]!) } : { draw: d.index, verdict: d.verdict })),
  };
}

/** The ensemble from shards that cover draws [0, method.draws) once each, all of the same run. */
export function mergeEnsembleShards(shards: readonly EnsembleShard[]): EnsembleFile {
  if (shards.length === 0) throw new UsageError('ensemble --merge needs at least one shard');
  const [a] = shards;
  const same = (s: EnsembleShard) => JSON.stringify([s.scenarioId, s.scenarioDigest, s.method, s.parameters]) === JSON.stringify([a!.scenarioId, a!.scenarioDigest, a!.method, a!.parameters]);
  const other = shards.findIndex((s) => !same(s));
  if (other >= 0) throw new UsageError(`ensemble shard ${other + 1} is of another run (scenario, its digest, the method or the parameters differ from shard 1's)`);
  const sorted = [...shards].sort((x, y) => x.shard.first - y.shard.first);
  let next = 0;
  for (const s of sorted) {
    if (s.shard.first !== next) throw new UsageError(`the shards do not cover the draws once each: draws from ${next} are ${s.shard.first > next ? 'missing' : 'in two shards'}`);
    if (s.draws.length !== s.shard.count || s.draws.some((d, i) => d.draw !== s.shard.first + i)) throw new UsageError(`shard of draws from ${s.shard.first}: its draws are not ${s.shard.count} in order`);
    next += s.shard.count;
  }
  if (next !== a!.method.draws) throw new UsageError(`the shards cover draws [0, ${next}), not the run's ${a!.method.draws}`);
  const draws = sorted.flatMap((s) => s.draws);
  const counts = Object.fromEntries(verdicts.map((v) => [v, draws.filter((d) => d.verdict === v).length])) as EnsembleFile['verdicts'];
  const sets = draws.flatMap((d) => (d.verdict === 'kept' && d.values ? [{ draw: d.draw, values: d.values }] : [])).slice(0, a!.method.keep);
  if (sets.length === 0) throw new UsageError(`no draw of ${a!.method.draws} was kept: widen the priors or draw more`);
  const { kind: _kind, shard: _shard, draws: _draws, ...h } = a!;
  return { kind: ENSEMBLE_KIND, ...h, verdicts: counts, sets };
}

function readShardFile(file: string): EnsembleShard {
  const json = parseJson(readFileSync(file, 'utf8'), 'ensemble shard');
  const parsed = json.ok ? parseEnsembleShard(json.value) : json;
  if (!parsed.ok) throw new UsageError(formatErrors(file, parsed.errors));
  return parsed.value;
}

/** Runs `threads` shard processes of this command and merges what they write. */
async function inProcesses(args: readonly string[], threads: number, io: Io): Promise<EnsembleShard[]> {
  const dir = mkdtempSync(join(tmpdir(), 'dl-ensemble-'));
  try {
    // The same command a cluster's array job runs (deploy/), one process per shard.
    const bin = fileURLToPath(new URL('../../../bin/deterrence-lab.mjs', import.meta.url));
    const runs = Array.from({ length: threads }, (_, i) => {
      const out = join(dir, `shard-${i + 1}.json`);
      const child = spawn(process.execPath, [bin, 'ensemble', ...args, '--shard', `${i + 1}/${threads}`, '--out', out, '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      return new Promise<string>((done, fail) => child.on('exit', (code) => (code === 0 ? done(out) : fail(new UsageError(`ensemble shard ${i + 1}/${threads} failed (exit ${code}): ${err.trim()}`)))));
    });
    io.err(`judging the draws in ${threads} processes…\n`);
    return (await Promise.all(runs)).map(readShardFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const ensembleSpec = defineCommand({
  name: 'ensemble',
  args: '[scenario]',
  summary: "the calibrated ensemble: parameter sets drawn from the scenario's priors, kept where the record and the rates before the start are reproduced (history matching)",
  options: {
    record: { type: 'string', value: 'scenario', description: 'the record to match (default road-to-march-2021)' },
    draws: { type: 'string', value: 'N', description: 'parameter sets drawn from the priors (default 1500)' },
    games: { type: 'string', value: 'N', description: 'AI games per draw (default 12)' },
    keep: { type: 'string', value: 'N', description: 'the first N draws kept go in the file (default 100)' },
    seed: { type: 'string', value: 'N', description: 'the seed (default 2021)' },
    'min-replay-r': { type: 'string', value: 'R', description: "the least correlation of a draw's replay with the record (default 0.6)" },
    shard: { type: 'string', value: 'i/n', description: 'judge only the i-th of n parts of the draws; writes them for --merge' },
    threads: { type: 'string', value: 'N', description: 'processes judging the draws (default: one per core)' },
    merge: { type: 'boolean', description: 'put the parts (the shard files named) together: the file one run writes, byte for byte' },
    out: { type: 'string', value: 'FILE', description: 'write to FILE instead of stdout' },
    quiet: { type: 'boolean', description: 'no progress bar' },
  },
});

export async function ensembleCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(ensembleSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const write = (text: string) => (values.out ? writeFileSync(values.out, text) : io.out(text));
  if (values.merge) {
    if (positionals.length === 0) throw new UsageError('ensemble --merge <shard.json...>: name the shards');
    write(fileText(mergeEnsembleShards(positionals.map(readShardFile))));
    return 0;
  }
  const { scenario: forecast } = loadScenario(positionals[0] ?? 'march-2021');
  const { scenario: record } = loadScenario(values.record ?? 'road-to-march-2021');
  if (!forecast.priors?.length) throw new UsageError(`scenario "${forecast.id}" has no priors to draw from`);
  const draws = intOption(values.draws, 'draws', 1500, 1, 10_000_000);
  const replayR = values['min-replay-r'] === undefined ? 0.6 : Number(values['min-replay-r']);
  if (!(replayR >= -1 && replayR <= 1)) throw new UsageError(`--min-replay-r expects a correlation in [-1, 1], got "${values['min-replay-r']}"`);
  const method: EnsembleMethod = {
    name: 'history matching',
    record: record.id,
    seed: intOption(values.seed, 'seed', 2021, 0, MAX_SEED),
    draws,
    games: intOption(values.games, 'games', 12, 1, 10_000),
    keep: intOption(values.keep, 'keep', 100, 1, MAX_ENSEMBLE_SETS),
    minReplayR: replayR,
    dataThrough: dataThrough(forecast),
  };
  const shard = shardOption(values.shard, draws);
  const threads = shard ? 1 : threadsOption(values.threads, io, draws);
  if (threads > 1) {
    const passOn = args.filter((a, i) => a !== '--threads' && args[i - 1] !== '--threads' && !a.startsWith('--threads=') && a !== '--out' && args[i - 1] !== '--out');
    write(fileText(mergeEnsembleShards(await inProcesses(passOn, threads, io))));
    return 0;
  }
  const first = shard?.first ?? 0;
  const count = shard?.runs ?? draws;
  const options: MatchOptions = { first, count, seed: method.seed, games: method.games, minReplayR: method.minReplayR };
  const bar = values.quiet ? null : progressBar(io, count, 'draws');
  const judged = historyMatch(forecast, record, options, (d) => bar?.update(d.index - first + 1));
  bar?.finish();
  io.err(`${judged.filter((d) => d.verdict === 'kept').length} of ${count} draws kept\n`);
  const part = shardOf(forecast, method, first, judged);
  write(fileText(shard ? part : mergeEnsembleShards([part])));
  return 0;
}
