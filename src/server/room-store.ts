/**
 * The rooms on disk: one append-only JSON-lines file per room (src/scenario/files/room-log.ts) in a
 * folder of their own. `append` writes an entry (the process may die now: the kernel has it) and
 * `sync` makes every written entry durable (fdatasync); the server syncs before it tells a client
 * anything, so what a client was told happened survives a power cut. On start every room is read
 * back and folded. A room whose
 * file cannot be read is reported and left alone, never overwritten.
 */
import { closeSync, existsSync, fdatasyncSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import {
  applyRoomEntry,
  parseRoomLog,
  roomEntry,
  roomEntryLine,
  roomHeaderLine,
  type NewRoomEntry,
  type RoomEntry,
  type RoomState,
} from '../scenario/files/room-log';

interface OpenRoom {
  state: RoomState;
  readonly entries: RoomEntry[];
  readonly fd: number;
}

const FILE = /^([A-Z0-9]+)\.jsonl$/;

export class RoomStore {
  private readonly rooms = new Map<string, OpenRoom>();
  /** Files written to since the last sync. */
  private readonly unsynced = new Set<number>();
  /** A file was created since the last sync: the folder's own entry needs syncing too. */
  private newFiles = false;

  private constructor(readonly dir: string) {}

  /** Opens the folder (creating it), reads every room and says what it could not read. */
  static open(dir: string, warn: (line: string) => void): RoomStore {
    mkdirSync(dir, { recursive: true });
    const store = new RoomStore(dir);
    for (const name of readdirSync(dir).sort()) {
      const m = FILE.exec(name);
      if (!m) continue;
      const file = join(dir, name);
      const read = parseRoomLog(readFileSync(file, 'utf8'));
      if (!read.ok) {
        warn(`room ${m[1]}: ${file} could not be read (${read.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}); it is left as it is`);
        continue;
      }
      for (const w of read.value.warnings) warn(`room ${m[1]}: ${w}`);
      if (read.value.warnings.length > 0) store.rewrite(file, m[1]!, read.value.entries);
      store.rooms.set(m[1]!, { state: read.value.room, entries: [...read.value.entries], fd: openSync(file, 'a') });
    }
    return store;
  }

  /** Rewrites a room's file with only its good entries (after a cut-off last line), atomically. */
  private rewrite(file: string, code: string, entries: readonly RoomEntry[]): void {
    const tmp = `${file}.tmp`;
    const fd = openSync(tmp, 'w');
    writeSync(fd, [roomHeaderLine(code), ...entries.map(roomEntryLine)].map((l) => `${l}\n`).join(''));
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, file);
  }

  get size(): number {
    return this.rooms.size;
  }

  codes(): string[] {
    return [...this.rooms.keys()];
  }

  has(code: string): boolean {
    return this.rooms.has(code) || existsSync(this.file(code));
  }

  get(code: string): RoomState | null {
    return this.rooms.get(code)?.state ?? null;
  }

  entries(code: string): readonly RoomEntry[] {
    return this.rooms.get(code)?.entries ?? [];
  }

  private file(code: string): string {
    return join(this.dir, `${code}.jsonl`);
  }

  /** Creates a room's file with its first entry; the code must be new. */
  create(code: string, first: Extract<NewRoomEntry, { kind: 'created' }>, now: Date): RoomState {
    if (this.has(code)) throw new Error(`room ${code} exists`);
    const fd = openSync(this.file(code), 'wx');
    writeSync(fd, `${roomHeaderLine(code)}\n`);
    this.newFiles = true;
    this.rooms.set(code, { state: null as unknown as RoomState, entries: [], fd });
    return this.append(code, [first], now);
  }

  /** Numbers, stamps and writes the entries, then folds them into the room; `sync` makes them durable. */
  append(code: string, list: readonly NewRoomEntry[], now: Date): RoomState {
    const room = this.rooms.get(code);
    if (!room) throw new Error(`no room ${code}`);
    const at = now.toISOString();
    const stamped = list.map((e, i) => roomEntry.parse({ ...e, seq: room.entries.length + i + 1, at }));
    writeSync(room.fd, stamped.map((e) => `${roomEntryLine(e)}\n`).join(''));
    this.unsynced.add(room.fd);
    let state: RoomState | null = room.entries.length === 0 ? null : room.state;
    for (const e of stamped) {
      state = applyRoomEntry(state, e, code);
      room.entries.push(e);
    }
    room.state = state!;
    return room.state;
  }

  /** Makes everything written so far durable, one fdatasync per file written to. */
  sync(): void {
    for (const fd of this.unsynced) {
      fdatasyncSync(fd);
      this.unsynced.delete(fd);
    }
    if (this.newFiles) {
      const dir = openSync(this.dir, 'r');
      try {
        fsyncSync(dir);
      } finally {
        closeSync(dir);
      }
      this.newFiles = false;
    }
  }

  /** The room's file as it is on disk. */
  text(code: string): string {
    return readFileSync(this.file(code), 'utf8');
  }

  /** Deletes a room: its file is moved into `deleted/`, not erased. */
  delete(code: string): void {
    const room = this.rooms.get(code);
    if (!room) return;
    this.unsynced.delete(room.fd);
    closeSync(room.fd);
    this.rooms.delete(code);
    mkdirSync(join(this.dir, 'deleted'), { recursive: true });
    renameSync(this.file(code), join(this.dir, 'deleted', `${code}-${Date.now()}.jsonl`));
  }

  close(): void {
    this.sync();
    for (const r of this.rooms.values()) closeSync(r.fd);
    this.rooms.clear();
  }
}
