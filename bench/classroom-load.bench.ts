/**
 * `npx tsx bench/classroom-load.bench.ts`: the classroom server with a school's worth of rooms. The
 * server runs as `npm start` runs it, in a child process of its own (a temp rooms folder, a free
 * port), so that its memory is its own; this process plays 50 rooms × 6 screens at once (the
 * facilitator and a team for each of the 5 March 2021 actors, each a Node `ws` client) for 26 weeks,
 * every team sealing the move its actor's default strategy picks (one engine state per room, kept
 * up to date from the view's log). It prints
 *   - per week, the time from the room's last seal being sent until every one of its 6 screens has
 *     the view of the resolved week: p50, p99 and maximum over all rooms and weeks (budget from
 *     ../shared/DESIGN.md: p99 ≤ 250 ms);
 *   - the server's peak memory: VmHWM of the child in /proc/<pid>/status (the most resident memory
 *     it has held, as the kernel counts it), and its resident memory before the load;
 *   - entries lost or duplicated (budget 0): each room's file holds every entry the play should have
 *     made, numbered 1..n with no gap or repeat, and exactly the weeks played, each once, with the
 *     moves that were sealed;
 *   - a restart after SIGKILL (a power cut): every room reads back and shows the same view.
 * Sealing stops after PLAY_MS; if that cuts the game short it says how many weeks were played.
 * With SERVER_PROF=<folder> the server writes a CPU profile there (it is then stopped with SIGINT).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import type { ClientMessage, RoomView, ServerMessage } from '../src/classroom/protocol';
import { loadScenario } from '../src/cli/load';
import { applyEntry, chooseMoves, isOver, type TurnMoves } from '../src/engine/game';
import { initialState, type GameState } from '../src/engine/state';
import { parseRoomLog, type RoomEntry } from '../src/scenario/files/room-log';
import { weeksIn } from '../src/scenario/log';
import { budget, fmt, fmtFixed, header } from './lib';

const ROOMS = 50;
const WEEKS = 26;
const SEED0 = 2021;
/** No week is begun after this long (ms) from the first seal, so the script ends in about 90 s. */
const PLAY_MS = 70_000;
const P99_BUDGET_MS = 250;

const root = fileURLToPath(new URL('..', import.meta.url));
const { scenario } = loadScenario('march-2021');
const actors = scenario.actors.map((a) => a.id);
const MiB = 1024 * 1024;

// ---- The server, in a process of its own -------------------------------------------------------

interface Server {
  readonly child: ChildProcess;
  readonly port: number;
  /** Everything it printed. */
  readonly out: () => string;
}

async function startServer(roomsDir: string, appDir: string): Promise<Server> {
  const args = [...(process.env.SERVER_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.SERVER_PROF] : []), '--import', 'tsx', 'src/server/main.ts', '--host', '127.0.0.1', '--port', '0', '--rooms', roomsDir, '--app', appDir];
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  // Read everything it prints: on Linux a write to a full pipe would stop the server.
  const read = (b: Buffer) => (out += b.toString());
  child.stdout!.on('data', read);
  child.stderr!.on('data', read);
  const port = await new Promise<number>((ready, fail) => {
    const poll = setInterval(() => {
      const m = /running[^]*http:\/\/localhost:(\d+)\//.exec(out);
      if (m) done(() => ready(Number(m[1])));
    }, 20);
    const timer = setTimeout(() => done(() => fail(new Error(`the server did not start in 30 s:\n${out}`))), 30_000);
    const exited = (code: number | null) => done(() => fail(new Error(`the server exited (${code}):\n${out}`)));
    const done = (then: () => void) => {
      clearInterval(poll);
      clearTimeout(timer);
      child.off('exit', exited);
      then();
    };
    child.once('exit', exited);
  });
  return { child, port, out: () => out };
}

function kill(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((done) => server.child.once('exit', () => done()));
  server.child.kill(process.env.SERVER_PROF ? 'SIGINT' : 'SIGKILL');
  return gone;
}

