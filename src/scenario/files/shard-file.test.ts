/**
 * Forecast shards are untrusted input: a tally's counts must agree with the runs and weeks it
 * claims, or a merge would print shares above 1 and NaN intervals (as fuzzed shards once did).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastChunk } from '../../engine/forecast';
import { initialState } from '../../engine/state';
import { summarize, type ForecastSummary } from '../../engine/summary';
import { fixture } from '../../test/fixture';
import { digestOf, parseShard, shardFile, type ShardFile } from './shard-file';

const scenario = fixture();
const RUNS = 60;
const WEEKS = 6;

/** A shard the engine made: the whole 60-run, 6-week forecast of the fixture from its start. */
function madeShard(seed = 3): ShardFile {
  const state = initialState(scenario, seed);
  const strategies = Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
  const tally = forecastChunk(scenario, state, { runs: RUNS, seed, turns: WEEKS, strategies }, 0, RUNS);
  const provenance = { app: 'deterrence-lab', version: '0.0.0', scenario: scenario.id, schemaVersion: 1, seed, runs: RUNS, turns: WEEKS, startTurn: state.turn, strategies, parameters: {}, from: null };
  return shardFile(provenance, { index: 1, count: 1 }, { scenario: digestOf(scenario), start: digestOf(state) }, tally);
}

const shard = madeShard();
const made = new Map<number, ShardFile>([[3, shard]]);
const madeOnce = (seed: number) => made.get(seed) ?? made.set(seed, madeShard(seed)).get(seed)!;
const copy = (): ShardFile => structuredClone(shard);
type Tally = ShardFile['tally'];
/** The tally's arrays of counts, and its single counts, by name. */
const arrays = ['escalation', 'phases', 'finalRung', 'counterSums', 'counterAny'] as const;
const singles = ['runs', 'firstRun', 'bins', 'turns', 'openWar', 'endedByTalks', 'resolvedTurns'] as const;

function errorsOf(change: (t: Tally, s: ShardFile) => void) {
  const s = copy();
  change(s.tally, s);
  const r = parseShard(JSON.parse(JSON.stringify(s)));
  return r.ok ? [] : r.errors;
}

/** Every number in a summary, with its path. */
function numbers(x: unknown, path = ''): [string, number][] {
  if (typeof x === 'number') return [[path, x]];
  if (Array.isArray(x)) return x.flatMap((v, i) => numbers(v, `${path}[${i}]`));
  if (typeof x === 'object' && x !== null) return Object.entries(x).flatMap(([k, v]) => numbers(v, `${path}.${k}`));
  return [];
}

/** The shares a summary reports: per-week phases and talks alive, final rungs, share outcomes. */
function shares(s: ForecastSummary): number[] {
  return [
    ...s.weeks.flatMap((w) => [...Object.values(w.phases), w.alive.estimate, w.alive.lo, w.alive.hi]),
    ...s.finalRungs.map((r) => r.share),
    ...s.outcomes.filter((o) => o.kind === 'share').flatMap((o) => [o.value, o.lo ?? 0, o.hi ?? 0]),
  ];
}

