/**
 * The classroom's messages, both ways, as zod schemas: every frame a client sends is parsed against
 * them (after a size cap) before the server looks at it, and a bad one gets an error frame naming
 * what was wrong. The server sends each seat a view made for it (view.ts), never the room's state.
 */
import { z } from '../scenario/zod';
import { NOTE_MAX_LENGTH, type LogEntry } from '../scenario/log';
import { roomCode, roomSetup, type Sealed, type Timer } from '../scenario/files/room-log';
import type { StrategyId } from '../scenario/schema';

/** The largest frame a client may send, in bytes: a seal with a full note fits many times over. */
export const MAX_CLIENT_FRAME = 8 * 1024;

const token = z.string().regex(/^[0-9a-f]{32}$/, 'a token of 32 hex digits');
const actor = z.string().min(1).max(100);

/** What a facilitator chooses when creating a room: its setup, less the digest the server adds. */
export const roomRequest = roomSetup.omit({ scenarioDigest: true });
export type RoomRequest = z.infer<typeof roomRequest>;

/** What the facilitator may do to a room. */
export const facilitatorCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('resolve') }).strict(),
  z.object({ type: z.literal('inject'), inject: z.string().min(1).max(200) }).strict(),
  z.object({ type: z.literal('rollback') }).strict(),
  z.object({ type: z.literal('timer'), action: z.enum(['start', 'pause']) }).strict(),
  z.object({ type: z.literal('numbers'), shown: z.boolean() }).strict(),
  z.object({ type: z.literal('end') }).strict(),
]);

/** What a team may do. */
export const teamCommand = z.discriminatedUnion('type', [
  z.object({ type: z.literal('seal'), move: z.string().min(1).max(200), note: z.string().max(NOTE_MAX_LENGTH).optional() }).strict(),
  z.object({ type: z.literal('unseal') }).strict(),
]);

export const clientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('create'), room: roomRequest }).strict(),
  /** Join a room: with a token (facilitator or seat) to take up that role again, without to look on. */
  z.object({ type: z.literal('join'), code: roomCode, token: token.optional() }).strict(),
  z.object({ type: z.literal('claim'), actor }).strict(),
  z.object({ type: z.literal('export') }).strict(),
  z.object({ type: z.literal('delete') }).strict(),
  /** A heartbeat: a screen that hears nothing back for a while knows its connection is dead. */
  z.object({ type: z.literal('ping') }).strict(),
  ...facilitatorCommand.options,
  ...teamCommand.options,
]);
export type ClientMessage = z.infer<typeof clientMessage>;
export type FacilitatorCommand = z.infer<typeof facilitatorCommand>;
export type TeamCommand = z.infer<typeof teamCommand>;

export type Role = 'facilitator' | 'team' | 'observer';

/** One seat as every screen may see it: never what a team sealed. */
export interface SeatStatus {
  readonly actor: string;
  /** Played by a team (else by its AI strategy). */
  readonly team: boolean;
  readonly claimed: boolean;
  readonly connected: boolean;
  readonly sealed: boolean;
}

/** The room as one seat sees it. */
export interface RoomView {
  readonly code: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly horizon: number;
  readonly teams: readonly string[];
  readonly strategies: Readonly<Record<string, StrategyId>>;
  readonly minutesPerTurn: number;
  readonly role: Role;
  /** The seat's actor, for a team. */
  readonly actor: string | null;
  readonly seats: readonly SeatStatus[];
  /** This team's own sealed move of the week; null for everyone else. */
  readonly mySealed: Sealed | null;
  /** The game's log: resolved weeks (every move and note) and fired events. */
  readonly log: readonly LogEntry[];
  readonly rollbacks: number;
  readonly timer: Timer | null;
  readonly numbersShown: boolean;
  readonly ended: boolean;
  /** The last room entry this view includes, and the server's clock when it was sent (ms). */
  readonly seq: number;
  readonly serverNow: number;
}

export type ServerMessage =
  | { readonly type: 'welcome'; readonly code: string; readonly role: Role; readonly actor: string | null; readonly token: string | null; readonly joinUrls: readonly string[] }
  | { readonly type: 'view'; readonly view: RoomView }
  | { readonly type: 'error'; readonly message: string; readonly path?: string }
  | { readonly type: 'export'; readonly code: string; readonly text: string }
  | { readonly type: 'deleted'; readonly code: string }
  | { readonly type: 'pong' };
