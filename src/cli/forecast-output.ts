/** What `forecast` (and `merge`, which must print the same) writes for a summary, in each format. */
import type { ForecastSummary, WeekSummary } from '../engine/summary';
import type { Scenario } from '../scenario/schema';
import { renderCsv, renderJson, renderTable, type Cell, type Format, type Table } from './format';
import { provenanceCells, provenanceColumns, type RunProvenance } from './provenance';

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

const weekColumns = (phases: readonly string[]) => [
  'week',
  'date',
  'escalation_p5',
  'escalation_p25',
  'escalation_median',
  'escalation_p75',
  'escalation_p95',
  'talks_alive',
  'talks_alive_lo95',
  'talks_alive_hi95',
  'escalation_mean',
  ...phases.map((p) => `talks_${p}`),
];

function weekCells(w: WeekSummary, phases: readonly string[]): Cell[] {
  const e = w.escalation;
  return [w.turn, w.date, e.p5, e.p25, e.p50, e.p75, e.p95, w.alive.estimate, w.alive.lo, w.alive.hi, w.escalationMean, ...phases.map((p) => w.phases[p] ?? 0)];
}

/** One row per week, provenance first: the columns of the app's forecast export. */
export function forecastCsvTable(scenario: Scenario, s: ForecastSummary, p: RunProvenance): Table {
  const phases = scenario.talks.phases.map((x) => x.id);
  const meta = provenanceCells(p);
  return { columns: [...provenanceColumns, ...weekColumns(phases)], rows: s.weeks.map((w) => [...meta, ...weekCells(w, phases)]) };
}

/** `a=1 b=2`, or nothing. */
export function parameterLine(parameters: Readonly<Record<string, number>>): string {
  const list = Object.entries(parameters).map(([k, v]) => `${k}=${v}`);
  return list.length > 0 ? `Parameters: ${list.join(' ')}\n` : '';
}

/** The forecast's stdout in `format`. */
export function renderForecast(format: Format, scenario: Scenario, s: ForecastSummary, p: RunProvenance): string {
  if (format === 'json') return renderJson({ provenance: p, summary: s });
  if (format === 'csv') return renderCsv(forecastCsvTable(scenario, s, p));
  const rungs: Table = { columns: ['final rung', 'share'], rows: s.finalRungs.map((r) => [`${r.level} ${r.name}`, r.share]) };
  return [
    `${scenario.title}: ${s.runs} futures of ${s.turns} weeks from week ${s.startTurn}, seed ${s.seed}\n${parameterLine(p.parameters)}\n`,
    `${renderTable(weeklyTable(s))}\n\n${renderTable(outcomesTable(s))}\n\n`,
    `${renderTable(rungs)}\n`,
  ].join('');
}
