/**
 * Every game the user started, kept in the browser: one local-storage record per game
 * (`deterrence-lab:game:<id>`) and the id of the one in play. What is read back is parsed like any
 * untrusted input: a record that cannot be read is set aside under its own key (never overwritten,
 * never dropped) and reported. A save that fails (storage full or disabled) is reported at once;
 * the game goes on in memory and can be exported.
 *
 * Two tabs may hold the same game. The library remembers the text it last wrote or read for each
 * game and never writes over a record another tab has changed since (`conflict`); the store then
 * keeps this tab's version as a game of its own, so neither is lost.
 */
import type { Scenario } from '../scenario/schema';
import { parseSavedGame, writeSavedGame, type SavedGameRecord } from '../scenario/files/saved-game';

/** The part of the Web Storage API the library uses (tests pass a Map-backed one). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export const GAME_KEY_PREFIX = 'deterrence-lab:game:';
export const CURRENT_KEY = 'deterrence-lab:current-game';
/** Where the app kept its one game before it kept many (a saved game of version 1). */
export const LEGACY_AUTOSAVE_KEY = 'deterrence-lab:autosave:v1';
export const SET_ASIDE_PREFIX = 'deterrence-lab:unreadable-save:';

/** What the start page lists of a saved game. */
export interface GameSummary {
  readonly id: string;
  readonly scenarioId: string;
  readonly seed: number;
  readonly horizon: number;
  /** Weeks played on the active branch, and how many branches the game has. */
  readonly weeks: number;
  readonly branches: number;
  readonly createdAt: string | null;
  readonly updatedAt: string | null;
}

