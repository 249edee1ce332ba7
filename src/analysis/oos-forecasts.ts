/**
 * The forecasts of the out-of-sample back-test (oos-backtest.ts) and their scores: the record's
 * weekly facts, the naive forecasts made from a stretch of them, the model's futures from the state
 * the record reached, and the proper scores of a forecast of the test weeks.
 */
import { pearson, recordSeries } from '../engine/backtest';
import { turnOfDate } from '../engine/compile';
import { chooseMoves, isOver, resolveTurn } from '../engine/game';
import { streamStates } from '../engine/rng';
import { initialState, type GameState } from '../engine/state';
import type { Calibration, Scenario, StrategyId } from '../scenario/schema';
import { brier, covers, crps, empiricalCdf, poissonCdf, type CountCdf } from './proper-scores';

/** What one week shows: on the record, or in one future of the model. */
export interface WeekFacts {
  /** Militia attacks in the week (record: attack entries; model: the calibration's attack counter). */
  readonly attacks: number;
  readonly strike: boolean;
  readonly lethal: boolean;
  /** Conflict intensity: the sum of -Goldstein / 10 over the week's acts (the record series' units). */
  readonly intensity: number;
}

/** The record's facts, week by week for `weeks` weeks, from the scenario's history. */
export function recordFacts(s: Scenario, cal: Calibration, weeks: number, lethalDates: readonly string[]): WeekFacts[] {
  const series = recordSeries(s, weeks);
  const out = series.map((intensity) => ({ attacks: 0, strike: false, lethal: false, intensity }));
  for (const h of s.history) {
    const t = turnOfDate(s, h.date);
    const w = out[t];
    if (!w) continue;
    const attack = cal.attackMoves.includes(h.move);
    out[t] = {
      ...w,
      attacks: w.attacks + (attack ? 1 : 0),
      strike: w.strike || cal.strikeMoves.includes(h.move),
      lethal: w.lethal || (attack && lethalDates.includes(h.date)),
    };
  }
  return out;
}

/** A naive forecast: the same weekly numbers for every test week, from a stretch of fit weeks. */
export interface NaiveForecast {
  /** Share of the weeks with at least one attack, a US strike, a lethal attack: each in [0, 1]. */
  readonly pAttack: number;
  readonly pStrike: number;
  readonly pLethal: number;
  /** Mean attacks a week (the rate of the Poisson count forecast). */
  readonly rate: number;
  /** Mean weekly intensity. */
  readonly intensity: number;
}

/** The frequencies and means of `weeks` (at least one). */
export function naiveOf(weeks: readonly WeekFacts[]): NaiveForecast {
  const mean = (f: (w: WeekFacts) => number) => weeks.reduce((s, w) => s + f(w), 0) / weeks.length;
  return {
    pAttack: mean((w) => (w.attacks > 0 ? 1 : 0)),
    pStrike: mean((w) => (w.strike ? 1 : 0)),
    pLethal: mean((w) => (w.lethal ? 1 : 0)),
    rate: mean((w) => w.attacks),
    intensity: mean((w) => w.intensity),
  };
}

/** A forecast of each test week: event probabilities, the count's distribution, mean intensity. */
export interface WeeklyForecast {
  readonly attack: readonly number[];
  readonly strike: readonly number[];
  readonly lethal: readonly number[];
  readonly counts: readonly CountCdf[];
  /** Mean intensity in the record's units. */
  readonly intensity: readonly number[];
  /** The series set against the record's intensity for Pearson's r (the model: its mean escalation). */
  readonly trend: readonly number[];
}

export function constantForecast(n: NaiveForecast, weeks: number): WeeklyForecast {
  const rep = <T>(x: T) => new Array<T>(weeks).fill(x);
  return { attack: rep(n.pAttack), strike: rep(n.pStrike), lethal: rep(n.pLethal), counts: rep(poissonCdf(n.rate)), intensity: rep(n.intensity), trend: rep(n.intensity) };
}

export interface ModelOptions {
  readonly runs: number;
  readonly seed: number;
  /** Called after each future with how many are done. */
  readonly onProgress?: (done: number) => void;
}

