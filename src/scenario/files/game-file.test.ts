import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chooseMoves, initialState, queueInject, replay, resolveTurn, type GameLog } from '../../engine';
import { fixture } from '../../test/fixture';
import { weekOf, type LogEntry } from '../log';
import type { ScenarioError } from '../parse';
import { scenarioDigest } from './digest';
import { GAME_FILE_KIND, GAME_FILE_VERSION, gameFileFormat, parseGameFile, writeGameFile } from './game-file';

const s = fixture();

/** A played game of `weeks` AI weeks, with an inject fired before the second week and a note on the first. */
function played(weeks: number, seed = 1): GameLog {
  let state = initialState(s, seed);
  const log: LogEntry[] = [];
  for (let t = 0; t < weeks; t++) {
    if (t === 1) {
      const q = queueInject(s, state, 'inject.raid');
      if (!q.ok) throw new Error(q.error.message);
      state = q.state;
      log.push({ kind: 'inject', inject: 'inject.raid' });
    }
    const moves = chooseMoves(s, state, {});
    const r = resolveTurn(s, state, moves);
    if (!r.ok) throw new Error(r.error.message);
    log.push(weekOf(moves, t === 0 ? { blue: 'Hold and see.' } : {}));
    state = r.state;
  }
  return { scenarioId: s.id, seed, horizon: s.defaultTurns, log };
}

const valid = () => writeGameFile(played(3), s) as unknown as Record<string, unknown>;

function errorsFor(raw: unknown, scenario = s): ScenarioError[] {
  const r = parseGameFile(raw, scenario);
  if (r.ok) throw new Error('expected errors');
  return r.errors;
}

