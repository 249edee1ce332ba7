/**
 * Pure adapters from a debrief to its charts' rows: one row per week from the start to the
 * futures' last week, the fan of futures in every row and the class's own values in the weeks it
 * played; and, per week played, the shares of futures below, level with and above the class.
 */
import type { Debrief } from '../analysis/debrief';
import type { FanRow } from './forecast-series';

/** A forecast's fan row (the futures' bands and talks-alive share; `game`: the class's escalation), and the class's talks. */
export interface DebriefRow extends Omit<FanRow, 'aliveModel'> {
  /** 1 when the talks were alive in the class's game after the week, else 0. */
  readonly gameAlive?: number;
  readonly gamePhase?: string;
}

/** Weeks 0 to the futures' last (or to the last played, while they run). */
export function debriefRows(d: Debrief): DebriefRow[] {
  const weeks = d.futures?.weeks ?? [];
  const last = Math.max(d.positions.length - 1, weeks.length - 1);
  return Array.from({ length: last + 1 }, (_, turn) => {
    const w = weeks[turn];
    const own = d.positions[turn];
    return {
      turn,
      date: w?.date ?? own?.date ?? '',
      ...(w
        ? {
            band90: [w.escalation.p5, w.escalation.p95] as [number, number],
            band50: [w.escalation.p25, w.escalation.p75] as [number, number],
            median: w.escalation.p50,
            alive: w.alive.estimate,
            aliveBand: [w.alive.lo, w.alive.hi] as [number, number],
          }
        : {}),
      ...(own ? { game: own.escalation, gameAlive: own.alive ? 1 : 0, gamePhase: own.phase } : {}),
    };
  });
}

export interface StandingRow {
  readonly week: number;
  readonly label: string;
  /** Shares of the futures, in [0, 1]: lower than the class, level with it, higher. */
  readonly below: number;
  readonly level: number;
  readonly above: number;
  readonly percentile: number;
}

/** Per week played (the start left out: every future starts there), where the class stood among the futures. */
export function standingRows(d: Debrief): StandingRow[] {
  return d.positions.flatMap((p) =>
    p.week > 0 && p.futures ? [{ week: p.week, label: String(p.week), below: p.futures.below, level: p.futures.level, above: p.futures.above, percentile: p.futures.percentile }] : [],
  );
}
