/**
 * The few outcomes a forecast is compared by (a tournament's cells, a sweep's points, a tornado's
 * bars), read from its summary in one place so the app and the CLI read the same numbers.
 */
import type { Interval } from './stats';
import type { ForecastSummary } from './summary';

export const headlineOutcomes = [
  { id: 'talks-alive', label: 'Talks alive at the end', share: true },
  { id: 'open-war', label: 'Open war', share: true },
  { id: 'escalation', label: 'Mean final escalation', share: false },
] as const;
export type HeadlineOutcomeId = (typeof headlineOutcomes)[number]['id'];

/** An outcome's value; shares carry their 95% interval, the mean escalation none. */
export interface OutcomeReading {
  readonly value: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

const lastWeek = (s: ForecastSummary) => s.weeks[s.weeks.length - 1]!;

/** Talks alive and mean escalation at the last week; open war over the whole forecast. */
export function readOutcome(s: ForecastSummary, id: HeadlineOutcomeId): OutcomeReading {
  if (id === 'escalation') return { value: lastWeek(s).escalationMean, lo: null, hi: null };
  if (id === 'talks-alive') {
    const a = lastWeek(s).alive;
    return { value: a.estimate, lo: a.lo, hi: a.hi };
  }
  const war = s.outcomes.find((o) => o.id === 'open-war');
  if (!war) throw new Error('the summary has no open-war outcome');
  return { value: war.value, lo: war.lo, hi: war.hi };
}

/** What one cell of a tournament or point of a sweep shows. */
export interface CellOutcome {
  /** Share of futures with the talks alive at the end, with its 95% interval. */
  readonly talksAlive: Interval;
  /** Mean escalation at the end, rung units (from the tally's bins: exact and mergeable). */
  readonly escalationMean: number;
  /** Share of futures ending in open war, with its 95% interval. */
  readonly openWar: Interval;
}

const interval = (r: OutcomeReading): Interval => ({ estimate: r.value, lo: r.lo ?? r.value, hi: r.hi ?? r.value });

export function cellOutcome(s: ForecastSummary): CellOutcome {
  return { talksAlive: interval(readOutcome(s, 'talks-alive')), escalationMean: readOutcome(s, 'escalation').value, openWar: interval(readOutcome(s, 'open-war')) };
}

/** The CSV columns of a `CellOutcome`, and its cells in that order. */
export const outcomeColumns = ['talks_alive', 'talks_alive_lo95', 'talks_alive_hi95', 'escalation_mean', 'open_war', 'open_war_lo95', 'open_war_hi95'] as const;

export function outcomeCells(o: CellOutcome): number[] {
  return [o.talksAlive.estimate, o.talksAlive.lo, o.talksAlive.hi, o.escalationMean, o.openWar.estimate, o.openWar.lo, o.openWar.hi];
}
