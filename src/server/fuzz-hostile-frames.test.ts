/**
 * The classroom server under hostile input. Four screens (the facilitator's, a team's, an observer's
 * and one that never joined) send 10,000 malformed and hostile frames drawn by fast-check: text that
 * is not JSON, binary frames, wrong types, unknown types, commands with hostile values (long strings,
 * unicode, `__proto__` keys, numbers in words, another room's code, forged tokens, illegal moves,
 * another team's moves) and commands of another role. Each must get exactly one error frame, no
 * connection may close, and the room must come through as it was: its file byte for byte, its fold
 * equal to the server's own state, its log replaying, a normal week still playing.
 *
 * What closes a connection, and the rate limits, are tested in fuzz-limits.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { clientMessage, MAX_CLIENT_FRAME, type Role } from '../classroom/protocol';
import { legalMoveIds } from '../engine/game';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../scenario/files/room-log';
import { defaultLimits } from './classroom';
import { expectIntact, march, observe, openRoom, playWeek, Screen, screensOf, serve, stateOf, type Frame } from './fuzz-helpers';
import { RoomStore } from './room-store';

const FRAMES = 10_000;
/** Frames sent before their answers are awaited, spread over the four screens. */
const ROUND = 200;

// ---- What the fuzz sends -------------------------------------------------------------------------

type Sender = Role | 'none';
const SENDERS = ['facilitator', 'team', 'observer', 'none'] as const satisfies readonly Sender[];
const TYPES = clientMessage.options.map((o) => o.shape.type.value);
const actorIds = march.actors.map((a) => a.id);

/** What the fuzz knows of the server: its two rooms, their tokens and the team's legal moves this week. */
interface Target {
  readonly room: string;
  readonly other: string;
  readonly tokens: readonly string[];
  readonly otherTokens: readonly string[];
  readonly legal: readonly string[];
}

/**
 * Whether the server would carry out `frame` from `sender` rather than refuse it. The fuzz leaves
 * such frames out: it is after refusals, and everything else must be refused.
 */
function wouldDo(sender: Sender, t: Target, frame: Frame): boolean {
  if (!('text' in frame)) return false;
  let raw: unknown;
  try {
    raw = JSON.parse(frame.text);
  } catch {
    return false;
  }
  const parsed = clientMessage.safeParse(raw);
  if (!parsed.success) return false;
  const m = parsed.data;
  switch (m.type) {
    case 'create':
      return sender === 'none' && m.room.scenarioId === march.id && [...m.room.teams, ...Object.keys(m.room.strategies)].every((a) => actorIds.includes(a));
    case 'join': {
      const tokens = m.code === t.room ? t.tokens : m.code === t.other ? t.otherTokens : null;
      return tokens !== null && (m.token === undefined || tokens.includes(m.token));
    }
    case 'claim': // an observer's, and every seat of the room is taken
    case 'unseal': // nothing is sealed
    case 'timer': // the room has no timer
      return false;
    case 'seal':
      return sender === 'team' && t.legal.includes(m.move);
    case 'inject':
      return sender === 'facilitator' && march.injects.some((e) => e.id === m.inject);
    case 'ping': // any screen's, answered with a pong
      return true;
    case 'export':
    case 'delete':
    case 'resolve':
    case 'rollback':
    case 'numbers':
    case 'end':
      return sender === 'facilitator';
    default:
      return m satisfies never;
  }
}

/** Strings that have broken servers: prototype keys, control and bidi characters, lone surrogates, look-alikes, numbers in words. */
const NASTY = ['', ' ', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '\u0000', '\ud800', '\udfff', '\u202e', '\ufeff', '\u2028', '🇺🇸', 'us\u0000', 'ｕｓ', 'US', ' us', '-1', '-0', 'NaN', 'Infinity', '1e309', '0x1f', '4294967296', '<script>alert(1)</script>', '../../etc/passwd', '${7*7}', "' OR 1=1 --"];
const nasty = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), minLength: 1, maxLength: 4 }),
  // Over every string limit of the protocol (100, 200, 500 characters), under the frame's.
  fc.integer({ min: 101, max: 3_000 }).map((n) => 'x'.repeat(n)),
);
const number = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(-1, -0, 0.5, 2 ** 53 + 2, 0xffffffff + 1, 521, 61, Number.MAX_VALUE));
const KEYS = ['__proto__', 'constructor', 'prototype', 'type', 'room', 'code', 'token', 'actor', 'move', 'note', 'seed', 'teams', 'role'];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 10 }));
/** An object with own keys such as `__proto__` (Object.fromEntries defines them; a literal would set the prototype). */
const keyed = (v: fc.Arbitrary<unknown>) => fc.array(fc.tuple(key, v), { maxLength: 4 }).map((e) => Object.fromEntries(e) as Record<string, unknown>);
const value: fc.Arbitrary<unknown> = fc.oneof(nasty, number, fc.boolean(), fc.constant(null), fc.array(nasty, { maxLength: 4 }), keyed(fc.jsonValue({ maxDepth: 2 })), fc.jsonValue({ maxDepth: 3 }));

