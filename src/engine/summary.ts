/**
 * Turns a forecast tally into what people read: percentiles of escalation per week, the share of
 * futures with the talks alive (with a 95% interval), final rungs and an outcomes table.
 */
import { joinLabels } from '../scenario/parameter-words';
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
  /** Share of futures with the talks alive, with its 95% Wilson interval (chance). */
  readonly alive: Interval;
  /** Where 90% of the parameter sets put that share (the model interval); null without an ensemble. */
  readonly aliveModel: { readonly lo: number; readonly hi: number } | null;
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
  /**
   * The model interval: where 90% of the ensemble's parameter sets put the value (5th to 95th
   * percentile across sets, their own chance noise taken out); null without an ensemble.
   */
  readonly modelLo?: number | null;
  readonly modelHi?: number | null;
}

export interface ForecastSummary {
  readonly scenarioId: string;
  /** The parameter ensemble the futures were drawn from (its id), or null for the scenario's own values. */
  readonly ensemble: string | null;
  /** Parameter sets used; 0 without an ensemble. */
  readonly sets: number;
  /** Mean final escalation's model interval (see OutcomeRow), or null without an ensemble. */
  readonly escalationModel: { readonly lo: number; readonly hi: number } | null;
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

/** Where 90% of an ensemble's parameter sets put the share of futures with the talks alive `week` weeks ahead; null without one. */
export function aliveModelOf(t: ForecastTally, week: number): { lo: number; hi: number } | null {
  const m = shareInterval(t, (i) => t.setAlive[i * (t.turns + 1) + week]!);
  return m.modelLo === null || m.modelHi === null ? null : { lo: m.modelLo, hi: m.modelHi };
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
      aliveModel: aliveModelOf(t, w),
      phases,
    };
  });
}

/**
 * The 5th and 95th percentiles across parameter sets of a per-set mean, with each set's chance
 * noise taken out: the sets' spread around the overall mean is shrunk by sqrt(1 - noise/spread)
 * (law of total variance: what is left is the spread the parameters cause), so a hundred futures
 * a set do not pass their own Monte Carlo noise off as model uncertainty.
 */
export function modelInterval(means: readonly number[], noise: readonly number[]): { lo: number; hi: number } | null {
  const n = means.length;
  if (n < 2) return null;
  const mean = means.reduce((a, b) => a + b, 0) / n;
  const spread = means.reduce((a, m) => a + (m - mean) ** 2, 0) / (n - 1);
  const within = noise.reduce((a, b) => a + b, 0) / n;
  const shrink = spread > 0 ? Math.sqrt(Math.max(0, 1 - within / spread)) : 0;
  const sorted = means.map((m) => mean + shrink * (m - mean)).sort((a, b) => a - b);
  const at = (q: number) => {
    const x = q * (n - 1);
    const i = Math.floor(x);
    return sorted[i]! + (x - i) * ((sorted[Math.min(n - 1, i + 1)] ?? sorted[i]!) - sorted[i]!);
  };
  return { lo: at(0.05), hi: at(0.95) };
}

/** The model interval of a share counted per set (`hits(i)` of set i's futures). */
function shareInterval(t: ForecastTally, hits: (set: number) => number): { modelLo: number | null; modelHi: number | null } {
  const used = t.setRuns.flatMap((n, i) => (n > 0 ? [i] : []));
  const p = used.map((i) => hits(i) / t.setRuns[i]!);
  const m = modelInterval(p, used.map((i, k) => (p[k]! * (1 - p[k]!)) / t.setRuns[i]!));
  return { modelLo: m?.lo ?? null, modelHi: m?.hi ?? null };
}

function outcomes(scenario: Scenario, t: ForecastTally, last: WeekSummary): OutcomeRow[] {
  const phaseCount = (id: string) => Math.round((last.phases[id] ?? 0) * t.runs);
  const rows: OutcomeRow[] = [
    { ...share('open-war', 'Open war', t.openWar, t.runs), ...shareInterval(t, (i) => t.setOpenWar[i]!) },
    { ...share('talks-alive', `${scenario.talks.label}: alive at the end`, Math.round(last.alive.estimate * t.runs), t.runs), ...shareInterval(t, (i) => t.setAlive[i * (t.turns + 1) + t.turns]!) },
    ...scenario.talks.phases.map((p) => share(`talks-${p.id}`, `${joinLabels(scenario.talks.label, p.label)} at the end`, phaseCount(p.id), t.runs)),
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

/** The model interval of mean final escalation: per set, the mean of its futures' final bins. */
function escalationInterval(t: ForecastTally): { lo: number; hi: number } | null {
  const used = t.setRuns.flatMap((n, i) => (n > 1 ? [i] : []));
  if (used.length < 2) return null;
  const means = used.map((i) => (t.setEscalation[i]! * ESCALATION_BIN) / t.setRuns[i]!);
  // Each set's variance of final escalation over its futures, divided by its futures: the noise of its mean.
  const noise = used.map((i, k) => {
    const n = t.setRuns[i]!;
    const variance = Math.max(0, (t.setEscalationSq[i]! * ESCALATION_BIN ** 2) / n - means[k]! ** 2) * (n / (n - 1));
    return variance / n;
  });
  return modelInterval(means, noise);
}

/** The readable summary of a (possibly merged) tally. */
export function summarize(scenario: Scenario, t: ForecastTally): ForecastSummary {
  const list = weeks(scenario, t);
  const last = list[list.length - 1]!;
  return {
    scenarioId: t.scenarioId,
    ensemble: t.ensemble,
    sets: t.setRuns.length,
    escalationModel: escalationInterval(t),
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
