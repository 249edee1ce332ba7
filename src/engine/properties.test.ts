/**
 * Properties of the engine over many random games: numbers stay finite and in bounds, the "why"
 * contributions add up, states replay, resume and serialise exactly, turns are pure, and forecast
 * tallies split anywhere merge back to the single-pass tally.
 *
 * Runs on the fixture and on scenarios/march-2021.json (when that file exists).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/parse';
import { strategyIds, type Scenario, type StrategyId } from '../scenario/schema';
import { fixture, fixtureInput } from '../test/fixture';
import { parseGameFile, writeGameFile } from '../scenario/files/game-file';
import { newSession, parseSessionText, writeSession } from '../scenario/files/session-file';
import { decodeShare, encodeShare } from '../scenario/files/share-link';
import { logUntil, weekOf, type LogEntry } from '../scenario/log';
import {
  applyEntry,
  chooseMoves,
  forecast,
  forecastChunk,
  initialState,
  isOver,
  legalMoveIds,
  mergeTallies,
  queueInject,
  replay,
  resolveTurn,
  summarize,
  riskOf,
  type ForecastOptions,
  type ForecastTally,
  type GameLog,
  type GameState,
  type TurnMoves,
} from './index';

const marchFile = fileURLToPath(new URL('../../scenarios/march-2021.json', import.meta.url));

/** The March 2021 scenario, or why it cannot be used. */
function loadMarch(): { scenario: Scenario } | { missing: true } | { errors: string } {
  if (!existsSync(marchFile)) return { missing: true };
  const result = parseScenarioText(readFileSync(marchFile, 'utf8'));
  if (!result.ok) return { errors: result.errors.map((e) => `${e.path}: ${e.message}`).join('\n') };
  return { scenario: result.value };
}

/** An actor's plan for one week: play a strategy, or pick a legal move as a human would. */
type Choice = { strategy: StrategyId } | { pick: number };

const choice: fc.Arbitrary<Choice> = fc.oneof(
  fc.constantFrom(...strategyIds).map((strategy) => ({ strategy })),
  fc.nat().map((pick) => ({ pick })),
);

interface Game {
  readonly states: GameState[];
  readonly log: GameLog;
  /** The moves of each week, in order. */
  readonly weeks: TurnMoves[];
  /** resolved[t + 1]: the state week t resolved to, before any inject was queued on it. */
  readonly resolved: GameState[];
}

/** What happens around one week of a random game: an inject fired before it, a note on a move. */
interface Extra {
  readonly inject?: number;
  readonly note?: string;
}

const extra: fc.Arbitrary<Extra> = fc.record({ inject: fc.option(fc.nat(), { nil: undefined }), note: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }) }, { requiredKeys: [] });

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

function mustResolve(scenario: Scenario, state: GameState, moves: TurnMoves): GameState {
  const r = resolveTurn(scenario, state, moves);
  if (!r.ok) throw new Error(`turn ${state.turn}: ${r.error.message}`);
  return r.state;
}

/** This week's moves: AI strategies where the plan names one, legal human picks elsewhere. */
function movesFor(scenario: Scenario, state: GameState, plan: readonly Choice[]): TurnMoves {
  const actors = scenario.actors.map((a) => a.id);
  const strategies: Record<string, StrategyId> = {};
  actors.forEach((a, i) => {
    const c = plan[i % plan.length]!;
    if ('strategy' in c) strategies[a] = c.strategy;
  });
  const ai = chooseMoves(scenario, state, strategies);
  return Object.fromEntries(
    actors.map((a, i) => {
      const c = plan[i % plan.length]!;
      if ('strategy' in c) return [a, ai[a]!];
      const legal = legalMoveIds(scenario, state, a);
      return [a, legal[c.pick % legal.length]!];
    }),
  );
}

/**
 * Plays to the end. Every state is deep-frozen before the next turn reads it, and each turn is
 * resolved twice, so a turn that mutates its input or depends on anything but its arguments fails.
 */
