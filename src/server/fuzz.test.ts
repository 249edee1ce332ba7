/**
 * The classroom server under hostile input. Four screens (the facilitator's, a team's, an observer's
 * and one that never joined) send 10,000 malformed and hostile frames drawn by fast-check: text that
 * is not JSON, binary frames, wrong types, unknown types, commands with hostile values (long strings,
 * unicode, `__proto__` keys, numbers in words, another room's code, forged tokens, illegal moves,
 * another team's moves) and commands of another role. Each must get exactly one error frame, no
 * connection may close, and the room must come through as it was: its file byte for byte, its fold
 * equal to the server's own state, its log replaying, a normal week still playing.
 *
 * Apart from that: only a protocol violation closes a connection (a frame over MAX_CLIENT_FRAME with
 * 1009, from ws's `maxPayload`; text that is not UTF-8 with 1007, from ws), and a flood beyond the
 * default rate limit is answered frame by frame, never left hanging.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi, type MockInstance } from 'vitest';
import WebSocket from 'ws';
import { clientMessage, MAX_CLIENT_FRAME, type ClientMessage, type Role, type RoomView, type ServerMessage } from '../classroom/protocol';
import { loadScenario } from '../cli/load';
import { legalMoveIds, replay } from '../engine/game';
import type { GameState } from '../engine/state';
import { parseRoomLog, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, type RoomState } from '../scenario/files/room-log';
import { weeksIn } from '../scenario/log';
import { defaultLimits, type ClassroomLimits } from './classroom';
import { RoomStore } from './room-store';
import { startServer } from './server';

const march = loadScenario('march-2021').scenario;
const FRAMES = 10_000;
/** Frames sent before their answers are awaited, spread over the four screens. */
const ROUND = 200;
/** How long a round's answers may take before the silence counts as a hang. */
const ANSWER_MS = 15_000;

type Frame = { readonly text: string } | { readonly binary: Uint8Array };
type Closed = { readonly code: number; readonly reason: string };
type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
const is =
  <T extends ServerMessage['type']>(type: T) =>
  (m: ServerMessage): m is Of<T> =>
    m.type === type;

