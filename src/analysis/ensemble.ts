/**
 * The calibrated ensemble: parameter sets drawn from a scenario's priors and kept only where the
 * model still reproduces what was known before the start (history matching). A draw is kept when
 *   1. the scenario format accepts it (the prior truncated to what the format allows),
 *   2. the record replayed (every actor on `historical`) correlates with the record's weekly
 *      Goldstein series at least `minReplayR`,
 *   3. the record scenario's AI games reproduce its base rates within their bands, and
 *   4. the forecast scenario's AI games reproduce the rates just before its start within theirs.
 * Draw i takes its numbers from the i-th independent stream of the seed, so any subset of draws
 * (a shard) is evaluated alone and the merged result equals one run's exactly.
 */
import { baseRates, passes, pearson, recordSeries, type RateEstimate } from '../engine/backtest';
import { chooseMoves, isOver, resolveTurn } from '../engine/game';
import { rngFromState, streamStates, uniform } from '../engine/rng';
import { initialState, type GameState } from '../engine/state';
import type { ForecastEnsemble } from '../engine/forecast';
import { scenarioDigest, shortDigest } from '../scenario/files/digest';
import type { EnsembleFile } from '../scenario/files/ensemble-file';
import { digestOf } from '../scenario/files/shard-file';
import { getParameter, withParameters } from '../scenario/parameters';
import { fromUnit, uncertain, type Judgement } from '../scenario/priors';
import type { Scenario, StrategyId } from '../scenario/schema';

export interface MatchOptions {
  /** Draws to evaluate: indices [first, first + count). */
  readonly first: number;
  readonly count: number;
  readonly seed: number;
  /** AI games per scenario and draw. */
  readonly games: number;
  readonly minReplayR: number;
}

/** Why a draw was not kept, or that it was. */
export type Verdict = 'kept' | 'format' | 'replay' | 'record-rates' | 'start-rates';

export interface Draw {
  readonly index: number;
  readonly verdict: Verdict;
  /** The parameter values drawn (uncertain judgements only, in the scenario's order). */
  readonly values: Readonly<Record<string, number>>;
  /** What was measured before the verdict (later stages are not run once one fails). */
  readonly replayR: number | null;
  readonly rates: readonly RateEstimate[];
}

/**
 * Where the world stands at a scenario's start (initial levels, escalation, grudges): judgements
 * too, with priors, but of one date. A forecast starts from its game's own state, and the record
 * scenario starts at another date, so the ensemble varies how the world works, not where it stands.
 */
export const isStartState = (path: string) => path === 'initialEscalation' || path.startsWith('initialGrudges.') || /^variables\..+\.initial$/.test(path);

/** The judgements an ensemble set gives values for: the uncertain ones that are not the start's state. */
export function ensembleJudgements(s: Scenario): Judgement[] {
  return uncertain(s).filter((j) => !isStartState(j.path));
}

/** Four significant digits: enough for a prior's spread, and the file stays readable. */
const round4 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(4)));

/** The values of draw `index`: one uniform number per uncertain judgement, from the draw's own stream. */
export function drawValues(judged: readonly Judgement[], seed: number, index: number): Record<string, number> {
  const rng = rngFromState(streamStates(seed, index, 1)[0]!);
  return Object.fromEntries(judged.map((j) => [j.path, round4(fromUnit(j, uniform(rng)))]));
}

/** The draw's values at the paths `s` has (the record scenario shares most, not all, of the model). */
export function restrictTo(s: Scenario, values: Readonly<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(Object.entries(values).filter(([path]) => getParameter(s, path) !== undefined));
}

const all = (s: Scenario, strategy: StrategyId) => Object.fromEntries(s.actors.map((a) => [a.id, strategy]));

function play(s: Scenario, seed: number, strategies: Readonly<Record<string, StrategyId>>): GameState[] {
  const states = [initialState(s, seed, s.defaultTurns)];
  for (;;) {
    const state = states[states.length - 1]!;
    if (isOver(state)) return states;
    const result = resolveTurn(s, state, chooseMoves(s, state, strategies));
    if (!result.ok) throw new Error(`${s.id} week ${state.turn}: ${result.error.message}`);
    states.push(result.state);
  }
}

