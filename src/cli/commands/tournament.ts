/**
 * `tournament [scenario]`: every strategy of one actor (rows; `us` by default) against every strategy
 * of another (columns; `iran`), the other actors fixed, each cell a forecast with the same seed.
 */
import { cellOutcome, outcomeCells, outcomeColumns, type CellOutcome } from '../../engine/outcomes';
import { MAX_SEED, MAX_WEEKS } from '../../scenario/limits';
import { strategiesFor, type Scenario, type StrategyId } from '../../scenario/schema';
import { formatOption, intOption, overridden, policyOptions, setOptions, strategyListOption, tableOption, threadsOption, UsageError } from '../args';
import { batchTables, runBatch, showInterval, type BatchTableName } from '../batch';
import { renderCsv, renderJson, renderTable, type Format, type Table } from '../format';
import { parameterLine } from '../forecast-output';
import type { Io } from '../io';
import { loadScenario } from '../load';
import { batchOutcomesTable, batchTable, provenanceCells, provenanceColumns, runProvenance, type RunProvenance } from '../../analysis/exports';
import type { ForecastSummary } from '../../engine/summary';
import { batchOptions, defineCommand, parseCommand } from '../options';
import { generatedDate } from '../provenance';

export interface Player {
  readonly actor: string;
  readonly strategies: readonly StrategyId[];
}

/**
 * The two players: those named by `--strategies actor=a,b` (or its shorthands `--us`, `--iran`), in
 * that order, then the scenario's first actors not named, with every strategy the scenario offers.
 */
