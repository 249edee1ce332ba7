/**
 * Turns a forecast tally into what people read: percentiles of escalation per week, the share of
 * futures with the talks alive (with a 95% interval), final rungs and an outcomes table.
 */
import type { Scenario } from '../scenario/schema';
import { compile, dateOfTurn } from './compile';
import { COUNTER_SCALE, ESCALATION_BIN, type ForecastTally } from './forecast';
import { histogramQuantile, wilson, type Interval } from './stats';

export const PERCENTILES = [5, 25, 50, 75, 95] as const;

export interface WeekSummary {
  /** Weeks since the scenario's start. */
  readonly turn: number;
  readonly date: string;
  /** Escalation percentiles p5, p25, p50, p75, p95 (rung units). */
  readonly escalation: Readonly<Record<`p${(typeof PERCENTILES)[number]}`, number>>;
  /** Mean escalation over the futures (from the tally's bins, so to within half a bin). */
  readonly escalationMean: number;
  /** Share of futures with the talks alive, with its 95% Wilson interval. */
  readonly alive: Interval;
  /** Share of futures in each talks phase. */
  readonly phases: Readonly<Record<string, number>>;
}

export interface OutcomeRow {
  readonly id: string;
  readonly label: string;
  /** Share of futures (`kind: share`, with interval) or mean per future (`kind: mean`). */
  readonly kind: 'share' | 'mean';
  readonly value: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

export interface ForecastSummary {
  readonly scenarioId: string;
  readonly seed: number;
  readonly runs: number;
  readonly startTurn: number;
  readonly turns: number;
  readonly strategies: Readonly<Record<string, string>>;
  readonly weeks: readonly WeekSummary[];
  readonly finalRungs: readonly { level: number; name: string; share: number }[];
  readonly outcomes: readonly OutcomeRow[];
}

function share(id: string, label: string, count: number, runs: number): OutcomeRow {
  const i = wilson(count, runs);
  return { id, label, kind: 'share', value: i.estimate, lo: i.lo, hi: i.hi };
}

function weeks(scenario: Scenario, t: ForecastTally): WeekSummary[] {
  const c = compile(scenario);
  const k = c.phaseIds.length;
  return Array.from({ length: t.turns + 1 }, (_, w) => {
    const offset = w * t.bins;
    const q = (p: number) => histogramQuantile(t.escalation, offset, t.bins, ESCALATION_BIN, p / 100);
    let alive = 0;
    const phases: Record<string, number> = {};
    c.phaseIds.forEach((id, p) => {
      const n = t.phases[w * k + p]!;
      phases[id] = n / t.runs;
      if (c.phaseAlive[p]) alive += n;
    });
    let sum = 0;
    for (let b = 0; b < t.bins; b++) sum += b * t.escalation[offset + b]!;
    return {
      turn: t.startTurn + w,
      date: dateOfTurn(scenario, t.startTurn + w),
      escalation: { p5: q(5), p25: q(25), p50: q(50), p75: q(75), p95: q(95) },
      escalationMean: (sum * ESCALATION_BIN) / t.runs,
      alive: wilson(alive, t.runs),
      phases,
    };
  });
}

function outcomes(scenario: Scenario, t: ForecastTally, last: WeekSummary): OutcomeRow[] {
  const phaseCount = (id: string) => Math.round((last.phases[id] ?? 0) * t.runs);
  const rows: OutcomeRow[] = [
    share('open-war', 'Open war', t.openWar, t.runs),
    share('talks-alive', `${scenario.talks.label}: alive at the end`, Math.round(last.alive.estimate * t.runs), t.runs),
    ...scenario.talks.phases.map((p) => share(`talks-${p.id}`, `${scenario.talks.label}: ${p.label} at the end`, phaseCount(p.id), t.runs)),
  ];
  const counters = scenario.variables.filter((v) => v.counter);
  counters.forEach((v, i) => {
    const weeksRun = Math.max(1, t.turns);
    const mean = t.counterSums[i]! / COUNTER_SCALE / t.runs;
    rows.push({ id: `${v.id}.mean`, label: `${v.label}: mean per future`, kind: 'mean', value: mean, lo: null, hi: null });
    rows.push({ id: `${v.id}.per-week`, label: `${v.label}: mean per week`, kind: 'mean', value: mean / weeksRun, lo: null, hi: null });
    rows.push(share(`${v.id}.any`, `${v.label}: futures with any`, t.counterAny[i]!, t.runs));
  });
  return rows;
}

/** The readable summary of a (possibly merged) tally. */
export function summarize(scenario: Scenario, t: ForecastTally): ForecastSummary {
  const list = weeks(scenario, t);
  const last = list[list.length - 1]!;
  return {
    scenarioId: t.scenarioId,
    seed: t.seed,
    runs: t.runs,
    startTurn: t.startTurn,
    turns: t.turns,
    strategies: Object.fromEntries(scenario.actors.map((a, i) => [a.id, t.strategies[i] ?? a.defaultStrategy])),
    weeks: list,
    finalRungs: scenario.ladder.map((r) => ({ level: r.level, name: r.name, share: (t.finalRung[r.level] ?? 0) / t.runs })),
    outcomes: outcomes(scenario, t, last),
  };
}