/** Pearson's r of the record replayed against the record's weekly series. */
export function replayCorrelation(s: Scenario): number {
  const engine = play(s, 1, all(s, 'historical')).slice(1).map((x) => x.escalation);
  return pearson(recordSeries(s, engine.length), engine);
}

/** `games` games with every actor on its doctrine, from seeds `seed` .. `seed + games - 1`: each game's states. */
export function doctrineGames(s: Scenario, games: number, seed: number): GameState[][] {
  return Array.from({ length: games }, (_, i) => play(s, seed + i, all(s, 'doctrine')));
}

/** The AI's base rates over `games` games from seeds `seed` .. `seed + games - 1`. */
export function aiRates(s: Scenario, games: number, seed: number): RateEstimate[] {
  return baseRates(s, doctrineGames(s, games, seed));
}

function ratesPass(s: Scenario, rates: readonly RateEstimate[]): boolean {
  return (s.calibration?.targets ?? []).every((t) => passes(t, rates.find((r) => r.id === t.id)));
}

/**
 * Evaluates one draw against the record and the start; with no forecast scenario, against the
 * record alone (stages 1-3: the back-test's calibration on a record cut at its split).
 */
export function judgeDraw(forecast: Scenario | null, record: Scenario, judged: readonly Judgement[], o: MatchOptions, index: number): Draw {
  const values = drawValues(judged, o.seed, index);
  const f = forecast ? withParameters(forecast, values) : null;
  const r = withParameters(record, restrictTo(record, values));
  if ((f && !f.ok) || !r.ok) return { index, verdict: 'format', values, replayR: null, rates: [] };
  const replayR = replayCorrelation(r.value);
  if (!(replayR >= o.minReplayR)) return { index, verdict: 'replay', values, replayR, rates: [] };
  const recordRates = aiRates(r.value, o.games, o.seed);
  if (!ratesPass(r.value, recordRates)) return { index, verdict: 'record-rates', values, replayR, rates: recordRates };
  if (!f) return { index, verdict: 'kept', values, replayR, rates: recordRates };
  const startRates = aiRates(f.value, o.games, o.seed);
  const rates = [...recordRates, ...startRates.filter((x) => f.value.calibration?.targets.some((t) => t.id === x.id))];
  return { index, verdict: ratesPass(f.value, startRates) ? 'kept' : 'start-rates', values, replayR, rates };
}

/** Evaluates draws [first, first + count), calling `onDraw` after each (for progress). */
export function historyMatch(forecast: Scenario, record: Scenario, o: MatchOptions, onDraw?: (d: Draw) => void): Draw[] {
  const judged = ensembleJudgements(forecast);
  const draws: Draw[] = [];
  for (let i = o.first; i < o.first + o.count; i++) {
    const d = judgeDraw(forecast, record, judged, o, i);
    draws.push(d);
    onDraw?.(d);
  }
  return draws;
}

/**
 * The sets of an ensemble file as a forecast draws from them, for `scenario` as it is, or why not:
 * the file must have been made from this version of the scenario. Parameters in `without` (those
 * a set-up sets by hand) keep the set-up's value in every set.
 */
export function forecastEnsemble(file: EnsembleFile, scenario: Scenario, without: readonly string[] = []): { ok: true; ensemble: ForecastEnsemble } | { ok: false; reason: string } {
  if (file.scenarioId !== scenario.id) return { ok: false, reason: `the ensemble is of scenario "${file.scenarioId}", not "${scenario.id}"` };
  if (file.scenarioDigest !== scenarioDigest(scenario)) return { ok: false, reason: `the ensemble was made from another version of ${scenario.id} (digest ${shortDigest(file.scenarioDigest)}, the scenario is ${shortDigest(scenarioDigest(scenario))}): run npm run calibrate` };
  const keep = file.parameters.flatMap((p, i) => (without.includes(p) ? [] : [i]));
  return {
    ok: true,
    ensemble: { id: `${file.scenarioId}:${shortDigest(digestOf(file))}`, parameters: keep.map((i) => file.parameters[i]!), sets: file.sets.map((s) => keep.map((i) => s.values[i]!)) },
  };
}
