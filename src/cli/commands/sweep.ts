/**
 * `sweep [scenario] --param PATH --from A --to B --steps N [--param2 ...]`: one or two scenario
 * parameters over an evenly spaced grid, each point a forecast with the same seed.
 */
import { cellOutcome, outcomeCells, outcomeColumns, type CellOutcome } from '../../engine/outcomes';
import { MAX_SEED, MAX_WEEKS } from '../../scenario/limits';
import { getParameter, sweepValues } from '../../scenario/parameters';
import type { Scenario } from '../../scenario/schema';
import { formatOption, intOption, numberOption, overridden, policyOptions, setOptions, tableOption, threadsOption, UsageError } from '../args';
import { batchTables, outcomeHeaders, runBatch, type BatchTableName } from '../batch';
import { renderCsv, renderJson, renderTable, type Format } from '../format';
import { parameterLine } from '../forecast-output';
import type { Io } from '../io';
import { loadScenario } from '../load';
import { batchOutcomesTable, batchTable, provenanceCells, provenanceColumns, runProvenance, type RunProvenance } from '../../analysis/exports';
import type { ForecastSummary } from '../../engine/summary';
import { batchOptions, defineCommand, parseCommand } from '../options';
import { generatedDate } from '../provenance';

/** Largest number of steps on one axis. */
const MAX_STEPS = 1000;

export interface Axis {
  readonly path: string;
  readonly from: number;
  readonly to: number;
  readonly steps: number;
}

/** The axis's values (see `sweepValues`). */
export function axisValues(a: Axis): number[] {
  return sweepValues(a.from, a.to, a.steps);
}

function axisOf(scenario: Scenario, path: string | undefined, from: string | undefined, to: string | undefined, steps: string | undefined, suffix: string): Axis | null {
  if (path === undefined) {
    if (from !== undefined || to !== undefined || steps !== undefined) throw new UsageError(`--from${suffix}, --to${suffix} and --steps${suffix} need --param${suffix}`);
    return null;
  }
  if (getParameter(scenario, path) === undefined) {
    throw new UsageError(`--param${suffix}: unknown parameter "${path}"\n(\`deterrence-lab params\` lists every parameter path)`);
  }
  const a = numberOption(from, `from${suffix}`);
  const b = numberOption(to, `to${suffix}`);
  if (a === undefined || b === undefined) throw new UsageError(`--param${suffix} needs --from${suffix} and --to${suffix}`);
  return { path, from: a, to: b, steps: intOption(steps, `steps${suffix}`, 5, 1, MAX_STEPS) };
}

interface Point {
  readonly values: Readonly<Record<string, number>>;
  readonly provenance: RunProvenance;
  readonly outcome: CellOutcome;
  readonly summary: ForecastSummary;
}

function render(format: Format, table: BatchTableName, scenario: Scenario, title: string, base: RunProvenance, axes: readonly Axis[], points: readonly Point[]): string {
  const paths = axes.map((a) => a.path);
  const cells = (p: Point) => [...paths.map((x) => p.values[x]!), ...outcomeCells(p.outcome)];
  if (format === 'csv' && table !== 'cells') {
    const label = (p: Point) => paths.map((x) => `${x}=${p.values[x]}`).join(', ');
    const items = points.map((p) => ({ label: label(p), key: p.values, summary: p.summary, provenance: p.provenance }));
    return renderCsv(table === 'outcomes' ? batchOutcomesTable(items) : batchTable(scenario, items));
  }
  if (format === 'csv') {
    return renderCsv({ columns: [...provenanceColumns, ...paths, ...outcomeColumns], rows: points.map((p) => [...provenanceCells(p.provenance), ...cells(p)]) });
  }
  if (format === 'json') {
    return renderJson({ provenance: { ...base, sweep: axes }, points: points.map((p) => ({ parameters: p.values, ...p.outcome })) });
  }
  return `${title}\n${parameterLine(base.parameters)}\n${renderTable({ columns: [...paths, ...outcomeHeaders], rows: points.map(cells) })}\n`;
}

