/**
 * The classroom server: the built app and the classroom socket (`/classroom`) on one port, over
 * `node:http` and `ws`. With `dev`, Vite's dev server (hot reload) serves the app instead of the
 * build. A WebSocket upgrade from a page of another origin is refused.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { MAX_CLIENT_FRAME } from '../classroom/protocol';
import type { Scenario } from '../scenario/schema';
import { lanAddresses } from './addresses';
import { Classroom, type ClassroomLimits } from './classroom';
import { staticApp } from './http';
import { RoomStore } from './room-store';

export const SOCKET_PATH = '/classroom';

export interface ServerOptions {
  readonly port: number;
  readonly host: string;
  readonly roomsDir: string;
  /** The Vite build to serve; ignored with `dev`. */
  readonly appDir: string;
  readonly dev: boolean;
  readonly scenarios: readonly Scenario[];
  readonly limits?: ClassroomLimits;
  readonly log: (line: string) => void;
}

export interface RunningServer {
  readonly port: number;
  readonly urls: readonly string[];
  close(): Promise<void>;
}

/** Whether a browser page of `origin` may open the socket of a server reached as `host`. */
export function sameOrigin(request: IncomingMessage): boolean {
  const origin = request.headers.origin;
  // Programs (the load test, a command-line client) send no Origin; browsers always do.
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

function refuse(socket: Duplex, status: string): void {
  socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  socket.destroy();
}

export async function startServer(o: ServerOptions): Promise<RunningServer> {
  const store = RoomStore.open(o.roomsDir, (line) => o.log(`warning: ${line}`));
  let urls: string[] = [];
  const classroom = new Classroom({
    store,
    scenarios: new Map(o.scenarios.map((s) => [s.id, s])),
    joinUrls: () => urls,
    now: () => new Date(),
    log: o.log,
    ...(o.limits ? { limits: o.limits } : {}),
  });
  const http = createServer();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_FRAME });
  sockets.on('connection', (ws, request: IncomingMessage) => classroom.connect(ws, request));
  http.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://x').pathname !== SOCKET_PATH) return; // Vite's hot reload, in dev
    if (!sameOrigin(request)) return refuse(socket, '403 Forbidden');
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  let stopVite: (() => Promise<void>) | null = null;
  if (o.dev) {
    const { createServer: createVite } = await import('vite');
    const vite = await createVite({ server: { middlewareMode: true, ws: { server: http } }, appType: 'spa' });
    http.on('request', (req, res) => vite.middlewares(req, res));
    stopVite = () => vite.close();
  } else {
    http.on('request', staticApp(o.appDir));
  }

  await new Promise<void>((done, fail) => {
    http.once('error', fail);
    http.listen(o.port, o.host, () => done());
  });
  const port = (http.address() as AddressInfo).port;
  const lan = o.host === '0.0.0.0' || o.host === '::' ? lanAddresses() : [];
  urls = [`http://localhost:${port}/`, ...lan.map((a) => `http://${a}:${port}/`)];
  o.log(`${store.size} room(s) read from ${o.roomsDir}`);
  return {
    port,
    urls,
    async close() {
      classroom.close();
      sockets.close();
      await stopVite?.();
      await new Promise<void>((done) => http.close(() => done()));
      http.closeAllConnections();
      store.close();
    },
  };
}
