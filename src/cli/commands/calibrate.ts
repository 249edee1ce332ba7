/**
 * `calibrate`: the calibration report. Part 1 replays the record (every actor on `historical`) and
 * correlates the engine's escalation with the record's Goldstein-weighted weekly series; part 2
 * plays the same period with the AI many times and holds the model's base rates to the record's;
 * part 3 holds the forecast scenario's own AI games to the rates just before its start; part 4 tests
 * the brief's claims as propositions; part 5 ranks the ten parameters that move the forecast
 * scenario's outcomes most.
 * Part 6 screens the forecast scenario's priors globally (Morris elementary effects, one factor per prior rule).
 * Part 7 is the out-of-sample back-test of the record split at 2020-09-30 (src/analysis/oos-backtest.ts).
 */
import { writeFileSync } from 'node:fs';
import { baseRates, passes, pearson, recordSeries, type RateEstimate } from '../../engine/backtest';
import { dateOfTurn } from '../../engine/compile';
import { initialState, type GameState } from '../../engine/state';
import { summarize } from '../../engine/summary';
import { MAX_SEED } from '../../scenario/limits';
import { withParameters } from '../../scenario/parameters';
import { backtestSection, DEFAULT_FIT, DEFAULT_SPLIT, oosBacktest } from '../../analysis/oos-backtest';
import { ensembleJudgements } from '../../analysis/ensemble';
import { testPropositions, type PropositionResult } from '../../analysis/propositions';
import type { CalibrationTarget, Scenario, StrategyId } from '../../scenario/schema';
import { finalEscalation, perturbations, talksAlive, tornado, type TornadoBar } from '../../analysis/sensitivity';
import { intOption, threadsOption, UsageError } from '../args';
import { defineCommand, parseCommand } from '../options';
import { progressBar, type Io } from '../io';
import { loadScenario } from '../load';
import { parallelForecast, WorkerPool } from '../parallel';
import { playGame } from './play';
import { MORRIS_RUNS, morrisTables } from './sensitivity';
import { grouped } from '../../scenario/numbers';

const all = (s: Scenario, strategy: StrategyId) => Object.fromEntries(s.actors.map((a) => [a.id, strategy]));
const f2 = (x: number) => (!Number.isFinite(x) ? 'n/a' : Math.abs(x) < 0.1 && x !== 0 ? x.toFixed(3) : x.toFixed(2));
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

/** Part 1: the record replayed; returns the report's lines and the two series. */
export function replayRecord(s: Scenario): { r: number; record: number[]; engine: number[]; states: GameState[] } {
  const { states } = playGame(s, 1, s.defaultTurns, all(s, 'historical'));
  const engine = states.slice(1).map((x) => x.escalation);
  const record = recordSeries(s, engine.length);
  return { r: pearson(record, engine), record, engine, states };
}

/** Part 2: the period played `games` times by the AI's doctrines, seeds `seed` .. `seed + games - 1`. */
export function playedRates(s: Scenario, games: number, seed: number): RateEstimate[] {
  const played = Array.from({ length: games }, (_, i) => playGame(s, seed + i, s.defaultTurns, all(s, 'doctrine')).states);
  return baseRates(s, played);
}

