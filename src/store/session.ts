/**
 * The game session store (zustand, vanilla): every game the user started (the library), the one in
 * play — its set-up and branches of typed logs, the sealed picks and draft notes of the week, the
 * undone entries and the week in view. Everything else is derived through the engine (derive.ts).
 * Actions return nothing and never throw; problems land in `message`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { scenarioDigest } from '../scenario/files/digest';
import type { SavedGameRecord } from '../scenario/files/saved-game';
import { scenarioNotice } from '../scenario/files/scenario-version';
import { newSession, parseSessionText, writeSession, type Controller, type Session } from '../scenario/files/session-file';
import { decodeShare, encodeShare } from '../scenario/files/share-link';
import { weeksIn, type LogEntry } from '../scenario/log';
import type { Scenario } from '../scenario/schema';
import { fireEvent, forkAt, playWeek, redoEntry, renamed, undoEntry } from './branch-edits';
import { activeBranch, branchStates } from './derive';
import { GAME_KEY_PREFIX, GameLibrary, summaryOf, type GameSummary, type KeyValueStorage } from './library';

export interface Setup {
  readonly scenarioId: string;
  readonly seed: number;
  readonly horizon: number;
  readonly controllers: Readonly<Record<string, Controller>>;
}

export interface Message {
  readonly kind: 'error' | 'info';
  readonly text: string;
  /** Offer to undo the deletion of a game. */
  readonly undoDelete?: boolean;
  /** Stays through the next moves until dismissed: what happened to the game itself. */
  readonly sticky?: boolean;
}

export interface SessionStore {
  /** Every saved game, most recently played first. */
  readonly games: readonly GameSummary[];
  /** The game in play, and its id in the library. */
  readonly gameId: string | null;
  readonly session: Session | null;
  /** Moves picked by human actors for the current week, sealed until the turn resolves. */
  readonly picks: Readonly<Record<string, string>>;
  /** Draft notes of the human teams for the current week ("why we chose this"). */
  readonly notes: Readonly<Record<string, string>>;
  /** Undone entries per branch, most recent last. */
  readonly redo: Readonly<Record<string, readonly LogEntry[]>>;
  /** The week in view on the active branch; null follows the latest. */
  readonly view: number | null;
  /** Which view shows: the start page, the game, the analysis of strategies, or the game's debrief. */
  readonly screen: 'start' | 'play' | 'analysis' | 'debrief';
  readonly message: Message | null;
  start(setup: Setup): void;
  pick(actor: string, move: string): void;
  unpick(actor: string): void;
  note(actor: string, text: string): void;
  endTurn(): void;
  /** Fires an event of the scenario's catalogue at the start of the next week. */
  inject(id: string): void;
  undo(): void;
  redoTurn(): void;
  viewTurn(turn: number | null): void;
  fork(name?: string): void;
  switchBranch(id: string): void;
  renameBranch(id: string, name: string): void;
  importText(text: string, origin: string): boolean;
  loadShare(code: string): boolean;
  exportText(): string | null;
  shareCode(): string | null;
  /** Back to the start page; the game stays saved and can be resumed. */
  leave(): void;
  /** Resumes a saved game (the last one in play when no id is given). */
  resume(id?: string): void;
  deleteGame(id: string): void;
  undoDelete(): void;
  /** Another tab changed the browser's storage under `key` (null: it cleared it). */
  storageChanged(key: string | null): void;
  /** Opens the analysis view; `back` returns to the game if there is one, else to the start. */
  openAnalysis(): void;
  /** Opens the debrief of the game in play; `back` returns to the game. */
  openDebrief(): void;
  back(): void;
  dismiss(): void;
}

export interface SessionDeps {
  readonly scenarios: readonly Scenario[];
  readonly storage: KeyValueStorage | null;
  /** ISO timestamp for dating saves; injected so tests control it. */
  readonly now: () => string;
}

