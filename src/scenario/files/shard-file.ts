/**
 * Forecast shards: one machine's part of a forecast, as the raw tally (integer counts) with the
 * provenance needed to check it belongs with the others. `forecast --shard i/n` writes one; `merge`
 * reads them as untrusted input.
 *
 * Versions: 1 named its kind and version `format` and `formatVersion`; 2 uses `kind` and
 * `schemaVersion` like every other file.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from '../zod';
import type { ParseResult, ScenarioError } from '../parse';
import { strategyIds, type Scenario } from '../schema';
import { check, upgrade, type FileFormat } from './versioned';
import { grouped } from '../numbers';

export const SHARD_KIND = 'deterrence-lab/forecast-shard';
export const SHARD_VERSION = 3;

export const shardFormat: FileFormat = {
  kind: SHARD_KIND,
  noun: 'forecast shard',
  version: SHARD_VERSION,
  legacyVersionKey: 'formatVersion',
  kindSince: 2,
  steps: [
    {
      from: 1,
      name: 'format and formatVersion become kind and schemaVersion, as in every other file',
      up: ({ format: _format, ...rest }) => rest,
    },
    {
      from: 2,
      name: 'the tally names its parameter ensemble (none before) and counts each set\'s futures',
      up: (file) => ({ ...file, tally: { ...(file['tally'] as object), ensemble: null, setRuns: [], setAlive: [], setOpenWar: [], setEscalation: [], setEscalationSq: [] } }),
    },
  ],
};

/** A whole number (at least `min`, when given) and a safe integer, so that adding up counts stays exact. */
function wholeNumber(what: string, min?: number) {
  const error = (iss: { code: string; input?: unknown }) =>
    iss.code === 'too_big' ? `expected ${what}, got ${String(iss.input)}: too large to add up exactly` : `expected ${what}, got ${JSON.stringify(iss.input) ?? 'nothing'}`;
  const n = z.number({ error }).int({ error });
  return min === undefined ? n : n.min(min, { error });
}

const natural = wholeNumber('a whole number from 0', 0);
const count = wholeNumber('a count of runs: a whole number from 0', 0);
const counts = z.array(count);

/** The tally's types; `tallyErrors` checks its counts against the runs and weeks it claims. */
const tallySchema = z
  .object({
    scenarioId: z.string().min(1),
    seed: natural,
    startTurn: natural,
    turns: natural,
    strategies: z.array(z.enum(strategyIds)).readonly(),
    firstRun: natural,
    runs: wholeNumber('the runs tallied: a whole number from 1', 1),
    bins: wholeNumber('the escalation bins per week: a whole number from 1', 1),
    escalation: counts,
    phases: counts.min(1, 'expected the runs in each talks phase, week by week, got none'),
    finalRung: counts.min(1, 'expected the runs ending on each rung, got none'),
    openWar: count,
    endedByTalks: count,
    resolvedTurns: wholeNumber('a count of weeks: a whole number from 0', 0),
    // Gains in millionths, negative when a counter fell: nothing in a scenario stops an effect lowering one.
    counterSums: z.array(wholeNumber('a sum of gains in millionths: a whole number')),
    counterAny: counts,
    ensemble: z.string().min(1).max(200).nullable(),
    setRuns: counts,
    setAlive: counts,
    setOpenWar: counts,
    setEscalation: counts,
    setEscalationSq: counts,
  })
  .strict();

const provenanceSchema = z
  .object({
    app: z.string(),
    version: z.string(),
    scenario: z.string().min(1),
    schemaVersion: z.number().int().min(1),
    seed: natural,
    runs: wholeNumber('the runs of the whole forecast: a whole number from 1', 1),
    turns: natural,
    startTurn: natural,
    strategies: z.record(z.string(), z.enum(strategyIds)),
    parameters: z.record(z.string(), z.number().finite()),
    from: z.string().nullable(),
    ensemble: z.string().max(200).nullable().optional(),
    generated: z.string().optional(),
  })
  .strict();

export const shardSchema = z
  .object({
    kind: z.literal(SHARD_KIND),
    schemaVersion: z.literal(SHARD_VERSION),
    provenance: provenanceSchema,
    shard: z.object({ index: wholeNumber('a whole number from 1', 1), count: wholeNumber('a whole number from 1', 1) }).strict(),
    /** SHA-256 of the scenario (with its parameter overrides) and of the start state, as JSON. */
    digests: z.object({ scenario: z.string(), start: z.string() }).strict(),
    tally: tallySchema,
  })
  .strict();

export type ShardFile = z.infer<typeof shardSchema>;

/** SHA-256 of a value's JSON, as hex: how shards tell that they start from the same scenario and state. */
export function digestOf(value: Scenario | object): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(value))));
}

