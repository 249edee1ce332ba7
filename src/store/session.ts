/**
 * The game session store (zustand, vanilla): the set-up, the branches of logs, the sealed picks of
 * the week and which week is in view. Everything else is derived through the engine (derive.ts).
 * Actions return nothing and never throw; problems land in `message`.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { chooseMoves, isOver, resolveTurn, type TurnMoves } from '../engine/game';
import type { Scenario, StrategyId } from '../scenario/schema';
import {
  decodeShare,
  encodeShare,
  parseSessionText,
  SESSION_KIND,
  SESSION_VERSION,
  writeSession,
  type Branch,
  type Controller,
  type Session,
} from '../scenario/session-file';
import { activeBranch, branchStates } from './derive';
import { loadAutosave, saveAutosave, type KeyValueStorage } from './autosave';

export interface Setup {
  readonly scenarioId: string;
  readonly seed: number;
  readonly horizon: number;
  readonly controllers: Readonly<Record<string, Controller>>;
}

export interface Message {
  readonly kind: 'error' | 'info';
  readonly text: string;
}

export interface SessionStore {
  readonly session: Session | null;
  /** Moves picked by human actors for the current week, sealed until the turn resolves. */
  readonly picks: Readonly<Record<string, string>>;
  /** Undone turns per branch, most recent last. */
  readonly redo: Readonly<Record<string, readonly TurnMoves[]>>;
  /** The week in view on the active branch; null follows the latest. */
  readonly view: number | null;
  /** Which view shows: the start page, the game, or the analysis of strategies. */
  readonly screen: 'start' | 'play' | 'analysis';
  readonly message: Message | null;
  start(setup: Setup): void;
  pick(actor: string, move: string): void;
  unpick(actor: string): void;
  endTurn(): void;
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
  resume(): void;
  /** Opens the analysis view; `back` returns to the game if there is one, else to the start. */
  openAnalysis(): void;
  back(): void;
  dismiss(): void;
}

export interface SessionDeps {
  readonly scenarios: readonly Scenario[];
  readonly storage: KeyValueStorage | null;
  /** ISO timestamp for naming set-aside saves; injected so tests control it. */
  readonly now: () => string;
}

function errorText(origin: string, errors: readonly { path: string; message: string }[]): string {
  const shown = errors.slice(0, 3).map((e) => `${e.path || '(root)'}: ${e.message}`);
  const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : '';
  return `${origin} could not be read — ${shown.join('; ')}${more}. Nothing was changed.`;
}

