/**
 * What a forecast's exports say, written once for the app and the CLI: the provenance (enough to run
 * the result again), and the tidy tables of a forecast and of a batch. JSON carries the provenance as
 * a block; CSV repeats it as leading columns on every row, so the file opens in a spreadsheet as it is
 * and a row keeps its provenance when filtered or pasted elsewhere.
 */
import Papa from 'papaparse';
import pkg from '../../package.json' with { type: 'json' };
import type { ForecastSummary, OutcomeRow, WeekSummary } from '../engine/summary';
import { getParameter } from '../scenario/parameters';
import type { Scenario, StrategyId } from '../scenario/schema';
import type { PairedDifference } from './paired';

export type Cell = string | number | null;
export interface Table {
  readonly columns: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/** RFC 4180 CSV with a header row and full-precision numbers; an empty cell for `null`. */
export function csvText(t: Table): string {
  return `${Papa.unparse({ fields: [...t.columns], data: t.rows.map((r) => r.map((c) => (c === null ? '' : c))) }, { newline: '\n' })}\n`;
}

export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export interface Provenance {
  readonly app: string;
  readonly version: string;
  readonly scenario: string;
  readonly schemaVersion: number;
  readonly seed: number;
  readonly [key: string]: unknown;
}

export function provenance(scenario: Scenario, seed: number, extra: Record<string, unknown> = {}): Provenance {
  return { app: pkg.name, version: pkg.version, scenario: scenario.id, schemaVersion: scenario.schemaVersion, seed, ...extra };
}

/** What a forecast (or each forecast of a tournament, sweep or comparison) was run with. */
export interface RunSetup {
  readonly seed: number;
  readonly runs: number;
  readonly turns: number;
  readonly startTurn: number;
  readonly strategies: Readonly<Record<string, StrategyId>>;
  /** Parameter overrides by path (`--set`, a sweep's values). */
  readonly parameters: Readonly<Record<string, number>>;
  /** The saved game the futures start from, if any. */
  readonly from: string | null;
  /** When the output was made (ISO 8601); absent when output must compare byte for byte. */
  readonly generated?: string;
  /** The parameter ensemble the futures drew from (its id); absent or null for the scenario's own values. */
  readonly ensemble?: string | null;
}

export type RunProvenance = Provenance & RunSetup;

/** The provenance block of a forecast; keys in a fixed order, so equal inputs give equal JSON. */
export function runProvenance(scenario: Scenario, r: RunSetup): RunProvenance {
  return {
    ...provenance(scenario, r.seed),
    runs: r.runs,
    turns: r.turns,
    startTurn: r.startTurn,
    strategies: r.strategies,
    parameters: r.parameters,
    from: r.from,
    ensemble: r.ensemble ?? null,
    ...(r.generated === undefined ? {} : { generated: r.generated }),
  };
}

/** The provenance of a summary's forecast: its seed, runs, weeks, start and strategies. */
export function summaryProvenance(scenario: Scenario, s: ForecastSummary, extra: Pick<RunSetup, 'parameters' | 'from' | 'generated'>): RunProvenance {
  return runProvenance(scenario, { seed: s.seed, runs: s.runs, turns: s.turns, startTurn: s.startTurn, strategies: s.strategies as Record<string, StrategyId>, ensemble: s.ensemble, ...extra });
}

const pairs = (o: Readonly<Record<string, string | number>>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

export const provenanceColumns = ['app_version', 'scenario', 'schema_version', 'seed', 'runs', 'start_week', 'weeks', 'from', 'strategies', 'parameters', 'ensemble', 'generated'] as const;

/** The leading CSV cells of a row, in the order of `provenanceColumns`. */
export function provenanceCells(p: RunProvenance): Cell[] {
  return [p.version, p.scenario, p.schemaVersion, p.seed, p.runs, p.startTurn, p.turns, p.from ?? '', pairs(p.strategies), pairs(p.parameters), p.ensemble ?? '', p.generated ?? ''];
}

function weekColumns(phases: readonly string[]): string[] {
  const escalation = ['p5', 'p25', 'median', 'p75', 'p95'].map((q) => `escalation_${q}`);
  return ['week', 'date', ...escalation, 'talks_alive', 'talks_alive_lo95', 'talks_alive_hi95', 'talks_alive_model_lo90', 'talks_alive_model_hi90', 'escalation_mean', ...phases.map((p) => `talks_${p}`)];
}

function weekCells(w: WeekSummary, phases: readonly string[]): Cell[] {
  const e = w.escalation;
  return [w.turn, w.date, e.p5, e.p25, e.p50, e.p75, e.p95, w.alive.estimate, w.alive.lo, w.alive.hi, w.aliveModel?.lo ?? null, w.aliveModel?.hi ?? null, w.escalationMean, ...phases.map((p) => w.phases[p] ?? 0)];
}

const phaseIds = (scenario: Scenario) => scenario.talks.phases.map((x) => x.id);

/** One row per week, provenance first: escalation percentiles and the talks-alive share with its interval. */
export function forecastTable(scenario: Scenario, s: ForecastSummary, p: RunProvenance): Table {
  const phases = phaseIds(scenario);
  const meta = provenanceCells(p);
  return { columns: [...provenanceColumns, ...weekColumns(phases)], rows: s.weeks.map((w) => [...meta, ...weekCells(w, phases)]) };
}

export function forecastJson(s: ForecastSummary, p: RunProvenance): string {
  return jsonText({ provenance: p, summary: s });
}

/** One forecast of a batch (a comparison, tournament or sweep in the app). */
export interface LabelledSummary {
  readonly label: string;
  /** What sets this set-up apart (strategies, parameter values), one column each. */
  readonly key: Readonly<Record<string, string | number>>;
  readonly summary: ForecastSummary;
  readonly provenance: RunProvenance;
  /** Paired differences from the batch's first set-up, by measure id (see paired.ts); absent for the first. */
  readonly differences?: Readonly<Record<string, PairedDifference>>;
}

/** A set-up of a batch as it was run, for `labelledSummaries`. */
export interface BatchSetUp {
  readonly label: string;
  /** The scenario it ran on (with its parameter changes applied). */
  readonly scenario: Scenario;
  readonly key: Readonly<Record<string, string | number>>;
  /** Its parameter changes by path: what its `parameters` cell names. */
  readonly parameters: Readonly<Record<string, number>>;
  readonly summary: ForecastSummary;
  readonly differences?: Readonly<Record<string, PairedDifference>>;
}

/**
 * A batch's set-ups as export rows, each naming its full configuration: a parameter changed in any
 * set-up is a key of every set-up, holding the value it ran with (its scenario's own where it did
 * not change it), and each one's provenance names its own changes.
 */
export function labelledSummaries(setUps: readonly BatchSetUp[], extra: Pick<RunSetup, 'from' | 'generated'>): LabelledSummary[] {
  const changed = [...new Set(setUps.flatMap((s) => Object.keys(s.parameters)))];
  return setUps.map((s) => ({
    label: s.label,
    key: { ...s.key, ...Object.fromEntries(changed.map((path) => [path, s.parameters[path] ?? getParameter(s.scenario, path) ?? ''])) },
    summary: s.summary,
    provenance: summaryProvenance(s.scenario, s.summary, { parameters: s.parameters, ...extra }),
    ...(s.differences ? { differences: s.differences } : {}),
  }));
}

/** The key columns of a batch: every key of any set-up, in order of first appearance. */
const keyColumns = (items: readonly LabelledSummary[]) => [...new Set(items.flatMap((i) => Object.keys(i.key)))];

/** Tidy rows for a batch: one row per set-up per week, with a column for each key of any set-up. */
export function batchTable(scenario: Scenario, items: readonly LabelledSummary[]): Table {
  const phases = phaseIds(scenario);
  const keys = keyColumns(items);
  return {
    columns: [...provenanceColumns, 'setup', ...keys, ...weekColumns(phases)],
    rows: items.flatMap((i) => i.summary.weeks.map((w) => [...provenanceCells(i.provenance), i.label, ...keys.map((k) => i.key[k] ?? null), ...weekCells(w, phases)])),
  };
}

export function batchJson(items: readonly LabelledSummary[]): string {
  return jsonText(items.map((i) => ({ provenance: i.provenance, setup: i.label, key: i.key, summary: i.summary, ...(i.differences ? { differences: i.differences } : {}) })));
}

/** One outcome of a forecast as a row of the outcomes table: the summary's row, its model interval always named (null without an ensemble). */
export type OutcomeMeasure = Required<OutcomeRow>;

/** Every outcome of a summary (open war, the talks, each counter), then the mean final escalation. */
export function outcomeMeasures(s: ForecastSummary): OutcomeMeasure[] {
  const last = s.weeks[s.weeks.length - 1]!;
  return [
    ...s.outcomes.map((o) => ({ id: o.id, label: o.label, kind: o.kind, value: o.value, lo: o.lo, hi: o.hi, modelLo: o.modelLo ?? null, modelHi: o.modelHi ?? null })),
    { id: 'escalation-mean', label: 'Mean escalation at the end (rung units)', kind: 'mean', value: last.escalationMean, lo: null, hi: null, modelLo: s.escalationModel?.lo ?? null, modelHi: s.escalationModel?.hi ?? null },
  ];
}

export const measureColumns = ['measure', 'label', 'kind', 'value', 'chance_lo95', 'chance_hi95', 'model_lo90', 'model_hi90'] as const;

const measureCells = (m: OutcomeMeasure): Cell[] => [m.id, m.label, m.kind, m.value, m.lo, m.hi, m.modelLo, m.modelHi];

/** A forecast's outcomes, long format: one row per measure, provenance first. */
export function forecastOutcomesTable(s: ForecastSummary, p: RunProvenance): Table {
  const meta = provenanceCells(p);
  return { columns: [...provenanceColumns, ...measureColumns], rows: outcomeMeasures(s).map((m) => [...meta, ...measureCells(m)]) };
}

export const pairedColumns = ['paired_reference', 'paired_diff', 'paired_diff_lo95', 'paired_diff_hi95'] as const;

/**
 * A batch's outcomes, long format: one row per set-up per measure, with a column for each key of
 * any set-up; when the batch has paired differences, four more columns give each measure's
 * difference from the first set-up with its paired interval (empty where there is none).
 */
export function batchOutcomesTable(items: readonly LabelledSummary[]): Table {
  const keys = keyColumns(items);
  const paired = items.some((i) => i.differences !== undefined);
  const reference = items[0]?.label ?? '';
  const pairedCells = (i: LabelledSummary, id: string): Cell[] => {
    if (!paired) return [];
    const d = i.differences?.[id];
    return d ? [reference, d.estimate, d.lo, d.hi] : [null, null, null, null];
  };
  return {
    columns: [...provenanceColumns, 'setup', ...keys, ...measureColumns, ...(paired ? pairedColumns : [])],
    rows: items.flatMap((i) => {
      const head = [...provenanceCells(i.provenance), i.label, ...keys.map((k) => i.key[k] ?? null)];
      return outcomeMeasures(i.summary).map((m) => [...head, ...measureCells(m), ...pairedCells(i, m.id)]);
    }),
  };
}