/** A small SVG line chart of the two weekly series, for the report page. */
function seriesSvg(s: Scenario, record: readonly number[], engine: readonly number[]): string {
  const w = 720;
  const h = 220;
  const pad = 32;
  const n = engine.length;
  const x = (i: number) => pad + ((w - 2 * pad) * i) / Math.max(1, n - 1);
  const top = s.ladder.length - 1;
  const maxRecord = Math.max(1, ...record);
  const line = (ys: readonly number[], scale: number) => ys.map((y, i) => `${x(i).toFixed(1)},${(h - pad - ((h - 2 * pad) * y) / scale).toFixed(1)}`).join(' ');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="sans-serif" font-size="11">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
    `<line x1="${pad}" y1="${h - pad}" x2="${w - pad}" y2="${h - pad}" stroke="#9ca3af"/>`,
    `<polyline fill="none" stroke="#9ca3af" stroke-width="1.5" points="${line(record, maxRecord)}"/>`,
    `<polyline fill="none" stroke="#0072B2" stroke-width="2.5" points="${line(engine, top)}"/>`,
    `<text x="${pad}" y="14" fill="#0072B2">engine escalation (0-${top})</text>`,
    `<text x="${pad + 200}" y="14" fill="#6b7280">record: weekly conflict intensity (scaled to its peak, ${maxRecord.toFixed(1)})</text>`,
    `<text x="${pad}" y="${h - 8}" fill="#374151">${s.startDate}</text>`,
    `<text x="${w - pad - 70}" y="${h - 8}" fill="#374151">${dateOfTurn(s, n)}</text>`,
    '</svg>',
    '',
  ].join('\n');
}

interface RateRow {
  readonly t: CalibrationTarget;
  readonly e: RateEstimate | undefined;
  readonly ok: boolean;
}

/** The base rates of `games` AI games of `s` against its calibration targets. */
function rateRows(s: Scenario, games: number, seed: number): RateRow[] {
  const rates = playedRates(s, games, seed);
  return (s.calibration?.targets ?? []).map((t) => {
    const e = rates.find((r) => r.id === t.id);
    return { t, e, ok: passes(t, e) };
  });
}

function rateTable(rows: readonly RateRow[]): string[] {
  return [
    '| measure | record | band | model (95% interval) | n | result |',
    '|---|---|---|---|---|---|',
    ...rows.map(
      ({ t, e, ok }) =>
        `| ${t.label} | ${f2(t.value)} | ${f2(t.lo)} – ${f2(t.hi)} | ${e ? `${f3(e.value)} (${f3(e.lo)} – ${f3(e.hi)})` : 'n/a'} | ${e?.n ?? 0} | ${ok ? 'pass' : '**FAIL**'} |`,
    ),
    '',
    `Sources: ${[...new Set(rows.map((r) => r.t.source))].join('; ')}.`,
  ];
}

/** The brief's propositions (docs/propositions.md) as a table of checks, each with its band and result. */
function propositionTable(results: readonly PropositionResult[], runs: number, seed: number): string[] {
  const pct = (x: number) => (Math.abs(x) < 10 ? x.toFixed(3) : x.toFixed(1));
  return [
    `Each proposition runs seeded experiments of ${grouped(runs)} futures from the start of March 2021 (seed ${seed}); a proposition passes when every check falls in its band. Claims, quotes and the reasons for the bands: [propositions.md](propositions.md).`,
    '',
    '| proposition | check | measured | band | result |',
    '|---|---|---|---|---|',
    ...results.flatMap((r) => r.checks.map((c, i) => `| ${i === 0 ? `**${r.id}**` : ''} | ${c.label} | ${pct(c.value)} | ${pct(c.lo)} – ${pct(c.hi)} | ${c.pass ? 'pass' : '**FAIL**'} |`)),
  ];
}

function tornadoRow(b: TornadoBar, width: number, format: (x: number) => string): string {
  const cells = Math.round(width * Math.min(1, b.swing));
  return `| ${b.label} | ${format(b.low)} | ${format(b.high)} | ${'█'.repeat(Math.max(1, cells))} |`;
}