describe('forecast shards', () => {
  it('read back exactly what shardFile writes, through JSON', () => {
    const r = parseShard(JSON.parse(JSON.stringify(shard)));
    expect(r).toEqual({ ok: true, value: shard });
  });

  it('accept the tally the engine made, whose counts the tests below corrupt', () => {
    const t = shard.tally;
    expect(t.runs).toBe(RUNS);
    expect(t.escalation).toHaveLength((WEEKS + 1) * t.bins);
    expect(t.openWar + t.endedByTalks).toBeLessThan(RUNS);
    expect(t.counterAny.some((n) => n > 0 && n < RUNS)).toBe(true);
  });

  it.each<[string, (t: Tally, s: ShardFile) => void, string, string, string]>([
    ['open war in more futures than there are runs', (t) => void (t.openWar = 5000), 'tally.openWar', 'out-of-range', "5,000 futures end in open war, more than the shard's 60 runs"],
    ['a week whose escalation counts add up to more than the runs', (t) => void (t.escalation[3 * t.bins]! += 1), 'tally.escalation[week 3]', 'wrong-sum', "the week's escalation counts add up to 61, not the shard's 60 runs"],
    ['a week whose talks phases add up to fewer', (t) => void (t.phases[t.phases.indexOf(Math.max(...t.phases))]! -= 1), 'tally.phases[week 0]', 'wrong-sum', "the week's talks-phase counts add up to 59, not the shard's 60 runs"],
    ['final rungs that do not add up to the runs', (t) => void (t.finalRung[0]! += 2), 'tally.finalRung', 'wrong-sum', "the final-rung counts add up to 62, not the shard's 60 runs"],
    ['more futures ending at the talks than runs', (t) => void (t.endedByTalks = 61), 'tally.endedByTalks', 'out-of-range', "61 futures end at the talks, more than the shard's 60 runs"],
    ['more futures ending in war or at the talks than runs', (t) => void ((t.openWar = 40), (t.endedByTalks = 30)), 'tally.endedByTalks', 'out-of-range', "40 futures end in open war and 30 at the talks, 70 in all: more than the shard's 60 runs, and a future ends only once"],
    ['more weeks resolved than the runs have', (t) => void (t.resolvedTurns = RUNS * WEEKS + 1), 'tally.resolvedTurns', 'out-of-range', "361 weeks resolved, more than the shard's 60 runs of 6 weeks each can (360)"],
    ['a counter grown in more futures than runs', (t) => void (t.counterAny[0] = 61), 'tally.counterAny[0]', 'out-of-range', "61 futures saw counter 0 grow, more than the shard's 60 runs"],
    ['counter gains where no future saw a gain', (t) => void ((t.counterAny[1] = 0), (t.counterSums[1] = 5)), 'tally.counterSums[1]', 'inconsistent', "counter 1's gains add up to 5 millionths, yet no future saw it grow (counterAny[1] is 0)"],
    ['a counter that fell where every future saw a gain', (t) => void ((t.counterAny[1] = RUNS), (t.counterSums[1] = -5)), 'tally.counterSums[1]', 'inconsistent', "counter 1's gains add up to -5 millionths, yet every future saw it grow"],
    ['a negative count', (t) => void (t.escalation[7] = -1), 'tally.escalation[7]', 'too_small', 'expected a count of runs: a whole number from 0, got -1'],
    ['a fraction of a run', (t) => void (t.phases[1] = 0.5), 'tally.phases[1]', 'invalid_type', 'expected a count of runs: a whole number from 0, got 0.5'],
    ['a count too large to add up exactly', (t) => void (t.openWar = 2 ** 60), 'tally.openWar', 'too_big', 'expected a count of runs: a whole number from 0, got 1152921504606847000: too large to add up exactly'],
    ['a fraction of a millionth', (t) => void (t.counterSums[0] = 1.5), 'tally.counterSums[0]', 'invalid_type', 'expected a sum of gains in millionths: a whole number, got 1.5'],
    ['a week of escalation bins missing', (t) => void t.escalation.splice(0, t.bins), 'tally.escalation', 'wrong-length', `expected ${((WEEKS + 1) * shard.tally.bins).toLocaleString('en-US')} counts, ${shard.tally.bins} bins for each of 7 weeks (weeks 0 to 6), got ${(WEEKS * shard.tally.bins).toLocaleString('en-US')}`],
    ['a talks-phase count too many', (t) => void t.phases.push(0), 'tally.phases', 'wrong-length', `expected the same number of talks-phase counts for each of 7 weeks (weeks 0 to 6), but ${shard.tally.phases.length + 1} counts do not split evenly into 7`],
    ['a counter without its count of futures', (t) => void t.counterAny.pop(), 'tally.counterAny', 'wrong-length', 'expected one count per counter, 2 as in counterSums, got 1'],
    ['no final rungs', (t) => void (t.finalRung = []), 'tally.finalRung', 'too_small', 'expected the runs ending on each rung, got none'],
    ['a shard index past the count', (_, s) => void (s.shard = { index: 2, count: 1 }), 'shard.index', 'out-of-range', 'shard 2 of 1: the index is past the count'],
  ])('refuse %s, naming the path', (_, change, path, code, message) => {
    expect(errorsOf(change)).toContainEqual({ path, code, message });
  });

  it('refuse a tally with fewer weeks resolved than the futures that never end must have', () => {
    const t = shard.tally;
    const open = RUNS - t.openWar - t.endedByTalks;
    expect(errorsOf((x) => void (x.resolvedTurns = 0))).toEqual([
      { path: 'tally.resolvedTurns', code: 'out-of-range', message: `0 weeks resolved, fewer than the ${open * WEEKS} that the ${open} futures which never end resolve (6 weeks each)` },
    ]);
  });

  it('name at most five weeks whose counts are wrong, and how many more there are', () => {
    const paths = errorsOf((t) => void (t.runs = 50)).map((e) => e.path);
    expect(paths.filter((p) => p.startsWith('tally.escalation'))).toEqual(['tally.escalation[week 0]', 'tally.escalation[week 1]', 'tally.escalation[week 2]', 'tally.escalation[week 3]', 'tally.escalation[week 4]', 'tally.escalation']);
    expect(errorsOf((t) => void (t.runs = 50))).toContainEqual({ path: 'tally.escalation', code: 'wrong-sum', message: "and 2 more weeks whose escalation counts do not add up to the shard's 50 runs" });
  });

  it('never throw, whatever the JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        expect(parseShard(raw).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.constantFrom(...arrays), fc.jsonValue(), (key, value) => {
        const s = copy() as unknown as { tally: Record<string, unknown> };
        s.tally[key] = value;
        expect(() => parseShard(s)).not.toThrow();
      }),
    );
  });

  it('with one count corrupted, are refused or summarise to shares in [0, 1] and no NaN', () => {
    const oneCount = fc.oneof(
      fc.record({ key: fc.constantFrom(...arrays), at: fc.nat() }),
      fc.record({ key: fc.constantFrom(...singles), at: fc.constant(0) }),
    );
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }).map((d) => ({ delta: d })), fc.integer({ min: -1000, max: 100_000 }).map((v) => ({ set: v })), fc.double().map((v) => ({ set: v })));
    fc.assert(
      fc.property(oneCount, value, fc.integer({ min: 1, max: 9 }), ({ key, at }, how, seed) => {
        const s = structuredClone(madeOnce(seed)) as unknown as { tally: Record<string, number | number[]> };
        const field = s.tally[key]!;
        const get = () => (Array.isArray(field) ? field[at % field.length]! : field);
        const next = 'delta' in how ? get() + how.delta : how.set;
        if (Array.isArray(field)) field[at % field.length] = next;
        else s.tally[key] = next;
        const r = parseShard(JSON.parse(JSON.stringify(s)));
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          return;
        }
        const summary = summarize(scenario, r.value.tally);
        expect(numbers(summary).filter(([, n]) => !Number.isFinite(n))).toEqual([]);
        for (const x of shares(summary)) {
          expect(x).toBeGreaterThanOrEqual(0);
          expect(x).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});
