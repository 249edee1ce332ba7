/**
 * The classroom connection (zustand, vanilla): one screen's socket to the classroom server, its
 * role in a room and the latest view the server sent it. It reconnects by itself with backoff and
 * rejoins with its token, so a sleeping laptop or a restarted server comes back where it was; the
 * seat's credentials and a team's draft note are kept in the browser, so neither a reload nor a lost
 * connection loses them. Actions never throw; problems land in `error`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ClientMessage, RoomRequest, RoomView, Role, ServerMessage } from '../classroom/protocol';
import type { KeyValueStorage } from './library';

/** The part of the browser's WebSocket the store uses (tests pass the `ws` package's client). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'message', listener: (ev: { data: unknown }) => void): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
}

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting';

/** What a screen keeps of its seat in a room, to rejoin after a reload or a lost connection. */
export interface Credentials {
  readonly code: string;
  readonly role: Role;
  readonly actor: string | null;
  readonly token: string | null;
}

export interface ClassroomStore {
  readonly status: ConnectionStatus;
  /** Attempts since the connection was last open; shown while reconnecting. */
  readonly attempts: number;
  readonly credentials: Credentials | null;
  readonly joinUrls: readonly string[];
  readonly view: RoomView | null;
  /** The server's clock minus this screen's, ms: the timer is read on the server's clock. */
  readonly clockOffset: number;
  readonly error: string | null;
  /** The room's log as the server last exported it. */
  readonly exported: string | null;
  create(room: RoomRequest): void;
  join(code: string, token?: string): void;
  claim(actor: string): void;
  command(m: Exclude<ClientMessage, { type: 'create' | 'join' | 'claim' | 'ping' }>): void;
  /** Leaves the room on this screen (the seat stays the team's; its link still works). */
  leave(): void;
  dismiss(): void;
}

export interface ClassroomDeps {
  readonly connect: () => SocketLike;
  readonly storage: KeyValueStorage | null;
  readonly now: () => number;
  readonly setTimeout: (f: () => void, ms: number) => unknown;
  readonly clearTimeout: (handle: unknown) => void;
  /** Whether the device says it is online, and a way to hear when that changes (the browser's events). */
  readonly online?: () => boolean;
  readonly onNetworkChange?: (listener: (online: boolean) => void) => void;
}

export const CREDENTIALS_KEY = 'deterrence-lab:classroom:';
export const LAST_ROOM_KEY = 'deterrence-lab:classroom-last';
/** Waits between reconnection attempts, ms; the last repeats. */
export const BACKOFF_MS = [300, 1000, 2000, 4000, 8000] as const;
/** A heartbeat every so often; a connection that hears nothing for `DEAD_AFTER_MS` is given up and reopened. */
export const PING_MS = 5000;
export const DEAD_AFTER_MS = 15_000;
const OPEN = 1;

function readJson<T>(storage: KeyValueStorage | null, key: string): T | null {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

function write(storage: KeyValueStorage | null, key: string, value: string | null): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // The seat still works in this tab; only a reload would need its link again.
  }
}

/** The credentials this browser keeps for a room, if any. */
export function savedCredentials(storage: KeyValueStorage | null, code: string): Credentials | null {
  const c = readJson<Credentials>(storage, `${CREDENTIALS_KEY}${code}`);
  return c && c.code === code ? c : null;
}

