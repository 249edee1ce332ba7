import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { RoomView, ServerMessage } from '../classroom/protocol';
import { loadScenario } from '../cli/load';
import { parseRoomLog } from '../scenario/files/room-log';
import { startServer, type RunningServer } from './server';

const march = loadScenario('march-2021').scenario;
const quiet = () => {};

/** A Node client that records every frame it receives. */
class Client {
  readonly frames: ServerMessage[] = [];
  private constructor(readonly ws: WebSocket) {
    ws.on('message', (d) => this.frames.push(JSON.parse(String(d)) as ServerMessage));
  }
  static async open(port: number, headers: Record<string, string> = {}): Promise<Client> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/classroom`, { headers });
    await new Promise<void>((ok, fail) => {
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    return new Client(ws);
  }
  send(m: unknown): void {
    this.ws.send(JSON.stringify(m));
  }
  /** Waits for the first frame after `from` that passes `test`. */
  async next<T extends ServerMessage>(test: (m: ServerMessage) => m is T, from = 0): Promise<T> {
    for (let i = 0; i < 200; i++) {
      const hit = this.frames.slice(from).find(test);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`no such frame; got ${JSON.stringify(this.frames.slice(from)).slice(0, 500)}`);
  }
  async view(test: (v: RoomView) => boolean = () => true): Promise<RoomView> {
    return (await this.next((m): m is Extract<ServerMessage, { type: 'view' }> => m.type === 'view' && test(m.view))).view;
  }
  async welcome() {
    return this.next((m): m is Extract<ServerMessage, { type: 'welcome' }> => m.type === 'welcome');
  }
  async error(from: number) {
    return this.next((m): m is Extract<ServerMessage, { type: 'error' }> => m.type === 'error', from);
  }
  close() {
    this.ws.close();
  }
}

let servers: RunningServer[] = [];
let clients: Client[] = [];
afterEach(async () => {
  for (const c of clients) c.close();
  for (const s of servers) await s.close();
  servers = [];
  clients = [];
});

async function start(roomsDir = mkdtempSync(join(tmpdir(), 'dl-rooms-'))) {
  const appDir = mkdtempSync(join(tmpdir(), 'dl-app-'));
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
  const server = await startServer({ port: 0, host: '127.0.0.1', roomsDir, appDir, dev: false, scenarios: [march], log: quiet });
  servers.push(server);
  return { server, roomsDir };
}

async function client(port: number, headers?: Record<string, string>) {
  const c = await Client.open(port, headers);
  clients.push(c);
  return c;
}

const request = { scenarioId: 'march-2021', seed: 7, horizon: 5, teams: ['us', 'iran'], strategies: {}, minutesPerTurn: 3, numbersShown: true };

/** A room with its facilitator and two seated teams. */
async function classroom(port: number) {
  const facilitator = await client(port);
  facilitator.send({ type: 'create', room: request });
  const { code, token } = await facilitator.welcome();
  const seat = async (actor: string) => {
    const c = await client(port);
    c.send({ type: 'join', code });
    await c.view();
    c.send({ type: 'claim', actor });
    const w = await c.next((m): m is Extract<ServerMessage, { type: 'welcome' }> => m.type === 'welcome' && m.role === 'team');
    return { c, token: w.token! };
  };
  return { facilitator, facilitatorToken: token!, code, us: await seat('us'), iran: await seat('iran') };
}

describe('the classroom server', { timeout: 60_000 }, () => {
  it('plays a week: each team seals, the week resolves, and every screen gets it', async () => {
    const { server } = await start();
    const { facilitator, us, iran } = await classroom(server.port);
    us.c.send({ type: 'seal', move: 'us.hold-fire', note: 'Wait and see.' });
    await us.c.view((v) => v.mySealed?.move === 'us.hold-fire');
    await facilitator.view((v) => v.seats.find((s) => s.actor === 'us')!.sealed);
    iran.c.send({ type: 'seal', move: 'iran.wait' });
    for (const c of [facilitator, us.c, iran.c]) {
      const v = await c.view((x) => x.log.length === 1);
      expect(v.log[0]).toMatchObject({ kind: 'week', moves: { us: { move: 'us.hold-fire', note: 'Wait and see.' }, iran: { move: 'iran.wait' } } });
    }
  });

  it('never sends a team’s sealed move or note to another screen before the week resolves', async () => {
    const { server } = await start();
    const { facilitator, code, us, iran } = await classroom(server.port);
    const observer = await client(server.port);
    observer.send({ type: 'join', code });
    us.c.send({ type: 'seal', move: 'us.strike-syria', note: 'a secret plan' });
    await facilitator.view((v) => v.seats.find((s) => s.actor === 'us')!.sealed);
    await iran.c.view((v) => v.seats.find((s) => s.actor === 'us')!.sealed);
    await observer.view((v) => v.seats.find((s) => s.actor === 'us')!.sealed);
    for (const c of [facilitator, iran.c, observer]) {
      const text = JSON.stringify(c.frames);
      expect(text).not.toContain('us.strike-syria');
      expect(text).not.toContain('a secret plan');
    }
  });

  it('reads every room back after a restart, seals and the timer included; a seat link rejoins from another device', async () => {
    const first = await start();
    const { facilitator, code, us, iran } = await classroom(first.server.port);
    facilitator.send({ type: 'timer', action: 'start' });
    await facilitator.view((v) => v.timer?.running === true);
    us.c.send({ type: 'seal', move: 'us.hold-fire' });
    await us.c.view((v) => v.mySealed !== null);
    await first.server.close();
    servers = servers.filter((s) => s !== first.server);

    const again = await start(first.roomsDir);
    const device = await client(again.server.port);
    device.send({ type: 'join', code, token: us.token });
    expect(await device.welcome()).toMatchObject({ role: 'team', actor: 'us' });
    const v = await device.view();
    expect(v.mySealed).toEqual({ move: 'us.hold-fire' });
    expect(v.timer).toMatchObject({ running: true });
    void iran;
  });

  it('drops a cut-off last line of a room file with a warning, and plays on', async () => {
    const first = await start();
    const { code } = await classroom(first.server.port);
    await first.server.close();
    servers = [];
    const file = join(first.roomsDir, `${code}.jsonl`);
    writeFileSync(file, `${readFileSync(file, 'utf8')}{"kind":"sealed","seq":4,"at":"2026-`);
    const warnings: string[] = [];
    const appDir = mkdtempSync(join(tmpdir(), 'dl-app-'));
    writeFileSync(join(appDir, 'index.html'), 'x');
    const again = await startServer({ port: 0, host: '127.0.0.1', roomsDir: first.roomsDir, appDir, dev: false, scenarios: [march], log: (l) => warnings.push(l) });
    servers.push(again);
    expect(warnings.join('\n')).toContain(`room ${code}: line 5 was cut off`);
    const read = parseRoomLog(readFileSync(file, 'utf8'));
    expect(read.ok && read.value.entries.length).toBe(3);
  });

  it('answers a bad message with an error frame naming it, and carries on', async () => {
    const { server } = await start();
    const { facilitator, us } = await classroom(server.port);
    let from = us.c.frames.length;
    us.c.ws.send('not json');
    expect((await us.c.error(from)).message).toBe('the message is not valid JSON');
    from = us.c.frames.length;
    us.c.send({ type: 'seal', move: 'iran.wait' });
    expect((await us.c.error(from)).message).toBe('"iran.wait" is not a move us can make this week');
    from = us.c.frames.length;
    us.c.send({ type: 'resolve' });
    expect((await us.c.error(from)).message).toBe('only the facilitator can do that');
    from = facilitator.frames.length;
    facilitator.send({ type: 'create', room: { ...request, seed: -1 } });
    expect(await facilitator.error(from)).toMatchObject({ path: 'room.seed' });
    us.c.send({ type: 'seal', move: 'us.hold-fire' });
    await us.c.view((v) => v.mySealed !== null);
  });

  it('refuses a socket from a page of another origin, and limits wrong room codes', async () => {
    const { server } = await start();
    await expect(Client.open(server.port, { Origin: 'https://evil.example' })).rejects.toThrow(/403/);
    const c = await client(server.port, { Origin: `http://127.0.0.1:${server.port}` });
    for (let i = 0; i < 25; i++) c.send({ type: 'join', code: 'ZZZZZZ' });
    await c.next((m): m is Extract<ServerMessage, { type: 'error' }> => m.type === 'error' && m.message.startsWith('too many wrong room codes'));
  });
});
