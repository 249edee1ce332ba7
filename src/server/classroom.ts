/**
 * The classroom over WebSocket: one connection per screen, each a facilitator, a team's seat or an
 * observer. Every frame is size-capped and parsed (src/classroom/protocol.ts) before anything looks
 * at it; a bad frame gets an error frame and the connection and its room carry on. Commands go
 * through the pure room rules (src/classroom/commands.ts); what they return is written to disk
 * before anyone hears of it, and then every screen of the room gets a view made for its seat.
 *
 * Group commit: what a turn of the event loop's messages wrote is synced once, room file by room
 * file, and only then is anything sent (answers in order, then each changed room's views, made
 * once per turn however many seals it had), so a class that seals together costs one sync a room.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import { facilitatorCommand, teamCommand } from '../classroom/commands';
import { clientMessage, MAX_CLIENT_FRAME, type ClientMessage, type Role, type ServerMessage } from '../classroom/protocol';
import { viewFor } from '../classroom/view';
import { scenarioDigest } from '../scenario/files/digest';
import { ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH, type NewRoomEntry } from '../scenario/files/room-log';
import { formatPath } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { RateLimit } from './rate-limit';
import type { RoomStore } from './room-store';

export interface ClassroomLimits {
  readonly rooms: number;
  readonly connectionsPerRoom: number;
  /** Frames a connection may send: a burst, refilled at so many a second. */
  readonly burst: number;
  readonly perSecond: number;
  /** Failed joins (wrong code or token) an address may make a minute. */
  readonly failedJoinsPerMinute: number;
}

export const defaultLimits: ClassroomLimits = { rooms: 500, connectionsPerRoom: 60, burst: 40, perSecond: 20, failedJoinsPerMinute: 20 };

export interface ClassroomDeps {
  readonly store: RoomStore;
  readonly scenarios: ReadonlyMap<string, Scenario>;
  /** Where a class can open the app (shown with the room's QR code). */
  readonly joinUrls: () => readonly string[];
  readonly now: () => Date;
  readonly limits?: ClassroomLimits;
  readonly log?: (line: string) => void;
}

interface Client {
  readonly socket: WebSocket;
  readonly address: string;
  readonly frames: RateLimit;
  code: string | null;
  role: Role | null;
  actor: string | null;
}

const digest = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => randomBytes(16).toString('hex');

function newCode(taken: (code: string) => boolean): string {
  for (;;) {
    const bytes = randomBytes(ROOM_CODE_LENGTH);
    const code = [...bytes].map((b) => ROOM_CODE_ALPHABET[b % ROOM_CODE_ALPHABET.length]).join('');
    if (!taken(code)) return code;
  }
}

function deliver(client: Client, message: ServerMessage): void {
  if (client.socket.readyState === client.socket.OPEN) client.socket.send(JSON.stringify(message));
}

export class Classroom {
  private readonly clients = new Set<Client>();
  private readonly failedJoins = new Map<string, RateLimit>();
  private readonly limits: ClassroomLimits;
  /** What to send once what has been written is synced. */
  private readonly outbox: (readonly [Client, ServerMessage])[] = [];
  /** Rooms whose screens need a new view once what has been written is synced. */
  private readonly changed = new Set<string>();
  private flushQueued = false;

  constructor(private readonly deps: ClassroomDeps) {
    this.limits = deps.limits ?? defaultLimits;
  }

  /** A new connection (the upgrade has checked its Origin). */
  connect(socket: WebSocket, request: IncomingMessage): void {
    const client: Client = { socket, address: request.socket.remoteAddress ?? '?', frames: new RateLimit(this.limits.burst, this.limits.perSecond), code: null, role: null, actor: null };
    this.clients.add(client);
    socket.on('message', (data, isBinary) => this.receive(client, data as Buffer, isBinary));
    socket.on('close', () => {
      this.clients.delete(client);
      if (client.code) this.broadcast(client.code);
    });
    socket.on('error', () => socket.terminate());
  }

  private send(client: Client, message: ServerMessage): void {
    this.outbox.push([client, message]);
    this.queueFlush();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    setImmediate(() => this.flush());
  }

