/**
 * The branches side by side, week by week: each branch's escalation and talks, and the moves in
 * which the branches differ. Pure: the play view's table is drawn from it.
 */
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import type { BranchInput, OutlookOf } from './series';

export interface BranchCell {
  readonly escalation: number;
  /** The talks phase's label, short (up to any parenthesis). */
  readonly talks: string;
  /** The chance the talks are alive `outlookWeeks` on, once known. */
  readonly alive: number | undefined;
}

export interface MoveDifference {
  /** The actor's short name. */
  readonly actor: string;
  /** Each branch's move that week, by branch name, in branch order. */
  readonly moves: readonly { readonly branch: string; readonly move: string }[];
}

export interface BranchWeek {
  readonly turn: number;
  /** One cell per branch, in branch order; null where the branch has not reached the week. */
  readonly cells: readonly (BranchCell | null)[];
  readonly differences: readonly MoveDifference[];
}

export interface BranchComparison {
  /** The first week in which the branches differ, or null when they never do. */
  readonly from: number | null;
  /** The weeks from `from` to the last week any branch reached. */
  readonly weeks: readonly BranchWeek[];
}

const shortPhase = (label: string) => label.replace(/\s*\(.*$/, '');

function cellOf(scenario: Scenario, state: GameState | undefined, outlookOf: OutlookOf): BranchCell | null {
  if (!state) return null;
  const phase = scenario.talks.phases.find((p) => p.id === state.talks.phase)?.label ?? state.talks.phase;
  return { escalation: state.escalation, talks: shortPhase(phase), alive: outlookOf(state)?.alive };
}

function differencesAt(scenario: Scenario, branches: readonly BranchInput[], turn: number): MoveDifference[] {
  const reached = branches.filter((b) => b.states[turn]?.report);
  const out: MoveDifference[] = [];
  for (const actor of scenario.actors) {
    const moves = reached.map((b) => ({ branch: b.name, id: b.states[turn]!.report!.moves.find((m) => m.actor === actor.id)?.move ?? '' }));
    if (new Set(moves.map((m) => m.id)).size < 2) continue;
    const label = (id: string) => scenario.moves.find((m) => m.id === id)?.label ?? id;
    out.push({ actor: actor.short, moves: moves.map((m) => ({ branch: m.branch, move: label(m.id) })) });
  }
  return out;
}

/** Compares the branches from the first week in which their moves or escalation differ. */
export function compareBranches(scenario: Scenario, branches: readonly BranchInput[], outlookOf: OutlookOf): BranchComparison {
  const last = Math.max(0, ...branches.map((b) => b.states.length - 1));
  const weeks: BranchWeek[] = [];
  let from: number | null = null;
  for (let turn = 1; turn <= last; turn++) {
    const cells = branches.map((b) => cellOf(scenario, b.states[turn], outlookOf));
    const differences = differencesAt(scenario, branches, turn);
    const reached = cells.filter((c): c is BranchCell => c !== null);
    const apart = differences.length > 0 || reached.length < branches.length || new Set(reached.map((c) => c.escalation)).size > 1;
    if (from === null && apart) from = turn;
    if (from !== null) weeks.push({ turn, cells, differences });
  }
  return { from, weeks };
}
