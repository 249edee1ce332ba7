import { describe, expect, it } from 'vitest';
import { BACKOFF_MS, createClassroomStore, DEAD_AFTER_MS, PING_MS, type SocketLike } from './classroom';

/** A socket the test drives: it records what the store sends and fires the events the test asks for. */
class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  private listeners: Record<string, ((ev: { data: unknown }) => void)[]> = {};
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.fire('close');
  }
  addEventListener(type: string, listener: (ev: { data: unknown }) => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  fire(type: string, data?: unknown) {
    for (const l of this.listeners[type] ?? []) l({ data: data === undefined ? undefined : JSON.stringify(data) });
  }
  open() {
    this.readyState = 1;
    this.fire('open');
  }
}

function harness() {
  let now = 0;
  let online = true;
  const timers: { at: number; f: () => void; id: number }[] = [];
  const sockets: FakeSocket[] = [];
  let network: ((online: boolean) => void) | null = null;
  const store = createClassroomStore({
    connect: () => {
      const s = new FakeSocket();
      sockets.push(s);
      return s;
    },
    storage: null,
    now: () => now,
    setTimeout: (f, ms) => {
      const t = { at: now + ms, f, id: timers.length + 1 };
      timers.push(t);
      return t.id;
    },
    clearTimeout: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    online: () => online,
    onNetworkChange: (l) => (network = l),
  });
  const advance = (ms: number) => {
    const until = now + ms;
    for (;;) {
      timers.sort((a, b) => a.at - b.at);
      const next = timers[0];
      if (!next || next.at > until) break;
      timers.shift();
      now = next.at;
      next.f();
    }
    now = until;
  };
  return { store, sockets, advance, last: () => sockets[sockets.length - 1]!, setOnline: (v: boolean) => ((online = v), network?.(v)) };
}

const welcome = { type: 'welcome', code: 'ABCDEF', role: 'team', actor: 'us', token: 'a'.repeat(32), joinUrls: [] };

describe('the classroom connection', () => {
  it('rejoins with its token after the connection drops, waiting longer after each failure', () => {
    const h = harness();
    h.store.getState().join('ABCDEF');
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'join', code: 'ABCDEF' }]);
    h.last().fire('message', welcome);
    h.last().close();
    expect(h.store.getState()).toMatchObject({ status: 'reconnecting', attempts: 1 });
    h.advance(BACKOFF_MS[0] - 1);
    expect(h.sockets).toHaveLength(1);
    h.advance(1);
    expect(h.sockets).toHaveLength(2);
    h.last().close();
    h.advance(BACKOFF_MS[1]);
    expect(h.sockets).toHaveLength(3);
    h.last().open();
    expect(h.last().sent).toEqual([{ type: 'join', code: 'ABCDEF', token: 'a'.repeat(32) }]);
    expect(h.store.getState()).toMatchObject({ status: 'open', attempts: 0 });
  });

  it('gives up a connection that has gone silent, and waits for the network when the device is offline', () => {
    const h = harness();
    h.store.getState().join('ABCDEF');
    h.last().open();
    h.last().fire('message', welcome);
    h.advance(PING_MS);
    expect(h.last().sent).toContainEqual({ type: 'ping' });
    h.advance(DEAD_AFTER_MS);
    expect(h.store.getState().status).toBe('reconnecting');
    const before = h.sockets.length;
    h.setOnline(false);
    h.advance(60_000);
    expect(h.sockets.length).toBeLessThanOrEqual(before + 1);
    const during = h.sockets.length;
    h.advance(60_000);
    expect(h.sockets.length).toBe(during);
    h.setOnline(true);
    expect(h.sockets.length).toBe(during + 1);
  });

  it('goes back to the start, saying why, when the server refuses the room or cannot be reached', () => {
    const h = harness();
    h.store.getState().join('ZZZZZZ');
    h.last().open();
    h.last().fire('message', { type: 'error', message: 'there is no room ZZZZZZ on this server', path: 'code' });
    expect(h.store.getState()).toMatchObject({ status: 'idle', credentials: null, error: 'there is no room ZZZZZZ on this server' });
    h.store.getState().join('ABCDEF');
    h.last().close();
    expect(h.store.getState()).toMatchObject({ status: 'idle', error: expect.stringContaining('cannot be reached') });
  });
});