const lesson = { scenarioId: march.id, seed: 1, horizon: 26, teams: ['us'], strategies: {}, minutesPerTurn: 0, numbersShown: true };

function createMessages(actor: fc.Arbitrary<unknown>) {
  return fc.oneof(
    fc.tuple(fc.constantFrom(...Object.keys(lesson), '__proto__', 'extra'), value).map(([k, v]) => ({ type: 'create', room: { ...lesson, [k]: v } })),
    fc.record({ teams: fc.array(actor, { maxLength: 13 }), strategies: keyed(fc.oneof(fc.constantFrom('hawk', 'dove', 'tit-for-tat'), nasty)) }).map((r) => ({ type: 'create', room: { ...lesson, ...r } })),
    value.map((room) => ({ type: 'create', room })),
  );
}

function messages(t: Target): fc.Arbitrary<Record<string, unknown>> {
  const code = fc.oneof(fc.constantFrom(t.room, t.other, t.room.toLowerCase(), `${t.room} `, t.room.slice(1)), fc.stringMatching(new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`)), nasty);
  const token = fc.oneof(fc.constantFrom(...t.tokens, ...t.otherTokens, ...t.tokens.map((x) => x.toUpperCase())), fc.stringMatching(/^[0-9a-f]{32}$/), nasty);
  const actor = fc.oneof(fc.constantFrom(...actorIds), nasty);
  const move = fc.oneof(fc.constantFrom(...march.moves.map((m) => m.id)), nasty);
  const note = fc.oneof(nasty, fc.string({ maxLength: 600 }), value);
  return fc.oneof(
    fc.tuple(fc.constantFrom(...TYPES), keyed(value)).map(([type, x]) => ({ ...x, type })),
    fc.tuple(fc.oneof(nasty, number, fc.constant(undefined)), keyed(value)).map(([type, x]) => ({ ...x, type })),
    createMessages(actor),
    fc.record({ type: fc.constant('join'), code, token }, { requiredKeys: ['type', 'code'] }),
    fc.record({ type: fc.constant('claim'), actor }),
    fc.record({ type: fc.constant('seal'), move }),
    fc.record({ type: fc.constant('seal'), move, note, actor }, { requiredKeys: ['type', 'move'] }),
    fc.record({ type: fc.constant('inject'), inject: fc.oneof(fc.constantFrom(...march.injects.map((e) => e.id)), nasty, value) }),
    fc.record({ type: fc.constant('timer'), action: fc.oneof(fc.constantFrom('start', 'pause'), nasty, value) }),
    fc.record({ type: fc.constant('numbers'), shown: fc.oneof(fc.boolean(), value) }),
    fc.constantFrom(...['resolve', 'rollback', 'end', 'export', 'delete', 'unseal'].map((type) => ({ type }))),
  );
}

/** Text that JSON parsers disagree on, or that is almost a command. */
const ODD_JSON = [
  ...['', ' ', 'null', '0', '""', '[]', '{}', "{'type':'resolve'}", '{"type":"resolve",}', '\ufeff{"type":"resolve"}', '{"type":"seal","move":NaN}', '{"type":"seal","move":"a" "b"}'],
  ...['{"type":"resolve"}{"type":"end"}', '{"type":"resolve"}\n{"type":"end"}', '[{"type":"resolve"}]', '"{\\"type\\":\\"resolve\\"}"', '{"type":"resolve","type":"end"}'],
  ...['{"__proto__":{"type":"resolve"}}', '{"type":"resolve","__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}},"type":"end"}'],
  ...['1e309', '-1e309', '-1', '01', '0x10', '1.5', '"1"'].map((seed) => JSON.stringify({ type: 'create', room: lesson }).replace('"seed":1', `"seed":${seed}`)),
];

const nested = fc
  .integer({ min: 1, max: 4_000 })
  .chain((n) => fc.constantFrom('['.repeat(n) + ']'.repeat(n), `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`, `{"type":"create","room":${'['.repeat(n)}${']'.repeat(n)}}`));

function frames(t: Target): fc.Arbitrary<Frame> {
  const json = messages(t).map((m) => JSON.stringify(m));
  const text = fc.oneof(
    { weight: 8, arbitrary: json },
    fc.string({ unit: 'binary', maxLength: 200 }),
    fc.tuple(json, fc.nat()).map(([s, k]) => s.slice(0, k % s.length)), // cut short
    fc.constantFrom(...ODD_JSON),
    nested,
  );
  const binary = fc.oneof(fc.uint8Array({ maxLength: 300 }), json.map((s) => new TextEncoder().encode(s)));
  return fc
    .oneof({ weight: 10, arbitrary: text.map((s): Frame => ({ text: s })) }, binary.map((b): Frame => ({ binary: b })))
    .filter((f) => ('text' in f ? Buffer.byteLength(f.text) : f.binary.length) <= MAX_CLIENT_FRAME);
}

/** The error a frame must get when the text alone decides it; null when any error will do. */
function expectedError(frame: Frame): string | null {
  if ('binary' in frame) return `a message must be JSON text of at most ${MAX_CLIENT_FRAME} bytes`;
  try {
    JSON.parse(frame.text);
    return null;
  } catch {
    return 'the message is not valid JSON';
  }
}

const shown = (f: Frame) => ('text' in f ? JSON.stringify(f.text.slice(0, 300)) : `a binary frame of ${f.binary.length} bytes`);

/** Each screen sends its frames of the round at once, then must get one error frame for each, in order. */
async function fuzzRound(round: readonly { sender: Sender; frame: Frame }[], screens: Readonly<Record<Sender, Screen>>, seed: number): Promise<void> {
  await Promise.all(
    SENDERS.map(async (sender) => {
      const mine = round.filter((p) => p.sender === sender).map((p) => p.frame);
      for (const f of mine) screens[sender].send(f);
      const answers = await screens[sender].take(mine.length, `the ${sender} screen's answers (FC_SEED=${seed})`);
      answers.forEach((a, i) => {
        const want = expectedError(mine[i]!);
        expect(a, `the ${sender} screen sent ${shown(mine[i]!)} (FC_SEED=${seed})`).toMatchObject({ type: 'error', message: want ?? expect.any(String) });
      });
    }),
  );
}

