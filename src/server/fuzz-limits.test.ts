/**
 * The classroom server's limits. Only a protocol violation closes a connection (a frame over
 * MAX_CLIENT_FRAME with 1009, from ws's `maxPayload`; text that is not UTF-8 with 1007, from ws), and
 * a flood beyond the default rate limit is answered frame by frame, never left hanging.
 *
 * Hostile frames within the limits are tested in fuzz-hostile-frames.test.ts.
 */
import { describe, expect, it, vi } from 'vitest';
import type WebSocket from 'ws';
import { MAX_CLIENT_FRAME } from '../classroom/protocol';
import { defaultLimits } from './classroom';
import { expectIntact, is, openRoom, playWeek, Screen, screensOf, serve, type Room } from './fuzz-helpers';
import { RoomStore } from './room-store';

describe('the classroom server under hostile input', { timeout: 120_000 }, () => {
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
