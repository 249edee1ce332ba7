/**
 * `merge <shard files...>`: adds up the tallies of `forecast --shard i/n` runs and prints exactly
 * what `forecast` with the same seed and runs prints, after checking that the shards are parts of
 * one forecast and cover every run exactly once.
 */
import pkg from '../../../package.json' with { type: 'json' };
import { compile } from '../../engine/compile';
import { ESCALATION_BIN, mergeTallies, type ForecastTally } from '../../engine/forecast';
import { summarize } from '../../engine/summary';
import { withParameters } from '../../scenario/parameters';
import type { ScenarioError } from '../../scenario/parse';
import type { Scenario } from '../../scenario/schema';
import { formatOption, tableOption, UsageError } from '../args';
import { csvTables, renderForecast } from '../forecast-output';
import { defineCommand, parseCommand } from '../options';
import type { Io } from '../io';
import { InputError, loadBundledScenario, loadScenario } from '../load';
import { runProvenance } from '../../analysis/exports';
import { generatedDate } from '../provenance';
import { digestOf, readShard, writeShard, type ShardFile } from '../shard';

interface Shard {
  readonly file: string;
  readonly data: ShardFile;
}

/** What must agree. Not `from`: the same saved game may sit at different paths on different machines (the start digest checks the state). */
const fields = ['version', 'scenario', 'schemaVersion', 'seed', 'runs', 'turns', 'startTurn', 'strategies', 'parameters'] as const;

/** Every shard must come from the same forecast as the first (and from this version of the app). */
function checkSameForecast(shards: readonly Shard[]): void {
  const [first] = shards;
  for (const s of shards) {
    const p = s.data.provenance;
    if (p.version !== pkg.version) {
      throw new InputError(s.file, [{ path: 'provenance.version', code: 'other-version', message: `made by ${p.app} ${p.version}; this is ${pkg.version}: run shards and merge with one version` }]);
    }
    const errors: ScenarioError[] = [];
    for (const f of fields) {
      const [mine, theirs] = [JSON.stringify(p[f]), JSON.stringify(first!.data.provenance[f])];
      if (mine !== theirs) errors.push({ path: `provenance.${f}`, code: 'other-forecast', message: `${f} ${mine} differs from ${theirs} in ${first!.file}: not a part of the same forecast` });
    }
    for (const d of ['scenario', 'start'] as const) {
      if (s.data.digests[d] !== first!.data.digests[d]) {
        errors.push({ path: `digests.${d}`, code: 'other-forecast', message: `the ${d === 'start' ? 'start state' : 'scenario'} differs from that of ${first!.file}` });
      }
    }
    if (errors.length > 0) throw new InputError(s.file, errors);
  }
}

const span = (t: ForecastTally) => `runs [${t.firstRun}, ${t.firstRun + t.runs})`;

/** The shards' tallies added up, after checking that they cover runs [0, total) exactly once. */
function mergeCovering(shards: readonly Shard[]): ForecastTally {
  const sorted = [...shards].sort((a, b) => a.data.tally.firstRun - b.data.tally.firstRun);
  const total = sorted[0]!.data.provenance.runs;
  let next = 0;
  sorted.forEach((s, i) => {
    const t = s.data.tally;
    if (t.firstRun < next) {
      const before = sorted[i - 1]!;
      throw new InputError(s.file, [{ path: 'tally.firstRun', code: 'overlapping-shards', message: `${span(t)} overlap ${span(before.data.tally)} of ${before.file}` }]);
    }
    if (t.firstRun > next) {
      throw new InputError(s.file, [{ path: 'tally.firstRun', code: 'missing-shard', message: `runs [${next}, ${t.firstRun}) of ${total} are in no shard given (this one holds ${span(t)})` }]);
    }
    next = t.firstRun + t.runs;
  });
  if (next < total) {
    const last = sorted[sorted.length - 1]!;
    throw new InputError(last.file, [{ path: 'tally.runs', code: 'missing-shard', message: `runs [${next}, ${total}) of ${total} are in no shard given (the last one holds ${span(last.data.tally)})` }]);
  }
  return sorted.map((s): ForecastTally => s.data.tally).reduce(mergeTallies);
}

/** Where a tally's arrays differ in size from those this scenario's forecasts give. */
function misfits(scenario: Scenario, t: ForecastTally): ScenarioError[] {
  const c = compile(scenario);
  const weeks = t.turns + 1;
  const counters = scenario.variables.filter((v) => v.counter).length;
  const sizes: [keyof ForecastTally, number, number, string][] = [
    ['bins', t.bins, Math.round(c.topRung / ESCALATION_BIN) + 1, `escalation bins per week (rungs 0 to ${c.topRung} in steps of ${ESCALATION_BIN})`],
    ['phases', t.phases.length, weeks * c.phaseIds.length, `talks-phase counts (${c.phaseIds.length} phases in each of ${weeks} weeks)`],
    ['finalRung', t.finalRung.length, c.topRung + 1, `final-rung counts (rungs 0 to ${c.topRung})`],
    ['counterSums', t.counterSums.length, counters, 'counter sums (one per counter variable)'],
    ['strategies', t.strategies.length, scenario.actors.length, 'strategies (one per actor)'],
  ];
  return sizes
    .filter(([, got, want]) => got !== want)
    .map(([key, got, want, what]) => ({ path: `tally.${key}`, code: 'bad-shape', message: `scenario "${scenario.id}" gives ${want} ${what}, not ${got}` }));
}

