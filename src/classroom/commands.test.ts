import { describe, expect, it } from 'vitest';
import { replay } from '../engine/game';
import { scenarioDigest } from '../scenario/files/digest';
import { applyRoomEntry, parseRoomLog, remainingMs, roomEntryLine, roomHeaderLine, type NewRoomEntry, type RoomEntry, type RoomState } from '../scenario/files/room-log';
import { fixture } from '../test/fixture';
import { currentState, facilitatorCommand, teamCommand } from './commands';
import { viewFor } from './view';

const scenario = fixture();
const hash = (c: string) => c.repeat(64);
const T0 = Date.UTC(2026, 0, 5, 9);

/** A room of the fixture with blue and red played by teams, as its log would fold. */
function room(minutesPerTurn = 4) {
  const entries: RoomEntry[] = [];
  let state: RoomState | null = null;
  const add = (list: readonly NewRoomEntry[], at = T0 + entries.length * 1000) => {
    for (const e of list) {
      const entry = { ...e, seq: entries.length + 1, at: new Date(at).toISOString() } as RoomEntry;
      entries.push(entry);
      state = applyRoomEntry(state, entry, 'ABCDEF');
    }
    return state!;
  };
  add([{ kind: 'created', setup: { scenarioId: scenario.id, scenarioDigest: scenarioDigest(scenario), seed: 3, horizon: 4, teams: ['blue', 'red'], strategies: { proxy: 'hawk' }, minutesPerTurn, numbersShown: true }, facilitator: hash('f') }]);
  add([{ kind: 'seat', actor: 'blue', token: hash('b') }, { kind: 'seat', actor: 'red', token: hash('c') }]);
  return { entries, add, get: () => state! };
}

const ok = (r: ReturnType<typeof teamCommand>) => {
  if (!r.ok) throw new Error(r.error);
  return r.entries;
};

