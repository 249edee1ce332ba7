/**
 * Properties of the engine over many random games: numbers stay finite and in bounds, the "why"
 * contributions add up, turns are pure, and states replay, resume and serialise exactly, through the
 * game file, the session file and the share link too.
 *
 * Runs on the fixture and on scenarios/march-2021.json (when that file exists). The properties of
 * forecasts are in properties-forecasts.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { strategyIds, type Scenario, type StrategyId } from '../scenario/schema';
import { parseGameFile, writeGameFile } from '../scenario/files/game-file';
import { newSession, parseSessionText, writeSession } from '../scenario/files/session-file';
import { decodeShare, encodeShare } from '../scenario/files/share-link';
import { logUntil, weekOf, type LogEntry } from '../scenario/log';
import { loadMarch, marchTitle, mustResolve } from '../test/engine-properties';
import { fixture } from '../test/fixture';
import {
  applyEntry,
  chooseMoves,
  forecast,
  initialState,
  isOver,
  legalMoveIds,
  queueInject,
  replay,
  riskOf,
  type ForecastOptions,
  type GameLog,
  type GameState,
  type TurnMoves,
} from './index';

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

describe('engine properties on the fixture', { timeout: 120_000 }, () => {
  gameProperties(fixture, 12, 100);
});

const march = loadMarch();

describe.skipIf('missing' in march)(marchTitle(march), { timeout: 120_000 }, () => {
  if ('errors' in march) {
    it('parses', () => expect.fail(`scenarios/march-2021.json does not parse:\n${march.errors}`));
  } else if ('scenario' in march) {
    const { scenario } = march;
    gameProperties(() => scenario, scenario.defaultTurns, 40);
  }
});