  /** Syncs what was written, then sends what waited for it. */
  private flush(): void {
    this.flushQueued = false;
    try {
      this.deps.store.sync();
    } catch (e) {
      this.deps.log?.(`classroom: could not sync the room files: ${(e as Error).message}`);
    }
    for (const [client, message] of this.outbox.splice(0)) deliver(client, message);
    const rooms = [...this.changed];
    this.changed.clear();
    for (const code of rooms) this.sendViews(code);
  }

  private error(client: Client, message: string, path?: string): void {
    this.send(client, path === undefined ? { type: 'error', message } : { type: 'error', message, path });
  }

  private receive(client: Client, data: Buffer, isBinary: boolean): void {
    if (!client.frames.take(Date.now())) return this.error(client, 'too many messages: slow down');
    if (isBinary || data.length > MAX_CLIENT_FRAME) return this.error(client, `a message must be JSON text of at most ${MAX_CLIENT_FRAME} bytes`);
    let raw: unknown;
    try {
      raw = JSON.parse(data.toString('utf8'));
    } catch {
      return this.error(client, 'the message is not valid JSON');
    }
    const parsed = clientMessage.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      return this.error(client, issue.message, formatPath(issue.path) || undefined);
    }
    try {
      this.handle(client, parsed.data);
    } catch (e) {
      this.deps.log?.(`classroom: ${(e as Error).stack ?? String(e)}`);
      this.error(client, 'the server could not do that; the room is unchanged');
    }
  }

  private handle(client: Client, m: ClientMessage): void {
    switch (m.type) {
      case 'create':
        return this.create(client, m.room);
      case 'join':
        return this.join(client, m.code, m.token);
      case 'claim':
        return this.claim(client, m.actor);
      case 'ping':
        return this.send(client, { type: 'pong' });
      case 'export':
      case 'delete':
        return this.manage(client, m.type);
      case 'seal':
      case 'unseal':
        return this.team(client, m);
      default:
        return this.facilitate(client, m);
    }
  }

  private create(client: Client, request: Extract<ClientMessage, { type: 'create' }>['room']): void {
    if (client.code) return this.error(client, 'this connection is already in a room');
    const scenario = this.deps.scenarios.get(request.scenarioId);
    if (!scenario) return this.error(client, `no scenario "${request.scenarioId}" on this server`, 'room.scenarioId');
    const actors = new Set(scenario.actors.map((a) => a.id));
    const stranger = [...request.teams, ...Object.keys(request.strategies)].find((a) => !actors.has(a));
    if (stranger) return this.error(client, `"${stranger}" is not an actor of ${scenario.title}`, 'room.teams');
    if (this.deps.store.size >= this.limits.rooms) return this.error(client, `this server holds at most ${this.limits.rooms} rooms: delete one first`);
    const token = newToken();
    const code = newCode((c) => this.deps.store.has(c));
    const setup = { ...request, teams: [...new Set(request.teams)], scenarioDigest: scenarioDigest(scenario) };
    this.deps.store.create(code, { kind: 'created', setup, facilitator: digest(token) }, this.deps.now());
    this.deps.log?.(`room ${code} created (${scenario.id}, teams: ${setup.teams.join(', ')})`);
    this.enter(client, code, 'facilitator', null, token);
  }

  private enter(client: Client, code: string, role: Role, actor: string | null, token: string | null): void {
    const inRoom = [...this.clients].filter((c) => c.code === code).length;
    if (client.code !== code && inRoom >= this.limits.connectionsPerRoom) return this.error(client, `room ${code} is full (${this.limits.connectionsPerRoom} screens)`);
    Object.assign(client, { code, role, actor });
    this.send(client, { type: 'welcome', code, role, actor, token, joinUrls: this.deps.joinUrls().map((u) => `${u}#room=${code}`) });
    this.broadcast(code);
  }

  private failedJoin(client: Client, message: string, path: string): void {
    this.error(client, message, path);
  }

  private join(client: Client, code: string, token: string | undefined): void {
    let limit = this.failedJoins.get(client.address);
    if (!limit) this.failedJoins.set(client.address, (limit = new RateLimit(this.limits.failedJoinsPerMinute, this.limits.failedJoinsPerMinute / 60)));
    if (limit.empty(Date.now())) return this.error(client, 'too many wrong room codes or links from this device: wait a minute and try again');
    const room = this.deps.store.get(code);
    if (!room) {
      limit.take(Date.now());
      return this.failedJoin(client, `there is no room ${code} on this server`, 'code');
    }
    if (token === undefined) return this.enter(client, code, 'observer', null, null);
    const hash = digest(token);
    if (hash === room.facilitator) return this.enter(client, code, 'facilitator', null, token);
    const seat = Object.entries(room.seats).find(([, h]) => h === hash);
    if (seat) return this.enter(client, code, 'team', seat[0], token);
    limit.take(Date.now());
    this.failedJoin(client, `this link's seat is not in room ${code}`, 'token');
  }

  private claim(client: Client, actor: string): void {
    const room = client.code ? this.deps.store.get(client.code) : null;
    if (!room || client.role !== 'observer') return this.error(client, 'join a room before taking a seat');
    if (!room.setup.teams.includes(actor)) return this.error(client, `"${actor}" is not played by a team in this room`, 'actor');
    if (room.seats[actor]) return this.error(client, `${actor}'s seat is taken: open that team's own link to rejoin`, 'actor');
    const token = newToken();
    this.deps.store.append(room.code, [{ kind: 'seat', actor, token: digest(token) }], this.deps.now());
    this.enter(client, room.code, 'team', actor, token);
  }

  private apply(client: Client, result: { ok: true; entries: readonly NewRoomEntry[] } | { ok: false; error: string }): void {
    if (!result.ok) return this.error(client, result.error);
    this.deps.store.append(client.code!, result.entries, this.deps.now());
    this.broadcast(client.code!);
  }

  private team(client: Client, m: Extract<ClientMessage, { type: 'seal' | 'unseal' }>): void {
    const room = client.code ? this.deps.store.get(client.code) : null;
    if (!room || client.role !== 'team' || !client.actor) return this.error(client, 'only a team can seal a move');
    this.apply(client, teamCommand(this.scenarioOf(room.setup.scenarioId), room, client.actor, m));
  }

  private facilitate(client: Client, m: Exclude<ClientMessage, { type: 'create' | 'join' | 'claim' | 'export' | 'delete' | 'seal' | 'unseal' | 'ping' }>): void {
    const room = client.code ? this.deps.store.get(client.code) : null;
    if (!room || client.role !== 'facilitator') return this.error(client, 'only the facilitator can do that');
    this.apply(client, facilitatorCommand(this.scenarioOf(room.setup.scenarioId), room, m, this.deps.now().getTime()));
  }

  private manage(client: Client, what: 'export' | 'delete'): void {
    const code = client.code;
    if (!code || client.role !== 'facilitator') return this.error(client, 'only the facilitator can do that');
    if (what === 'export') return this.send(client, { type: 'export', code, text: this.deps.store.text(code) });
    this.deps.store.delete(code);
    this.deps.log?.(`room ${code} deleted`);
    for (const c of this.clients) {
      if (c.code !== code) continue;
      this.send(c, { type: 'deleted', code });
      Object.assign(c, { code: null, role: null, actor: null });
    }
  }

  private scenarioOf(id: string): Scenario {
    const s = this.deps.scenarios.get(id);
    if (!s) throw new Error(`no scenario ${id}`);
    return s;
  }

  /** Every screen of the room gets its own view (once what has been written is synced). */
  private broadcast(code: string): void {
    this.changed.add(code);
    this.queueFlush();
  }

  private sendViews(code: string): void {
    const room = this.deps.store.get(code);
    if (!room) return;
    const scenario = this.scenarioOf(room.setup.scenarioId);
    const here = [...this.clients].filter((c) => c.code === code);
    const connected = new Set(here.flatMap((c) => (c.role === 'team' && c.actor ? [c.actor] : [])));
    const now = this.deps.now().getTime();
    for (const c of here) deliver(c, { type: 'view', view: viewFor(scenario, room, { role: c.role!, actor: c.actor }, connected, now) });
  }

  close(): void {
    for (const c of this.clients) c.socket.close(1001, 'the server is stopping');
  }
}