function playRandom(scenario: Scenario, seed: number, horizon: number, plans: readonly (readonly Choice[])[], extras: readonly Extra[] = []): Game {
  const states = [deepFreeze(initialState(scenario, seed, horizon))];
  const log: LogEntry[] = [];
  const weeks: TurnMoves[] = [];
  const resolved = [states[0]!];
  while (!isOver(states[states.length - 1]!)) {
    const x = extras[states.length - 1] ?? {};
    if (x.inject !== undefined && scenario.injects.length > 0) {
      const id = scenario.injects[x.inject % scenario.injects.length]!.id;
      const queued = queueInject(scenario, states[states.length - 1]!, id);
      if (!queued.ok) throw new Error(queued.error.message);
      states[states.length - 1] = deepFreeze(queued.state);
      log.push({ kind: 'inject', inject: id });
    }
    const state = states[states.length - 1]!;
    const before = structuredClone(state);
    const moves = movesFor(scenario, state, plans[state.turn % plans.length]!);
    const next = mustResolve(scenario, state, moves);
    expect(mustResolve(scenario, state, moves), 'resolveTurn is pure').toStrictEqual(next);
    expect(state, 'resolveTurn leaves its input unchanged').toStrictEqual(before);
    log.push(weekOf(moves, x.note === undefined ? {} : { [scenario.actors[0]!.id]: x.note }));
    weeks.push(moves);
    states.push(deepFreeze(next));
    resolved.push(next);
  }
  return { states, log: { scenarioId: scenario.id, seed, horizon, log }, weeks, resolved };
}

/** Calls `visit` on every number in `value`, with its path. */
function eachNumber(value: unknown, visit: (n: number, path: string) => void, path = 'state'): void {
  if (typeof value === 'number') visit(value, path);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) eachNumber(v, visit, `${path}.${k}`);
  }
}

function sum(list: readonly { amount: number }[]): number {
  return list.reduce((total, c) => total + c.amount, 0);
}

/** The invariants of one state, and of the report of the week that led to it from `prev`. */
function checkState(scenario: Scenario, state: GameState, prev: GameState | null, moves: TurnMoves | null): void {
  const top = Math.max(...scenario.ladder.map((r) => r.level));
  eachNumber(state, (n, path) => expect(Number.isFinite(n), `${path} = ${n} is finite`).toBe(true));
  expect(Object.keys(state.vars).sort()).toEqual(scenario.variables.map((v) => v.id).sort());
  for (const v of scenario.variables) {
    const x = state.vars[v.id]!;
    expect(x >= v.min && x <= v.max, `${v.id} = ${x} lies in [${v.min}, ${v.max}]`).toBe(true);
  }
  expect(state.escalation).toBeGreaterThanOrEqual(0);
  expect(state.escalation).toBeLessThanOrEqual(top);
  eachNumber(state.grudges, (n, path) => expect(n, `${path} is not negative`).toBeGreaterThanOrEqual(0), 'grudges');
  expect(scenario.talks.phases.map((p) => p.id)).toContain(state.talks.phase);
  expect(state.talks.since).toBeLessThanOrEqual(state.turn);
  if (prev === null || moves === null) {
    expect(state.report).toBeNull();
    return;
  }
  const r = state.report!;
  expect(r.turn).toBe(prev.turn);
  expect(state.turn).toBe(prev.turn + 1);
  expect(Object.fromEntries(r.moves.map((m) => [m.actor, m.move]))).toEqual(moves);
  expect(r.talks).toMatchObject({ before: prev.talks.phase, after: state.talks.phase });
  const risk = r.talks.risk;
  for (const p of [risk.before, risk.after]) {
    expect(p).toBeGreaterThanOrEqual(0);
    expect(p).toBeLessThanOrEqual(1);
  }
  expect(risk.before).toBeCloseTo(riskOf(scenario, prev), 12);
  expect(risk.after).toBeCloseTo(riskOf(scenario, state), 12);
  expect(Math.abs(sum(risk.contributions) - (risk.after - risk.before)), 'risk contributions add up').toBeLessThan(1e-9);
  for (const n of r.beliefs) {
    expect(Number.isFinite(n.weight), `belief note ${n.belief} has a finite weight`).toBe(true);
    expect(n.expects).toBeGreaterThan(0);
    expect(n.expects).toBeLessThan(1);
  }
  expect(r.escalation.before).toBe(prev.escalation);
  expect(r.escalation.after).toBe(state.escalation);
  expect(Math.abs(sum(r.escalation.contributions) - (r.escalation.after - r.escalation.before)), 'escalation contributions add up').toBeLessThan(1e-9);
}

