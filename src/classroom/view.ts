/**
 * What each seat of a room may see. A team sees its own sealed move and, for the others, only
 * whether they have sealed; the facilitator and observers see who has sealed, never what. A week's
 * moves reach everyone when it resolves, as part of the game's log.
 */
import type { RoomState } from '../scenario/files/room-log';
import type { Scenario } from '../scenario/schema';
import type { Role, RoomView } from './protocol';

export interface Viewer {
  readonly role: Role;
  readonly actor: string | null;
}

export function viewFor(scenario: Scenario, room: RoomState, viewer: Viewer, connected: ReadonlySet<string>, now: number): RoomView {
  const s = room.setup;
  const mine = viewer.role === 'team' && viewer.actor ? room.sealed[viewer.actor] ?? null : null;
  return {
    code: room.code,
    scenarioId: s.scenarioId,
    seed: s.seed,
    horizon: s.horizon,
    teams: s.teams,
    strategies: s.strategies,
    minutesPerTurn: s.minutesPerTurn,
    role: viewer.role,
    actor: viewer.role === 'team' ? viewer.actor : null,
    seats: scenario.actors.map((a) => ({
      actor: a.id,
      team: s.teams.includes(a.id),
      claimed: room.seats[a.id] !== undefined,
      connected: connected.has(a.id),
      sealed: room.sealed[a.id] !== undefined,
    })),
    mySealed: mine,
    log: room.log,
    rollbacks: room.rollbacks,
    timer: room.timer,
    numbersShown: room.numbersShown,
    ended: room.ended,
    seq: room.seq,
    serverNow: now,
  };
}
