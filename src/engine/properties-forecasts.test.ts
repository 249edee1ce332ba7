/**
 * Properties of forecasts over many random cases: tallies of chunks split anywhere merge back to the
 * single-pass tally, and any tally summarises into shares in [0, 1], intervals around their
 * estimates and ordered percentiles.
 *
 * Runs on the fixture and on scenarios/march-2021.json (when that file exists). The properties of
 * games are in properties-games.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strategyIds, type Scenario, type StrategyId } from '../scenario/schema';
import { loadMarch, marchTitle, mustResolve } from '../test/engine-properties';
import { fixture, fixtureInput } from '../test/fixture';
import { chooseMoves, forecast, forecastChunk, initialState, isOver, mergeTallies, summarize, type ForecastOptions, type ForecastTally, type GameState } from './index';

/** Where to cut `runs` runs into chunks, as [first, count] pairs. */
function chunksAt(runs: number, cuts: readonly number[]): [number, number][] {
  const points = [0, ...[...new Set(cuts.map((c) => 1 + (c % Math.max(1, runs - 1))))].filter((c) => c < runs).sort((a, b) => a - b), runs];
  return points.slice(1).map((end, i) => [points[i]!, end - points[i]!]);
}

const forecastCase = fc.record({
  seed: fc.integer({ min: 0, max: 0xffffffff }),
  gameSeed: fc.integer({ min: 0, max: 0xffffffff }),
  warmup: fc.integer({ min: 0, max: 3 }),
  runs: fc.integer({ min: 1, max: 40 }),
  turns: fc.integer({ min: 0, max: 6 }),
  strategies: fc.array(fc.option(fc.constantFrom(...strategyIds), { nil: undefined }), { minLength: 5, maxLength: 5 }),
  cuts: fc.array(fc.nat(), { maxLength: 5 }),
});

type ForecastCase = typeof forecastCase extends fc.Arbitrary<infer T> ? T : never;

/** The start state and options of a forecast case: a few AI weeks in, then `turns` weeks ahead. */
function setUp(s: Scenario, c: ForecastCase): { state: GameState; o: ForecastOptions } {
  let state = initialState(s, c.gameSeed, c.warmup + c.turns + 1);
  for (let t = 0; t < c.warmup && !isOver(state); t++) state = mustResolve(s, state, chooseMoves(s, state, {}));
  const strategies: Record<string, StrategyId> = {};
  s.actors.forEach((a, i) => {
    const strategy = c.strategies[i % c.strategies.length];
    if (strategy) strategies[a.id] = strategy;
  });
  return { state, o: { runs: c.runs, turns: c.turns, seed: c.seed, strategies } };
}

