/** What `forecast` (and `merge`, which must print the same) writes for a summary, in each format. */
import type { ForecastSummary } from '../engine/summary';
import { forecastTable, type RunProvenance } from '../analysis/exports';
import type { Scenario } from '../scenario/schema';
import { renderCsv, renderJson, renderTable, type Format, type Table } from './format';

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

/** `a=1 b=2`, or nothing. */
export function parameterLine(parameters: Readonly<Record<string, number>>): string {
  const list = Object.entries(parameters).map(([k, v]) => `${k}=${v}`);
  return list.length > 0 ? `Parameters: ${list.join(' ')}\n` : '';
}

/** The forecast's stdout in `format`. */
export function renderForecast(format: Format, scenario: Scenario, s: ForecastSummary, p: RunProvenance): string {
  if (format === 'json') return renderJson({ provenance: p, summary: s });
  if (format === 'csv') return renderCsv(forecastTable(scenario, s, p));
  const rungs: Table = { columns: ['final rung', 'share'], rows: s.finalRungs.map((r) => [`${r.level} ${r.name}`, r.share]) };
  return [
    `${scenario.title}: ${s.runs} futures of ${s.turns} weeks from week ${s.startTurn}, seed ${s.seed}\n${parameterLine(p.parameters)}\n`,
    `${renderTable(weeklyTable(s))}\n\n${renderTable(outcomesTable(s))}\n\n`,
    `${renderTable(rungs)}\n`,
  ].join('');
}