/** The model's futures, week by week: the facts of each week of each future. */
export interface Futures {
  /** facts[k][r]: test week k of future r. */
  readonly facts: readonly (readonly WeekFacts[])[];
  readonly escalation: readonly (readonly number[])[];
  /** Futures that ended in open war before the horizon (they hold their last state: no more acts). */
  readonly openWar: number;
}

const all = (s: Scenario, strategy: StrategyId) => Object.fromEntries(s.actors.map((a) => [a.id, strategy]));

/**
 * The record replayed (every actor on `historical`, game seed `seed`) through the fit weeks: the
 * state at the split, or an earlier one that ended (the dice can make the salvo of 2020-01-08 lethal).
 */
export function stateAtSplit(known: Scenario, fitWeeks: number, seed: number): GameState {
  const historical = all(known, 'historical');
  let state = initialState(known, seed, known.defaultTurns);
  while (state.turn < fitWeeks && !isOver(state)) {
    const r = resolveTurn(known, state, chooseMoves(known, state, historical));
    if (!r.ok) throw new Error(`replay of ${known.id}, week ${state.turn}: ${r.error.message}`);
    state = r.state;
  }
  return state;
}

/** A week of a future: its attacks, US strike and lethal attack, and the intensity the record would show. */
function weekFacts(cal: Calibration, before: GameState, after: GameState, weights: ReadonlyMap<string, number>): WeekFacts {
  const moves = after.report!.moves;
  const outcomes = moves.flatMap((m) => m.outcomes.map((o) => `${m.move}/${o}`));
  return {
    attacks: (after.vars[cal.attackCounter] ?? 0) - (before.vars[cal.attackCounter] ?? 0),
    strike: moves.some((m) => cal.strikeMoves.includes(m.move)),
    lethal: outcomes.some((o) => cal.lethalOutcomes.includes(o)),
    intensity: moves.reduce((sum, m) => sum + (weights.get(m.move) ?? 0), 0),
  };
}

const QUIET: WeekFacts = { attacks: 0, strike: false, lethal: false, intensity: 0 };

/** Which futures a block runs: streams [first, first + count) of the seed. */
export interface FutureBlock {
  readonly first: number;
  readonly count: number;
}

/**
 * The futures of `block` from `start` to the horizon, every actor on its doctrine; future r on
 * stream r. A week's intensity weighs each move played by `weights` (observedWeights).
 */
export function modelFutures(known: Scenario, cal: Calibration, start: GameState, seed: number, block: FutureBlock, weights: ReadonlyMap<string, number>, onFuture?: () => void): Futures {
  const weeks = start.horizon - start.turn;
  const doctrine = all(known, 'doctrine');
  const facts = Array.from({ length: weeks }, () => new Array<WeekFacts>(block.count));
  const escalation = Array.from({ length: weeks }, () => new Array<number>(block.count));
  const streams = streamStates(seed, block.first, block.count);
  let openWar = 0;
  for (let r = 0; r < block.count; r++) {
    let state: GameState = { ...start, rng: streams[r]! };
    for (let k = 0; k < weeks; k++) {
      if (!isOver(state)) {
        const next = resolveTurn(known, state, chooseMoves(known, state, doctrine));
        if (!next.ok) throw new Error(`future ${block.first + r}, week ${state.turn}: ${next.error.message}`);
        facts[k]![r] = weekFacts(cal, state, next.state, weights);
        state = next.state;
      } else facts[k]![r] = QUIET;
      escalation[k]![r] = state.escalation;
    }
    if (state.ended === 'open-war') openWar += 1;
    onFuture?.();
  }
  return { facts, escalation, openWar };
}

/** The futures of several blocks (over the same weeks) as one. */
export function joinFutures(parts: readonly Futures[]): Futures {
  const weeks = parts[0]?.facts.length ?? 0;
  return {
    facts: Array.from({ length: weeks }, (_, k) => parts.flatMap((p) => p.facts[k]!)),
    escalation: Array.from({ length: weeks }, (_, k) => parts.flatMap((p) => p.escalation[k]!)),
    openWar: parts.reduce((n, p) => n + p.openWar, 0),
  };
}

