/**
 * Back-tests that keep the model honest: the record's Goldstein-weighted weekly series against the
 * engine's escalation when history is replayed, and the model's base rates (attacks, lethality,
 * retaliation lags) against the record's when the AI plays the same period.
 */
import type { Calibration, CalibrationTarget, Scenario } from '../scenario/schema';
import { turnOfDate } from './compile';
import type { GameState } from './state';
import { wilson } from './stats';

/** Weekly conflict intensity of the record: the sum of -Goldstein / 10 over its events in each week. */
export function recordSeries(scenario: Scenario, weeks: number): number[] {
  const series = new Array<number>(weeks).fill(0);
  for (const h of scenario.history) {
    const t = turnOfDate(scenario, h.date);
    const move = scenario.moves.find((m) => m.id === h.move);
    if (t >= 0 && t < weeks && move) series[t]! += -move.goldstein / 10;
  }
  return series;
}

/** Pearson's correlation of two equally long series, in [-1, 1]; NaN if either is constant. */
export function pearson(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  const mean = (x: readonly number[]) => x.slice(0, n).reduce((s, v) => s + v, 0) / n;
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

export interface RateEstimate {
  readonly id: CalibrationTarget['id'];
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
  /** How many observations the estimate rests on (weeks, attacks or responses). */
  readonly n: number;
}

/** Mean with a normal-approximation 95% interval. */
function meanInterval(xs: readonly number[]): { value: number; lo: number; hi: number } {
  if (xs.length === 0) return { value: Number.NaN, lo: Number.NaN, hi: Number.NaN };
  const m = xs.reduce((s, x) => s + x, 0) / xs.length;
  const v = xs.length > 1 ? xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1) : 0;
  const half = 1.96 * Math.sqrt(v / xs.length);
  return { value: m, lo: m - half, hi: m + half };
}

interface WeekFacts {
  attack: boolean;
  lethal: boolean;
  strike: boolean;
}

function facts(cal: Calibration, game: readonly GameState[]): WeekFacts[] {
  return game.slice(1).map((s) => {
    const moves = s.report!.moves;
    const outcomes = new Set(moves.flatMap((m) => m.outcomes.map((o) => `${m.move}/${o}`)));
    return {
      attack: moves.some((m) => cal.attackMoves.includes(m.move)),
      lethal: cal.lethalOutcomes.some((o) => outcomes.has(o)),
      strike: moves.some((m) => cal.strikeMoves.includes(m.move)),
    };
  });
}

/** Weeks from each `from` week to the first later `to` week within `max` weeks. */
function lags(weeks: readonly WeekFacts[], from: (w: WeekFacts) => boolean, to: (w: WeekFacts) => boolean, max: number): number[] {
  const out: number[] = [];
  weeks.forEach((w, t) => {
    if (!from(w)) return;
    for (let u = t + 1; u <= Math.min(weeks.length - 1, t + max); u++) {
      if (to(weeks[u]!)) {
        out.push(u - t);
        return;
      }
    }
  });
  return out;
}

/** The model's base rates over many played games (each a list of states from a replayed log). */
export function baseRates(scenario: Scenario, games: readonly (readonly GameState[])[]): RateEstimate[] {
  const cal = scenario.calibration;
  if (!cal) return [];
  const all = games.map((g) => facts(cal, g));
  const perWeek = games.map((g) => {
    const first = g[0]!.vars[cal.attackCounter] ?? 0;
    const last = g[g.length - 1]!.vars[cal.attackCounter] ?? 0;
    return (last - first) / Math.max(1, g.length - 1);
  });
  const attacks = all.flat().filter((w) => w.attack);
  const lethal = wilson(attacks.filter((w) => w.lethal).length, attacks.length);
  const usLags = all.flatMap((w) => lags(w, (x) => x.attack && x.lethal, (x) => x.strike, cal.maxLagWeeks));
  const militiaLags = all.flatMap((w) => lags(w, (x) => x.strike, (x) => x.attack, cal.maxLagWeeks));
  return [
    { id: 'attacks-per-week', ...meanInterval(perWeek), n: perWeek.length },
    { id: 'lethal-attack-share', value: lethal.estimate, lo: lethal.lo, hi: lethal.hi, n: attacks.length },
    { id: 'us-retaliation-lag', ...meanInterval(usLags), n: usLags.length },
    { id: 'militia-retaliation-lag', ...meanInterval(militiaLags), n: militiaLags.length },
  ];
}

/** Whether an estimate passes its target: the model's value lies within the target's band. */
export function passes(target: CalibrationTarget, estimate: RateEstimate | undefined): boolean {
  return estimate !== undefined && Number.isFinite(estimate.value) && estimate.value >= target.lo && estimate.value <= target.hi;
}