export function createSessionStore(deps: SessionDeps): StoreApi<SessionStore> {
  const scenarioFor = (id: string) => deps.scenarios.find((s) => s.id === id) ?? null;

  return createStore<SessionStore>((set, get) => {
    const current = () => {
      const session = get().session;
      if (!session) return null;
      const scenario = scenarioFor(session.scenarioId);
      if (!scenario) return null;
      const branch = activeBranch(session);
      return { session, scenario, branch, ...branchStates(scenario, session, branch) };
    };

    const replaceBranch = (session: Session, branch: Branch): Session => ({
      ...session,
      branches: session.branches.map((b) => (b.id === branch.id ? branch : b)),
    });

    const persist = () => {
      const { session, redo, picks, view } = get();
      if (deps.storage) saveAutosave(deps.storage, { session, redo, picks, view });
    };

    const setAndSave = (partial: Partial<SessionStore>) => {
      set(partial);
      persist();
    };

    const adopt = (session: Session, info: string) =>
      setAndSave({ session, picks: {}, redo: {}, view: null, screen: 'play', message: { kind: 'info', text: info } });

    const restored = deps.storage ? loadAutosave(deps.storage, scenarioFor, deps.now) : { value: null, problem: null };

    return {
      session: restored.value?.session ?? null,
      picks: restored.value?.picks ?? {},
      redo: restored.value?.redo ?? {},
      view: restored.value?.view ?? null,
      screen: restored.value?.session ? 'play' : 'start',
      message: restored.problem ? { kind: 'error', text: restored.problem } : null,

      start(setup) {
        if (!scenarioFor(setup.scenarioId)) return set({ message: { kind: 'error', text: `Unknown scenario "${setup.scenarioId}".` } });
        const session: Session = {
          kind: SESSION_KIND,
          schemaVersion: SESSION_VERSION,
          ...setup,
          controllers: { ...setup.controllers },
          branches: [{ id: 'main', name: 'Main line', parent: null, forkTurn: 0, turns: [] }],
          active: 'main',
        };
        setAndSave({ session, picks: {}, redo: {}, view: null, screen: 'play', message: null });
      },

      pick(actor, move) {
        setAndSave({ picks: { ...get().picks, [actor]: move } });
      },

      unpick(actor) {
        const { [actor]: _, ...rest } = get().picks;
        setAndSave({ picks: rest });
      },

      endTurn() {
        const c = current();
        if (!c) return;
        const last = c.states[c.states.length - 1]!;
        if (isOver(last) || c.error) return;
        const strategies = Object.fromEntries(
          Object.entries(c.session.controllers).filter(([, v]) => v !== 'human'),
        ) as Record<string, StrategyId>;
        const ai = chooseMoves(c.scenario, last, strategies);
        const humans = c.scenario.actors.filter((a) => c.session.controllers[a.id] === 'human').map((a) => a.id);
        const missing = humans.filter((a) => get().picks[a] === undefined);
        if (missing.length > 0) return set({ message: { kind: 'error', text: `Still to choose a move: ${missing.join(', ')}.` } });
        const moves: TurnMoves = { ...ai, ...Object.fromEntries(humans.map((a) => [a, get().picks[a]!])) };
        const result = resolveTurn(c.scenario, last, moves);
        if (!result.ok) return set({ message: { kind: 'error', text: result.error.message } });
        const branch = { ...c.branch, turns: [...c.branch.turns, moves] };
        setAndSave({ session: replaceBranch(c.session, branch), picks: {}, redo: { ...get().redo, [branch.id]: [] }, view: null, message: null });
      },

      undo() {
        const c = current();
        if (!c || c.branch.turns.length === 0) return;
        const undone = c.branch.turns[c.branch.turns.length - 1]!;
        const branch = { ...c.branch, turns: c.branch.turns.slice(0, -1) };
        const stack = [...(get().redo[branch.id] ?? []), undone];
        setAndSave({ session: replaceBranch(c.session, branch), redo: { ...get().redo, [branch.id]: stack }, picks: {}, view: null });
      },

      redoTurn() {
        const c = current();
        const stack = c ? get().redo[c.branch.id] ?? [] : [];
        if (!c || stack.length === 0) return;
        const branch = { ...c.branch, turns: [...c.branch.turns, stack[stack.length - 1]!] };
        setAndSave({ session: replaceBranch(c.session, branch), redo: { ...get().redo, [branch.id]: stack.slice(0, -1) }, picks: {}, view: null });
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
        const at = get().view ?? c.branch.turns.length;
        const taken = new Set(c.session.branches.map((b) => b.id));
        let n = c.session.branches.length;
        while (taken.has(`branch-${n}`)) n += 1;
        const branch: Branch = {
          id: `branch-${n}`,
          name: name?.trim() || `What if? (from week ${at})`,
          parent: c.branch.id,
          forkTurn: at,
          turns: c.branch.turns.slice(0, at),
        };
        const session = { ...c.session, branches: [...c.session.branches, branch], active: branch.id };
        setAndSave({ session, picks: {}, view: null, message: { kind: 'info', text: `Forked "${branch.name}" at week ${at}.` } });
      },

      switchBranch(id) {
        const session = get().session;
        if (!session || !session.branches.some((b) => b.id === id)) return;
        setAndSave({ session: { ...session, active: id }, picks: {}, view: null });
      },

      renameBranch(id, name) {
        const session = get().session;
        const trimmed = name.trim().slice(0, 80);
        if (!session || trimmed === '') return;
        setAndSave({ session: { ...session, branches: session.branches.map((b) => (b.id === id ? { ...b, name: trimmed } : b)) } });
      },

      importText(text, origin) {
        const parsed = parseSessionText(text, scenarioFor);
        if (!parsed.ok) {
          set({ message: { kind: 'error', text: errorText(origin, parsed.errors) } });
          return false;
        }
        adopt(parsed.value, `Loaded the game from ${origin}.`);
        return true;
      },

      loadShare(code) {
        const parsed = decodeShare(code, scenarioFor);
        if (!parsed.ok) {
          set({ message: { kind: 'error', text: errorText('The share link', parsed.errors) } });
          return false;
        }
        adopt(parsed.value, 'Opened the shared game.');
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

      resume() {
        if (get().session) set({ screen: 'play', message: null });
      },

      openAnalysis() {
        set({ screen: 'analysis', message: null });
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