/** Bytes, from the kernel's account of the process: resident now (VmRSS) and at its highest (VmHWM). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

// ---- The screens --------------------------------------------------------------------------------

class Screen {
  /** Weeks in the latest view's log, and the last week this screen's team sealed. */
  weeks = 0;
  sealedWeek = -1;
  view: RoomView | null = null;
  onView: (view: RoomView) => void = () => {};
  private waiters: ((m: ServerMessage) => boolean)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as ServerMessage;
      if (m.type === 'error') throw new Error(`the server refused a command: ${m.message}`);
      this.waiters = this.waiters.filter((w) => !w(m));
      if (m.type === 'view') {
        this.view = m.view;
        this.onView(m.view);
      }
    });
  }

  static async open(port: number): Promise<Screen> {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/classroom`);
    await new Promise<void>((ok, fail) => ws.once('open', () => ok()).once('error', fail));
    return new Screen(ws);
  }

  send(m: ClientMessage): void {
    this.ws.send(JSON.stringify(m));
  }

  /** The next message that `test` accepts. */
  next<T extends ServerMessage>(test: (m: ServerMessage) => m is T): Promise<T> {
    return new Promise((found) => this.waiters.push((m) => test(m) && (found(m), true)));
  }
}

const welcome = (m: ServerMessage): m is Extract<ServerMessage, { type: 'welcome' }> => m.type === 'welcome';
const firstView = (m: ServerMessage): m is Extract<ServerMessage, { type: 'view' }> => m.type === 'view';

// ---- A room at play -----------------------------------------------------------------------------

/** One room: its screens (the facilitator first, then a team for each actor) and what it has played. */
class Room {
  /** The engine's state at the start of each week, from the views' log. */
  private readonly states: GameState[];
  /** What the teams sealed each week (one choice per room and week, made once). */
  readonly moves: TurnMoves[] = [];
  /** Per week: seals sent, the time the last of them went, screens that have the resolved week. */
  readonly seals: number[] = [];
  readonly lastSeal: number[] = [];
  private readonly arrived: number[] = [];
  /** Per resolved week: last seal sent to every screen having it (ms). */
  readonly latencies: number[] = [];

  /** No week is begun after this time (performance.now()); set when the play starts. */
  deadline = Infinity;
  /** Set when a team found no week left to begin: the horizon, the game's end or the deadline. */
  private stopped = false;

  constructor(
    readonly code: string,
    readonly seed: number,
    readonly screens: readonly Screen[],
  ) {
    this.states = [initialState(scenario, seed, WEEKS)];
  }

  /** Weeks every screen has seen resolved. */
  get played(): number {
    return this.latencies.length;
  }

  /** Whether the room has begun its last week and every screen has it. */
  get finished(): boolean {
    return this.stopped && this.seals.length === this.played;
  }

  /** The moves of week `w` if it is to be played (decided once, for all five teams). */
  private movesFor(w: number, view: RoomView): TurnMoves | null {
    if (this.moves[w]) return this.moves[w]!;
    if (w !== this.moves.length || w >= WEEKS || performance.now() > this.deadline) return (this.stopped = true), null;
    while (this.states.length <= w) {
      const r = applyEntry(scenario, this.states[this.states.length - 1]!, view.log[this.states.length - 1]!);
      if (!r.ok) throw new Error(`room ${this.code}: the log does not replay: ${r.error.message}`);
      this.states.push(r.state);
    }
    if (isOver(this.states[w]!)) return (this.stopped = true), null;
    return (this.moves[w] = chooseMoves(scenario, this.states[w]!, {}));
  }

  /** A screen's new view: count its arrival if it shows a new week; a team that has not sealed this week seals. */
  see(index: number, view: RoomView): void {
    const screen = this.screens[index]!;
    const weeks = weeksIn(view.log);
    for (let w = screen.weeks + 1; w <= weeks; w++) {
      this.arrived[w] = (this.arrived[w] ?? 0) + 1;
      if (this.arrived[w] === this.screens.length) this.latencies.push(performance.now() - this.lastSeal[w - 1]!);
    }
    screen.weeks = Math.max(screen.weeks, weeks);
    if (index > 0 && screen.sealedWeek < weeks) this.seal(index, weeks, view);
  }

  private seal(index: number, week: number, view: RoomView): void {
    const moves = this.movesFor(week, view);
    if (!moves) return;
    const screen = this.screens[index]!;
    screen.send({ type: 'seal', move: moves[actors[index - 1]!]! });
    screen.sealedWeek = week;
    this.seals[week] = (this.seals[week] ?? 0) + 1;
    if (this.seals[week] === actors.length) this.lastSeal[week] = performance.now();
  }
}

// ---- Setting up, playing, checking --------------------------------------------------------------

async function openRoom(port: number, seed: number): Promise<Room> {
  const facilitator = await Screen.open(port);
  const created = facilitator.next(welcome);
  facilitator.send({ type: 'create', room: { scenarioId: scenario.id, seed, horizon: WEEKS, teams: actors, strategies: {}, minutesPerTurn: 0, numbersShown: true } });
  const { code } = await created;
  const seat = async (actor: string) => {
    const team = await Screen.open(port);
    const joined = team.next(welcome);
    team.send({ type: 'join', code });
    await joined;
    const seated = team.next((m): m is Extract<ServerMessage, { type: 'welcome' }> => welcome(m) && m.role === 'team');
    team.send({ type: 'claim', actor });
    await seated;
    return team;
  };
  return new Room(code, seed, [facilitator, ...(await Promise.all(actors.map(seat)))]);
}

/** Plays every room until each has finished (or a hard limit passes); the play's duration in ms. */
async function play(rooms: readonly Room[]): Promise<number> {
  const t0 = performance.now();
  for (const room of rooms) {
    room.deadline = t0 + PLAY_MS;
    room.screens.forEach((s, i) => (s.onView = (v) => room.see(i, v)));
  }
  for (const room of rooms) room.screens.forEach((s, i) => room.see(i, s.view!));
  await new Promise<void>((done) => {
    const poll = setInterval(() => {
      if (rooms.every((r) => r.finished) || performance.now() > t0 + PLAY_MS + 15_000) {
        clearInterval(poll);
        done();
      }
    }, 10);
  });
  return performance.now() - t0;
}

interface Audit {
  readonly entries: number;
  readonly weeks: number;
  /** Entries the play made that the file lacks (or holds with other moves). */
  readonly lost: number;
  /** Entries the file holds twice, or that the play never made. */
  readonly duplicated: number;
}

/** Checks a room's file against what was played: every entry once, numbered 1..n, the weeks as sealed. */
function audit(roomsDir: string, room: Room): Audit {
  const text = readFileSync(join(roomsDir, `${room.code}.jsonl`), 'utf8');
  const entries = text.split('\n').slice(1).filter((l) => l !== '').map((l) => JSON.parse(l) as RoomEntry);
  const made = 1 + actors.length + room.seals.reduce((a, b) => a + b, 0) + room.lastSeal.length;
  const seqs = new Set(entries.map((e) => e.seq));
  let lost = [...Array(made).keys()].filter((i) => !seqs.has(i + 1)).length;
  const duplicated = entries.length - seqs.size + [...seqs].filter((q) => q > made).length;
  const weeks = entries.flatMap((e) => (e.kind === 'game' && e.entry.kind === 'week' ? [e.entry] : []));
  room.moves.forEach((moves, w) => {
    const week = weeks[w];
    if (!week || actors.some((a) => week.moves[a]?.move !== moves[a])) lost++;
  });
  const read = parseRoomLog(text);
  // The file's fold must give the log the server showed last.
  if (!read.ok || JSON.stringify(read.value.room.log) !== JSON.stringify(room.screens[0]!.view!.log)) lost++;
  return { entries: entries.length, weeks: weeks.length, lost, duplicated: duplicated + Math.max(0, weeks.length - room.moves.length) };
}

/** Kills the server (SIGKILL), starts it on the same folder and opens every room: how many show the same view. */
async function restart(server: Server, roomsDir: string, appDir: string, rooms: readonly Room[]): Promise<{ same: number; ms: number }> {
  await kill(server);
  const t0 = performance.now();
  const again = await startServer(roomsDir, appDir);
  const ms = performance.now() - t0;
  try {
    const same = await Promise.all(
      rooms.map(async (room) => {
        const screen = await Screen.open(again.port);
        const seen = screen.next(firstView);
        screen.send({ type: 'join', code: room.code });
        const { view } = await seen;
        screen.ws.terminate();
        const last = room.screens[0]!.view!;
        return JSON.stringify([view.log, view.seq, view.seats.map((s) => s.claimed)]) === JSON.stringify([last.log, last.seq, last.seats.map((s) => s.claimed)]);
      }),
    );
    return { same: same.filter(Boolean).length, ms };
  } finally {
    await kill(again);
  }
}

/** The nearest-rank percentile `p` (0-100) of `xs`. */
function percentile(xs: readonly number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** CPU time a process has run (s), from /proc/<pid>/schedstat; null where the kernel does not say. */
function cpuSeconds(pid: number): number | null {
  try {
    return Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e9;
  } catch {
    return null;
  }
}

function report(rooms: readonly Room[], playMs: number, memory: { before: { rss: number; peak: number }; after: { rss: number; peak: number } }, audits: readonly Audit[], cpu: number | null): void {
  const played = rooms.reduce((n, r) => n + r.played, 0);
  const fewest = Math.min(...rooms.map((r) => r.played));
  const seals = rooms.reduce((n, r) => n + r.seals.reduce((a, b) => a + b, 0), 0);
  const cut = fewest < WEEKS ? `: NOT the full game, ${fewest} to ${Math.max(...rooms.map((r) => r.played))} of ${WEEKS} weeks per room (${PLAY_MS / 1000} s time bound or the game's end)` : '';
  console.log(`played ${fmt(played)} of ${fmt(ROOMS * WEEKS)} room-weeks (${ROOMS} rooms × ${WEEKS} weeks, ${fmt(seals)} seals) in ${fmtFixed(playMs / 1000, 1)} s: ${fmtFixed(played / (playMs / 1000), 1)} weeks/s${cut}`);
  const lat = rooms.flatMap((r) => r.latencies);
  const p99 = percentile(lat, 99);
  console.log(
    `last seal sent -> all 6 screens have the resolved week: p50 ${fmtFixed(percentile(lat, 50), 1)} ms, p99 ${fmtFixed(p99, 1)} ms, max ${fmtFixed(Math.max(...lat), 1)} ms (${fmt(lat.length)} weeks)   ${budget(`p99 ≤ ${P99_BUDGET_MS} ms`, p99 <= P99_BUDGET_MS)}`,
  );
  const cpuText = cpu === null ? '' : `; ${fmtFixed(cpu, 1)} s of CPU during the play`;
  console.log(`server memory (child process, VmHWM in /proc/<pid>/status): peak ${fmt(memory.after.peak / MiB)} MiB; ${fmt(memory.before.rss / MiB)} MiB resident before the load (peak then ${fmt(memory.before.peak / MiB)} MiB), ${fmt(memory.after.rss / MiB)} MiB after${cpuText}`);
  const lost = audits.reduce((n, a) => n + a.lost, 0);
  const duplicated = audits.reduce((n, a) => n + a.duplicated, 0);
  const entries = audits.reduce((n, a) => n + a.entries, 0);
  const weeks = audits.reduce((n, a) => n + a.weeks, 0);
  console.log(`entries lost ${lost}, duplicated ${duplicated} (${fmt(entries)} entries in ${audits.length} room files, numbered 1..n; ${fmt(weeks)} weeks, each once with the moves sealed)   ${budget('0', lost + duplicated === 0)}`);
}

header(`Classroom load benchmark (Node): ${ROOMS} rooms × 6 screens play ${WEEKS} weeks at once on one server`);
const dir = mkdtempSync(join(tmpdir(), 'dl-classroom-bench-'));
const roomsDir = join(dir, 'rooms');
const appDir = join(dir, 'app');
mkdirSync(appDir);
writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
const server = await startServer(roomsDir, appDir);
const pid = server.child.pid!;
console.log(`server: src/server/main.ts in a child process (default limits, rooms in ${roomsDir}); ${ROOMS * 6} ws clients in this process`);
try {
  const before = memoryOf(pid);
  const rooms = await Promise.all(Array.from({ length: ROOMS }, (_, i) => openRoom(server.port, SEED0 + i)));
  const cpu0 = cpuSeconds(pid);
  const lag = monitorEventLoopDelay({ resolution: 5 });
  lag.enable();
  const playMs = await play(rooms);
  lag.disable();
  const cpu1 = cpuSeconds(pid);
  const after = memoryOf(pid);
  report(rooms, playMs, { before, after }, rooms.map((r) => audit(roomsDir, r)), cpu0 === null || cpu1 === null ? null : cpu1 - cpu0);
  // The clients' own delay is part of every latency above: how late this process ran its callbacks.
  console.log(`clients (this process): event-loop delay p50 ${fmtFixed(lag.percentile(50) / 1e6, 1)} ms, p99 ${fmtFixed(lag.percentile(99) / 1e6, 1)} ms, max ${fmtFixed(lag.max / 1e6, 1)} ms`);
  const back = await restart(server, roomsDir, appDir, rooms);
  console.log(`restart after SIGKILL: ${back.same} of ${ROOMS} rooms read back with the same log and seats (server ready in ${fmt(back.ms)} ms)   ${budget('every room', back.same === ROOMS)}`);
  for (const r of rooms) r.screens.forEach((s) => s.ws.terminate());
  const trouble = server.out().split('\n').filter((l) => /warning|classroom:|Error/.test(l));
  if (trouble.length > 0) console.log(`the server said:\n  ${trouble.slice(0, 10).join('\n  ')}`);
} finally {
  await kill(server);
  rmSync(dir, { recursive: true, force: true });
}