export function createClassroomStore(deps: ClassroomDeps): StoreApi<ClassroomStore> {
  let socket: SocketLike | null = null;
  let retry: unknown = null;
  /** What to send once the socket opens: the room to create, or the room to (re)join. */
  let pending: ClientMessage | null = null;
  let wanted = false;
  /** Whether this attempt's socket ever opened: a server that never answers is not retried. */
  let everOpen = false;
  let heartbeat: unknown = null;
  let heard = 0;
  const online = () => deps.online?.() ?? true;

  return createStore<ClassroomStore>((set, get) => {
    const send = (m: ClientMessage) => {
      if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(m));
      else set({ error: 'Not connected to the classroom server: trying again…' });
    };

    const rejoin = (): ClientMessage | null => {
      const c = get().credentials;
      return c ? (c.token ? { type: 'join', code: c.code, token: c.token } : { type: 'join', code: c.code }) : pending;
    };

    const receive = (m: ServerMessage) => {
      switch (m.type) {
        case 'welcome': {
          const credentials: Credentials = { code: m.code, role: m.role, actor: m.actor, token: m.token };
          write(deps.storage, `${CREDENTIALS_KEY}${m.code}`, JSON.stringify(credentials));
          write(deps.storage, LAST_ROOM_KEY, m.code);
          pending = null;
          return set({ credentials, joinUrls: m.joinUrls, error: null });
        }
        case 'view':
          return set({ view: m.view, clockOffset: m.view.serverNow - deps.now() });
        case 'error':
          // Refused before entering a room (a wrong code, a stale link): back to the start, saying why.
          if (!get().view) {
            close();
            write(deps.storage, LAST_ROOM_KEY, null);
            return set({ status: 'idle', credentials: null, error: m.message });
          }
          return set({ error: m.message });
        case 'export':
          return set({ exported: m.text });
        case 'pong':
          return;
        case 'deleted':
          write(deps.storage, `${CREDENTIALS_KEY}${m.code}`, null);
          write(deps.storage, LAST_ROOM_KEY, null);
          close();
          return set({ credentials: null, view: null, status: 'idle', error: `Room ${m.code} was deleted by its facilitator.` });
      }
    };

    const schedule = () => {
      const attempts = get().attempts;
      set({ status: 'reconnecting', attempts: attempts + 1 });
      // Offline, there is nothing to try until the device is back on its network.
      if (online()) retry = deps.setTimeout(open, BACKOFF_MS[Math.min(attempts, BACKOFF_MS.length - 1)]!);
    };

    /** Pings the server and gives up on a connection that has gone silent (a laptop that slept). */
    const beat = (s: SocketLike) => {
      heartbeat = null;
      if (socket !== s) return;
      if (deps.now() - heard > DEAD_AFTER_MS) return drop(s);
      if (s.readyState === OPEN) s.send(JSON.stringify({ type: 'ping' }));
      heartbeat = deps.setTimeout(() => beat(s), PING_MS);
    };

    /** Abandons a socket as if it had closed, and tries again. */
    const drop = (s: SocketLike) => {
      if (socket !== s) return;
      socket = null;
      s.close();
      if (wanted) schedule();
    };

    function open(): void {
      retry = null;
      if (!wanted) return;
      if (!online()) return set({ status: 'reconnecting' });
      const s = deps.connect();
      socket = s;
      if (get().status !== 'reconnecting') set({ status: 'connecting' });
      s.addEventListener('open', () => {
        everOpen = true;
        heard = deps.now();
        if (heartbeat !== null) deps.clearTimeout(heartbeat);
        heartbeat = deps.setTimeout(() => beat(s), PING_MS);
        set({ status: 'open', attempts: 0 });
        const first = rejoin();
        if (first) s.send(JSON.stringify(first));
      });
      s.addEventListener('message', (ev) => {
        heard = deps.now();
        try {
          receive(JSON.parse(String(ev.data)) as ServerMessage);
        } catch {
          set({ error: 'The classroom server sent something this app cannot read.' });
        }
      });
      s.addEventListener('close', () => {
        if (socket !== s) return;
        socket = null;
        if (!wanted) return;
        if (everOpen || get().credentials) return schedule();
        wanted = false;
        set({ status: 'idle', error: 'The classroom server cannot be reached. Start it on the teacher’s machine with `npm start`, then open the address it prints.' });
      });
      s.addEventListener('error', () => s.close());
    }

    function close(): void {
      wanted = false;
      if (retry !== null) deps.clearTimeout(retry);
      if (heartbeat !== null) deps.clearTimeout(heartbeat);
      retry = null;
      heartbeat = null;
      const s = socket;
      socket = null;
      s?.close();
    }

    const start = (first: ClientMessage) => {
      close();
      pending = first;
      wanted = true;
      everOpen = false;
      set({ attempts: 0, error: null, view: null, exported: null });
      open();
    };

    deps.onNetworkChange?.((isOnline) => {
      if (!wanted) return;
      if (retry !== null) deps.clearTimeout(retry);
      retry = null;
      if (!isOnline) {
        if (socket) drop(socket);
        return;
      }
      // Back online: try at once rather than at the end of a long wait.
      if (socket && socket.readyState === OPEN) return;
      if (socket) {
        const stale = socket;
        socket = null;
        stale.close();
      }
      set({ attempts: 0 });
      open();
    });

    return {
      status: 'idle',
      attempts: 0,
      credentials: null,
      joinUrls: [],
      view: null,
      clockOffset: 0,
      error: null,
      exported: null,

      create(room) {
        set({ credentials: null });
        start({ type: 'create', room });
      },

      join(code, token) {
        const saved = savedCredentials(deps.storage, code);
        const useToken = token ?? saved?.token ?? undefined;
        set({ credentials: token ? { code, role: 'team', actor: null, token } : saved });
        start(useToken ? { type: 'join', code, token: useToken } : { type: 'join', code });
      },

      claim(actor) {
        send({ type: 'claim', actor });
      },

      command(m) {
        send(m);
      },

      leave() {
        close();
        write(deps.storage, LAST_ROOM_KEY, null);
        set({ status: 'idle', credentials: null, view: null, error: null, exported: null, joinUrls: [] });
      },

      dismiss() {
        set({ error: null });
      },
    };
  });
}

/** A team's draft note, kept per room and seat so a reload or a lost connection keeps it. */
export function draftKey(code: string, actor: string): string {
  return `deterrence-lab:classroom-draft:${code}:${actor}`;
}
