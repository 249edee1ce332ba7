/**
 * `sensitivity [scenario]`: which judgements move the forecast most. `--method morris` (the default)
 * screens the scenario's priors globally: one factor per prior rule, each moved over its whole
 * range in r Morris trajectories, the others anywhere on their grid. `--method tornado` sets each
 * calibration parameter 20% lower and higher, one at a time, the others at their values.
 */
import { forecastTurns } from '../../engine/forecast';
import { readOutcome } from '../../engine/outcomes';
import { initialState } from '../../engine/state';
import type { ForecastSummary } from '../../engine/summary';
import { runProvenance, type RunProvenance } from '../../analysis/exports';
import { morrisDelta } from '../../analysis/morris';
import { morrisFactors, morrisTable, type MorrisOutcome } from '../../analysis/morris-screening';
import { perturbations, tornadoOutcomes, tornadoSides, tornadoTable, type Perturbation, type TornadoOutcome } from '../../analysis/sensitivity';
import { MAX_SEED, MAX_WEEKS } from '../../scenario/limits';
import type { Scenario, StrategyId } from '../../scenario/schema';
import { formatOption, intOption, policyOptions, threadsOption, UsageError } from '../args';
import { runBatch } from '../batch';
import { renderCsv, renderJson, renderTable, type Format } from '../format';
import type { Io } from '../io';
import { loadScenario } from '../load';
import { runMorris, type MorrisOptions, type MorrisRun } from '../morris-run';
import { batchOptions, defineCommand, parseCommand } from '../options';
import { generatedDate } from '../provenance';

export const methods = ['morris', 'tornado'] as const;
type Method = (typeof methods)[number];

/** Futures per design point, by default: the CLI's and the calibration report's. */
export const MORRIS_RUNS = 300;

/** Most trajectories a screening may ask for: each costs (factors + 1) forecasts. */
const MAX_TRAJECTORIES = 1000;

// The batch options but --set (the screening moves the parameters itself) and --table (one table each).
const { set: _set, table: _table, ...shared } = batchOptions(MORRIS_RUNS, []);

export const sensitivitySpec = defineCommand({
  name: 'sensitivity',
  args: '[scenario]',
  summary: "which judgements move the outcomes most: Morris screening over the scenario's priors (one factor per prior rule, ranked by mu*), or one parameter at a time",
  options: {
    method: { type: 'string', value: methods.join('|'), description: 'morris (the default): globally over the priors; tornado: each parameter 20% lower and higher' },
    trajectories: { type: 'string', value: 'R', description: 'Morris trajectories, each of factors + 1 forecasts (default 10)' },
    ...shared,
    runs: { type: 'string', value: 'N', description: `futures per forecast (default ${MORRIS_RUNS})` },
  },
});

const pp = (x: number, signed = false) => `${signed && x > 0 ? '+' : ''}${(x * 100).toFixed(1)}`;
const f2 = (x: number, signed = false) => `${signed && x > 0 ? '+' : ''}${x.toFixed(2)}`;

/** One paragraph for readers of the report: what the screening measures and how to read it. */
export const morrisExplanation =
  `Morris screening (elementary effects) moves one factor at a time, but from many random starting points spread over the whole prior of every other factor, so it sees effects that depend on where the others are. Each factor is one prior rule: every parameter the rule governs moves together, each through its own prior, from the bottom of its range (0) to the top (1). An elementary effect is the change in the outcome over the change in the factor, scaled to its whole range. μ* (the mean absolute effect) says how much a factor matters at all and ranks them; μ (the mean effect) says which way it pushes (near ±μ*: always the same way); σ (the spread of the effects) is large when the effect depends on the other factors or is not straight. Every point runs the same seeded futures, so differences come from the factors, not from luck; with few futures per point, effects below a few percentage points are noise. Shifting every move's bias by the same amount would change no choice (the AI's softmax sees only the differences between its options), so the members of a shift rule move apart: every second one runs the other way, and the factor measures what spreading them does; any one move's bias is for the one-at-a-time tornado.`;