describe('the classroom server under hostile input', { timeout: 120_000 }, () => {
  it('answers each of 10,000 hostile frames from four screens with one error frame, closes none, and leaves the room as it was', async () => {
    const appends = vi.spyOn(RoomStore.prototype, 'append');
    const { server, roomsDir, log } = await serve({ ...defaultLimits, burst: 1e9, perSecond: 1e9, failedJoinsPerMinute: 1e9 });
    const room = await openRoom(server.port, ['us', 'iran']);
    const other = await openRoom(server.port, ['us']);
    await playWeek(room);
    const screens: Record<Sender, Screen> = { facilitator: room.facilitator, team: room.seats.get('us')!.screen, observer: await observe(server.port, room.code), none: await Screen.open(server.port) };
    await Promise.all([...screensOf(room), screens.observer].map((s) => s.sync()));
    const target: Target = {
      room: room.code,
      other: other.code,
      tokens: [room.facilitatorToken, ...[...room.seats.values()].map((s) => s.token)],
      otherTokens: [other.facilitatorToken, ...[...other.seats.values()].map((s) => s.token)],
      legal: legalMoveIds(march, stateOf(room.facilitator.view!), 'us'),
    };
    const file = readFileSync(join(roomsDir, `${room.code}.jsonl`), 'utf8');
    const prototypeKeys = Object.getOwnPropertyNames(Object.prototype);

    const seed = fc.readConfigureGlobal().seed ?? Date.now() % 0x7fffffff;
    const plan = fc.sample(
      fc.record({ sender: fc.constantFrom(...SENDERS), frame: frames(target) }).filter(({ sender, frame }) => !wouldDo(sender, target, frame)),
      { seed, numRuns: FRAMES },
    );
    for (let i = 0; i < plan.length; i += ROUND) await fuzzRound(plan.slice(i, i + ROUND), screens, seed);

    for (const s of [...Object.values(screens), ...screensOf(room), ...screensOf(other)]) expect(s.closed).toBeNull();
    for (const s of [room.seats.get('iran')!.screen, ...screensOf(other)]) expect(s.unread).toBe(0);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(200);
    expect(log.filter((l) => l.startsWith('classroom:'))).toEqual([]);
    expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeKeys);
    expect(readFileSync(join(roomsDir, `${room.code}.jsonl`), 'utf8')).toBe(file);
    expectIntact(roomsDir, room.code, appends);
    expectIntact(roomsDir, other.code, appends);

    const note = '  Hold\u0000 fire \ud800 \u2028 🇮🇷 <b>"x"</b>\n ';
    const week = await playWeek(room, note);
    expect(week.log[1]).toMatchObject({ kind: 'week', moves: { us: { note: note.trim() }, iran: { note: note.trim() } } });
    expect(expectIntact(roomsDir, room.code, appends).log).toEqual(week.log);
  });
});
