/** What `forecast` (and `merge`, which must print the same) writes for a summary, in each format. */
import type { ForecastSummary } from '../engine/summary';
import { forecastOutcomesTable, forecastTable, outcomeMeasures, type RunProvenance } from '../analysis/exports';
import type { Scenario } from '../scenario/schema';
import { renderCsv, renderJson, renderTable, type Format, type Table } from './format';

/** Tidy weekly rows: one per week, escalation percentiles and the talks-alive share with its interval. */
export function weeklyTable(s: ForecastSummary): Table {
  return {
    columns: ['week', 'date', 'escalation p5', 'p25', 'median', 'p75', 'p95', 'talks alive', 'alive lo95', 'alive hi95'],
    rows: s.weeks.map((w) => [w.turn, w.date, w.escalation.p5, w.escalation.p25, w.escalation.p50, w.escalation.p75, w.escalation.p95, w.alive.estimate, w.alive.lo, w.alive.hi]),
  };
}

/** The outcomes as text: every measure of the outcomes CSV (outcomeMeasures), with the model range when there is one. */
export function outcomesTable(s: ForecastSummary): Table {
  const list = outcomeMeasures(s);
  if (s.sets === 0) return { columns: ['outcome', 'value', 'lo95', 'hi95'], rows: list.map((m) => [m.label, m.value, m.lo, m.hi]) };
  return {
    columns: ['outcome', 'value', 'chance lo95', 'chance hi95', 'model lo90', 'model hi90'],
    rows: list.map((m) => [m.label, m.value, m.lo, m.hi, m.modelLo, m.modelHi]),
  };
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The headline in words: talks alive at the end, with the chance interval and, with an ensemble, the model range. */
export function headlineLine(scenario: Scenario, s: ForecastSummary): string {
  const alive = s.outcomes.find((o) => o.id === 'talks-alive');
  if (!alive || alive.lo === null || alive.hi === null) return '';
  const chance = `chance ${pct(alive.lo)}–${pct(alive.hi)}`;
  const model = alive.modelLo != null && alive.modelHi != null ? ` — model range ${pct(alive.modelLo)}–${pct(alive.modelHi)} across ${s.sets} calibrated parameter sets` : ' (the scenario\'s own values: no model range)';
  return `${scenario.talks.label} alive after week ${s.startTurn + s.turns}: ${pct(alive.value)} (${chance})${model}\n`;
}

/** `a=1 b=2`, or nothing. */
export function parameterLine(parameters: Readonly<Record<string, number>>): string {
  const list = Object.entries(parameters).map(([k, v]) => `${k}=${v}`);
  return list.length > 0 ? `Parameters: ${list.join(' ')}\n` : '';
}

/** The CSV tables of a forecast: the weeks (the default) or the outcomes. */
export const csvTables = ['weeks', 'outcomes'] as const;
export type CsvTable = (typeof csvTables)[number];

/** The forecast's stdout in `format`; `table` picks the CSV's table. */
export function renderForecast(format: Format, scenario: Scenario, s: ForecastSummary, p: RunProvenance, table: CsvTable = 'weeks'): string {
  if (format === 'json') return renderJson({ provenance: p, summary: s });
  if (format === 'csv') return renderCsv(table === 'outcomes' ? forecastOutcomesTable(s, p) : forecastTable(scenario, s, p));
  const rungs: Table = { columns: ['final rung', 'share'], rows: s.finalRungs.map((r) => [`${r.level} ${r.name}`, r.share]) };
  return [
    `${scenario.title}: ${s.runs} futures of ${s.turns} weeks from week ${s.startTurn}, seed ${s.seed}\n${parameterLine(p.parameters)}${headlineLine(scenario, s)}\n`,
    `${renderTable(weeklyTable(s))}\n\n${renderTable(outcomesTable(s))}\n\n`,
    `${renderTable(rungs)}\n`,
  ].join('');
}