function morrisMarkdown(o: MorrisOutcome): string[] {
  const fmt = o.share ? pp : f2;
  const unit = o.share ? 'percentage points' : 'rungs';
  return [
    `**${o.label}** (μ*, μ and σ in ${unit} over the factor's prior range)`,
    '',
    '| rank | factor | rule | parameters | μ* | μ | σ |',
    '|---|---|---|---|---|---|---|',
    ...o.rows.map((r) => `| ${r.rank} | ${r.factor.label} | \`${r.factor.match}\` | ${r.factor.members.length} | ${fmt(r.muStar)} | ${fmt(r.mu, true)} | ${fmt(r.sigma)} |`),
  ];
}

/** The calibration report's global sensitivity: the Morris tables of the forecast scenario, as markdown lines. */
export async function morrisTables(s: Scenario, o: Pick<MorrisOptions, 'trajectories' | 'runs' | 'seed' | 'threads'>, io: Io): Promise<string[]> {
  if (morrisFactors(s).length === 0) return [`Scenario \`${s.id}\` has no priors, so there is nothing to screen.`];
  const strategies = policyOptions(s, undefined);
  const run = await runMorris(s, { ...o, strategies }, io);
  const parameters = run.factors.reduce((n, f) => n + f.members.length, 0);
  const points = run.summaries.length;
  return [
    `Scenario \`${s.id}\` from its start: ${run.factors.length} factors, one per prior rule (${parameters} uncertain parameters); ${o.trajectories} trajectories of ${run.factors.length + 1} points on a ${run.levels}-level grid (Δ = ${morrisDelta(run.levels).toFixed(3)}), ${points} forecasts of ${o.runs} futures each, seed ${o.seed}.`,
    '',
    morrisExplanation,
    '',
    ...run.outcomes.flatMap((x, i) => [...(i > 0 ? [''] : []), ...morrisMarkdown(x)]),
  ];
}

function renderMorris(format: Format, scenario: Scenario, p: RunProvenance, run: MorrisRun): string {
  const design = { trajectories: run.design.length, levels: run.levels };
  if (format === 'csv') return renderCsv(morrisTable(p, design, run.outcomes));
  if (format === 'json') {
    return renderJson({
      provenance: { ...p, method: 'morris', ...design, delta: morrisDelta(run.levels) },
      factors: run.factors.map((f) => ({ rule: f.ruleIndex, match: f.match, label: f.label, parameters: f.members.map((m) => m.path) })),
      outcomes: run.outcomes.map((o) => ({ id: o.id, label: o.label, rows: o.rows.map((r) => ({ rank: r.rank, match: r.factor.match, factor: r.factor.label, parameters: r.factor.members.length, muStar: r.muStar, mu: r.mu, sigma: r.sigma })) })),
      points: run.design.flatMap((t, ti) => t.points.map((levels, j) => ({ trajectory: ti, step: j, levels, outcomes: pointOutcomes(run.outcomes, run.summaries[ti * t.points.length + j]!) }))),
    });
  }
  const parameters = run.factors.reduce((n, f) => n + f.members.length, 0);
  const title = `${scenario.title}: Morris screening over the priors, ${run.factors.length} factors (${parameters} parameters), ${run.design.length} trajectories of ${run.factors.length + 1} points, ${p.runs} futures per point, seed ${p.seed}`;
  const tables = run.outcomes.map((o) => {
    const unit = o.share ? 'share of futures' : 'rungs';
    const rows = o.rows.map((r) => [r.rank, r.factor.label, r.factor.match, r.factor.members.length, r.muStar, r.mu, r.sigma]);
    return `${o.label} (${unit} per prior range)\n${renderTable({ columns: ['rank', 'factor', 'rule', 'parameters', 'mu*', 'mu', 'sigma'], rows })}\n`;
  });
  return `${title}\n\n${tables.join('\n')}`;
}

const pointOutcomes = (outcomes: readonly MorrisOutcome[], s: ForecastSummary) => Object.fromEntries(outcomes.map((o) => [o.id, readOutcome(s, o.id).value]));

