/**
 * `sweep [scenario] --param PATH --from A --to B --steps N [--param2 ...]`: one or two scenario
 * parameters over an evenly spaced grid, each point a forecast with the same seed.
 */
import { parseArgs } from 'node:util';
import { cellOutcome, outcomeCells, outcomeColumns, type CellOutcome } from '../../engine/outcomes';
import { MAX_SEED, MAX_WEEKS } from '../../scenario/limits';
import { getParameter, sweepValues } from '../../scenario/parameters';
import type { Scenario } from '../../scenario/schema';
import { formatOption, intOption, numberOption, overridden, policyOptions, setOptions, threadsOption, UsageError } from '../args';
import { outcomeHeaders, runBatch } from '../batch';
import { renderCsv, renderJson, renderTable, type Format } from '../format';
import { parameterLine } from '../forecast-output';
import type { Io } from '../io';
import { loadScenario } from '../load';
import { provenanceCells, provenanceColumns, runProvenance, type RunProvenance } from '../../analysis/exports';
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
}

function render(format: Format, title: string, base: RunProvenance, axes: readonly Axis[], points: readonly Point[]): string {
  const paths = axes.map((a) => a.path);
  const cells = (p: Point) => [...paths.map((x) => p.values[x]!), ...outcomeCells(p.outcome)];
  if (format === 'csv') {
    return renderCsv({ columns: [...provenanceColumns, ...paths, ...outcomeColumns], rows: points.map((p) => [...provenanceCells(p.provenance), ...cells(p)]) });
  }
  if (format === 'json') {
    return renderJson({ provenance: { ...base, sweep: axes }, points: points.map((p) => ({ parameters: p.values, ...p.outcome })) });
  }
  return `${title}\n${parameterLine(base.parameters)}\n${renderTable({ columns: [...paths, ...outcomeHeaders], rows: points.map(cells) })}\n`;
}

const sweepOptions = {
  param: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  steps: { type: 'string' },
  param2: { type: 'string' },
  from2: { type: 'string' },
  to2: { type: 'string' },
  steps2: { type: 'string' },
  runs: { type: 'string' },
  seed: { type: 'string' },
  turns: { type: 'string' },
  threads: { type: 'string' },
  policy: { type: 'string', multiple: true },
  set: { type: 'string', multiple: true },
  format: { type: 'string' },
  'no-date': { type: 'boolean' },
} as const;

export async function sweepCommand(args: readonly string[], io: Io): Promise<number> {
  const { values: v, positionals } = parseArgs({ args: [...args], allowPositionals: true, options: sweepOptions });
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
    return { values: item.values, provenance, outcome: cellOutcome(s) };
  });
  const base = runProvenance(scenario, { seed, runs, turns: summaries[0]!.turns, startTurn: summaries[0]!.startTurn, strategies, parameters, from: null, ...date });
  const title = `${scenario.title}: sweep of ${axes.map((a) => a.path).join(' and ')}, ${runs} futures per point, seed ${seed}`;
  io.out(render(format, title, base, axes, points));
  io.err(`${grid.length} points of ${runs} futures in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return 0;
}