const game = (maxHorizon: number) =>
  fc.record({
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    horizon: fc.integer({ min: 1, max: maxHorizon }),
    plans: fc.array(fc.array(choice, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
    extras: fc.array(extra, { maxLength: 12 }),
    cut: fc.nat(),
  });

function gameProperties(load: () => Scenario, maxHorizon: number, numRuns: number): void {
  it('keeps every number finite and in bounds, and the contributions adding up, after every turn', () => {
    const s = load();
    fc.assert(
      fc.property(game(maxHorizon), ({ seed, horizon, plans, extras }) => {
        const { states, weeks } = playRandom(s, seed, horizon, plans, extras);
        expect(states.length).toBeGreaterThan(1);
        states.forEach((state, t) => checkState(s, state, t > 0 ? states[t - 1]! : null, t > 0 ? weeks[t - 1]! : null));
      }),
      { numRuns },
    );
  });

  it('replays the log, with its injects and notes, to the same states, whole or resumed from any entry', () => {
    const s = load();
    fc.assert(
      fc.property(game(maxHorizon), ({ seed, horizon, plans, extras, cut }) => {
        const { states, log } = playRandom(s, seed, horizon, plans, extras);
        expect(replay(s, log)).toStrictEqual({ states, error: null });
        const k = cut % (log.log.length + 1);
        const head = replay(s, { ...log, log: log.log.slice(0, k) });
        expect(head.error).toBeNull();
        const resumed = log.log.slice(k).reduce((list, entry) => {
          const r = applyEntry(s, list[list.length - 1]!, entry);
          if (!r.ok) throw new Error(r.error.message);
          return entry.kind === 'week' ? [...list, r.state] : [...list.slice(0, -1), r.state];
        }, head.states);
        expect(resumed).toStrictEqual(states);
        // A log cut at any week resumes to the state of that week, its queued injects included.
        const t = cut % states.length;
        expect(replay(s, { ...log, log: logUntil(log.log, t) }).states.at(-1)).toStrictEqual(states[t]);
      }),
      { numRuns },
    );
  });

  it('writes the log, with its injects and notes, to a game file, a session file and a share link, and reads the same game back; a forecast from the copy is the same', () => {
    const s = load();
    const scenarioFor = (id: string) => (id === s.id ? s : null);
    fc.assert(
      fc.property(game(maxHorizon), ({ seed, horizon, plans, extras, cut }) => {
        const { states, log } = playRandom(s, seed, horizon, plans, extras);
        const file = parseGameFile(JSON.parse(JSON.stringify(writeGameFile(log, s))), s);
        if (!file.ok) throw new Error(JSON.stringify(file.errors));
        expect(file.value.game).toStrictEqual(log);

        const session = { ...newSession(s, { seed, horizon, controllers: {} }), branches: [{ id: 'main', name: 'Main line', parent: null, forkTurn: 0, log: [...log.log] }] };
        const fromFile = parseSessionText(writeSession(session), scenarioFor);
        const fromLink = decodeShare(encodeShare(session), scenarioFor);
        if (!fromFile.ok) throw new Error(JSON.stringify(fromFile.errors));
        if (!fromLink.ok) throw new Error(JSON.stringify(fromLink.errors));
        expect(fromFile.value).toStrictEqual(session);
        expect(fromLink.value).toStrictEqual(session);

        // Futures from any week of the copy, queued injects included, are the futures of the original.
        const t = cut % states.length;
        const copy = replay(s, { ...log, log: logUntil(fromLink.value.branches[0]!.log, t) }).states.at(-1)!;
        const o: ForecastOptions = { runs: 8, turns: 3, seed: cut };
        expect(forecast(s, copy, o)).toStrictEqual(forecast(s, states[t]!, o));
      }),
      { numRuns: Math.ceil(numRuns / 2) },
    );
  });

  it('serialises every state to JSON and back without loss, and resumes from the copy', () => {
    const s = load();
    fc.assert(
      fc.property(game(maxHorizon), ({ seed, horizon, plans, extras }) => {
        const { states, weeks, resolved } = playRandom(s, seed, horizon, plans, extras);
        states.forEach((state, t) => {
          const copy = JSON.parse(JSON.stringify(state)) as GameState;
          expect(copy).toStrictEqual(state);
          if (t < weeks.length) expect(mustResolve(s, copy, weeks[t]!)).toStrictEqual(resolved[t + 1]);
        });
      }),
      { numRuns: Math.ceil(numRuns / 2) },
    );
  });
}

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
  gameProperties(fixture, 12, 100);
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

describe.skipIf('missing' in march)(
  `engine properties on scenarios/march-2021.json${'missing' in march ? ' (skipped: the file does not exist yet)' : ''}`,
  { timeout: 120_000 },
  () => {
    if ('errors' in march) {
      it('parses', () => expect.fail(`scenarios/march-2021.json does not parse:\n${march.errors}`));
    } else if ('scenario' in march) {
      const { scenario } = march;
      gameProperties(() => scenario, scenario.defaultTurns, 40);
      forecastProperties(() => scenario, 25);
    }
  },
);
