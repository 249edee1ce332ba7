/** `forecast <scenario>`: the Monte Carlo summary of many futures, optionally from a saved game's end. */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { forecastTurns } from '../../engine/forecast';
import { replay } from '../../engine/game';
import { initialState, type GameState } from '../../engine/state';
import { summarize, type ForecastSummary } from '../../engine/summary';
import type { Scenario } from '../../scenario/schema';
import { formatOption, intOption, policyOptions, UsageError } from '../args';
import { renderCsv, renderJson, renderTable, type Table } from '../format';
import { progressBar, type Io } from '../io';
import { loadGame, loadScenario } from '../load';
import { parallelForecast } from '../parallel';
import { provenance } from '../provenance';

/** Tidy weekly rows: one per week, escalation percentiles and the talks-alive share with its interval. */
export function weeklyTable(s: ForecastSummary): Table {
  return {
    columns: ['week', 'date', 'escalation p5', 'p25', 'median', 'p75', 'p95', 'talks alive', 'alive lo95', 'alive hi95'],
    rows: s.weeks.map((w) => [w.turn, w.date, w.escalation.p5, w.escalation.p25, w.escalation.p50, w.escalation.p75, w.escalation.p95, w.alive.estimate, w.alive.lo, w.alive.hi]),
  };
}

export function outcomesTable(s: ForecastSummary): Table {
  return { columns: ['outcome', 'value', 'lo95', 'hi95'], rows: s.outcomes.map((o) => [o.label, o.value, o.lo, o.hi]) };
}

function startState(scenario: Scenario, from: string | undefined, seed: number, turns: number): GameState {
  if (!from) return initialState(scenario, seed, turns);
  const { log, scenario: gameScenario } = loadGame(from);
  if (gameScenario.id !== scenario.id) throw new UsageError(`--from: the game is for "${gameScenario.id}", not "${scenario.id}"`);
  const { states, error } = replay(scenario, log);
  if (error) throw new UsageError(`--from ${from}: turn ${error.turn}: ${error.message}`);
  return states[states.length - 1]!;
}

export async function forecastCommand(args: readonly string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      turns: { type: 'string' },
      policy: { type: 'string', multiple: true },
      format: { type: 'string' },
      threads: { type: 'string' },
      from: { type: 'string' },
    },
  });
  const { scenario } = loadScenario(positionals[0] ?? 'march-2021');
  const runs = intOption(values.runs, 'runs', 10_000, 1, 10_000_000);
  const seed = intOption(values.seed, 'seed', 1, 0, 0xffffffff);
  const threads = intOption(values.threads, 'threads', availableParallelism(), 1, 256);
  const strategies = policyOptions(scenario, values.policy);
  const format = formatOption(values.format);
  const state = startState(scenario, values.from, seed, scenario.defaultTurns);
  const turns = intOption(values.turns, 'turns', forecastTurns(state, { runs, seed }), 1, 520);
  const options = { runs, seed, turns, strategies };
  const bar = progressBar(io, runs, 'forecast');
  const started = performance.now();
  const tally = await parallelForecast(scenario, state, options, threads, bar.update);
  bar.finish();
  const seconds = (performance.now() - started) / 1000;
  const summary = summarize(scenario, tally);
  const meta = provenance(scenario, seed, { runs, turns, startTurn: state.turn, strategies, from: values.from ?? null });
  if (format === 'json') io.out(renderJson({ provenance: meta, summary }));
  else if (format === 'csv') io.out(renderCsv(weeklyTable(summary)));
  else {
    io.out(`${scenario.title}: ${runs} futures of ${turns} weeks from week ${state.turn}, seed ${seed}\n\n`);
    io.out(`${renderTable(weeklyTable(summary))}\n\n${renderTable(outcomesTable(summary))}\n\n`);
    io.out(`${renderTable({ columns: ['final rung', 'share'], rows: summary.finalRungs.map((r) => [`${r.level} ${r.name}`, r.share]) })}\n`);
  }
  io.err(`${runs} futures in ${seconds.toFixed(2)} s on ${Math.min(threads, runs)} thread(s)\n`);
  return 0;
}
