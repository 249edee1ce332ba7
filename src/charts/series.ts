/**
 * Pure adapters from engine output to chart series: one row per week with a column per branch,
 * the talks phases as spans, and the "why" contributions as labelled bars.
 */
import { contributionLabel } from '../analysis/contribution-label';
import type { TalksOutlook } from '../engine/outlook';
import type { TurnReport } from '../engine/report';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { BRANCH_COLOURS } from './charts.constants';

// The label is pure and shared with the debrief (src/analysis); re-exported for the charts' callers.
export { contributionLabel };

export interface BranchLine {
  readonly id: string;
  readonly name: string;
  readonly colour: string;
  readonly active: boolean;
}

/** A week's row: `esc:<branch>` escalation and `surv:<branch>` the talks outlook, where the branch has reached it (and the outlook is known). */
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

/** A state's talks outlook, once it is known. */
export type OutlookOf = (state: GameState) => TalksOutlook | undefined;

export function weekRows(branches: readonly BranchInput[], dateOf: (turn: number) => string, outlookOf: OutlookOf): WeekRow[] {
  const weeks = Math.max(...branches.map((b) => b.states.length));
  return Array.from({ length: weeks }, (_, turn) => {
    const row: Record<string, number | string | undefined> = { turn, date: dateOf(turn) };
    branches.forEach((b) => {
      const state = b.states[turn];
      if (!state) return;
      row[escKey(b.id)] = state.escalation;
      row[survKey(b.id)] = outlookOf(state)?.alive;
    });
    return row as WeekRow;
  });
}

/** The key of the outlook curve ahead of the week in view, on the talks chart. */
export const AHEAD_KEY = 'ahead';

/**
 * The talks chart's rows: the weekly rows, then the outlook curve from the week in view (its k-th
 * point k weeks on), adding rows for the weeks past the last played one.
 */
export function aheadRows(rows: readonly WeekRow[], viewTurn: number, outlook: TalksOutlook | undefined, dateOf: (turn: number) => string): WeekRow[] {
  if (!outlook) return [...rows];
  const out: Record<string, number | string | undefined>[] = rows.map((r) => ({ ...r }));
  outlook.curve.forEach((p, k) => {
    const turn = viewTurn + k;
    while (out.length <= turn) out.push({ turn: out.length, date: dateOf(out.length) });
    out[turn]![AHEAD_KEY] = p;
  });
  return out as WeekRow[];
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

/** The contributions behind the week's change of escalation or of the talks' weekly risk, largest first, as bars. */
export function whyBars(scenario: Scenario, report: TurnReport | null, which: 'escalation' | 'risk'): WhyBar[] {
  if (!report) return [];
  const list = which === 'escalation' ? report.escalation.contributions : report.talks.risk.contributions;
  return list.map((c) => ({ label: contributionLabel(scenario, c), amount: c.amount }));
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
