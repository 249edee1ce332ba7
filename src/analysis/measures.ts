/**
 * Measures of seeded futures for the propositions: week-by-week means of a variable's weekly gain
 * (attacks a week), of a variable's level (capability), of how often moves are played, and the
 * share of futures ending in open war or with the talks alive. Each runs an experiment (scripted
 * moves, strategies) from a state; experiments with the same seed share their random numbers.
 */
import { runExperiment, type ExperimentPlan } from '../engine/experiment';
import type { GameState } from '../engine/state';
import { EndReason } from '../engine/work';
import type { Scenario } from '../scenario/schema';

/** What one experiment measured, week by week (index 1 = the first simulated week; 0 is unused). */
export interface WeeklyMeasure {
  /** Mean weekly gain of the counted variable (e.g. attacks in that week). */
  readonly gain: readonly number[];
  /** Mean level of the level variable at the end of the week. */
  readonly level: readonly number[];
  /** Mean number of the counted moves played in the week. */
  readonly moves: readonly number[];
  /** Share of futures in open war, and with the talks alive, at the end. */
  readonly openWar: number;
  readonly alive: number;
}

export interface MeasureSpec {
  /** A variable whose weekly gain is measured (e.g. `militia.attacks`). */
  readonly gain?: string;
  /** A variable whose level is measured (e.g. `militia.capability`). */
  readonly level?: string;
  /** Moves whose plays are counted. */
  readonly moves?: readonly string[];
}

function index(scenario: Scenario, id: string | undefined): number {
  if (id === undefined) return -1;
  const i = scenario.variables.findIndex((v) => v.id === id);
  if (i < 0) throw new Error(`measure: unknown variable "${id}"`);
  return i;
}

/** Runs `plan` from `state` and measures it. */
export function measure(scenario: Scenario, state: GameState, plan: ExperimentPlan, spec: MeasureSpec): WeeklyMeasure {
  const g = index(scenario, spec.gain);
  const l = index(scenario, spec.level);
  const counted = new Set((spec.moves ?? []).map((id) => scenario.moves.findIndex((m) => m.id === id)));
  const gain = new Array<number>(plan.turns + 1).fill(0);
  const level = new Array<number>(plan.turns + 1).fill(0);
  const moves = new Array<number>(plan.turns + 1).fill(0);
  const previous = new Float64Array(plan.runs);
  const start = g >= 0 ? state.vars[spec.gain!]! : 0;
  let openWar = 0;
  let alive = 0;
  runExperiment(scenario, state, plan, (v) => {
    if (g >= 0) {
      const now = v.w.vars[g]!;
      gain[v.week]! += now - (v.week === 1 ? start : previous[v.run]!);
      previous[v.run] = now;
    }
    if (l >= 0) level[v.week]! += v.w.vars[l]!;
    for (let a = 0; a < v.moves.length; a++) if (counted.has(v.moves[a]!)) moves[v.week]! += 1;
    if (v.week === plan.turns) {
      if (v.w.ended === EndReason.openWar) openWar += 1;
      if (v.c.phaseAlive[v.w.phase]) alive += 1;
    }
  });
  const mean = (xs: number[]) => xs.map((x) => x / plan.runs);
  return { gain: mean(gain), level: mean(level), moves: mean(moves), openWar: openWar / plan.runs, alive: alive / plan.runs };
}

/** The mean of `xs[from .. to]` (inclusive weeks). */
export function weeks(xs: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let k = from; k <= to; k++) total += xs[k]!;
  return total / (to - from + 1);
}