describe('writeGameFile and parseGameFile', () => {
  it('round-trip a played game, its inject and note, through JSON text', () => {
    const game = played(4);
    const r = parseGameFile(JSON.parse(JSON.stringify(writeGameFile(game, s))), s);
    expect(r).toEqual({ ok: true, value: { game, scenarioDigest: scenarioDigest(s) } });
  });

  it('write the kind, the version and the digest of the scenario played', () => {
    const file = writeGameFile(played(1), s);
    expect(file).toMatchObject({ kind: GAME_FILE_KIND, schemaVersion: GAME_FILE_VERSION, scenarioDigest: scenarioDigest(s) });
    expect(file.scenarioDigest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('give back a log that replays without error to the same end', () => {
    const game = played(5, 9);
    const r = parseGameFile(writeGameFile(game, s), s);
    if (!r.ok) throw new Error('parse failed');
    expect(replay(s, r.value.game)).toStrictEqual(replay(s, game));
    expect(replay(s, game).error).toBeNull();
  });

  it('copy the log, so later edits to the game do not change the file', () => {
    const game = played(2);
    const file = writeGameFile(game, s);
    const first = game.log[0] as { kind: 'week'; moves: Record<string, { move: string }> };
    const before = first.moves['blue']!.move;
    first.moves['blue']!.move = before === 'blue.strike' ? 'blue.hold' : 'blue.strike';
    expect((file.log[0] as typeof first).moves['blue']!.move).toBe(before);
  });

  it('check only the shape when no scenario is given', () => {
    const raw = { ...valid(), log: [{ kind: 'week', moves: { nobody: { move: 'x' } } }] };
    expect(parseGameFile(raw).ok).toBe(true);
    expect(parseGameFile(raw, s).ok).toBe(false);
  });
});

describe('parseGameFile errors', () => {
  it('rejects a file of another kind at the path "kind"', () => {
    expect(errorsFor({ ...valid(), kind: 'something-else' }).map((e) => e.path)).toEqual(['kind']);
  });

  it('names a move of another actor at its entry, actor and field', () => {
    const raw = valid();
    (raw['log'] as { kind: string; moves?: Record<string, { move: string }> }[])[0]!.moves!['blue'] = { move: 'red.wait' };
    expect(errorsFor(raw).map((e) => [e.path, e.code])).toEqual([['log[0].moves.blue.move', 'unknown-move']]);
  });

  it('names an actor whose move is missing, and an actor the scenario does not have', () => {
    const raw = valid();
    const moves = (raw['log'] as { moves: Record<string, unknown> }[])[0]!.moves;
    delete moves['red'];
    moves['green'] = { move: 'blue.hold' };
    expect(errorsFor(raw).map((e) => e.path).sort()).toEqual(['log[0].moves.green', 'log[0].moves.red']);
  });

  it('names an inject the scenario does not have', () => {
    const raw = { ...valid(), log: [{ kind: 'inject', inject: 'inject.nothing' }] };
    expect(errorsFor(raw).map((e) => [e.path, e.code])).toEqual([['log[0].inject', 'unknown-inject']]);
  });

  it('rejects a game for another scenario, and checks nothing else', () => {
    expect(errorsFor({ ...valid(), scenarioId: 'other', log: 'junk' }).map((e) => e.path)).toEqual(['log']);
    expect(errorsFor({ ...valid(), scenarioId: 'other' }).map((e) => [e.path, e.code])).toEqual([['scenarioId', 'wrong-scenario']]);
  });

  it('rejects more weeks than the horizon, and accepts exactly as many', () => {
    const game = played(s.defaultTurns);
    expect(parseGameFile(writeGameFile(game, s), s).ok).toBe(true);
    const longer = { ...writeGameFile(game, s), horizon: s.defaultTurns - 1 };
    expect(errorsFor(longer).map((e) => e.code)).toEqual(['too-long']);
  });

  it('rejects an unknown field, a note too long and an entry of unknown kind', () => {
    const raw = valid();
    const errors = errorsFor({ ...raw, extra: 1, log: [{ kind: 'week', moves: { blue: { move: 'blue.hold', note: 'x'.repeat(501) } } }, { kind: 'pause' }] });
    expect(errors.map((e) => e.path).sort()).toEqual(['', 'log[0].moves.blue.note', 'log[1].kind']);
  });

  it('refuses a file newer than this version reads, naming its version', () => {
    expect(errorsFor({ ...valid(), schemaVersion: 3 })).toMatchObject([{ path: 'schemaVersion', code: 'newer-version' }]);
  });
});

describe('saved games of version 1', () => {
  it('migrate by their named step: turns become a typed log, with no digest recorded', () => {
    expect(gameFileFormat.steps.map((x) => [x.from, x.name])).toEqual([[1, 'turns become a typed log, and the scenario digest is recorded (none for version 1)']]);
    const v1 = { kind: GAME_FILE_KIND, schemaVersion: 1, scenarioId: 'fixture', seed: 2, horizon: 10, turns: [{ blue: 'blue.hold', red: 'red.wait', proxy: 'proxy.lie-low' }] };
    expect(gameFileFormat.steps[0]!.up(v1)).toEqual({
      kind: GAME_FILE_KIND,
      schemaVersion: 1,
      scenarioId: 'fixture',
      seed: 2,
      horizon: 10,
      scenarioDigest: null,
      log: [{ kind: 'week', moves: { blue: { move: 'blue.hold' }, red: { move: 'red.wait' }, proxy: { move: 'proxy.lie-low' } } }],
    });
  });
});

describe('parseGameFile on arbitrary input', () => {
  it('never throws on any JSON value, with or without a scenario', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = parseGameFile(raw, s);
        expect(typeof r.ok).toBe('boolean');
        expect(parseGameFile(raw).ok === true || parseGameFile(raw).ok === false).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a valid file with random nodes replaced, and accepts only logs of own moves within the horizon', () => {
    fc.assert(
      fc.property(fc.nat(), fc.jsonValue(), (pick, junk) => {
        const raw = valid();
        const entries = raw['log'] as unknown[];
        const at = pick % (entries.length + 3);
        if (at < entries.length) entries[at] = junk;
        else raw[['seed', 'horizon', 'scenarioDigest'][at - entries.length]!] = junk;
        const r = parseGameFile(raw, s);
        if (r.ok) expect(replay(s, r.value.game).error).toBeNull();
      }),
      { numRuns: 300 },
    );
  });
});