type Tally = ShardFile['tally'];

const num = grouped;
const runsOf = (t: Tally) => `the shard's ${num(t.runs)} run${t.runs === 1 ? '' : 's'}`;
const weeksOf = (t: Tally) => (t.turns === 0 ? '1 week (week 0)' : `${num(t.turns + 1)} weeks (weeks 0 to ${t.turns})`);

/** Weeks whose counts a path names at most; the rest are summed up in one line. */
const WEEKS_SHOWN = 5;

/** Arrays whose lengths differ from what the tally's weeks, bins and counters imply. */
function shapeErrors(t: Tally): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const bad = (path: string, message: string, code = 'wrong-length') => errors.push({ path: `tally.${path}`, code, message });
  const weeks = t.turns + 1;
  if (t.escalation.length !== weeks * t.bins) {
    bad('escalation', `expected ${num(weeks * t.bins)} counts, ${num(t.bins)} bins for each of ${weeksOf(t)}, got ${num(t.escalation.length)}`);
  }
  if (t.phases.length % weeks !== 0) {
    bad('phases', `expected the same number of talks-phase counts for each of ${weeksOf(t)}, but ${num(t.phases.length)} counts do not split evenly into ${num(weeks)}`);
  }
  if (t.counterAny.length !== t.counterSums.length) {
    bad('counterAny', `expected one count per counter, ${t.counterSums.length} as in counterSums, got ${t.counterAny.length}`);
  }
  const sets = t.setRuns.length;
  if ((t.ensemble === null) !== (sets === 0)) bad('setRuns', t.ensemble === null ? `a tally without an ensemble has no per-set counts, got ${sets}` : 'a tally of an ensemble counts its futures per set, got none');
  for (const key of ['setOpenWar', 'setEscalation', 'setEscalationSq'] as const) {
    if (t[key].length !== sets) bad(key, `expected one count per parameter set, ${sets} as in setRuns, got ${t[key].length}`);
  }
  if (t.setAlive.length !== sets * weeks) bad('setAlive', `expected a count per parameter set and week, ${num(sets * weeks)} (${sets} sets × ${weeksOf(t)}), got ${num(t.setAlive.length)}`);
  if (sets > 0 && t.setRuns.reduce((a, b) => a + b, 0) !== t.runs) bad('setRuns', `the futures per set add up to ${num(t.setRuns.reduce((a, b) => a + b, 0))}, not the shard's ${runsOf(t)}`, 'inconsistent');
  t.setRuns.forEach((n, i) => {
    const alive = t.setAlive.slice(i * weeks, (i + 1) * weeks);
    if (alive.some((a) => a > n) || (t.setOpenWar[i] ?? 0) > n) bad(`setRuns[${i}]`, `set ${i + 1} counts more futures alive or at war than its ${num(n)} futures`, 'inconsistent');
    if ((t.setEscalation[i] ?? 0) > n * (t.bins - 1)) bad(`setEscalation[${i}]`, `set ${i + 1}'s final escalation bins add up to more than ${num(n)} futures at the top bin`, 'inconsistent');
  });
  return errors;
}

const sumOf = (a: readonly number[], from: number, length: number) => a.slice(from, from + length).reduce((x, y) => x + y, 0);

/** Each week's escalation bins and talks phases, and the final rungs, hold every run exactly once. */
function sumErrors(t: Tally): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const phaseCount = t.phases.length / (t.turns + 1);
  const perWeek = (key: 'escalation' | 'phases', width: number, what: string) => {
    const wrong: ScenarioError[] = [];
    for (let k = 0; k <= t.turns; k++) {
      const sum = sumOf(t[key], k * width, width);
      if (sum !== t.runs) wrong.push({ path: `tally.${key}[week ${k}]`, code: 'wrong-sum', message: `the week's ${what} counts add up to ${num(sum)}, not ${runsOf(t)}` });
    }
    errors.push(...wrong.slice(0, WEEKS_SHOWN));
    if (wrong.length > WEEKS_SHOWN) {
      errors.push({ path: `tally.${key}`, code: 'wrong-sum', message: `and ${wrong.length - WEEKS_SHOWN} more weeks whose ${what} counts do not add up to ${runsOf(t)}` });
    }
  };
  perWeek('escalation', t.bins, 'escalation');
  perWeek('phases', phaseCount, 'talks-phase');
  const final = sumOf(t.finalRung, 0, t.finalRung.length);
  if (final !== t.runs) errors.push({ path: 'tally.finalRung', code: 'wrong-sum', message: `the final-rung counts add up to ${num(final)}, not ${runsOf(t)}` });
  return errors;
}

