/**
 * How the game in play changes when a week is played, an event fired, an entry undone or redone,
 * or a branch forked: pure functions from the game as it stands to its next session (and redo
 * stacks), or to what stopped them. The session store (session.ts) saves what they return.
 */
import { chooseMoves, isOver, queueInject, resolveTurn, type TurnMoves } from '../engine/game';
import type { Branch, Session } from '../scenario/files/session-file';
import { MAX_BRANCH_NAME, MAX_BRANCHES } from '../scenario/limits';
import { logUntil, weekOf, type LogEntry } from '../scenario/log';
import type { Scenario, StrategyId } from '../scenario/schema';
import type { BranchStates } from './derive';

/** The game in play: its session, scenario, active branch and the states its log replays to (derive.ts). */
export interface InPlay extends BranchStates {
  readonly session: Session;
  readonly scenario: Scenario;
  readonly branch: Branch;
}

/** Undone entries per branch, most recent last. */
export type RedoStacks = Readonly<Record<string, readonly LogEntry[]>>;

export type Edit<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: string };

const withBranch = (session: Session, branch: Branch): Session => ({ ...session, branches: session.branches.map((b) => (b.id === branch.id ? branch : b)) });

const latest = (c: InPlay) => c.states[c.states.length - 1]!;

/**
 * The week played: the AI actors choose, the human teams' sealed picks and notes join them, and
 * the week is added to the branch (its redo stack emptied). Null when there is nothing to play:
 * the game is over, or its log does not replay.
 */
export function playWeek(c: InPlay, picks: Readonly<Record<string, string>>, notes: Readonly<Record<string, string>>, redo: RedoStacks): Edit<{ session: Session; redo: RedoStacks }> | null {
  const last = latest(c);
  if (isOver(last) || c.error) return null;
  const strategies = Object.fromEntries(Object.entries(c.session.controllers).filter(([, v]) => v !== 'human')) as Record<string, StrategyId>;
  const ai = chooseMoves(c.scenario, last, strategies);
  const humans = c.scenario.actors.filter((a) => c.session.controllers[a.id] === 'human').map((a) => a.id);
  const missing = humans.filter((a) => picks[a] === undefined);
  if (missing.length > 0) return { ok: false, error: `Still to choose a move: ${missing.join(', ')}.` };
  const moves: TurnMoves = { ...ai, ...Object.fromEntries(humans.map((a) => [a, picks[a]!])) };
  const result = resolveTurn(c.scenario, last, moves);
  if (!result.ok) return { ok: false, error: result.error.message };
  const kept = Object.fromEntries(humans.flatMap((a) => (notes[a] ? [[a, notes[a]]] : [])));
  const branch = { ...c.branch, log: [...c.branch.log, weekOf(moves, kept)] };
  return { ok: true, session: withBranch(c.session, branch), redo: { ...redo, [branch.id]: [] } };
}

/** Event `id` of the scenario's catalogue queued for the start of next week (the branch's redo stack emptied). */
export function fireEvent(c: InPlay, id: string, redo: RedoStacks): Edit<{ session: Session; redo: RedoStacks; label: string }> {
  const result = queueInject(c.scenario, latest(c), id);
  if (!result.ok) return { ok: false, error: result.error.message };
  const label = c.scenario.injects.find((e) => e.id === id)!.label;
  const branch = { ...c.branch, log: [...c.branch.log, { kind: 'inject' as const, inject: id }] };
  return { ok: true, session: withBranch(c.session, branch), redo: { ...redo, [branch.id]: [] }, label };
}

/** The branch's last entry taken back onto its redo stack; null when its log is empty. */
export function undoEntry(c: InPlay, redo: RedoStacks): { session: Session; redo: RedoStacks } | null {
  const undone = c.branch.log.at(-1);
  if (!undone) return null;
  const branch = { ...c.branch, log: c.branch.log.slice(0, -1) };
  return { session: withBranch(c.session, branch), redo: { ...redo, [branch.id]: [...(redo[branch.id] ?? []), undone] } };
}

/** The branch's last undone entry played again; null when there is none. */
export function redoEntry(c: InPlay, redo: RedoStacks): { session: Session; redo: RedoStacks } | null {
  const stack = redo[c.branch.id] ?? [];
  const entry = stack.at(-1);
  if (!entry) return null;
  const branch = { ...c.branch, log: [...c.branch.log, entry] };
  return { session: withBranch(c.session, branch), redo: { ...redo, [branch.id]: stack.slice(0, -1) } };
}

/** A new branch from week `at` of the active one, made active; `name` trimmed, or "What if? (from week N)". */
export function forkAt(c: InPlay, at: number, name: string | undefined): Edit<{ session: Session; branch: Branch }> {
  if (c.session.branches.length >= MAX_BRANCHES) return { ok: false, error: `A game holds at most ${MAX_BRANCHES} branches.` };
  const taken = new Set(c.session.branches.map((b) => b.id));
  let n = c.session.branches.length;
  while (taken.has(`branch-${n}`)) n += 1;
  const branch: Branch = {
    id: `branch-${n}`,
    name: name?.trim().slice(0, MAX_BRANCH_NAME) || `What if? (from week ${at})`,
    parent: c.branch.id,
    forkTurn: at,
    log: logUntil(c.branch.log, at),
  };
  return { ok: true, session: { ...c.session, branches: [...c.session.branches, branch], active: branch.id }, branch };
}

/** Branch `id` renamed to `name`, trimmed and cut to the longest name a branch may have; null for an empty name. */
export function renamed(session: Session, id: string, name: string): Session | null {
  const trimmed = name.trim().slice(0, MAX_BRANCH_NAME);
  if (trimmed === '') return null;
  return { ...session, branches: session.branches.map((b) => (b.id === id ? { ...b, name: trimmed } : b)) };
}
