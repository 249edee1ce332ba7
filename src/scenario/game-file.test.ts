import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseMoves, initialState, replay, resolveTurn, type GameLog, type TurnMoves } from '../engine';
import { fixture } from '../test/fixture';
import { GAME_FILE_KIND, GAME_FILE_VERSION, parseGameFile, writeGameFile } from './game-file';
import type { ScenarioError } from './parse';

const quiet: TurnMoves = { blue: 'blue.hold', red: 'red.wait', proxy: 'proxy.lie-low' };

/** A game of `turns` weeks on the fixture, played by the scenario's default AI. */
function playedLog(seed: number, turns: number): GameLog {
  const s = fixture();
  let state = initialState(s, seed, turns);
  const log: TurnMoves[] = [];
  for (let t = 0; t < turns && state.ended === null; t++) {
    const moves = chooseMoves(s, state, {});
    const r = resolveTurn(s, state, moves);
    if (!r.ok) throw new Error(r.error.message);
    log.push(moves);
    state = r.state;
  }
  return { scenarioId: s.id, seed, horizon: turns, turns: log };
}

/** A saved file of three quiet weeks, as plain JSON to break. */
function savedFile(): { kind: string; schemaVersion: number; scenarioId: string; seed: number; horizon: number; turns: Record<string, string>[] } {
  return JSON.parse(JSON.stringify(writeGameFile({ scenarioId: 'fixture', seed: 9, horizon: 5, turns: [quiet, quiet, quiet] })));
}

function errorsOf(raw: unknown, withScenario = true): ScenarioError[] {
  const r = parseGameFile(raw, withScenario ? fixture() : undefined);
  if (r.ok) throw new Error('expected the game file to be rejected, but it parsed');
  return r.errors;
}

describe('writeGameFile and parseGameFile', () => {
  it('round-trip a played game through JSON text', () => {
    const log = playedLog(42, 8);
    expect(log.turns.length).toBeGreaterThan(0);
    const text = JSON.stringify(writeGameFile(log));
    expect(parseGameFile(JSON.parse(text), fixture())).toStrictEqual({ ok: true, value: log });
  });

  it('write the kind and version that mark a saved game', () => {
    const file = writeGameFile(playedLog(1, 2));
    expect(file.kind).toBe(GAME_FILE_KIND);
    expect(file.schemaVersion).toBe(GAME_FILE_VERSION);
  });

  it('give back a log that replays without error to the same end', () => {
    const s = fixture();
    const log = playedLog(7, 6);
    const parsed = parseGameFile(JSON.parse(JSON.stringify(writeGameFile(log))), s);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const original = replay(s, log);
    const again = replay(s, parsed.value);
    expect(again.error).toBeNull();
    expect(again.states.at(-1)).toStrictEqual(original.states.at(-1));
  });

  it('copy the turns, so later edits to the log do not change the file', () => {
    const turns = [{ ...quiet }];
    const file = writeGameFile({ scenarioId: 'fixture', seed: 1, horizon: 2, turns });
    turns[0]!.blue = 'blue.strike';
    expect(file.turns[0]!.blue).toBe('blue.hold');
  });

  it('check only the shape when no scenario is given', () => {
    const raw = savedFile();
    raw.turns[0]!.blue = 'no.such-move';
    expect(parseGameFile(raw).ok).toBe(true);
  });
});