/**
 * The final rungs against the last week's escalation bins, which record the same final escalation:
 * a future on rung r or above sits in bin r / ESCALATION_BIN or above, and one in a higher bin sits
 * on rung r or above. Checked only once the tally fits the scenario.
 */
function finalRungErrors(t: ForecastTally): ScenarioError[] {
  const last = t.escalation.slice(t.turns * t.bins, (t.turns + 1) * t.bins);
  const fromBin = (b: number) => last.slice(b).reduce((x, y) => x + y, 0);
  const errors: ScenarioError[] = [];
  let onOrAbove = 0;
  for (let r = t.finalRung.length - 1; r >= 1; r--) {
    onOrAbove += t.finalRung[r]!;
    const bin = Math.round(r / ESCALATION_BIN);
    const [least, most] = [fromBin(bin + 1), fromBin(bin)];
    if (onOrAbove < least || onOrAbove > most) {
      const range = least === most ? `${least}` : `between ${least} and ${most}`;
      errors.push({ path: `tally.finalRung[${r}]`, code: 'inconsistent', message: `${onOrAbove} futures end on rung ${r} or above, but the last week's escalation puts ${range} there` });
    }
  }
  return errors;
}

/**
 * The shards' scenario: the file the user gave with --scenario, else the bundled scenario of the id
 * the shard names. An id read from a shard never names a path.
 */
function loadShardScenario(path: string | undefined, shard: Shard): { scenario: Scenario; file: string } {
  if (path !== undefined) return loadScenario(path);
  const id = shard.data.provenance.scenario;
  try {
    return { scenario: loadBundledScenario(id, shard.file, 'provenance.scenario'), file: `the bundled "${id}"` };
  } catch (e) {
    if (e instanceof InputError && e.errors[0]?.code === 'unknown-scenario') {
      throw new UsageError(`"${id}" is not a bundled scenario: give the shards' scenario file with --scenario`);
    }
    throw e;
  }
}

/** The scenario the shards were run on: loaded again, overrides applied, and checked by digest. */
function shardScenario(shards: readonly Shard[], path: string | undefined): Scenario {
  const first = shards[0]!;
  const p = first.data.provenance;
  const { scenario: base, file } = loadShardScenario(path, first);
  const r = withParameters(base, p.parameters);
  if (!r.ok) throw new InputError(first.file, r.errors.map((e) => ({ ...e, path: `provenance.parameters.${e.path}` })));
  if (digestOf(r.value) !== first.data.digests.scenario) {
    throw new InputError(first.file, [{ path: 'digests.scenario', code: 'other-scenario', message: `the shards were run on another version of scenario "${p.scenario}" than ${file}` }]);
  }
  for (const s of shards) {
    const shape = misfits(r.value, s.data.tally);
    const errors = shape.length > 0 ? shape : finalRungErrors(s.data.tally);
    if (errors.length > 0) throw new InputError(s.file, errors);
  }
  return r.value;
}

export const mergeSpec = defineCommand({
  name: 'merge',
  args: '<shard.json...>',
  summary: 'add up the shards of one forecast; prints what forecast prints',
  options: {
    scenario: { type: 'string', value: 'FILE', description: 'the scenario file the shards were run on (default: the bundled scenario they name)' },
    format: { type: 'string', value: 'table|csv|json|tally', description: 'output format (default table; tally: the merged counts)' },
    table: { type: 'string', value: csvTables.join('|'), description: `the CSV's table, as forecast's: ${csvTables.join(', ')}` },
    'no-date': { type: 'boolean', description: 'leave out when the output was made, so outputs compare byte for byte' },
  },
});

export function mergeCommand(args: readonly string[], io: Io): number {
  const parsed = parseCommand(mergeSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  if (positionals.length === 0) throw new UsageError('give the shard files written by `forecast --shard i/n`');
  const format = values.format === 'tally' ? 'tally' : formatOption(values.format);
  const shards = positionals.map((file) => ({ file, data: readShard(file) }));
  checkSameForecast(shards);
  const scenario = shardScenario(shards, values.scenario);
  const tally = mergeCovering(shards);
  const first = shards[0]!;
  const { generated: _old, ...setup } = first.data.provenance;
  const meta = runProvenance(scenario, { ...setup, ...generatedDate(values['no-date']) });
  if (format === 'tally') io.out(writeShard(meta, { index: 1, count: 1 }, first.data.digests, tally));
  else io.out(renderForecast(format, scenario, summarize(scenario, tally), meta, tableOption(values.table, format, csvTables)));
  return 0;
}
