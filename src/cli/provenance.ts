/**
 * Where a result came from: enough to run it again. JSON output carries it as a `provenance` block;
 * CSV output repeats it as leading columns on every row (the same columns as the app's exports), so
 * the file opens in a spreadsheet as it is and rows stay traceable after filtering or pasting.
 */
import pkg from '../../package.json' with { type: 'json' };
import type { Scenario, StrategyId } from '../scenario/schema';
import type { Cell } from './format';

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

/** What a forecast (or each forecast of a tournament or sweep) was run with. */
export interface RunSetup {
  readonly seed: number;
  readonly runs: number;
  readonly turns: number;
  readonly startTurn: number;
  readonly strategies: Readonly<Record<string, StrategyId>>;
  /** Parameter overrides by path (`--set`, and a sweep's values). */
  readonly parameters: Readonly<Record<string, number>>;
  /** The saved game the futures start from, if any. */
  readonly from: string | null;
  /** When the output was made (ISO 8601); absent with `--no-date`. */
  readonly generated?: string;
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
    ...(r.generated === undefined ? {} : { generated: r.generated }),
  };
}

/** The date stamp for `generated`: now, unless `--no-date` asked for output that compares byte for byte. */
export function generatedDate(noDate: boolean | undefined): { generated?: string } {
  return noDate ? {} : { generated: new Date().toISOString() };
}

const pairs = (o: Readonly<Record<string, string | number>>) =>
  Object.entries(o)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');

export const provenanceColumns = ['app_version', 'scenario', 'schema_version', 'seed', 'runs', 'start_week', 'weeks', 'from', 'strategies', 'parameters', 'generated'] as const;

/** The leading CSV cells of a row, in the order of `provenanceColumns`. */
export function provenanceCells(p: RunProvenance): Cell[] {
  return [p.version, p.scenario, p.schemaVersion, p.seed, p.runs, p.startTurn, p.turns, p.from ?? '', pairs(p.strategies), pairs(p.parameters), p.generated ?? ''];
}