export function playersOf(scenario: Scenario, named: readonly string[], us?: string, iran?: string): [Player, Player] {
  const entries = named.map((v) => {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--strategies expects actor=strategy,strategy..., got "${v}"`);
    return [v.slice(0, eq), v.slice(eq + 1)] as const;
  });
  if (us !== undefined) entries.push(['us', us]);
  if (iran !== undefined) entries.push(['iran', iran]);
  const ids = scenario.actors.map((a) => a.id);
  const players: Player[] = entries.map(([actor, list]) => {
    if (!ids.includes(actor)) throw new UsageError(`unknown actor "${actor}"; actors are ${ids.join(', ')}`);
    return { actor, strategies: strategyListOption(list, actor === 'us' || actor === 'iran' ? actor : 'strategies') };
  });
  if (new Set(players.map((p) => p.actor)).size !== players.length) throw new UsageError('each actor may be named once');
  if (players.length > 2) throw new UsageError(`a tournament has two players; got ${players.map((p) => p.actor).join(', ')}`);
  for (const actor of ids) {
    if (players.length < 2 && !players.some((p) => p.actor === actor)) players.push({ actor, strategies: strategiesFor(scenario) });
  }
  return [players[0]!, players[1]!];
}

interface TournamentCell {
  readonly row: StrategyId;
  readonly col: StrategyId;
  readonly provenance: RunProvenance;
  readonly outcome: CellOutcome;
  readonly summary: ForecastSummary;
}


function matrix(rows: Player, cols: Player, cells: readonly TournamentCell[], show: (o: CellOutcome) => string | number): Table {
  return {
    columns: [`${rows.actor} \\ ${cols.actor}`, ...cols.strategies],
    rows: rows.strategies.map((r) => [r, ...cols.strategies.map((c) => show(cells.find((x) => x.row === r && x.col === c)!.outcome))]),
  };
}

function render(format: Format, table: BatchTableName, scenario: Scenario, title: string, base: RunProvenance, players: [Player, Player], cells: readonly TournamentCell[]): string {
  const [rows, cols] = players;
  if (format === 'csv' && table !== 'cells') {
    const items = cells.map((c) => ({ label: `${c.row} x ${c.col}`, key: { [`strategy_${rows.actor}`]: c.row, [`strategy_${cols.actor}`]: c.col }, summary: c.summary, provenance: c.provenance }));
    return renderCsv(table === 'outcomes' ? batchOutcomesTable(items) : batchTable(scenario, items));
  }
  if (format === 'csv') {
    return renderCsv({
      columns: [...provenanceColumns, `strategy_${rows.actor}`, `strategy_${cols.actor}`, ...outcomeColumns],
      rows: cells.map((c) => [...provenanceCells(c.provenance), c.row, c.col, ...outcomeCells(c.outcome)]),
    });
  }
  if (format === 'json') {
    const lists = Object.fromEntries(players.map((p) => [p.actor, p.strategies]));
    return renderJson({ provenance: { ...base, players: lists }, cells: cells.map((c) => ({ strategies: { [rows.actor]: c.row, [cols.actor]: c.col }, ...c.outcome })) });
  }
  const others = Object.entries(base.strategies).map(([a, st]) => `${a}=${st}`);
  return [
    `${title}\n${others.length > 0 ? `Others: ${others.join(' ')}\n` : ''}${parameterLine(base.parameters)}`,
    `\nTalks alive at the end (share of futures [95% interval])\n${renderTable(matrix(rows, cols, cells, (o) => showInterval(o.talksAlive)))}\n`,
    `\nMean escalation at the end (rung units)\n${renderTable(matrix(rows, cols, cells, (o) => o.escalationMean))}\n`,
    `\nOpen war (share of futures [95% interval])\n${renderTable(matrix(rows, cols, cells, (o) => showInterval(o.openWar)))}\n`,
  ].join('');
}

export const tournamentSpec = defineCommand({
  name: 'tournament',
  args: '[scenario]',
  summary: 'every strategy of one actor against every strategy of another',
  options: {
    strategies: { type: 'string', multiple: true, value: 'actor=a,b,...', description: 'a player and its strategies (twice: rows, then columns; default: the first two actors, every strategy)' },
    us: { type: 'string', value: 'a,b,...', description: 'shorthand for --strategies us=a,b,...' },
    iran: { type: 'string', value: 'x,y,...', description: 'shorthand for --strategies iran=x,y,...' },
    ...batchOptions(1000, batchTables),
  },
  notes: ['Every cell runs the same seeded futures (common random numbers). The other actors play --policy. --format csv --table outcomes writes every outcome of every cell (open war, the talks, casualties, attacks, strikes, ...), one row per measure.'],
});

export async function tournamentCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(tournamentSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const parameters = setOptions(values.set);
  const scenario = overridden(loadScenario(positionals[0] ?? 'march-2021').scenario, parameters);
  const runs = intOption(values.runs, 'runs', 1000, 1, 10_000_000);
  const seed = intOption(values.seed, 'seed', 1, 0, MAX_SEED);
  const turns = values.turns === undefined ? undefined : intOption(values.turns, 'turns', scenario.defaultTurns, 1, MAX_WEEKS);
  const threads = threadsOption(values.threads, io, runs);
  const format = formatOption(values.format);
  const table = tableOption(values.table, format, batchTables);
  const fixed = policyOptions(scenario, values.policy);
  const players = playersOf(scenario, values.strategies ?? [], values.us, values.iran);
  const [rows, cols] = players;
  const pairs = rows.strategies.flatMap((row) => cols.strategies.map((col) => ({ row, col, strategies: { ...fixed, [rows.actor]: row, [cols.actor]: col } })));
  const started = performance.now();
  const summaries = await runBatch(pairs.map((p) => ({ scenario, strategies: p.strategies })), { runs, seed, turns, threads }, io, 'tournament');
  const date = generatedDate(values['no-date']);
  const setup = (s: (typeof summaries)[number], strategies: Record<string, StrategyId>) =>
    runProvenance(scenario, { seed, runs, turns: s.turns, startTurn: s.startTurn, strategies, parameters, from: null, ...date });
  const cells = pairs.map((p, i) => ({ row: p.row, col: p.col, provenance: setup(summaries[i]!, p.strategies), outcome: cellOutcome(summaries[i]!), summary: summaries[i]! }));
  const title = `${scenario.title}: tournament of ${rows.actor} (rows) against ${cols.actor} (columns), ${runs} futures per cell, seed ${seed}`;
  const others = Object.fromEntries(Object.entries(fixed).filter(([a]) => a !== rows.actor && a !== cols.actor));
  io.out(render(format, table, scenario, title, setup(summaries[0]!, others), players, cells));
  io.err(`${pairs.length} cells of ${runs} futures in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return 0;
}