/** A Node client that keeps every frame it receives, in order, and reads them off one by one. */
class Screen {
  readonly inbox: ServerMessage[] = [];
  /** The latest view received (read or not). */
  view: RoomView | null = null;
  closed: Closed | null = null;
  private read = 0;
  private wake = () => {};

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage;
      if (m.type === 'view') this.view = m.view;
      this.inbox.push(m);
      this.wake();
    });
    socket.on('close', (code, reason) => {
      this.closed = { code, reason: String(reason) };
      this.wake();
    });
  }

  static async open(port: number): Promise<Screen> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/classroom`);
    await new Promise<void>((ok, fail) => ws.once('open', () => ok()).once('error', fail));
    return new Screen(ws);
  }

  get unread(): number {
    return this.inbox.length - this.read;
  }

  send(frame: Frame | ClientMessage): void {
    if ('binary' in frame) this.socket.send(frame.binary, { binary: true });
    else this.socket.send('text' in frame ? frame.text : JSON.stringify(frame));
  }

  /** Resolves once `ready()` holds, checked on every frame; fails on a close (unless awaited) or after `ms`. */
  private wait(ready: () => boolean, what: string, ms: number, closeIsReady = false): Promise<void> {
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`${what}: still waiting after ${ms} ms (${this.unread} unread)`)), ms);
      const finish = (error?: Error) => {
        clearTimeout(timer);
        this.wake = () => {};
        return error ? fail(error) : done();
      };
      this.wake = () => {
        if (ready()) finish();
        else if (this.closed && !closeIsReady) finish(new Error(`${what}: the server closed the connection (${this.closed.code} ${this.closed.reason})`));
      };
      this.wake();
    });
  }

  /** The next `n` frames. */
  async take(n: number, what = `${n} frame(s)`): Promise<ServerMessage[]> {
    await this.wait(() => this.unread >= n, what, ANSWER_MS);
    this.read += n;
    return this.inbox.slice(this.read - n, this.read);
  }

  /** Reads past frames up to the first that `test` accepts, and returns that one. */
  async until<T extends ServerMessage>(test: (m: ServerMessage) => m is T): Promise<T> {
    let hit: T | undefined;
    const scan = () => {
      while (!hit && this.read < this.inbox.length) {
        const m = this.inbox[this.read++]!;
        if (test(m)) hit = m;
      }
      return hit !== undefined;
    };
    await this.wait(scan, 'waiting for a frame', ANSWER_MS);
    return hit!;
  }

  /** Reads past every frame the server has sent so far (an unknown command's error marks the end). */
  async sync(): Promise<void> {
    this.send({ text: '{"type":"sync"}' });
    await this.until(is('error'));
  }

  async closing(): Promise<Closed> {
    await this.wait(() => this.closed !== null, 'waiting for the server to close', 5_000, true);
    return this.closed!;
  }
}

/** A server of the test's own, in a temp folder removed afterwards; `log` keeps what it logged. */
async function serve(limits: ClassroomLimits) {
  const dir = mkdtempSync(join(tmpdir(), 'dl-fuzz-'));
  mkdirSync(join(dir, 'app'));
  writeFileSync(join(dir, 'app', 'index.html'), '<!doctype html><title>app</title>');
  const roomsDir = join(dir, 'rooms');
  const log: string[] = [];
  const server = await startServer({ port: 0, host: '127.0.0.1', roomsDir, appDir: join(dir, 'app'), dev: false, scenarios: [march], limits, log: (l) => log.push(l) });
  onTestFinished(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { server, roomsDir, log };
}

interface Room {
  readonly code: string;
  readonly facilitator: Screen;
  readonly facilitatorToken: string;
  /** Each team's screen and seat token, by actor. */
  readonly seats: ReadonlyMap<string, { readonly screen: Screen; readonly token: string }>;
}

const screensOf = (room: Room) => [room.facilitator, ...[...room.seats.values()].map((s) => s.screen)];

async function observe(port: number, code: string): Promise<Screen> {
  const screen = await Screen.open(port);
  screen.send({ type: 'join', code });
  await screen.until(is('welcome'));
  return screen;
}

/** A room of the March 2021 scenario with each of `teams` seated; every screen has read all it was sent. */
async function openRoom(port: number, teams: readonly string[]): Promise<Room> {
  const facilitator = await Screen.open(port);
  facilitator.send({ type: 'create', room: { scenarioId: march.id, seed: 2021, horizon: 26, teams: [...teams], strategies: {}, minutesPerTurn: 0, numbersShown: true } });
  const { code, token } = await facilitator.until(is('welcome'));
  const seats = new Map<string, { screen: Screen; token: string }>();
  for (const actor of teams) {
    const screen = await observe(port, code);
    screen.send({ type: 'claim', actor });
    seats.set(actor, { screen, token: (await screen.until(is('welcome'))).token! });
  }
  const room = { code, facilitator, facilitatorToken: token!, seats };
  await Promise.all(screensOf(room).map((s) => s.sync()));
  return room;
}

function stateOf(view: RoomView): GameState {
  const { states, error } = replay(march, { scenarioId: view.scenarioId, seed: view.seed, horizon: view.horizon, log: view.log });
  expect(error).toBeNull();
  return states[states.length - 1]!;
}

/** Every team seals its first legal move (with `note`); returns once every screen has the new week. */
async function playWeek(room: Room, note?: string): Promise<RoomView> {
  const before = room.facilitator.view!;
  const state = stateOf(before);
  for (const [actor, { screen }] of room.seats) screen.send({ type: 'seal', move: legalMoveIds(march, state, actor)[0]!, ...(note === undefined ? {} : { note }) });
  const next = (m: ServerMessage): m is Of<'view'> => m.type === 'view' && weeksIn(m.view.log) === weeksIn(before.log) + 1;
  const views = await Promise.all(screensOf(room).map((s) => s.until(next)));
  return views[0]!.view;
}

/** The room's file parses, numbers its entries 1..n, folds to exactly the server's own state and replays. */
function expectIntact(roomsDir: string, code: string, appends: MockInstance<RoomStore['append']>): RoomState {
  const read = parseRoomLog(readFileSync(join(roomsDir, `${code}.jsonl`), 'utf8'));
  if (!read.ok) throw new Error(`room ${code}'s file does not parse: ${JSON.stringify(read.errors)}`);
  expect(read.value.warnings).toEqual([]);
  expect(read.value.entries.map((e) => e.seq)).toEqual(read.value.entries.map((_, i) => i + 1));
  const held = appends.mock.results.filter((_, i) => appends.mock.calls[i]![0] === code).at(-1)!;
  expect(read.value.room).toEqual(held.value);
  const { seed, horizon, scenarioId } = read.value.room.setup;
  expect(replay(march, { scenarioId, seed, horizon, log: read.value.room.log }).error).toBeNull();
  return read.value.room;
}

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

  it('closes a connection only for a protocol violation: over MAX_CLIENT_FRAME with 1009 (ws maxPayload), text that is not UTF-8 with 1007', async () => {
    const appends = vi.spyOn(RoomStore.prototype, 'append');
    const { server, roomsDir } = await serve(defaultLimits);
    const room = await openRoom(server.port, ['us', 'iran']);
    await playWeek(room);
    const violations: readonly [string, (ws: WebSocket) => void, number][] = [
      ['a text frame a byte over the cap', (ws) => ws.send('x'.repeat(MAX_CLIENT_FRAME + 1)), 1009],
      ['a binary frame a byte over the cap', (ws) => ws.send(Buffer.alloc(MAX_CLIENT_FRAME + 1), { binary: true }), 1009],
      ['fragments that add up to more than the cap', (ws) => [0, 1, 2].forEach((i) => ws.send('y'.repeat(MAX_CLIENT_FRAME / 2), { fin: i === 2 })), 1009],
      ['a megabyte', (ws) => ws.send('{'.repeat(1 << 20)), 1009],
      ['text that is not UTF-8', (ws) => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }), 1007],
    ];
    for (const [what, send, code] of violations) {
      const stranger = await Screen.open(server.port);
      send(stranger.socket);
      expect((await stranger.closing()).code, what).toBe(code);
    }

    // The cap is the same for a screen with a role; its link brings it back.
    const { facilitator, seats } = room;
    const us = seats.get('us')!;
    facilitator.send({ text: ' '.repeat(MAX_CLIENT_FRAME) });
    expect(await facilitator.take(1)).toMatchObject([{ type: 'error', message: 'the message is not valid JSON' }]);
    for (const s of [facilitator, us.screen]) {
      s.socket.send('x'.repeat(MAX_CLIENT_FRAME + 1));
      expect((await s.closing()).code).toBe(1009);
    }
    const again = async (token: string) => {
      const s = await Screen.open(server.port);
      s.send({ type: 'join', code: room.code, token });
      await s.until(is('welcome'));
      return s;
    };
    const back: Room = { ...room, facilitator: await again(room.facilitatorToken), seats: new Map([['us', { screen: await again(us.token), token: us.token }], ['iran', seats.get('iran')!]]) };
    await Promise.all(screensOf(back).map((s) => s.sync()));
    expect(seats.get('iran')!.screen.closed).toBeNull();
    expect((await playWeek(back)).log).toHaveLength(2);
    expectIntact(roomsDir, room.code, appends);
  });

  it('answers a flood beyond the default rate limit with a "slow down" error per frame, closes nothing, and serves the screen again once it refills', async () => {
    const appends = vi.spyOn(RoomStore.prototype, 'append');
    const { server, roomsDir } = await serve(defaultLimits);
    const room = await openRoom(server.port, ['us', 'iran']);
    const flooders = [room.facilitator, room.seats.get('us')!.screen, await Screen.open(server.port)];
    const FLOOD = 5 * defaultLimits.burst;
    const t0 = performance.now();
    const answers = await Promise.all(
      flooders.map(async (s) => {
        for (let i = 0; i < FLOOD; i++) s.send({ text: '{"type":"nope"}' });
        return s.take(FLOOD);
      }),
    );
    const seconds = (performance.now() - t0) / 1000;
    for (const list of answers) {
      expect(list.every((a) => a.type === 'error')).toBe(true);
      const served = list.filter((a) => a.type === 'error' && a.message !== 'too many messages: slow down').length;
      // The setup took at most three frames of the burst; the bucket refills while the flood arrives.
      expect(served).toBeGreaterThanOrEqual(defaultLimits.burst - 3);
      expect(served).toBeLessThanOrEqual(defaultLimits.burst + Math.ceil(seconds * defaultLimits.perSecond));
    }
    for (const s of flooders) expect(s.closed).toBeNull();

    await new Promise((r) => setTimeout(r, 1_100));
    expect((await playWeek(room)).log).toHaveLength(1);

    // Wrong room codes from one address: refused by name up to the limit, then as too many.
    const guesser = await Screen.open(server.port);
    const wrong = room.code === 'ZZZZZZ' ? 'YYYYYY' : 'ZZZZZZ';
    for (let i = 0; i < 30; i++) guesser.send({ type: 'join', code: wrong });
    const refusals = (await guesser.take(30)).map((a) => (a.type === 'error' ? a.message : a.type));
    expect(refusals.filter((m) => m === `there is no room ${wrong} on this server`)).toHaveLength(defaultLimits.failedJoinsPerMinute);
    expect(refusals.slice(defaultLimits.failedJoinsPerMinute).every((m) => m.startsWith('too many wrong room codes'))).toBe(true);
    expect(guesser.closed).toBeNull();
    expectIntact(roomsDir, room.code, appends);
  });
});
