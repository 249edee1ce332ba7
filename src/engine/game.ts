/**
 * A game is a log: `{scenario, seed, horizon, turns: [moves by actor]}`. Every state is a fold of
 * `resolveTurn` over the log, which gives replay, undo, jumping to a turn and forking for free.
 */
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

export interface GameLog {
  readonly scenarioId: string;
  readonly seed: number;
  readonly horizon: number;
  readonly turns: readonly TurnMoves[];
}

export type TurnError =
  | { code: 'game-over'; message: string }
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

/** Every state of a game, from the initial state to the last logged turn; stops at the first error. */
export function replay(scenario: Scenario, log: GameLog): { states: GameState[]; error: (TurnError & { turn: number }) | null } {
  const states = [initialState(scenario, log.seed, log.horizon)];
  for (let t = 0; t < log.turns.length; t++) {
    const result = resolveTurn(scenario, states[states.length - 1]!, log.turns[t]!);
    if (!result.ok) return { states, error: { ...result.error, turn: t } };
    states.push(result.state);
  }
  return { states, error: null };
}

/** The weekly probability that the talks die from `state` (the hazards into phases not alive). In [0, 1]. */
export function riskOf(scenario: Scenario, state: GameState): number {
  const c = compile(scenario);
  return deathRisk(c, toWork(c, state), new Float64Array(c.transitions.length));
}