export function summaryOf(g: SavedGameRecord): GameSummary | null {
  const s = g.session;
  if (!s) return null;
  const active = s.branches.find((b) => b.id === s.active) ?? s.branches[0]!;
  return {
    id: g.id,
    scenarioId: s.scenarioId,
    seed: s.seed,
    horizon: s.horizon,
    weeks: active.log.filter((e) => e.kind === 'week').length,
    branches: s.branches.length,
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}

export type SaveResult = { ok: true } | { ok: false; reason: string; conflict?: true };

/** A game's record as another tab left it: changed (parsed), gone, or unreadable. */
export type Reread = { kind: 'changed'; game: SavedGameRecord } | { kind: 'gone' } | { kind: 'unchanged' } | { kind: 'unreadable'; reason: string };

function reason(e: unknown): string {
  const name = e instanceof Error ? e.name : '';
  return name === 'QuotaExceededError' || /quota/i.test(String(e)) ? 'the browser’s storage for this site is full' : `the browser refused to store it (${e instanceof Error ? e.message : String(e)})`;
}

export interface LoadedLibrary {
  readonly games: readonly SavedGameRecord[];
  readonly current: string | null;
  /** What could not be read and where it was put. */
  readonly problems: readonly string[];
}

export class GameLibrary {
  /** The text this tab last wrote or read, by game id: what a record must still be to be written over. */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly storage: KeyValueStorage | null,
    private readonly scenarioFor: (id: string) => Scenario | null,
    private readonly now: () => string,
  ) {}

  private keys(): string[] {
    const s = this.storage;
    if (!s) return [];
    const out: string[] = [];
    try {
      for (let i = 0; i < s.length; i++) {
        const k = s.key(i);
        if (k !== null) out.push(k);
      }
    } catch {
      return [];
    }
    return out;
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  /** Copies an unreadable record aside (under a key of its own, never reused) and removes it. */
  private setAside(key: string, raw: string, why: string): string {
    const aside = `${SET_ASIDE_PREFIX}${this.now()}:${key}`;
    try {
      this.storage!.setItem(aside, raw);
      this.storage!.removeItem(key);
      return `A saved game could not be read (${why}); it was kept in local storage under "${aside}".`;
    } catch {
      return `A saved game could not be read (${why}); it could not be copied aside, so it was left in place under "${key}" and will not be written over.`;
    }
  }

  /** A record's text parsed, or why it cannot be. */
  private parse(raw: string): { ok: true; game: SavedGameRecord } | { ok: false; why: string } {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      return { ok: false, why: 'it is not valid JSON' };
    }
    const parsed = parseSavedGame(json, this.scenarioFor);
    if (!parsed.ok) {
      const e = parsed.errors[0]!;
      return { ok: false, why: `${e.path || 'its format'}: ${e.message}` };
    }
    return { ok: true, game: parsed.value };
  }

  /** Reads every saved game, bringing the single save of earlier versions into the library. */
  load(): LoadedLibrary {
    const problems: string[] = [];
    const games: SavedGameRecord[] = [];
    const readOne = (key: string, raw: string): SavedGameRecord | null => {
      const r = this.parse(raw);
      if (r.ok) return r.game;
      problems.push(this.setAside(key, raw, r.why));
      return null;
    };
    for (const key of this.keys().filter((k) => k.startsWith(GAME_KEY_PREFIX)).sort()) {
      const raw = this.read(key);
      const game = raw === null ? null : readOne(key, raw);
      const id = key.slice(GAME_KEY_PREFIX.length);
      if (game?.session) {
        games.push({ ...game, id });
        this.known.set(id, raw!);
      }
    }
    const legacy = this.read(LEGACY_AUTOSAVE_KEY);
    let current = this.read(CURRENT_KEY);
    if (legacy !== null) {
      const game = readOne(LEGACY_AUTOSAVE_KEY, legacy);
      if (game?.session) {
        const moved = { ...game, id: this.freshId(games.map((g) => g.id)), updatedAt: game.updatedAt ?? this.now() };
        const saved = this.save(moved);
        // The old save is removed only once the library holds it.
        if (saved.ok) this.remove(LEGACY_AUTOSAVE_KEY, true);
        games.push(moved);
        current = moved.id;
      } else if (game) {
        this.remove(LEGACY_AUTOSAVE_KEY, true);
      }
    }
    if (current !== null && !games.some((g) => g.id === current)) current = null;
    return { games, current, problems };
  }

  /** A game id not in `taken` and not in storage (another tab may have made games since this one loaded). */
  freshId(taken: readonly string[]): string {
    const used = new Set([...taken, ...this.keys().filter((k) => k.startsWith(GAME_KEY_PREFIX)).map((k) => k.slice(GAME_KEY_PREFIX.length))]);
    let n = used.size + 1;
    while (used.has(`game-${n}`)) n += 1;
    return `game-${n}`;
  }

  /** Saves a game, unless another tab has changed or made its record since this tab last saw it. */
  save(game: SavedGameRecord): SaveResult {
    if (!this.storage) return { ok: false, reason: 'this browser does not let the app store data' };
    const key = `${GAME_KEY_PREFIX}${game.id}`;
    const stored = this.read(key);
    if (stored !== null && stored !== this.known.get(game.id)) return { ok: false, reason: 'another tab changed this game since this tab opened it', conflict: true };
    const text = writeSavedGame(game);
    try {
      this.storage.setItem(key, text);
      this.known.set(game.id, text);
      return { ok: true };
    } catch (e) {
      return { ok: false, reason: reason(e) };
    }
  }

  /** What another tab did to a game's record (a `storage` event named its key). */
  reread(id: string): Reread {
    const raw = this.read(`${GAME_KEY_PREFIX}${id}`);
    if (raw === null) {
      this.known.delete(id);
      return { kind: 'gone' };
    }
    if (raw === this.known.get(id)) return { kind: 'unchanged' };
    const r = this.parse(raw);
    if (!r.ok || !r.game.session) return { kind: 'unreadable', reason: r.ok ? 'it holds no game' : r.why };
    this.known.set(id, raw);
    return { kind: 'changed', game: { ...r.game, id } };
  }

  setCurrent(id: string | null): void {
    try {
      if (id === null) this.storage?.removeItem(CURRENT_KEY);
      else this.storage?.setItem(CURRENT_KEY, id);
    } catch {
      // Which game was open is a convenience; the games themselves are saved on their own.
    }
  }

  /** Removes a game's record (a raw key when `raw`). */
  remove(id: string, raw = false): void {
    if (!raw) this.known.delete(id);
    try {
      this.storage?.removeItem(raw ? id : `${GAME_KEY_PREFIX}${id}`);
    } catch {
      // Nothing else to do: it stays listed until the next start.
    }
  }
}