/** How the runs ended, the weeks they resolved and the counters, against the runs. */
function boundErrors(t: Tally): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const bad = (path: string, message: string, code = 'out-of-range') => errors.push({ path: `tally.${path}`, code, message });
  if (t.openWar > t.runs) bad('openWar', `${num(t.openWar)} futures end in open war, more than ${runsOf(t)}`);
  if (t.endedByTalks > t.runs) bad('endedByTalks', `${num(t.endedByTalks)} futures end at the talks, more than ${runsOf(t)}`);
  const ended = t.openWar + t.endedByTalks;
  if (t.openWar <= t.runs && t.endedByTalks <= t.runs && ended > t.runs) {
    bad('endedByTalks', `${num(t.openWar)} futures end in open war and ${num(t.endedByTalks)} at the talks, ${num(ended)} in all: more than ${runsOf(t)}, and a future ends only once`);
  }
  // A future resolves one week at a time until it ends; those that never end resolve every week.
  const most = t.runs * t.turns;
  const least = Math.max(0, t.runs - ended) * t.turns;
  if (t.resolvedTurns > most) bad('resolvedTurns', `${num(t.resolvedTurns)} weeks resolved, more than ${runsOf(t)} of ${num(t.turns)} weeks each can (${num(most)})`);
  else if (t.resolvedTurns < least) {
    bad('resolvedTurns', `${num(t.resolvedTurns)} weeks resolved, fewer than the ${num(least)} that the ${num(t.runs - ended)} futures which never end resolve (${num(t.turns)} weeks each)`);
  }
  t.counterAny.forEach((any, i) => {
    const sum = t.counterSums[i]!;
    if (any > t.runs) bad(`counterAny[${i}]`, `${num(any)} futures saw counter ${i} grow, more than ${runsOf(t)}`);
    // A run counts in counterAny exactly when its gain is positive, and rounding keeps a gain's sign.
    if (any === 0 && sum > 0) bad(`counterSums[${i}]`, `counter ${i}'s gains add up to ${num(sum)} millionths, yet no future saw it grow (counterAny[${i}] is 0)`, 'inconsistent');
    if (any === t.runs && sum < 0) bad(`counterSums[${i}]`, `counter ${i}'s gains add up to ${num(sum)} millionths, yet every future saw it grow`, 'inconsistent');
  });
  return errors;
}

/**
 * Every way a tally's counts can contradict the runs and weeks it claims, each with its path. A
 * tally without these errors summarises to shares in [0, 1] and no NaN; merged tallies keep that, as
 * each check is a sum or a bound that adding tallies preserves.
 */
function tallyErrors(t: Tally): ScenarioError[] {
  const shape = shapeErrors(t);
  return shape.length > 0 ? shape : [...sumErrors(t), ...boundErrors(t)];
}

/** Parses a shard of any version and checks that its tally agrees with its provenance and with itself. Never throws. */
export function parseShard(raw: unknown): ParseResult<ShardFile> {
  const upgraded = upgrade(raw, shardFormat);
  if (!upgraded.ok) return upgraded;
  const r = check(shardSchema, upgraded.value);
  if (!r.ok) return r;
  const { provenance: p, shard, tally: t } = r.value;
  const errors: ScenarioError[] = [];
  const differ = (path: string, what: string) => errors.push({ path, code: 'inconsistent', message: `the tally's ${what} differs from the provenance` });
  if (t.scenarioId !== p.scenario) differ('tally.scenarioId', 'scenario');
  if (t.seed !== p.seed) differ('tally.seed', 'seed');
  if (t.turns !== p.turns) differ('tally.turns', 'weeks');
  if (t.startTurn !== p.startTurn) differ('tally.startTurn', 'start week');
  if (t.strategies.join() !== Object.values(p.strategies).join()) differ('tally.strategies', 'strategies');
  if (t.firstRun + t.runs > p.runs) errors.push({ path: 'tally.runs', code: 'out-of-range', message: `runs [${t.firstRun}, ${t.firstRun + t.runs}) go past the forecast's ${p.runs}` });
  if (shard.index > shard.count) errors.push({ path: 'shard.index', code: 'out-of-range', message: `shard ${shard.index} of ${shard.count}: the index is past the count` });
  errors.push(...tallyErrors(t));
  return errors.length > 0 ? { ok: false, errors } : r;
}

/** The JSON of a shard file (the parser's inverse), before its layout. */
export function shardFile(p: ShardFile['provenance'], shard: ShardFile['shard'], digests: ShardFile['digests'], tally: ShardFile['tally']): ShardFile {
  return { kind: SHARD_KIND, schemaVersion: SHARD_VERSION, provenance: p, shard, digests, tally };
}
