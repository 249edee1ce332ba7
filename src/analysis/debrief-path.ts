/**
 * The class's path, week by week: each actor's move (with the team's note and whether it was
 * chosen automatically for a late team), the facilitator's events fired that week, the narrative,
 * and where escalation and the talks stood after it. Read from the log and its replayed states.
 */
import { compile } from '../engine/compile';
import type { GameState } from '../engine/state';
import type { GameLog, PlayedMove } from '../scenario/log';
import type { Scenario } from '../scenario/schema';
import type { Player } from './debrief';
import { weekStory } from './week-story';

export interface PathMove {
  readonly actor: string;
  readonly move: string;
  readonly label: string;
  /** The team's note on the move, if it wrote one. */
  readonly note: string | null;
  /** The actor's AI strategy chose the move because its team did not choose in time. */
  readonly auto: boolean;
  /** A human team played the actor (false: the AI did, all game). */
  readonly team: boolean;
  /** Labels of the move's chance outcomes that happened (e.g. "US personnel killed"). */
  readonly outcomes: readonly string[];
}

export interface PathRow {
  /** 1 for the first week played. */
  readonly week: number;
  /** The week's first day (YYYY-MM-DD). */
  readonly date: string;
  /** One per actor, in the scenario's order. */
  readonly moves: readonly PathMove[];
  /** The facilitator's events that fired at the start of the week. */
  readonly injects: readonly { readonly id: string; readonly label: string }[];
  readonly narrative: readonly string[];
  /** Where things stood after the week. */
  readonly escalation: number;
  readonly phase: string;
  readonly alive: boolean;
}

/** The log's week entries, each with the injects queued before it (they fire at its start). */
function weekEntries(game: GameLog): { moves: Readonly<Record<string, PlayedMove>>; injects: string[] }[] {
  const out: { moves: Readonly<Record<string, PlayedMove>>; injects: string[] }[] = [];
  let queued: string[] = [];
  for (const e of game.log) {
    if (e.kind === 'inject') queued.push(e.inject);
    else {
      out.push({ moves: e.moves, injects: queued });
      queued = [];
    }
  }
  return out;
}

/** One row per week the states reach (a log that stopped replaying early is cut there). */
export function pathRows(scenario: Scenario, game: GameLog, states: readonly GameState[], players: Readonly<Record<string, Player>>): PathRow[] {
  const c = compile(scenario);
  const entries = weekEntries(game);
  const moveOf = new Map(scenario.moves.map((m) => [m.id, m]));
  const injectLabel = new Map(scenario.injects.map((e) => [e.id, e.label]));
  return states.slice(1).map((s, i) => {
    const report = s.report!;
    const entry = entries[i]!;
    const moves = report.moves.map((m): PathMove => {
      const played = entry.moves[m.actor];
      const spec = moveOf.get(m.move);
      return {
        actor: m.actor,
        move: m.move,
        label: spec?.label ?? m.move,
        note: played?.note ?? null,
        auto: played?.auto === true,
        team: players[m.actor] === 'human',
        outcomes: m.outcomes.map((id) => spec?.outcomes.find((o) => o.id === id)?.label ?? id),
      };
    });
    return {
      week: i + 1,
      date: report.date,
      moves,
      injects: entry.injects.map((id) => ({ id, label: injectLabel.get(id) ?? id })),
      // Told as the play view tells it: a calm week is calm, a talks change says why.
      narrative: weekStory({ scenario, report }),
      escalation: s.escalation,
      phase: s.talks.phase,
      alive: c.phaseAlive[c.phaseIds.indexOf(s.talks.phase)] === 1,
    };
  });
}