export const sweepSpec = defineCommand({
  name: 'sweep',
  args: '[scenario]',
  summary: 'forecasts over a grid of one or two parameters',
  options: {
    param: { type: 'string', value: 'PATH', description: 'the parameter to sweep (`params` lists them)' },
    from: { type: 'string', value: 'A', description: 'its first value' },
    to: { type: 'string', value: 'B', description: 'its last value' },
    steps: { type: 'string', value: 'N', description: 'evenly spaced values from A to B, both included (default 5)' },
    param2: { type: 'string', value: 'PATH', description: 'a second parameter, for a grid' },
    from2: { type: 'string', value: 'A', description: "the second parameter's first value" },
    to2: { type: 'string', value: 'B', description: "the second parameter's last value" },
    steps2: { type: 'string', value: 'N', description: "the second parameter's number of values (default 5)" },
    ...batchOptions(1000, batchTables),
  },
  notes: ['Every point runs the same seeded futures (common random numbers). --format csv --table outcomes writes every outcome of every point (open war, the talks, casualties, attacks, strikes, ...), one row per measure: the default table\'s open_war is its open-war row.'],
});

export async function sweepCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(sweepSpec, args, io);
  if (!parsed) return 0;
  const { values: v, positionals } = parsed;
  const parameters = setOptions(v.set);
  const scenario = overridden(loadScenario(positionals[0] ?? 'march-2021').scenario, parameters);
  const first = axisOf(scenario, v.param, v.from, v.to, v.steps, '');
  if (!first) throw new UsageError('give the parameter to sweep: --param PATH --from A --to B [--steps N]');
  const second = axisOf(scenario, v.param2, v.from2, v.to2, v.steps2, '2');
  const axes = second ? [first, second] : [first];
  const clash = axes.find((a) => a.path in parameters) ?? (second?.path === first.path ? second : undefined);
  if (clash) throw new UsageError(`${clash.path} is swept, so it cannot also be fixed by --set or swept twice`);
  const runs = intOption(v.runs, 'runs', 1000, 1, 10_000_000);
  const seed = intOption(v.seed, 'seed', 1, 0, MAX_SEED);
  const turns = v.turns === undefined ? undefined : intOption(v.turns, 'turns', scenario.defaultTurns, 1, MAX_WEEKS);
  const threads = threadsOption(v.threads, io, runs);
  const format = formatOption(v.format);
  const table = tableOption(v.table, format, batchTables);
  const strategies = policyOptions(scenario, v.policy);
  const grid = axisValues(first).flatMap((x) => (second ? axisValues(second).map((y) => ({ [first.path]: x, [second.path]: y })) : [{ [first.path]: x }]));
  // Check every point before running any, so a bad value stops the sweep at once.
  const items = grid.map((values) => ({ values, scenario: overridden(scenario, values, `--param`), strategies }));
  const started = performance.now();
  const summaries = await runBatch(items, { runs, seed, turns, threads }, io, 'sweep');
  const date = generatedDate(v['no-date']);
  const points = items.map((item, i) => {
    const s = summaries[i]!;
    const provenance = runProvenance(scenario, { seed, runs, turns: s.turns, startTurn: s.startTurn, strategies, parameters: { ...parameters, ...item.values }, from: null, ...date });
    return { values: item.values, provenance, outcome: cellOutcome(s), summary: s };
  });
  const base = runProvenance(scenario, { seed, runs, turns: summaries[0]!.turns, startTurn: summaries[0]!.startTurn, strategies, parameters, from: null, ...date });
  const title = `${scenario.title}: sweep of ${axes.map((a) => a.path).join(' and ')}, ${runs} futures per point, seed ${seed}`;
  io.out(render(format, table, scenario, title, base, axes, points));
  io.err(`${grid.length} points of ${runs} futures in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return 0;
}
