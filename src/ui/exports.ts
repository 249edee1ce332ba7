/**
 * Exports of forecast results: tidy CSV (one row per week, provenance repeated as leading columns
 * so the file opens in a spreadsheet as it is) and JSON with a provenance block.
 */
import Papa from 'papaparse';
import { version } from '../../package.json';
import type { ForecastSummary } from '../engine/summary';
import type { Scenario } from '../scenario/schema';

export interface Provenance {
  readonly app: 'deterrence-lab';
  readonly version: string;
  readonly scenario: string;
  readonly schemaVersion: number;
  readonly seed: number;
  readonly runs: number;
  readonly startTurn: number;
  readonly strategies: Readonly<Record<string, string>>;
  readonly parameters: Readonly<Record<string, number>>;
  /** When the file was made (ISO 8601). */
  readonly date: string;
}

export function provenanceOf(scenario: Scenario, summary: ForecastSummary, date: string, parameters: Record<string, number> = {}): Provenance {
  return {
    app: 'deterrence-lab',
    version,
    scenario: scenario.id,
    schemaVersion: scenario.schemaVersion,
    seed: summary.seed,
    runs: summary.runs,
    startTurn: summary.startTurn,
    strategies: summary.strategies,
    parameters,
    date,
  };
}

function provenanceColumns(p: Provenance): Record<string, string | number> {
  return {
    app_version: p.version,
    scenario: p.scenario,
    schema_version: p.schemaVersion,
    seed: p.seed,
    runs: p.runs,
    start_week: p.startTurn,
    strategies: Object.entries(p.strategies).map(([a, s]) => `${a}=${s}`).join(' '),
    parameters: Object.entries(p.parameters).map(([k, v]) => `${k}=${v}`).join(' '),
    generated: p.date,
  };
}

/** The columns of one forecast week, shared by every export. */
function weekColumns(w: ForecastSummary['weeks'][number]): Record<string, string | number> {
  return {
    week: w.turn,
    date: w.date,
    escalation_p5: w.escalation.p5,
    escalation_p25: w.escalation.p25,
    escalation_median: w.escalation.p50,
    escalation_p75: w.escalation.p75,
    escalation_p95: w.escalation.p95,
    talks_alive: w.alive.estimate,
    talks_alive_lo95: w.alive.lo,
    talks_alive_hi95: w.alive.hi,
    escalation_mean: w.escalationMean,
    ...Object.fromEntries(Object.entries(w.phases).map(([phase, share]) => [`talks_${phase}`, share])),
  };
}

/** One row per week: escalation percentiles and the talks-alive share with its interval. */
export function forecastCsv(summary: ForecastSummary, p: Provenance): string {
  const meta = provenanceColumns(p);
  return `${Papa.unparse(summary.weeks.map((w) => ({ ...meta, ...weekColumns(w) })), { newline: '\n' })}\n`;
}

export interface LabelledSummary {
  readonly label: string;
  /** What sets this set-up apart (strategies, parameter values), one column each. */
  readonly key: Readonly<Record<string, string | number>>;
  readonly summary: ForecastSummary;
  readonly provenance: Provenance;
}

/** Tidy rows for a batch (compare, tournament, sweep): one row per set-up per week. */
export function batchCsv(items: readonly LabelledSummary[]): string {
  const rows = items.flatMap((i) =>
    i.summary.weeks.map((w) => ({ ...provenanceColumns(i.provenance), setup: i.label, ...i.key, ...weekColumns(w) })),
  );
  return `${Papa.unparse(rows, { newline: '\n' })}\n`;
}

export function batchJson(items: readonly LabelledSummary[]): string {
  return `${JSON.stringify(items.map((i) => ({ provenance: i.provenance, setup: i.label, key: i.key, summary: i.summary })), null, 2)}\n`;
}

export function forecastJson(summary: ForecastSummary, p: Provenance): string {
  return `${JSON.stringify({ provenance: p, summary }, null, 2)}\n`;
}

export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}