/** Part 3: the tornado of the forecast scenario, on `threads` threads. */
async function sensitivityTables(s: Scenario, runs: number, threads: number, io: Io): Promise<string[]> {
  const options = { runs, seed: 1 };
  const list = perturbations(s);
  const bar = progressBar(io, (list.length * 2 + 1) * runs, 'sensitivity');
  const pool = threads > 1 ? new WorkerPool(threads) : null;
  let done = 0;
  const at = async (scenario: Scenario) => {
    const tally = await parallelForecast(scenario, initialState(scenario, 1), options, pool ?? 1, (d) => bar.update(done + d));
    done += runs;
    return summarize(scenario, tally);
  };
  try {
    const base = await at(s);
    const pairs = [];
    for (const p of list) {
      const low = withParameters(s, { [p.path]: p.low });
      const high = withParameters(s, { [p.path]: p.high });
      pairs.push({ p, low: low.ok ? await at(low.value) : base, high: high.ok ? await at(high.value) : base });
    }
    bar.finish();
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    const talks = tornado(base, pairs, talksAlive);
    const esc = tornado(base, pairs, finalEscalation);
    return [
      `Scenario \`${s.id}\` from its start, ${runs} futures per run, seed 1; each parameter 20% lower and higher. Base: talks alive ${pct(talksAlive(base))}, mean final escalation ${f2(finalEscalation(base))}.`,
      '',
      '**Talks alive at the end**',
      '',
      '| parameter | 20% lower | 20% higher | swing |',
      '|---|---|---|---|',
      ...talks.map((b) => tornadoRow(b, 40, pct)),
      '',
      '**Mean final escalation**',
      '',
      '| parameter | 20% lower | 20% higher | swing |',
      '|---|---|---|---|',
      ...esc.map((b) => tornadoRow({ ...b, swing: b.swing / 2 }, 40, f2)),
    ];
  } finally {
    await pool?.close();
  }
}

export const calibrateSpec = defineCommand({
  name: 'calibrate',
  args: '[scenario]',
  summary: 'the calibration report: the record replayed (correlation), base rates of AI games against the record\'s (pass/fail), the propositions, sensitivity and the back-test',
  options: {
    games: { type: 'string', value: 'N', description: 'AI games for the base rates (default 500)' },
    seed: { type: 'string', value: 'N', description: 'the seed (default 1)' },
    forecast: { type: 'string', value: 'scenario', description: 'the scenario forecast from the record (default march-2021)' },
    'sensitivity-runs': { type: 'string', value: 'N', description: 'futures per run of the one-at-a-time sensitivity (default 400; 0 skips it)' },
    'morris-trajectories': { type: 'string', value: 'N', description: 'trajectories of the Morris screening over the priors (default 8; 0 skips it)' },
    'proposition-runs': { type: 'string', value: 'N', description: 'futures per proposition test (default 2000; 0 skips them)' },
    'backtest-runs': { type: 'string', value: 'N', description: 'futures of the out-of-sample back-test (default 2000; 0 skips it)' },
    threads: { type: 'string', value: 'N', description: 'worker threads (default: one per core)' },
    out: { type: 'string', value: 'report.md', description: 'write the report to a file instead of stdout' },
    svg: { type: 'string', value: 'chart.svg', description: "write the record's replay as an SVG chart" },
  },
  notes: ['The scenario defaults to road-to-march-2021 (the record).'],
});