interface TornadoRun {
  /** Forecasts run: the base and every side the format accepts. */
  readonly forecasts: number;
  readonly list: readonly Perturbation[];
  readonly outcomes: readonly TornadoOutcome[];
}

/** The one-at-a-time tornado: the base and each candidate parameter 20% lower and higher (a side the format refuses is the base). */
async function runTornado(scenario: Scenario, o: Omit<MorrisOptions, 'trajectories'>, io: Io): Promise<TornadoRun> {
  const list = perturbations(scenario);
  const sides = tornadoSides(scenario, list);
  const items = [scenario, ...sides.map((x) => x.scenario)].map((s) => ({ scenario: s, strategies: o.strategies }));
  const [base, ...summaries] = await runBatch(items, { runs: o.runs, seed: o.seed, turns: o.turns, threads: o.threads }, io, 'tornado');
  return { forecasts: items.length, list, outcomes: tornadoOutcomes(list, sides, base!, summaries) };
}

function renderTornado(format: Format, scenario: Scenario, p: RunProvenance, run: TornadoRun): string {
  if (format === 'csv') return renderCsv(tornadoTable(p, run.list, run.outcomes));
  if (format === 'json') return renderJson({ provenance: { ...p, method: 'tornado', share: 0.2 }, outcomes: run.outcomes.map((o) => ({ id: o.id, label: o.label, bars: o.bars })) });
  const title = `${scenario.title}: one-at-a-time sensitivity, ${run.list.length} parameters each 20% lower and higher, ${p.runs} futures per run, seed ${p.seed}`;
  const tables = run.outcomes.map((o) => {
    const rows = o.bars.map((b, i) => [i + 1, b.label, b.low, b.base, b.high, b.swing]);
    return `${o.label}\n${renderTable({ columns: ['rank', 'parameter', '20% lower', 'base', '20% higher', 'swing'], rows })}\n`;
  });
  return `${title}\n\n${tables.join('\n')}`;
}

function methodOption(value: string | undefined): Method {
  if (value === undefined) return 'morris';
  if (!(methods as readonly string[]).includes(value)) throw new UsageError(`--method expects one of ${methods.join(', ')}, got "${value}"`);
  return value as Method;
}

export async function sensitivityCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(sensitivitySpec, args, io);
  if (!parsed) return 0;
  const { values: v, positionals } = parsed;
  const { scenario } = loadScenario(positionals[0] ?? 'march-2021');
  const method = methodOption(v.method);
  if (method === 'tornado' && v.trajectories !== undefined) throw new UsageError('--trajectories is for --method morris');
  const trajectories = intOption(v.trajectories, 'trajectories', 10, 2, MAX_TRAJECTORIES);
  const runs = intOption(v.runs, 'runs', MORRIS_RUNS, 1, 1_000_000);
  const seed = intOption(v.seed, 'seed', 1, 0, MAX_SEED);
  const turns = v.turns === undefined ? undefined : intOption(v.turns, 'turns', scenario.defaultTurns, 1, MAX_WEEKS);
  const threads = threadsOption(v.threads, io, runs);
  const format = formatOption(v.format);
  const strategies: Record<string, StrategyId> = policyOptions(scenario, v.policy);
  const state = initialState(scenario, seed, scenario.defaultTurns);
  const p = runProvenance(scenario, { seed, runs, turns: turns ?? forecastTurns(state, { runs, seed }), startTurn: state.turn, strategies, parameters: {}, from: null, ...generatedDate(v['no-date']) });
  const started = performance.now();
  let what: string;
  if (method === 'tornado') {
    const run = await runTornado(scenario, { runs, seed, turns, threads, strategies }, io);
    io.out(renderTornado(format, scenario, p, run));
    what = `${run.forecasts} runs`;
  } else {
    const run = await runMorris(scenario, { trajectories, runs, seed, turns, threads, strategies }, io);
    io.out(renderMorris(format, scenario, p, run));
    what = `${run.summaries.length} points (${trajectories} trajectories of ${run.factors.length + 1})`;
  }
  io.err(`${what} of ${runs} futures in ${((performance.now() - started) / 1000).toFixed(2)} s\n`);
  return 0;
}
