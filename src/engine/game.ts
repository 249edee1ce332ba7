/**
 * A game is a log: `{scenario, seed, horizon, log}`, the log a list of typed entries (a week's
 * moves, an inject; src/scenario/log.ts). Every state is a fold of `applyEntry` over the log, which
 * gives replay, undo, jumping to a turn and forking for free.
 */
import type { GameLog, LogEntry } from '../scenario/log';
import type { Scenario, StrategyId } from '../scenario/schema';
import { compile, dateOfTurn, type Compiled } from './compile';
import { beliefNotes } from './explain';
import { chooseAll, legalMoves } from './policies';
import type { BeliefNote, TurnReport } from './report';
import { fromWork, initialState, toWork, type GameState } from './state';
import { merged, Trace } from './trace';
import { stepWork } from './turn';
import { deathRisk } from './talks';
import type { Work } from './work';

/** The moves of one week: actor id -> move id. */
export type TurnMoves = Readonly<Record<string, string>>;

export type { GameLog };

export type TurnError =
  | { code: 'game-over'; message: string }
  | { code: 'unknown-inject'; inject: string; message: string }
  | { code: 'missing-move'; actor: string; message: string }
  | { code: 'unknown-move'; actor: string; move: string; message: string }
  | { code: 'illegal-move'; actor: string; move: string; message: string };

export type TurnResult = { ok: true; state: GameState } | { ok: false; error: TurnError };

/** Whether the game can go on: not ended and not past its horizon. */
export function isOver(state: GameState): boolean {
  return state.ended !== null || state.turn >= state.horizon;
}

function checkMoves(c: Compiled, w: Work, moves: TurnMoves): Int32Array | TurnError {
  const out = new Int32Array(c.actors);
  for (let a = 0; a < c.actors; a++) {
    const actor = c.actorIds[a]!;
    const id = moves[actor];
    if (id === undefined) return { code: 'missing-move', actor, message: `no move given for actor "${actor}"` };
    const m = c.moves.find((x) => x.id === id);
    if (!m || m.actor !== a) return { code: 'unknown-move', actor, move: id, message: `"${id}" is not a move of "${actor}"` };
    if (!legalMoves(c, w, a).includes(m.index)) {
      return { code: 'illegal-move', actor, move: id, message: `"${id}" is not legal for "${actor}" this week` };
    }
    out[a] = m.index;
  }
  return out;
}

function reportOf(c: Compiled, before: Work, after: Work, moves: Int32Array, trace: Trace, transition: number, beliefs: BeliefNote[]): TurnReport {
  return {
    turn: before.turn,
    date: dateOfTurn(c.scenario, before.turn),
    moves: c.actorIds.map((actor, a) => ({ actor, move: c.moves[moves[a]!]!.id, outcomes: trace.outcomes[a]! })),
    narrative: trace.narrative,
    escalation: { before: trace.escalationBefore, after: after.escalation, contributions: merged(trace.escalation) },
    talks: {
      before: c.phaseIds[before.phase]!,
      after: c.phaseIds[after.phase]!,
      transition: transition >= 0 ? c.transitions[transition]!.id : null,
      risk: { before: trace.riskBefore, after: trace.riskNow(), contributions: merged(trace.risk) },
      drawn: transition >= 0 ? trace.talksDraw : null,
    },
    beliefs,
  };
}

/**
 * Resolves one week with every actor's move. Pure: the same state and moves give the same state,
 * byte for byte. Moves that are missing, unknown or illegal give an error naming the actor.
 */
export function resolveTurn(scenario: Scenario, state: GameState, moves: TurnMoves): TurnResult {
  if (isOver(state)) return { ok: false, error: { code: 'game-over', message: `the game ended at week ${state.turn}` } };
  const c = compile(scenario);
  const w = toWork(c, state);
  const checked = checkMoves(c, w, moves);
  if (!(checked instanceof Int32Array)) return { ok: false, error: checked };
  const before = { ...w };
  const beliefs = beliefNotes(c, w, checked);
  const trace = new Trace(c, w);
  const transition = stepWork(c, w, checked, new Float64Array(c.transitions.length), trace);
  return { ok: true, state: fromWork(c, w, reportOf(c, before, w, checked, trace, transition, beliefs)) };
}

/** The AI's choice for every actor this week under the given strategies (actor id -> strategy). */
export function chooseMoves(scenario: Scenario, state: GameState, strategies: Readonly<Record<string, StrategyId>>): TurnMoves {
  const c = compile(scenario);
  const w = toWork(c, state);
  const out = new Int32Array(c.actors);
  const list = c.actorIds.map((a, i) => strategies[a] ?? scenario.actors[i]!.defaultStrategy);
  chooseAll(c, w, list, out, new Float64Array(c.moves.length));
  return Object.fromEntries(c.actorIds.map((a, i) => [a, c.moves[out[i]!]!.id]));
}

/** The legal moves of `actor` this week, by id. */
export function legalMoveIds(scenario: Scenario, state: GameState, actor: string): string[] {
  const c = compile(scenario);
  const a = c.actorIds.indexOf(actor);
  if (a < 0) return [];
  return legalMoves(c, toWork(c, state), a).map((m) => c.moves[m]!.id);
}

/** Queues an inject from the scenario's catalogue: it fires at the start of the next week. Pure. */
export function queueInject(scenario: Scenario, state: GameState, inject: string): TurnResult {
  if (isOver(state)) return { ok: false, error: { code: 'game-over', message: `the game ended at week ${state.turn}` } };
  if (!scenario.injects.some((e) => e.id === inject)) {
    return { ok: false, error: { code: 'unknown-inject', inject, message: `"${inject}" is not an event in scenario "${scenario.id}"` } };
  }
  return { ok: true, state: { ...state, injects: [...state.injects, inject] } };
}

/** One step of the fold: a week resolves into the next week's state; an inject is queued on this one. */
export function applyEntry(scenario: Scenario, state: GameState, entry: LogEntry): TurnResult {
  switch (entry.kind) {
    case 'week':
      return resolveTurn(scenario, state, Object.fromEntries(Object.entries(entry.moves).map(([actor, m]) => [actor, m.move])));
    case 'inject':
      return queueInject(scenario, state, entry.inject);
  }
}

/**
 * Every state of a game, one per week from the initial state to the last logged week (an inject
 * changes the state of the week it was logged in); stops at the first error, naming its entry.
 */
export function replay(scenario: Scenario, game: GameLog): { states: GameState[]; error: (TurnError & { turn: number; entry: number }) | null } {
  const states = [initialState(scenario, game.seed, game.horizon)];
  for (let i = 0; i < game.log.length; i++) {
    const entry = game.log[i]!;
    const result = applyEntry(scenario, states[states.length - 1]!, entry);
    if (!result.ok) return { states, error: { ...result.error, turn: states.length - 1, entry: i } };
    if (entry.kind === 'week') states.push(result.state);
    else states[states.length - 1] = result.state;
  }
  return { states, error: null };
}

/** The weekly probability that the talks die from `state` (the hazards into phases not alive). In [0, 1]. */
export function riskOf(scenario: Scenario, state: GameState): number {
  const c = compile(scenario);
  return deathRisk(c, toWork(c, state), new Float64Array(c.transitions.length));
}