function checkSummary(s: Scenario, tally: ForecastTally): void {
  const summary = summarize(s, tally);
  const top = Math.max(...s.ladder.map((r) => r.level));
  const inUnit = (x: number, what: string) => expect(x >= 0 && x <= 1, `${what} = ${x} lies in [0, 1]`).toBe(true);
  const interval = (estimate: number, lo: number, hi: number, what: string) => {
    [estimate, lo, hi].forEach((x) => inUnit(x, what));
    expect(lo, `${what}: lo <= hi`).toBeLessThanOrEqual(hi);
    expect(estimate, `${what}: lo <= estimate`).toBeGreaterThanOrEqual(lo);
    expect(estimate, `${what}: estimate <= hi`).toBeLessThanOrEqual(hi);
  };
  expect(summary.weeks).toHaveLength(tally.turns + 1);
  for (const w of summary.weeks) {
    interval(w.alive.estimate, w.alive.lo, w.alive.hi, `week ${w.turn} alive`);
    Object.entries(w.phases).forEach(([p, x]) => inUnit(x, `week ${w.turn} phase ${p}`));
    expect(Object.values(w.phases).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    const q = [w.escalation.p5, w.escalation.p25, w.escalation.p50, w.escalation.p75, w.escalation.p95];
    q.forEach((x, i) => {
      expect(x).toBeGreaterThanOrEqual(i === 0 ? 0 : q[i - 1]!);
      expect(x).toBeLessThanOrEqual(top);
    });
  }
  summary.finalRungs.forEach((r) => inUnit(r.share, `final rung ${r.level}`));
  expect(summary.finalRungs.reduce((a, r) => a + r.share, 0)).toBeCloseTo(1, 9);
  for (const row of summary.outcomes) {
    if (row.kind === 'share') interval(row.value, row.lo!, row.hi!, row.id);
    else expect(Number.isFinite(row.value)).toBe(true);
  }
}

function forecastProperties(load: () => Scenario, numRuns: number): void {
  it('merges tallies of chunks cut anywhere into exactly the single-pass tally, in either order', () => {
    const s = load();
    fc.assert(
      fc.property(forecastCase, (c) => {
        const { state, o } = setUp(s, c);
        const whole = forecast(s, state, o);
        const parts = chunksAt(c.runs, c.cuts).map(([first, count]) => forecastChunk(s, state, o, first, count));
        expect(parts.reduce((a, b) => mergeTallies(a, b))).toStrictEqual(whole);
        expect(parts.reduceRight((a, b) => mergeTallies(a, b))).toStrictEqual(whole);
      }),
      { numRuns },
    );
  });

  it('summarises any tally into shares in [0, 1], intervals around their estimates and ordered percentiles', () => {
    const s = load();
    fc.assert(
      fc.property(forecastCase, (c) => {
        const { state, o } = setUp(s, c);
        checkSummary(s, forecast(s, state, o));
      }),
      { numRuns },
    );
  });
}

describe('engine properties on the fixture', { timeout: 120_000 }, () => {
  forecastProperties(fixture, 60);

  it('splits runs into chunks that cover them exactly once', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.array(fc.nat()), (runs, cuts) => {
        const chunks = chunksAt(runs, cuts);
        expect(chunks.every(([, count]) => count > 0)).toBe(true);
        expect(chunks.map(([first]) => first)).toEqual(chunks.map((_, i) => chunks.slice(0, i).reduce((a, [, n]) => a + n, 0)));
        expect(chunks.reduce((a, [, n]) => a + n, 0)).toBe(runs);
      }),
    );
  });

  // Counter gains are tallied as whole millionths, so fractional counters merge exactly too.
  it('merges chunks into exactly the single-pass tally when a counter moves by fractions', () => {
    const input = fixtureInput();
    input.moves.find((m) => m.id === 'proxy.rockets')!.effects![0]!.add = 0.1;
    const s = fixture(input);
    const state = initialState(s, 1);
    const o: ForecastOptions = { runs: 100, turns: 10, seed: 3, strategies: { proxy: 'hawk' } };
    const merged = mergeTallies(forecastChunk(s, state, o, 0, 7), forecastChunk(s, state, o, 7, 93));
    expect(merged).toStrictEqual(forecast(s, state, o));
  });

  // Rounding once left hi = 0.9999999999999999 with every trial a success, and lo = 5.6e-17 with none.
  it('gives an interval that contains its estimate when every one of 10 futures has the talks alive', () => {
    const s = fixture();
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 10, turns: 0, seed: 1 }));
    const alive = summary.weeks[0]!.alive;
    expect(alive.estimate).toBe(1);
    expect(alive.hi).toBeGreaterThanOrEqual(alive.estimate);
  });

  it('gives an interval that contains its estimate when none of 3 futures ends in open war', () => {
    const s = fixture();
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 3, turns: 0, seed: 1 }));
    const war = summary.outcomes.find((row) => row.id === 'open-war')!;
    expect(war.value).toBe(0);
    expect(war.lo).toBeLessThanOrEqual(war.value);
  });
});

const march = loadMarch();

// A scenario file that does not parse fails once, in properties-games.test.ts.
describe.skipIf('missing' in march)(marchTitle(march), { timeout: 120_000 }, () => {
  if ('scenario' in march) {
    const { scenario } = march;
    forecastProperties(() => scenario, 25);
  }
});
