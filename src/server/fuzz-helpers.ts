/**
 * What the classroom fuzz tests share: a Node client that keeps every frame it receives, a server of
 * the test's own in a temp folder, a March 2021 room with its teams seated, a week played through,
 * and the check that a room's file came through intact.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, onTestFinished, type MockInstance } from 'vitest';
import WebSocket from 'ws';
import type { ClientMessage, RoomView, ServerMessage } from '../classroom/protocol';
import { loadScenario } from '../cli/load';
import { legalMoveIds, replay } from '../engine/game';
import type { GameState } from '../engine/state';
import { parseRoomLog, type RoomState } from '../scenario/files/room-log';
import { weeksIn } from '../scenario/log';
import type { ClassroomLimits } from './classroom';
import type { RoomStore } from './room-store';
import { startServer } from './server';

export const march = loadScenario('march-2021').scenario;
/** How long a screen waits for the frames it expects before the silence counts as a hang. */
const ANSWER_MS = 15_000;

export type Frame = { readonly text: string } | { readonly binary: Uint8Array };
type Closed = { readonly code: number; readonly reason: string };
type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;
export const is =
  <T extends ServerMessage['type']>(type: T) =>
  (m: ServerMessage): m is Of<T> =>
    m.type === type;

/** A Node client that keeps every frame it receives, in order, and reads them off one by one. */
export class Screen {
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
export async function serve(limits: ClassroomLimits) {
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

export interface Room {
  readonly code: string;
  readonly facilitator: Screen;
  readonly facilitatorToken: string;
  /** Each team's screen and seat token, by actor. */
  readonly seats: ReadonlyMap<string, { readonly screen: Screen; readonly token: string }>;
}

export const screensOf = (room: Room) => [room.facilitator, ...[...room.seats.values()].map((s) => s.screen)];

export async function observe(port: number, code: string): Promise<Screen> {
  const screen = await Screen.open(port);
  screen.send({ type: 'join', code });
  await screen.until(is('welcome'));
  return screen;
}

/** A room of the March 2021 scenario with each of `teams` seated; every screen has read all it was sent. */
export async function openRoom(port: number, teams: readonly string[]): Promise<Room> {
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

export function stateOf(view: RoomView): GameState {
  const { states, error } = replay(march, { scenarioId: view.scenarioId, seed: view.seed, horizon: view.horizon, log: view.log });
  expect(error).toBeNull();
  return states[states.length - 1]!;
}

/** Every team seals its first legal move (with `note`); returns once every screen has the new week. */
export async function playWeek(room: Room, note?: string): Promise<RoomView> {
  const before = room.facilitator.view!;
  const state = stateOf(before);
  for (const [actor, { screen }] of room.seats) screen.send({ type: 'seal', move: legalMoveIds(march, state, actor)[0]!, ...(note === undefined ? {} : { note }) });
  const next = (m: ServerMessage): m is Of<'view'> => m.type === 'view' && weeksIn(m.view.log) === weeksIn(before.log) + 1;
  const views = await Promise.all(screensOf(room).map((s) => s.until(next)));
  return views[0]!.view;
}

/** The room's file parses, numbers its entries 1..n, folds to exactly the server's own state and replays. */
export function expectIntact(roomsDir: string, code: string, appends: MockInstance<RoomStore['append']>): RoomState {
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
