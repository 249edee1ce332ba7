/** Pure adapters from a forecast summary to chart rows: fan bands, the survival band, final rungs. */
import type { GameState } from '../engine/state';
import type { ForecastSummary } from '../engine/summary';

export interface FanRow {
  readonly turn: number;
  readonly date: string;
  /** [p5, p95] and [p25, p75] of escalation: the 90% and 50% bands. */
  readonly band90?: [number, number];
  readonly band50?: [number, number];
  readonly median?: number;
  /** The game's own escalation, up to the week the forecast starts from. */
  readonly game?: number;
  /** Share of futures with the talks alive, and its 95% interval. */
  readonly alive?: number;
  readonly aliveBand?: [number, number];
  /** Where 90% of the ensemble's parameter sets put that share (the model range), with an ensemble. */
  readonly aliveModel?: [number, number];
}

/** One row per week from the start: the game's line up to the forecast's start, the fan after it. */
export function fanRows(summary: ForecastSummary, gameStates: readonly GameState[], dateOf: (turn: number) => string): FanRow[] {
  const last = summary.weeks[summary.weeks.length - 1]!.turn;
  const byTurn = new Map(summary.weeks.map((w) => [w.turn, w]));
  return Array.from({ length: last + 1 }, (_, turn) => {
    const w = byTurn.get(turn);
    const own = turn <= summary.startTurn ? gameStates[turn] : undefined;
    return {
      turn,
      date: dateOf(turn),
      ...(own ? { game: own.escalation } : {}),
      ...(w
        ? {
            band90: [w.escalation.p5, w.escalation.p95] as [number, number],
            band50: [w.escalation.p25, w.escalation.p75] as [number, number],
            median: w.escalation.p50,
            alive: w.alive.estimate,
            aliveBand: [w.alive.lo, w.alive.hi] as [number, number],
            ...(w.aliveModel ? { aliveModel: [w.aliveModel.lo, w.aliveModel.hi] as [number, number] } : {}),
          }
        : {}),
    };
  });
}

/** Outcome rows worth a headline, in the order the table shows them. */
export const HEADLINE_OUTCOMES = [
  'open-war',
  'talks-deal',
  'talks-paused',
  'talks-collapsed',
  'talks-alive',
  'us.killed.mean',
  'us.killed.any',
  'militia.attacks.per-week',
  'us.strikes.mean',
] as const;
