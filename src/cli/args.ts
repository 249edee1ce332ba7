/** Shared option parsing for the CLI commands. */
import { availableParallelism } from 'node:os';
import { withParameters } from '../scenario/parameters';
import { strategyIds, type Scenario, type StrategyId } from '../scenario/schema';
import { formats, type Format } from './format';
import type { Io } from './io';

export class UsageError extends Error {}

export function intOption(value: string | undefined, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

/**
 * `--threads N`: worker threads for forecasts of `runs` runs each (no bound from the runs when
 * absent), from 1 to twice this machine's cores and never more than the runs; by default one per
 * core. More workers only queue for the same cores while each holds its own copy of the loader and
 * engine: 256 on 2 cores used 6.8 GB and had not finished a 1,000-run forecast in 120 s.
 *
 * Asking for more is not an error: the results are the same on any number of threads, so using
 * fewer changes only the time, and a script written for a bigger machine should still run on a
 * laptop or a small CI runner. One line on stderr says what was used and why.
 */
export function threadsOption(value: string | undefined, io: Pick<Io, 'err'>, runs?: number, cores = availableParallelism()): number {
  const byCores = 2 * cores;
  const cap = Math.max(1, Math.min(byCores, runs ?? byCores));
  if (value === undefined) return Math.min(cores, cap);
  const asked = Number(value);
  if (!Number.isSafeInteger(asked) || asked < 1) throw new UsageError(`--threads expects a whole number from 1, got "${value}"`);
  if (asked <= cap) return asked;
  const why = cap < byCores ? `as there ${cap === 1 ? 'is only 1 run' : `are only ${cap} runs`}` : `twice this machine's ${cores} core${cores === 1 ? '' : 's'}`;
  io.err(`--threads ${asked}: using ${cap}, ${why}\n`);
  return cap;
}

export function formatOption(value: string | undefined): Format {
  if (value === undefined) return 'table';
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(`--format expects one of ${formats.join(', ')}, got "${value}"`);
  return value as Format;
}

/** `--table NAME`: which CSV table to write (only with `--format csv`); the first of `tables` by default. */
export function tableOption<const T extends string>(value: string | undefined, format: string, tables: readonly T[]): T {
  if (value === undefined) return tables[0]!;
  if (format !== 'csv') throw new UsageError(`--table picks the CSV's table: give --format csv too`);
  if (!(tables as readonly string[]).includes(value)) throw new UsageError(`--table expects one of ${tables.join(', ')}, got "${value}"`);
  return value as T;
}

/** `--policy actor=strategy`, repeatable; every actor not named keeps its scenario default. */
export function policyOptions(scenario: Scenario, values: readonly string[] | undefined): Record<string, StrategyId> {
  const out: Record<string, StrategyId> = Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
  for (const v of values ?? []) {
    const [actor, strategy] = v.split('=');
    if (!actor || !strategy) throw new UsageError(`--policy expects actor=strategy, got "${v}"`);
    if (!scenario.actors.some((a) => a.id === actor)) {
      throw new UsageError(`--policy: unknown actor "${actor}"; actors are ${scenario.actors.map((a) => a.id).join(', ')}`);
    }
    if (!(strategyIds as readonly string[]).includes(strategy)) {
      throw new UsageError(`--policy: unknown strategy "${strategy}"; strategies are ${strategyIds.join(', ')}`);
    }
    out[actor] = strategy as StrategyId;
  }
  return out;
}

/** A finite number given on the command line. */
export function numberOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n)) throw new UsageError(`--${name} expects a number, got "${value}"`);
  return n;
}

/** `--set PATH=VALUE`, repeatable: parameter overrides by path (the last of a path wins). */
export function setOptions(values: readonly string[] | undefined): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new UsageError(`--set expects PATH=VALUE, got "${v}"`);
    out[v.slice(0, eq)] = numberOption(v.slice(eq + 1), `set ${v.slice(0, eq)}`)!;
  }
  return out;
}

/** The scenario with parameter overrides applied; an unknown path or a bad value is a usage error. */
export function overridden(scenario: Scenario, overrides: Readonly<Record<string, number>>, flag = '--set'): Scenario {
  if (Object.keys(overrides).length === 0) return scenario;
  const r = withParameters(scenario, overrides);
  if (r.ok) return r.value;
  const hint = r.errors.some((e) => e.code === 'unknown-parameter') ? '\n(`deterrence-lab params` lists every parameter path)' : '';
  const shown = (path: string) => (path in overrides ? `${path}=${overrides[path]}` : path);
  throw new UsageError(`${r.errors.map((e) => `${flag} ${shown(e.path)}: ${e.message}`).join('\n')}${hint}`);
}

/** A comma-separated list of strategies, e.g. `hawk,restraint`. */
export function strategyListOption(value: string, name: string): StrategyId[] {
  const list = value.split(',').filter((s) => s !== '');
  const bad = list.find((s) => !(strategyIds as readonly string[]).includes(s));
  if (list.length === 0 || bad !== undefined) {
    throw new UsageError(`--${name} expects strategies separated by commas (${strategyIds.join(', ')}), got "${value}"`);
  }
  return [...new Set(list)] as StrategyId[];
}
