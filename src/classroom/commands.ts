/**
 * What a facilitator's or a team's command does to a room: the entries to append, or why not.
 * Pure: the server appends what this returns (after writing it to disk) and folds it; the same
 * engine decides legality and plays the AI's and the late teams' moves.
 */
import { chooseMoves, isOver, legalMoveIds, queueInject, replay } from '../engine/game';
import type { GameState } from '../engine/state';
import { roomStrategies, type NewRoomEntry, type RoomState } from '../scenario/files/room-log';
import { weekOf } from '../scenario/log';
import type { Scenario } from '../scenario/schema';
import type { FacilitatorCommand, TeamCommand } from './protocol';

export type CommandResult = { readonly ok: true; readonly entries: readonly NewRoomEntry[] } | { readonly ok: false; readonly error: string };

const refuse = (error: string): CommandResult => ({ ok: false, error });

/**
 * The latest state of each log seen, by the log's identity: a room's fold keeps the same log array
 * until a game entry arrives, so the seals of a week replay the game once, not once per seal.
 */
const latest = new WeakMap<RoomState['log'], { readonly room: string; readonly state: GameState }>();

/** The game's state at the room's latest week. */
export function currentState(scenario: Scenario, room: RoomState): GameState {
  const known = latest.get(room.log);
  if (known?.room === room.code && known.state.scenarioId === scenario.id) return known.state;
  const s = room.setup;
  const { states, error } = replay(scenario, { scenarioId: s.scenarioId, seed: s.seed, horizon: s.horizon, log: room.log });
  if (error) throw new Error(`room ${room.code}: its log does not replay: ${error.message}`);
  const state = states[states.length - 1]!;
  latest.set(room.log, { room: room.code, state });
  return state;
}

/**
 * The week's entry: each team's sealed move and note; for a team that has not sealed, its AI
 * strategy's move, marked automatic; the AI actors' moves.
 */
function weekEntry(scenario: Scenario, room: RoomState, state: GameState): NewRoomEntry {
  const ai = chooseMoves(scenario, state, roomStrategies(room.setup, scenario.actors));
  const teams = new Set(room.setup.teams);
  const moves = Object.fromEntries(scenario.actors.map((a) => [a.id, room.sealed[a.id]?.move ?? ai[a.id]!]));
  const notes = Object.fromEntries(Object.entries(room.sealed).flatMap(([a, s]) => (s.note ? [[a, s.note]] : [])));
  const late = [...teams].filter((a) => room.sealed[a] === undefined);
  return { kind: 'game', entry: weekOf(moves, notes, late) };
}

function openWeek(scenario: Scenario, room: RoomState): GameState | string {
  if (room.ended) return 'the game has ended';
  const state = currentState(scenario, room);
  if (isOver(state)) return `the game is over at week ${state.turn}`;
  return state;
}

export function teamCommand(scenario: Scenario, room: RoomState, actor: string, cmd: TeamCommand): CommandResult {
  if (!room.setup.teams.includes(actor)) return refuse(`"${actor}" is not played by a team in this room`);
  const state = openWeek(scenario, room);
  if (typeof state === 'string') return refuse(state);
  if (cmd.type === 'unseal') return room.sealed[actor] ? { ok: true, entries: [{ kind: 'unsealed', actor }] } : refuse('there is no sealed move to take back');
  if (!legalMoveIds(scenario, state, actor).includes(cmd.move)) return refuse(`"${cmd.move}" is not a move ${actor} can make this week`);
  const note = cmd.note?.trim();
  const sealed: NewRoomEntry = note ? { kind: 'sealed', actor, move: cmd.move, note } : { kind: 'sealed', actor, move: cmd.move };
  const after = { ...room, sealed: { ...room.sealed, [actor]: note ? { move: cmd.move, note } : { move: cmd.move } } };
  // The week resolves as soon as every team has sealed.
  const done = room.setup.teams.every((a) => after.sealed[a] !== undefined);
  return { ok: true, entries: done ? [sealed, weekEntry(scenario, after, state)] : [sealed] };
}

export function facilitatorCommand(scenario: Scenario, room: RoomState, cmd: FacilitatorCommand, now: number): CommandResult {
  switch (cmd.type) {
    case 'resolve': {
      const state = openWeek(scenario, room);
      return typeof state === 'string' ? refuse(state) : { ok: true, entries: [weekEntry(scenario, room, state)] };
    }
    case 'inject': {
      const state = openWeek(scenario, room);
      if (typeof state === 'string') return refuse(state);
      const queued = queueInject(scenario, state, cmd.inject);
      return queued.ok ? { ok: true, entries: [{ kind: 'game', entry: { kind: 'inject', inject: cmd.inject } }] } : refuse(queued.error.message);
    }
    case 'rollback':
      if (room.ended) return refuse('the game has ended');
      return room.log.length > 0 ? { ok: true, entries: [{ kind: 'rollback' }] } : refuse('there is nothing to roll back');
    case 'timer': {
      const t = room.timer;
      if (!t) return refuse('this room has no timer');
      if (room.ended) return refuse('the game has ended');
      if (cmd.action === 'start') return t.running ? refuse('the timer is already running') : { ok: true, entries: [{ kind: 'timer', action: 'start', remainingMs: t.remainingMs }] };
      return t.running ? { ok: true, entries: [{ kind: 'timer', action: 'pause', remainingMs: Math.max(0, t.endsAt - now) }] } : refuse('the timer is not running');
    }
    case 'numbers':
      return { ok: true, entries: [{ kind: 'numbers', shown: cmd.shown }] };
    case 'end':
      return room.ended ? refuse('the game has already ended') : { ok: true, entries: [{ kind: 'ended' }] };
  }
}