describe('the room rules', () => {
  it('resolve the week once every team has sealed, with their notes and the AI’s moves', () => {
    const r = room();
    r.add(ok(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'blue.strike', note: '  Answer them.  ' })));
    expect(r.get().log).toHaveLength(0);
    expect(r.get().sealed['blue']).toEqual({ move: 'blue.strike', note: 'Answer them.' });
    const last = ok(teamCommand(scenario, r.get(), 'red', { type: 'seal', move: 'red.wait' }));
    expect(last.map((e) => e.kind)).toEqual(['sealed', 'game']);
    r.add(last);
    const week = r.get().log[0]!;
    if (week.kind !== 'week') throw new Error('expected a week');
    expect(week.moves['blue']).toEqual({ move: 'blue.strike', note: 'Answer them.' });
    expect(week.moves['red']).toEqual({ move: 'red.wait' });
    expect(week.moves['proxy']!.auto).toBeUndefined();
    expect(r.get().sealed).toEqual({});
    expect(currentState(scenario, r.get()).turn).toBe(1);
  });

  it('give a late team its AI strategy’s move, marked automatic, when the facilitator resolves', () => {
    const r = room();
    r.add(ok(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'blue.hold' })));
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'resolve' }, T0)));
    const week = r.get().log[0]!;
    if (week.kind !== 'week') throw new Error('expected a week');
    expect(week.moves['blue']).toEqual({ move: 'blue.hold' });
    expect(week.moves['red']!.auto).toBe(true);
  });

  it('refuse an illegal move, another actor’s move and a seal after the end, each saying why', () => {
    const r = room();
    expect(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'red.wait' })).toEqual({ ok: false, error: '"red.wait" is not a move blue can make this week' });
    expect(teamCommand(scenario, r.get(), 'proxy', { type: 'seal', move: 'proxy.lie-low' })).toMatchObject({ ok: false, error: expect.stringContaining('not played by a team') });
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'end' }, T0)));
    expect(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'blue.hold' })).toEqual({ ok: false, error: 'the game has ended' });
  });

  it('roll back the last step of the log, recorded, and clear the week’s seals', () => {
    const r = room();
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'resolve' }, T0)));
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'inject', inject: scenario.injects[0]!.id }, T0)));
    r.add(ok(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'blue.hold' })));
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'rollback' }, T0)));
    expect(r.get().log.map((e) => e.kind)).toEqual(['week']);
    expect(r.get().sealed).toEqual({});
    expect(r.get().rollbacks).toBe(1);
    expect(r.entries.filter((e) => e.kind === 'rollback')).toHaveLength(1);
  });

  it('keep the timer on the server’s clock: started, paused with what was left, reset by a new week', () => {
    const r = room(2);
    expect(r.get().timer).toEqual({ running: false, remainingMs: 120_000 });
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'timer', action: 'start' }, T0)), T0);
    expect(remainingMs(r.get().timer!, T0 + 30_000)).toBe(90_000);
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'timer', action: 'pause' }, T0 + 30_000)), T0 + 30_000);
    expect(r.get().timer).toEqual({ running: false, remainingMs: 90_000 });
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'timer', action: 'start' }, T0 + 60_000)), T0 + 60_000);
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'resolve' }, T0 + 70_000)), T0 + 70_000);
    expect(r.get().timer).toEqual({ running: true, endsAt: T0 + 70_000 + 120_000 });
    expect(facilitatorCommand(scenario, room(0).get(), { type: 'timer', action: 'start' }, T0)).toEqual({ ok: false, error: 'this room has no timer' });
  });

  it('show a team its own sealed move and nobody anyone else’s', () => {
    const r = room();
    r.add(ok(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'blue.strike', note: 'secret' })));
    const connected = new Set(['blue']);
    const blue = viewFor(scenario, r.get(), { role: 'team', actor: 'blue' }, connected, T0);
    const red = viewFor(scenario, r.get(), { role: 'team', actor: 'red' }, connected, T0);
    const facilitator = viewFor(scenario, r.get(), { role: 'facilitator', actor: null }, connected, T0);
    expect(blue.mySealed).toEqual({ move: 'blue.strike', note: 'secret' });
    for (const v of [red, facilitator]) {
      expect(v.mySealed).toBeNull();
      expect(JSON.stringify(v)).not.toContain('blue.strike');
      expect(JSON.stringify(v)).not.toContain('secret');
      expect(v.seats.find((s) => s.actor === 'blue')).toMatchObject({ sealed: true, connected: true, claimed: true });
    }
    expect(JSON.stringify(facilitator)).not.toContain(hash('f'));
  });

  it('fold the same room from its file as from its entries, and drop a cut-off last line with a warning', () => {
    const r = room();
    r.add(ok(teamCommand(scenario, r.get(), 'blue', { type: 'seal', move: 'blue.hold' })));
    r.add(ok(facilitatorCommand(scenario, r.get(), { type: 'resolve' }, T0)));
    const text = [roomHeaderLine('ABCDEF'), ...r.entries.map(roomEntryLine)].map((l) => `${l}\n`).join('');
    const read = parseRoomLog(text);
    expect(read).toMatchObject({ ok: true, value: { room: r.get(), warnings: [] } });
    const cut = text.slice(0, text.length - 20);
    const partial = parseRoomLog(cut);
    if (!partial.ok) throw new Error(JSON.stringify(partial.errors));
    expect(partial.value.warnings).toEqual([expect.stringContaining('was cut off')]);
    expect(partial.value.entries).toHaveLength(r.entries.length - 1);
    const broken = text.replace('"kind":"seat"', '"kind":"seat","extra":1');
    expect(parseRoomLog(broken)).toMatchObject({ ok: false, errors: [{ path: expect.stringMatching(/^line 3/) }] });
    expect(replay(scenario, { scenarioId: scenario.id, seed: 3, horizon: 4, log: r.get().log }).error).toBeNull();
  });
});