/** Binomial(n, q) probabilities of 0 .. n. */
function binomialPmf(n: number, q: number): number[] {
  const pmf = [(1 - q) ** n];
  for (let k = 1; k <= n; k++) pmf.push(q === 1 ? (k === n ? 1 : 0) : (pmf[k - 1]! * (n - k + 1) * q) / (k * (1 - q)));
  return pmf;
}

/**
 * The count the record would list when each of a future's attacks is on it with probability
 * `share` (independently): the mixture over futures of Binomial(attacks, share), as a cdf.
 */
export function thinnedCdf(counts: readonly number[], share: number): number[] {
  const top = counts.reduce((m, x) => Math.max(m, x), 0);
  const mass = new Array<number>(top + 1).fill(0);
  const seen = new Map<number, number>();
  for (const n of counts) seen.set(n, (seen.get(n) ?? 0) + 1);
  for (const [n, times] of seen) binomialPmf(n, share).forEach((p, k) => (mass[k]! += (p * times) / counts.length));
  let total = 0;
  return mass.map((p) => Math.min(1, (total += p)));
}

/**
 * The ensemble's forecast of what the record will list: each week's chance of a listed attack and
 * the listed count's distribution (every attack listed with probability `attackShare`; 1 scores the
 * model's own counts), the shares of futures with a US strike and a lethal attack, the mean
 * intensity the record would show. Its trend (for Pearson's r) is that intensity.
 */
export function ensembleForecast(f: Futures, attackShare: number): WeeklyForecast {
  const share = (ws: readonly WeekFacts[], p: (w: WeekFacts) => boolean) => ws.filter(p).length / ws.length;
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const intensity = f.facts.map((ws) => mean(ws.map((w) => w.intensity)));
  return {
    attack: f.facts.map((ws) => mean(ws.map((w) => 1 - (1 - attackShare) ** w.attacks))),
    strike: f.facts.map((ws) => share(ws, (w) => w.strike)),
    lethal: f.facts.map((ws) => share(ws, (w) => w.lethal)),
    counts: f.facts.map((ws) => (attackShare === 1 ? empiricalCdf(ws.map((w) => w.attacks)) : thinnedCdf(ws.map((w) => w.attacks), attackShare))),
    intensity,
    trend: intensity,
  };
}

/** The scores of one forecast over the test weeks. */
export interface Scores {
  /** Brier scores in [0, 1] (lower is better) of a week with >= 1 attack, a US strike, a lethal attack. */
  readonly brierAttack: number;
  readonly brierStrike: number;
  readonly brierLethal: number;
  /** Mean CRPS of the weekly attack count, in attacks (lower is better). */
  readonly crps: number;
  /** Share of test weeks whose attack count lies in the forecast's central 50% and 90% intervals. */
  readonly cover50: number;
  readonly cover90: number;
  /** Pearson's r of the forecast's trend with the record's weekly intensity; NaN for a constant forecast. */
  readonly r: number;
  /** Mean squared error of the forecast's mean intensity against the record's (lower is better). */
  readonly mse: number;
}

/** Scores a forecast of the test weeks against the record's facts of the same weeks. */
export function scoreForecast(f: WeeklyForecast, record: readonly WeekFacts[]): Scores {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const cover = (level: number) => mean(record.map((w, k) => (covers(f.counts[k]!, w.attacks, level) ? 1 : 0)));
  return {
    brierAttack: brier(f.attack, record.map((w) => w.attacks > 0)),
    brierStrike: brier(f.strike, record.map((w) => w.strike)),
    brierLethal: brier(f.lethal, record.map((w) => w.lethal)),
    crps: mean(record.map((w, k) => crps(f.counts[k]!, w.attacks))),
    cover50: cover(0.5),
    cover90: cover(0.9),
    // A constant forecast has no correlation; Pearson's formula would give rounding noise.
    r: f.trend.every((x) => x === f.trend[0]) ? Number.NaN : pearson(f.trend, record.map((w) => w.intensity)),
    mse: mean(record.map((w, k) => (f.intensity[k]! - w.intensity) ** 2)),
  };
}
