/**
 * A classroom room's log: the server's one persisted record of a room, as JSON lines. The first line
 * is a header (`kind`, `schemaVersion`, the room's code); every other line is one entry, numbered
 * (`seq`) and stamped with the server's time (`at`). Entries are the game's own typed log entries
 * (`game`) plus what only the room knows: who holds a seat, sealed and unsealed moves, rollbacks,
 * the timer, whether numbers are shown, the end. The room's state is a fold of its entries
 * (`foldRoom`), so a server that restarts reads its rooms back exactly. Lines are untrusted input:
 * a line that does not parse is reported with its number; a truncated last line (a power cut mid
 * write) is dropped with a warning.
 */
import { z } from '../zod';
import { MAX_SEED, MAX_WEEKS } from '../limits';
import { logEntry, NOTE_MAX_LENGTH, type LogEntry } from '../log';
import type { ParseResult, ScenarioError } from '../parse';
import { strategyIds, type StrategyId } from '../schema';
import { check, parseJson, upgrade, type FileFormat } from './versioned';

export const ROOM_KIND = 'deterrence-lab/room';
export const ROOM_VERSION = 1;

export const roomFormat: FileFormat = { kind: ROOM_KIND, noun: 'room log', version: ROOM_VERSION, steps: [] };

/** Room codes: six characters a class can read off a projector (no 0/O, 1/I/L). */
export const ROOM_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const ROOM_CODE_LENGTH = 6;
export const roomCode = z.string().regex(new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`), `a room code of ${ROOM_CODE_LENGTH} letters and digits`);

/** A token's SHA-256, as hex: the log keeps what checks a token, never the token. */
const tokenHash = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 digest as 64 hex digits');
const actorId = z.string().min(1).max(100);
const ms = z.number().int().min(0).max(24 * 3600 * 1000);

/** How a room is set up: which actors the class plays, and the rules of the lesson. */
export const roomSetup = z
  .object({
    scenarioId: z.string().min(1).max(100),
    scenarioDigest: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z.number().int().min(0).max(MAX_SEED),
    horizon: z.number().int().min(1).max(MAX_WEEKS),
    /** The actors played by teams; every other actor is played by its strategy. */
    teams: z.array(actorId).min(1).max(12),
    /** Each actor's AI strategy: what plays it if it has no team, or moves for a team that is late. */
    strategies: z.record(actorId, z.enum(strategyIds)),
    /** Minutes a week's decisions get on the timer; 0 for no timer. */
    minutesPerTurn: z.number().int().min(0).max(60),
    /** Whether team screens show the numbers and charts, or the narrative only. */
    numbersShown: z.boolean(),
  })
  .strict();
export type RoomSetup = z.infer<typeof roomSetup>;

const stamp = { seq: z.number().int().min(1), at: z.iso.datetime() };

export const roomEntry = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('created'), ...stamp, setup: roomSetup, facilitator: tokenHash }).strict(),
  z.object({ kind: z.literal('seat'), ...stamp, actor: actorId, token: tokenHash }).strict(),
  z.object({ kind: z.literal('sealed'), ...stamp, actor: actorId, move: z.string().min(1).max(200), note: z.string().max(NOTE_MAX_LENGTH).optional() }).strict(),
  z.object({ kind: z.literal('unsealed'), ...stamp, actor: actorId }).strict(),
  z.object({ kind: z.literal('game'), ...stamp, entry: logEntry }).strict(),
  z.object({ kind: z.literal('rollback'), ...stamp }).strict(),
  z.object({ kind: z.literal('timer'), ...stamp, action: z.enum(['start', 'pause']), remainingMs: ms }).strict(),
  z.object({ kind: z.literal('numbers'), ...stamp, shown: z.boolean() }).strict(),
  z.object({ kind: z.literal('ended'), ...stamp }).strict(),
]);
export type RoomEntry = z.infer<typeof roomEntry>;
/** An entry before the log numbers and stamps it. */
export type NewRoomEntry = RoomEntry extends infer E ? (E extends RoomEntry ? Omit<E, 'seq' | 'at'> : never) : never;

/** A sealed move: what a team chose for the week, changeable until the week resolves. */
export interface Sealed {
  readonly move: string;
  readonly note?: string;
}

/** The timer of the week: running until `endsAt`, or paused with `remainingMs` left. */
export type Timer = { readonly running: true; readonly endsAt: number } | { readonly running: false; readonly remainingMs: number };

/** A room as its entries leave it. */
export interface RoomState {
  readonly code: string;
  readonly setup: RoomSetup;
  readonly facilitator: string;
  /** Token digests of the claimed team seats, by actor. */
  readonly seats: Readonly<Record<string, string>>;
  /** This week's sealed moves, by actor: the server's secret until the week resolves. */
  readonly sealed: Readonly<Record<string, Sealed>>;
  /** The game's log, rollbacks applied. */
  readonly log: readonly LogEntry[];
  readonly rollbacks: number;
  readonly timer: Timer | null;
  readonly numbersShown: boolean;
  readonly ended: boolean;
  /** The last entry's number and time. */
  readonly seq: number;
  readonly at: string;
}

const fullTimer = (setup: RoomSetup): Timer | null => (setup.minutesPerTurn > 0 ? { running: false, remainingMs: setup.minutesPerTurn * 60_000 } : null);

/** A new week starts the timer over at its full length, running if it was running. */
function timerForNewWeek(room: RoomState, at: number): Timer | null {
  const full = fullTimer(room.setup);
  if (!full || full.running) return full;
  return room.timer?.running ? { running: true, endsAt: at + full.remainingMs } : full;
}

/** The room after one more entry; the first entry must be `created`. */
export function applyRoomEntry(room: RoomState | null, e: RoomEntry, code: string): RoomState {
  if (e.kind === 'created') {
    return { code, setup: e.setup, facilitator: e.facilitator, seats: {}, sealed: {}, log: [], rollbacks: 0, timer: fullTimer(e.setup), numbersShown: e.setup.numbersShown, ended: false, seq: e.seq, at: e.at };
  }
  if (!room) throw new Error(`entry ${e.seq} (${e.kind}) comes before the room was created`);
  const next = { ...room, seq: e.seq, at: e.at };
  switch (e.kind) {
    case 'seat':
      return { ...next, seats: { ...room.seats, [e.actor]: e.token } };
    case 'sealed':
      return { ...next, sealed: { ...room.sealed, [e.actor]: e.note === undefined ? { move: e.move } : { move: e.move, note: e.note } } };
    case 'unsealed': {
      const { [e.actor]: _gone, ...sealed } = room.sealed;
      return { ...next, sealed };
    }
    case 'game':
      return e.entry.kind === 'week'
        ? { ...next, log: [...room.log, e.entry], sealed: {}, timer: timerForNewWeek(room, Date.parse(e.at)) }
        : { ...next, log: [...room.log, e.entry] };
    case 'rollback':
      return { ...next, log: room.log.slice(0, -1), rollbacks: room.rollbacks + 1, sealed: {}, timer: timerForNewWeek({ ...room, timer: null }, Date.parse(e.at)) };
    case 'timer':
      return { ...next, timer: e.action === 'start' ? { running: true, endsAt: Date.parse(e.at) + e.remainingMs } : { running: false, remainingMs: e.remainingMs } };
    case 'numbers':
      return { ...next, numbersShown: e.shown };
    case 'ended':
      return { ...next, ended: true, timer: room.timer?.running ? { running: false, remainingMs: 0 } : room.timer };
  }
}

/** The time left on the timer at `now` (ms since the epoch), never below zero. */
export function remainingMs(timer: Timer, now: number): number {
  return timer.running ? Math.max(0, timer.endsAt - now) : timer.remainingMs;
}

export interface RoomHeader {
  readonly kind: typeof ROOM_KIND;
  readonly schemaVersion: number;
  readonly code: string;
}

const headerSchema = z.object({ kind: z.literal(ROOM_KIND), schemaVersion: z.literal(ROOM_VERSION), code: roomCode }).strict();

export function roomHeaderLine(code: string): string {
  return JSON.stringify({ kind: ROOM_KIND, schemaVersion: ROOM_VERSION, code });
}

export function roomEntryLine(e: RoomEntry): string {
  return JSON.stringify(e);
}

export interface ReadRoom {
  readonly room: RoomState;
  readonly entries: readonly RoomEntry[];
  /** What was wrong but could be left behind (a truncated last line). */
  readonly warnings: readonly string[];
}

/**
 * Reads a room log's text. A last line without its newline that does not parse was cut off mid
 * write and is dropped with a warning; any other bad line is an error with its line number.
 */
export function parseRoomLog(text: string): ParseResult<ReadRoom> {
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  if (complete) lines.pop();
  const warnings: string[] = [];
  const bad = (line: number, errors: readonly ScenarioError[]): ParseResult<never> => ({ ok: false, errors: errors.map((x) => ({ ...x, path: `line ${line}${x.path ? `: ${x.path}` : ''}` })) });
  const head = parseJson(lines[0] ?? '', 'room log');
  const header = head.ok ? upgrade(head.value, roomFormat) : head;
  if (!header.ok) return bad(1, header.errors);
  const h = check(headerSchema, header.value);
  if (!h.ok) return bad(1, h.errors);
  const entries: RoomEntry[] = [];
  let room: RoomState | null = null;
  for (let i = 1; i < lines.length; i++) {
    const json = parseJson(lines[i]!, 'room log entry');
    const last = i === lines.length - 1 && !complete;
    const r = json.ok ? check(roomEntry, json.value) : json;
    if (!r.ok) {
      if (last) {
        warnings.push(`line ${i + 1} was cut off (the server stopped while writing it) and was dropped`);
        break;
      }
      return bad(i + 1, r.errors);
    }
    const e = r.value;
    if (e.seq !== entries.length + 1) return bad(i + 1, [{ path: 'seq', code: 'out-of-order', message: `entry ${e.seq} where entry ${entries.length + 1} was due` }]);
    if ((e.kind === 'created') !== (entries.length === 0)) return bad(i + 1, [{ path: 'kind', code: 'out-of-order', message: e.kind === 'created' ? 'the room is created twice' : 'the first entry must create the room' }]);
    entries.push(e);
    room = applyRoomEntry(room, e, h.value.code);
  }
  if (!room) return { ok: false, errors: [{ path: 'line 2', code: 'empty', message: 'the room log has no entries: the room was never created' }] };
  return { ok: true, value: { room, entries, warnings } };
}

/** Each actor's AI strategy, the scenario's defaults where the setup names none. */
export function roomStrategies(setup: RoomSetup, actors: readonly { id: string; defaultStrategy: StrategyId }[]): Record<string, StrategyId> {
  return Object.fromEntries(actors.map((a) => [a.id, setup.strategies[a.id] ?? a.defaultStrategy]));
}