function errorText(origin: string, errors: readonly { path: string; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `${origin} could not be read — ${shown.join('; ')}${more}. Nothing was changed.`;
}

const byRecency = (a: GameSummary, b: GameSummary) => (b.updatedAt ?? '').localeCompare(a.updatedAt ?? '');

export function createSessionStore(deps: SessionDeps): StoreApi<SessionStore> {
  const scenarioFor = (id: string) => deps.scenarios.find((s) => s.id === id) ?? null;
  const library = new GameLibrary(deps.storage, scenarioFor, deps.now);
  const loaded = library.load();
  /** Every game, by id: the library's records, kept in memory too so nothing depends on storage working. */
  const records = new Map(loaded.games.map((g) => [g.id, g]));
  let deleted: SavedGameRecord | null = null;

  return createStore<SessionStore>((set, get) => {
    const summaries = () => [...records.values()].flatMap((g) => summaryOf(g) ?? []).sort(byRecency);

    const current = () => {
      const session = get().session;
      if (!session) return null;
      const scenario = scenarioFor(session.scenarioId);
      if (!scenario) return null;
      const branch = activeBranch(session);
      return { session, scenario, branch, ...branchStates(scenario, session, branch) };
    };

    /** Saves the game in play; a failure is said at once and the game goes on in memory. */
    const persist = (): Message | null => {
      const { gameId, session, redo, picks, notes, view } = get();
      if (!gameId || !session) return null;
      const before = records.get(gameId);
      const record: SavedGameRecord = { id: gameId, createdAt: before?.createdAt ?? deps.now(), updatedAt: deps.now(), session, redo, picks, notes, view };
      records.set(gameId, record);
      const saved = library.save(record);
      if (!saved.ok && saved.conflict) return keepAsNewGame(record);
      library.setCurrent(gameId);
      set({ games: summaries() });
      if (saved.ok) return null;
      const message: Message = {
        kind: 'error',
        text: `This game could not be saved in the browser: ${saved.reason}. Games saved before are untouched; use “Export game” to keep this one.`,
      };
      set({ message });
      return message;
    };

    /**
     * Another tab changed this game since this tab opened it: this tab's version becomes a game of
     * its own rather than writing over the other's.
     */
    const keepAsNewGame = (record: SavedGameRecord): Message | null => {
      const reread = library.reread(record.id);
      if (reread.kind === 'changed') records.set(record.id, reread.game);
      const gameId = library.freshId([...records.keys()]);
      const copy = { ...record, id: gameId, createdAt: deps.now() };
      records.set(gameId, copy);
      const saved = library.save(copy);
      library.setCurrent(gameId);
      const message: Message = saved.ok
        ? { kind: 'info', sticky: true, text: 'This game was changed in another tab too. So that neither is lost, this tab’s version is now a game of its own (both are on the start page).' }
        : { kind: 'error', text: `This game was changed in another tab too, and this tab’s version could not be saved in the browser: ${saved.reason}. Use “Export game” to keep it.` };
      set({ gameId, games: summaries(), message });
      return saved.ok ? null : message;
    };

    const setAndSave = (partial: Partial<SessionStore>) => {
      set(partial);
      persist();
    };

    /** Makes `session` a new game in the library and opens it, saying where it came from. */
    const adopt = (session: Session, info: string) => {
      const scenario = scenarioFor(session.scenarioId)!;
      const notice = scenarioNotice(scenario, session.scenarioDigest, 'game');
      const gameId = library.freshId([...records.keys()]);
      set({ gameId, session: { ...session, scenarioDigest: scenarioDigest(scenario) }, picks: {}, notes: {}, redo: {}, view: null, screen: 'play' });
      const failed = persist();
      if (!failed) set({ message: { kind: 'info', text: notice ? `${info} ${notice}` : info } });
    };

    const open = (record: SavedGameRecord | undefined) => {
      if (!record?.session) return;
      const scenario = scenarioFor(record.session.scenarioId)!;
      const notice = scenarioNotice(scenario, record.session.scenarioDigest, 'game');
      set({
        gameId: record.id,
        session: { ...record.session, scenarioDigest: scenarioDigest(scenario) },
        picks: record.picks,
        notes: record.notes,
        redo: record.redo,
        view: record.view,
        screen: 'play',
        message: notice ? { kind: 'info', text: notice } : null,
      });
      if (notice) persist();
      else library.setCurrent(record.id);
    };

    const first = loaded.current ? records.get(loaded.current) : undefined;
    const startNotice = first?.session ? scenarioNotice(scenarioFor(first.session.scenarioId)!, first.session.scenarioDigest, 'game') : null;
    const problems = [...loaded.problems, ...(startNotice ? [startNotice] : [])];

    return {
      games: summaries(),
      gameId: first?.id ?? null,
      session: first?.session ? { ...first.session, scenarioDigest: scenarioDigest(scenarioFor(first.session.scenarioId)!) } : null,
      picks: first?.picks ?? {},
      notes: first?.notes ?? {},
      redo: first?.redo ?? {},
      view: first?.view ?? null,
      screen: first?.session ? 'play' : 'start',
      message: problems.length > 0 ? { kind: loaded.problems.length > 0 ? 'error' : 'info', text: problems.join(' ') } : null,

      start(setup) {
        const scenario = scenarioFor(setup.scenarioId);
        if (!scenario) return set({ message: { kind: 'error', text: `Unknown scenario "${setup.scenarioId}".` } });
        const gameId = library.freshId([...records.keys()]);
        set({ gameId, session: newSession(scenario, setup), picks: {}, notes: {}, redo: {}, view: null, screen: 'play', message: null });
        persist();
      },

      pick(actor, move) {
        setAndSave({ picks: { ...get().picks, [actor]: move } });
      },

      unpick(actor) {
        const { [actor]: _, ...rest } = get().picks;
        setAndSave({ picks: rest });
      },

      note(actor, text) {
        setAndSave({ notes: { ...get().notes, [actor]: text } });
      },

      endTurn() {
        const c = current();
        const played = c && playWeek(c, get().picks, get().notes, get().redo);
        if (!played) return;
        if (!played.ok) return set({ message: { kind: 'error', text: played.error } });
        const kept = get().message?.sticky ? get().message : null;
        setAndSave({ session: played.session, picks: {}, notes: {}, redo: played.redo, view: null, message: kept });
      },

      inject(id) {
        const c = current();
        if (!c) return;
        if (get().view !== null) return set({ message: { kind: 'error', text: 'Go to the latest week to fire an event.' } });
        const fired = fireEvent(c, id, get().redo);
        if (!fired.ok) return set({ message: { kind: 'error', text: fired.error } });
        setAndSave({ session: fired.session, redo: fired.redo, message: { kind: 'info', text: `“${fired.label}” will happen at the start of next week.` } });
      },

      undo() {
        const c = current();
        const undone = c && undoEntry(c, get().redo);
        if (undone) setAndSave({ ...undone, picks: {}, view: null });
      },

      redoTurn() {
        const c = current();
        const redone = c && redoEntry(c, get().redo);
        if (redone) setAndSave({ ...redone, picks: {}, view: null });
      },

      viewTurn(turn) {
        const c = current();
        if (!c) return;
        const latest = c.states.length - 1;
        setAndSave({ view: turn === null || turn >= latest ? null : Math.max(0, turn) });
      },

      fork(name) {
        const c = current();
        if (!c) return;
        const at = get().view ?? weeksIn(c.branch.log);
        const forked = forkAt(c, at, name);
        if (!forked.ok) return set({ message: { kind: 'error', text: forked.error } });
        setAndSave({ session: forked.session, picks: {}, view: null, message: { kind: 'info', text: `Forked "${forked.branch.name}" at week ${at}.` } });
      },

      switchBranch(id) {
        const session = get().session;
        if (!session || !session.branches.some((b) => b.id === id)) return;
        setAndSave({ session: { ...session, active: id }, picks: {}, view: null });
      },

      renameBranch(id, name) {
        const session = get().session;
        const next = session && renamed(session, id, name);
        if (next) setAndSave({ session: next });
      },

      importText(text, origin) {
        const parsed = parseSessionText(text, scenarioFor);
        if (!parsed.ok) {
          set({ message: { kind: 'error', text: errorText(origin, parsed.errors) } });
          return false;
        }
        adopt(parsed.value, `Loaded the game from ${origin} as a new game.`);
        return true;
      },

      loadShare(code) {
        const parsed = decodeShare(code, scenarioFor);
        if (!parsed.ok) {
          set({ message: { kind: 'error', text: errorText('The share link', parsed.errors) } });
          return false;
        }
        adopt(parsed.value, 'Opened the shared game as a new game; your other games are kept.');
        return true;
      },

      exportText() {
        const session = get().session;
        return session ? writeSession(session) : null;
      },

      shareCode() {
        const session = get().session;
        return session ? encodeShare(session) : null;
      },

      leave() {
        set({ screen: 'start', message: null });
      },

      resume(id) {
        if (id === undefined || id === get().gameId) {
          if (get().session) set({ screen: 'play', message: null });
          return;
        }
        open(records.get(id));
      },

      deleteGame(id) {
        const record = records.get(id);
        if (!record) return;
        records.delete(id);
        library.remove(id);
        deleted = record;
        const wasCurrent = get().gameId === id;
        if (wasCurrent) library.setCurrent(null);
        set({
          games: summaries(),
          ...(wasCurrent ? { gameId: null, session: null, picks: {}, notes: {}, redo: {}, view: null } : {}),
          message: { kind: 'info', text: 'The game was deleted.', undoDelete: true },
        });
      },

      undoDelete() {
        if (!deleted) return;
        const record = deleted;
        deleted = null;
        records.set(record.id, record);
        const saved = library.save(record);
        set({
          games: summaries(),
          message: saved.ok ? { kind: 'info', text: 'The game is back.' } : { kind: 'error', text: `The game is back for now, but it could not be saved in the browser: ${saved.reason}.` },
        });
      },

      storageChanged(key) {
        if (key !== null && !key.startsWith(GAME_KEY_PREFIX)) return;
        const ids = key === null ? [...records.keys()] : [key.slice(GAME_KEY_PREFIX.length)];
        let message: Message | null = null;
        const openId = get().gameId;
        for (const id of ids) {
          const r = library.reread(id);
          if (r.kind === 'changed') {
            records.set(id, r.game);
            if (id === openId && r.game.session) {
              const { session, picks, notes, redo, view } = r.game;
              set({ session, picks, notes, redo, view });
              message = { kind: 'info', sticky: true, text: 'This game was played on in another tab; this tab now shows where it stands.' };
            }
          } else if (r.kind === 'gone') {
            if (id === openId) message = { kind: 'info', sticky: true, text: 'This game was deleted in another tab. It stays open here, and playing on saves it again.' };
            else records.delete(id);
          }
        }
        set({ games: summaries(), ...(message ? { message } : {}) });
      },

      openAnalysis() {
        set({ screen: 'analysis', message: null });
      },

      openDebrief() {
        if (get().session) set({ screen: 'debrief', message: null });
      },

      back() {
        set({ screen: get().session ? 'play' : 'start', message: null });
      },

      dismiss() {
        set({ message: null });
      },
    };
  });
}
