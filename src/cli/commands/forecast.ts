/**
 * `forecast <scenario>`: the Monte Carlo summary of many futures, optionally from a saved game's end,
 * with parameter overrides (`--set`), or one shard of it (`--shard i/n`) for `merge` to add up.
 */
import { writeFileSync } from 'node:fs';
import { forecastTurns } from '../../engine/forecast';
import { replay } from '../../engine/game';
import { initialState, type GameState } from '../../engine/state';
import { summarize } from '../../engine/summary';
import { MAX_SEED, MAX_WEEKS } from '../../scenario/limits';
import type { Scenario } from '../../scenario/schema';
import { formatOption, intOption, overridden, policyOptions, setOptions, tableOption, threadsOption, UsageError } from '../args';
import { csvTables, renderForecast } from '../forecast-output';
import { batchOptions, defineCommand, parseCommand } from '../options';
import { progressBar, type Io } from '../io';
import { loadEnsemble, loadGame, loadScenario } from '../load';
import { chunks, parallelChunk } from '../parallel';
import { runProvenance } from '../../analysis/exports';
import { generatedDate } from '../provenance';
import { digestOf, writeShard } from '../shard';

function startState(scenario: Scenario, from: string | undefined, seed: number, turns: number): GameState {
  if (!from) return initialState(scenario, seed, turns);
  const { game, scenario: gameScenario } = loadGame(from);
  if (gameScenario.id !== scenario.id) throw new UsageError(`--from: the game is for "${gameScenario.id}", not "${scenario.id}"`);
  const { states, error } = replay(scenario, game);
  if (error) throw new UsageError(`--from ${from}: log[${error.entry}]: week ${error.turn + 1}: ${error.message}`);
  return states[states.length - 1]!;
}

/** `--shard i/n` (i from 1): the i-th of n contiguous chunks of the runs. */
export function shardOption(value: string | undefined, runs: number): { index: number; count: number; first: number; runs: number } | null {
  if (value === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const [index, count] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || count < 1 || index < 1 || index > count) throw new UsageError(`--shard expects i/n with 1 <= i <= n, got "${value}"`);
  if (count > runs) throw new UsageError(`--shard ${value}: cannot split ${runs} runs into ${count} shards`);
  const chunk = chunks(runs, count)[index - 1]!;
  return { index, count, first: chunk.first, runs: chunk.count };
}

export const forecastSpec = defineCommand({
  name: 'forecast',
  args: '[scenario]',
  summary: 'Monte Carlo summary of many futures (drawn from the calibrated ensemble unless --point)',
  options: {
    ...batchOptions(10_000, csvTables),
    format: { type: 'string', value: 'table|csv|json|tally', description: 'output format (default table; tally: the raw counts, as --shard writes them)' },
    from: { type: 'string', value: 'game.json', description: 'start from the end of a saved game (or the app\'s exported game)' },
    shard: { type: 'string', value: 'i/n', description: 'run only the i-th of n chunks of the runs; writes its tally (JSON) for `merge`' },
    point: { type: 'boolean', description: "the scenario's own values, not the calibrated ensemble (no model range)" },
    out: { type: 'string', value: 'FILE', description: 'write to FILE instead of stdout' },
  },
  notes: ['A scenario is a file path or a bundled scenario id (default: march-2021). --format csv --table outcomes writes the outcomes (open war, the talks, casualties, attacks, strikes, ...) with their chance and model intervals, one row per measure.'],
});

export async function forecastCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(forecastSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const parameters = setOptions(values.set);
  const loaded = loadScenario(positionals[0] ?? 'march-2021');
  const scenario = overridden(loaded.scenario, parameters);
  // Futures draw their parameters from the calibrated ensemble, unless --point asks for the scenario's own values.
  const { ensemble, notice } = values.point ? { ensemble: null, notice: null } : loadEnsemble(loaded.scenario, loaded.file, Object.keys(parameters));
  if (notice) io.err(`${notice}\n`);
  const runs = intOption(values.runs, 'runs', 10_000, 1, 10_000_000);
  const seed = intOption(values.seed, 'seed', 1, 0, MAX_SEED);
  const strategies = policyOptions(scenario, values.policy);
  const shard = shardOption(values.shard, runs);
  if (shard && values.format !== undefined && values.format !== 'tally') throw new UsageError('--shard writes a tally: leave out --format or give --format tally');
  const format = shard || values.format === 'tally' ? 'tally' : formatOption(values.format);
  const table = tableOption(values.table, format, csvTables);
  const state = startState(scenario, values.from, seed, scenario.defaultTurns);
  const turns = intOption(values.turns, 'turns', forecastTurns(state, { runs, seed }), 1, MAX_WEEKS);
  const range = shard ?? { first: 0, runs };
  const threads = threadsOption(values.threads, io, range.runs);
  const bar = progressBar(io, range.runs, 'forecast');
  const started = performance.now();
  const tally = await parallelChunk(scenario, state, { runs, seed, turns, strategies, ...(ensemble ? { ensemble } : {}) }, { first: range.first, count: range.runs }, threads, bar.update);
  bar.finish();
  const seconds = (performance.now() - started) / 1000;
  const meta = runProvenance(scenario, { seed, runs, turns, startTurn: state.turn, strategies, parameters, from: values.from ?? null, ensemble: ensemble?.id ?? null, ...generatedDate(values['no-date']) });
  const text =
    format === 'tally'
      ? writeShard(meta, { index: shard?.index ?? 1, count: shard?.count ?? 1 }, { scenario: digestOf(scenario), start: digestOf(state) }, tally)
      : renderForecast(format, scenario, summarize(scenario, tally), meta, table);
  if (values.out) writeFileSync(values.out, text);
  else io.out(text);
  io.err(`${range.runs} futures in ${seconds.toFixed(2)} s on ${threads} thread(s)${shard ? ` (shard ${shard.index}/${shard.count}: runs ${range.first} to ${range.first + range.runs - 1})` : ''}\n`);
  return 0;
}
