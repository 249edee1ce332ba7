/**
 * Pure adapters from engine output to chart series: one row per week with a column per branch,
 * the talks phases as spans, and the "why" contributions as labelled bars.
 */
import { survivalOf } from '../engine/game';
import type { Contribution, TurnReport } from '../engine/report';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { BRANCH_COLOURS } from './charts.constants';

export interface BranchLine {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly active: boolean;
}

/** A week's row: `esc:<branch>` escalation and `surv:<branch>` talks survival, where the branch has reached it. */
export interface WeekRow {
  readonly turn: number;
  readonly date: string;
  readonly [column: string]: number | string | undefined;
}

export interface BranchInput {
  readonly id: string;
  readonly name: string;
  readonly states: readonly GameState[];
}

export const escKey = (branch: string) => `esc:${branch}`;
export const survKey = (branch: string) => `surv:${branch}`;

/** The survival estimate each state shows: the report's, or the initial state's own. */
export function survivalSeries(scenario: Scenario, states: readonly GameState[]): number[] {
  return states.map((s) => s.report?.survival.after ?? survivalOf(scenario, s));
}

export function weekRows(scenario: Scenario, branches: readonly BranchInput[], dateOf: (turn: number) => string): WeekRow[] {
  const weeks = Math.max(...branches.map((b) => b.states.length));
  const survival = branches.map((b) => survivalSeries(scenario, b.states));
  return Array.from({ length: weeks }, (_, turn) => {
    const row: Record<string, number | string | undefined> = { turn, date: dateOf(turn) };
    branches.forEach((b, i) => {
      const state = b.states[turn];
      if (!state) return;
      row[escKey(b.id)] = state.escalation;
      row[survKey(b.id)] = survival[i]![turn];
    });
    return row as WeekRow;
  });
}

export function branchLines(branches: readonly { id: string; name: string }[], active: string): BranchLine[] {
  return branches.map((b, i) => ({ id: b.id, name: b.name, colour: BRANCH_COLOURS[i % BRANCH_COLOURS.length]!, active: b.id === active }));
}

export interface PhaseSpan {
  readonly phase: string;
  readonly label: string;
  /** First and last week (inclusive) in the phase. */
  readonly from: number;
  readonly to: number;
}

/** Consecutive weeks in the same talks phase, merged into spans. */
export function phaseSpans(scenario: Scenario, states: readonly GameState[]): PhaseSpan[] {
  const label = (id: string) => scenario.talks.phases.find((p) => p.id === id)?.label ?? id;
  const spans: PhaseSpan[] = [];
  states.forEach((s, turn) => {
    const last = spans[spans.length - 1];
    if (last && last.phase === s.talks.phase) spans[spans.length - 1] = { ...last, to: turn };
    else spans.push({ phase: s.talks.phase, label: label(s.talks.phase), from: turn, to: turn });
  });
  return spans;
}

export interface WhyBar {
  readonly label: string;
  readonly amount: number;
}

/** A plain-language label for a contribution: who did what, or which force of nature. */
export function contributionLabel(scenario: Scenario, c: Contribution): string {
  const actor = scenario.actors.find((a) => a.id === c.actor)?.short;
  switch (c.kind) {
    case 'move':
      return `${actor ?? 'Move'}: ${c.label}`;
    case 'outcome':
      return `${actor ? `${actor} — ` : ''}${c.label}`;
    case 'delayed':
      return `Later: ${c.label}`;
    case 'event':
      return `Event: ${c.label}`;
    default:
      return c.label;
  }
}

/** The contributions behind the week's change, largest first, as bars. */
export function whyBars(scenario: Scenario, report: TurnReport | null, which: 'escalation' | 'survival'): WhyBar[] {
  if (!report) return [];
  return report[which].contributions.map((c) => ({ label: contributionLabel(scenario, c), amount: c.amount }));
}

export interface ContextPoint {
  /** Weeks from the scenario's start: negative, fractional. */
  readonly turn: number;
  readonly rung: number;
  readonly date: string;
  readonly label: string;
  readonly source: string;
}

const DAY_MS = 86_400_000;

/** The scenario's real events before its start, placed on the escalation chart's week axis. */
export function contextPoints(scenario: Scenario): ContextPoint[] {
  const start = Date.parse(`${scenario.startDate}T00:00:00Z`);
  return scenario.context.map((e) => ({
    turn: (Date.parse(`${e.date}T00:00:00Z`) - start) / DAY_MS / scenario.turnDays,
    rung: e.rung,
    date: e.date,
    label: e.label,
    source: e.source,
  }));
}