export async function calibrateCommand(args: readonly string[], io: Io): Promise<number> {
  const parsed = parseCommand(calibrateSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const { scenario } = loadScenario(positionals[0] ?? 'road-to-march-2021');
  if (!scenario.calibration || scenario.history.length === 0) {
    throw new UsageError(`scenario "${scenario.id}" has no record (history) and calibration targets to test against`);
  }
  const games = intOption(values.games, 'games', 500, 10, 100_000);
  const seed = intOption(values.seed, 'seed', 1, 0, MAX_SEED);
  const sensitivityRuns = intOption(values['sensitivity-runs'], 'sensitivity-runs', 400, 0, 100_000);
  const morrisTrajectories = intOption(values['morris-trajectories'], 'morris-trajectories', 8, 0, 1000);
  if (morrisTrajectories === 1) throw new UsageError('--morris-trajectories expects 0 (to skip it) or at least 2: σ needs two trajectories');
  const propositionRuns = intOption(values['proposition-runs'], 'proposition-runs', 2000, 0, 1_000_000);
  const backtestRuns = intOption(values['backtest-runs'], 'backtest-runs', 2000, 0, 100_000);
  // Only the sensitivity tornado and the Morris screening run on threads; with no tornado, the runs set no bound.
  const threads = threadsOption(values.threads, io, sensitivityRuns > 0 ? sensitivityRuns : undefined);
  const { scenario: forecastScenario } = loadScenario(values.forecast ?? 'march-2021');

  const part1 = replayRecord(scenario);
  const rows = rateRows(scenario, games, seed);
  const forecastRows = forecastScenario.calibration ? rateRows(forecastScenario, games, seed) : [];
  const results = propositionRuns > 0 ? testPropositions(forecastScenario, { runs: propositionRuns, seed: 2021 }) : [];
  for (const r of results) io.err(`proposition ${r.id}: ${r.pass ? 'pass' : 'FAIL'}\n`);
  const lines = [
    '# Calibration report',
    '',
    `Generated by \`npm run calibrate\` (scenario \`${scenario.id}\`, ${games} AI games from seed ${seed}). Every number here is recomputed from the scenario files; the targets come from the record up to 2021-03-09 (\`data/rates.md\`).`,
    '',
    '## 1. The record replayed',
    '',
    `Every actor plays \`historical\`: the real moves of the record, week by week. The engine's escalation index is set against the record's Goldstein-weighted weekly series (the sum of -Goldstein/10 over the week's events).`,
    '',
    `**Pearson's r = ${f3(part1.r)}** over ${part1.engine.length} weeks.`,
    '',
    values.svg ? `![engine escalation against the record](${values.svg.split('/').pop()})` : '',
    '',
    '<details><summary>The two series, week by week</summary>',
    '',
    '| week | date | record intensity | engine escalation |',
    '|---|---|---|---|',
    ...part1.engine.map((e, i) => `| ${i + 1} | ${dateOfTurn(scenario, i)} | ${f2(part1.record[i]!)} | ${f2(e)} |`),
    '',
    '</details>',
    '',
    '## 2. Base rates: the AI against the record',
    '',
    `The same period played ${games} times with every actor on its doctrine. Each row: the record's value, the band the model must fall in, the model's value with its 95% interval, and whether it passes.`,
    '',
    ...rateTable(rows),
    '',
  ];
  if (forecastRows.length > 0) {
    lines.push(
      `## 3. The forecast from ${forecastScenario.startDate}: base rates`,
      '',
      `Scenario \`${forecastScenario.id}\` played ${games} times from its start with every actor on its doctrine, against the record's rates for the weeks just before the start.`,
      '',
      ...rateTable(forecastRows),
      '',
    );
  }
  if (results.length > 0) lines.push("## 4. The brief's claims as propositions", '', ...propositionTable(results, propositionRuns, 2021), '');
  if (sensitivityRuns > 0) {
    lines.push('## 5. Sensitivity: the ten parameters that matter most', '', ...(await sensitivityTables(forecastScenario, sensitivityRuns, threads, io)), '');
  }
  if (morrisTrajectories > 0) {
    const morris = await morrisTables(forecastScenario, { trajectories: morrisTrajectories, runs: MORRIS_RUNS, seed: 1, threads }, io);
    lines.push('## 6. Global sensitivity (Morris screening over the priors)', '', ...morris, '');
  }
  if (backtestRuns > 0) {
    const backtest = oosBacktest(scenario, { runs: backtestRuns, seed, split: DEFAULT_SPLIT, priors: ensembleJudgements(forecastScenario), fit: DEFAULT_FIT });
    if (backtest.ok) lines.push(...backtestSection(backtest.value));
    else io.err(`backtest: ${backtest.error.message}; section 7 left out\n`);
  }
  const text = `${lines.join('\n')}\n`;
  if (values.out) writeFileSync(values.out, text);
  if (values.svg) writeFileSync(values.svg, seriesSvg(scenario, part1.record, part1.engine));
  io.out(text);
  return [...rows, ...forecastRows].every((r) => r.ok) && results.every((r) => r.pass) ? 0 : 1;
}