describe('parseGameFile errors', () => {
  it('rejects a file of another kind at the path "kind"', () => {
    const raw = { ...savedFile(), kind: 'deterrence-lab/session' };
    expect(errorsOf(raw).map((e) => e.path)).toEqual(['kind']);
  });

  it('rejects a move of another actor at the turn and actor it was given for', () => {
    const raw = savedFile();
    raw.turns[1]!.red = 'blue.hold';
    expect(errorsOf(raw)).toEqual([{ path: 'turns[1].red', code: 'unknown-move', message: '"blue.hold" is not a move of "red"' }]);
  });

  it('rejects a move id the scenario does not have', () => {
    const raw = savedFile();
    raw.turns[2]!.proxy = 'proxy.surrender';
    expect(errorsOf(raw)).toEqual([{ path: 'turns[2].proxy', code: 'unknown-move', message: '"proxy.surrender" is not a move of "proxy"' }]);
  });

  it('rejects a turn with an actor\'s move missing', () => {
    const raw = savedFile();
    delete raw.turns[0]!.proxy;
    expect(errorsOf(raw)).toEqual([{ path: 'turns[0].proxy', code: 'missing-move', message: 'no move for actor "proxy"' }]);
  });

  it('rejects a move for an actor the scenario does not have', () => {
    const raw = savedFile();
    raw.turns[0]!.green = 'green.wave';
    expect(errorsOf(raw)).toEqual([{ path: 'turns[0].green', code: 'unknown-actor', message: 'unknown actor "green"' }]);
  });

  it('rejects a game for another scenario, and checks nothing else', () => {
    const raw = { ...savedFile(), scenarioId: 'march-2021' };
    raw.turns[0]!.blue = 'nonsense';
    expect(errorsOf(raw)).toEqual([{ path: 'scenarioId', code: 'wrong-scenario', message: expect.stringContaining('"march-2021", not "fixture"') }]);
  });

  it('rejects more turns than the horizon', () => {
    const raw = { ...savedFile(), horizon: 2 };
    expect(errorsOf(raw)).toEqual([{ path: 'turns', code: 'too-long', message: '3 turns is more than the horizon of 2' }]);
  });

  it('accepts exactly as many turns as the horizon', () => {
    expect(parseGameFile({ ...savedFile(), horizon: 3 }, fixture()).ok).toBe(true);
  });

  it.each([
    ['seed', -1],
    ['seed', 2 ** 32],
    ['horizon', 0],
    ['schemaVersion', 2],
  ])('rejects %s = %d at its path', (field, value) => {
    expect(errorsOf({ ...savedFile(), [field]: value }).map((e) => e.path)).toEqual([field]);
  });

  it('rejects an unknown field and a move that is not a string', () => {
    const raw: Record<string, unknown> = { ...savedFile(), extra: 1 };
    (raw['turns'] as unknown[])[1] = { ...quiet, red: 3 };
    const paths = errorsOf(raw).map((e) => e.path);
    expect(paths).toContain('turns[1].red');
    expect(paths).toContain('');
  });
});

describe('parseGameFile on arbitrary input', () => {
  it('never throws on any JSON value, with or without a scenario', () => {
    const s = fixture();
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (raw, withScenario) => {
        const r = parseGameFile(raw, withScenario ? s : undefined);
        expect(r.ok).toBe(false);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a well-formed file exactly when every turn names one own move per actor within the horizon', () => {
    const s = fixture();
    const actors = s.actors.map((a) => a.id);
    const actorOf = new Map(s.moves.map((m) => [m.id, m.actor]));
    const moveFor = (actor: string) =>
      fc.oneof(
        { arbitrary: fc.constantFrom(...s.moves.filter((m) => m.actor === actor).map((m) => m.id)), weight: 6 },
        { arbitrary: fc.constantFrom(...s.moves.map((m) => m.id)), weight: 1 },
        { arbitrary: fc.string(), weight: 1 },
      );
    const turn = fc
      .tuple(
        fc.record(Object.fromEntries(actors.map((a) => [a, moveFor(a)])), { requiredKeys: [] }),
        fc.dictionary(fc.string(), fc.string(), { maxKeys: 1 }),
        fc.boolean(),
      )
      .map(([own, extra, addExtra]) => (addExtra ? { ...extra, ...own } : own) as Record<string, string>);
    const valid = (t: Record<string, string>) =>
      Object.keys(t).sort().join() === [...actors].sort().join() && Object.entries(t).every(([a, m]) => actorOf.get(m) === a);
    fc.assert(
      fc.property(fc.array(turn, { maxLength: 5 }), fc.integer({ min: 1, max: 5 }), (turns, horizon) => {
        const r = parseGameFile({ ...savedFile(), horizon, turns }, s);
        expect(r.ok).toBe(turns.length <= horizon && turns.every(valid));
        if (r.ok) expect(r.value.turns).toEqual(turns);
        else for (const e of r.errors) expect(e.path).toMatch(/^turns(\[\d+\]\..*)?$/);
      }),
      { numRuns: 400 },
    );
  });
});
