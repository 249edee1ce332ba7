/**
 * Two readings of a game for its debrief: where the class's escalation sits among the futures in a
 * week (from the tally's histogram, so exact to its bin), and the turning points, the weeks whose
 * single largest cause in "why" moved escalation or the talks' risk the most.
 */
import { compile } from '../engine/compile';
import { ESCALATION_BIN, type ForecastTally } from '../engine/forecast';
import type { ContributionKind } from '../engine/report';
import type { GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { contributionLabel } from './contribution-label';

/** How many turning points a debrief names. */
export const TURNING_POINTS = 3;

/** The class's escalation among the futures in one week: shares of the futures, each in [0, 1], summing to 1. */
export interface Position {
  /** Futures whose escalation falls in a lower bin than the class's, in its bin, in a higher one. */
  readonly below: number;
  readonly level: number;
  readonly above: number;
  /** The mid-rank percentile, 0 to 100: futures below plus half of those level with the class. */
  readonly percentile: number;
}

/**
 * Where `escalation` sits among the futures `week` weeks after their start. The class's value is
 * binned exactly as forecast.ts `record` bins a future's, so a future with the class's own
 * escalation counts as level with it, never above or below.
 */
export function positionAmong(t: ForecastTally, week: number, escalation: number): Position {
  if (week < 0 || week > t.turns) throw new RangeError(`positionAmong: week ${week} is outside the futures' weeks 0..${t.turns}`);
  const offset = week * t.bins;
  const bin = Math.min(t.bins - 1, Math.round(escalation / ESCALATION_BIN));
  let below = 0;
  let total = 0;
  for (let b = 0; b < t.bins; b++) {
    const n = t.escalation[offset + b]!;
    total += n;
    if (b < bin) below += n;
  }
  const level = t.escalation[offset + bin]!;
  if (total === 0) return { below: 0, level: 0, above: 0, percentile: Number.NaN };
  return { below: below / total, level: level / total, above: (total - below - level) / total, percentile: (100 * (below + level / 2)) / total };
}

export interface TurningPoint {
  /** 1 for the first week played. */
  readonly week: number;
  readonly date: string;
  /** 1 for the largest. */
  readonly rank: number;
  /** What the cause moved: escalation (rung units) or the talks' weekly risk of collapse (probability). */
  readonly measure: 'escalation' | 'talks';
  readonly kind: ContributionKind;
  readonly actor: string | null;
  /** The cause in plain words, as the "why" chart labels it. */
  readonly cause: string;
  /** The cause's contribution, in the measure's units. */
  readonly amount: number;
  /** The measure before and after the week. */
  readonly before: number;
  readonly after: number;
  /** The contribution as a share of the measure's full range (the ladder; a probability's 0..1), by which weeks are ranked. */
  readonly weight: number;
}

/** A week's largest single cause, over escalation and the talks' risk. */
function largestCause(scenario: Scenario, s: GameState, top: number): Omit<TurningPoint, 'rank'> | null {
  const r = s.report!;
  // Escalation moves in rungs and the risk in probability: each is scaled by its full range so
  // that a week can be weighed against another whichever of the two it moved.
  const candidates = [
    ...r.escalation.contributions.map((c) => ({ c, measure: 'escalation' as const, weight: Math.abs(c.amount) / top, before: r.escalation.before, after: r.escalation.after })),
    ...r.talks.risk.contributions.map((c) => ({ c, measure: 'talks' as const, weight: Math.abs(c.amount), before: r.talks.risk.before, after: r.talks.risk.after })),
  ];
  const best = candidates.reduce<(typeof candidates)[number] | null>((m, x) => (m === null || x.weight > m.weight ? x : m), null);
  if (!best || best.weight === 0) return null;
  const { c, ...rest } = best;
  return { week: r.turn + 1, date: r.date, kind: c.kind, actor: c.actor, cause: contributionLabel(scenario, c), amount: c.amount, ...rest };
}

/** The weeks with the largest single causes, at most TURNING_POINTS, in the order they happened (ties: the earlier week). */
export function turningPoints(scenario: Scenario, states: readonly GameState[], count = TURNING_POINTS): TurningPoint[] {
  const top = Math.max(1, compile(scenario).topRung);
  const weeks = states.slice(1).flatMap((s) => largestCause(scenario, s, top) ?? []);
  const ranked = [...weeks].sort((a, b) => b.weight - a.weight || a.week - b.week).slice(0, count);
  return ranked.map((p, i) => ({ ...p, rank: i + 1 })).sort((a, b) => a.week - b.week);
}
