/**
 * The back-test's own calibration, made from the fit period alone:
 *   - *history matching on the record cut at the split*: parameter sets drawn from the model's
 *     priors (as the forecast's ensemble draws them) and kept where the record replayed through the
 *     fit weeks correlates with the record's weekly series, and the AI's games of the fit weeks
 *     reproduce the record scenario's base rates (ensemble.ts, stages 1-3; the rates just before
 *     March 2021 are not known at the split, so stage 4 is not run);
 *   - *what the record lists*: the scenario's history is a timeline of notable acts, not a count of
 *     every attack, so the model's weeks are set against it through an observation model with two
 *     shares measured on the fit weeks: of the attacks, and of the other acts.
 */
import { compile } from '../engine/compile';
import type { GameState } from '../engine/state';
import { withParameters } from '../scenario/parameters';
import type { Judgement } from '../scenario/priors';
import type { Calibration, Scenario } from '../scenario/schema';
import { doctrineGames, judgeDraw, restrictTo, type Verdict } from './ensemble';

export interface FitOptions {
  /** Draws to evaluate at most, from index 0 of the seed's streams. */
  readonly draws: number;
  /** Stop once this many are kept. */
  readonly keep: number;
  /** AI games per draw. */
  readonly games: number;
  readonly seed: number;
  readonly minReplayR: number;
}

/** A set the fit kept: the draw's index and its values at the paths the record scenario has. */
export interface FitSet {
  readonly draw: number;
  readonly values: Readonly<Record<string, number>>;
}

export interface FitEnsemble {
  readonly options: FitOptions;
  /** Draws evaluated (fewer than `draws` when `keep` were kept first), and why each went. */
  readonly evaluated: number;
  readonly verdicts: Readonly<Record<Verdict, number>>;
  readonly sets: readonly FitSet[];
}

/**
 * History matching on `fitRecord` (the record scenario as known at the split, its horizon the fit
 * weeks): the first `o.keep` draws of `judged` that pass, in draw order.
 */
export function fitEnsemble(fitRecord: Scenario, judged: readonly Judgement[], o: FitOptions, onDraw?: (evaluated: number) => void): FitEnsemble {
  const verdicts: Record<Verdict, number> = { kept: 0, format: 0, replay: 0, 'record-rates': 0, 'start-rates': 0 };
  const sets: FitSet[] = [];
  let evaluated = 0;
  while (evaluated < o.draws && sets.length < o.keep) {
    const d = judgeDraw(null, fitRecord, judged, { first: evaluated, count: 1, seed: o.seed, games: o.games, minReplayR: o.minReplayR }, evaluated);
    evaluated += 1;
    verdicts[d.verdict] += 1;
    if (d.verdict === 'kept') sets.push({ draw: d.index, values: restrictTo(fitRecord, d.values) });
    onDraw?.(evaluated);
  }
  return { options: o, evaluated, verdicts, sets };
}

/** The record scenario with a kept set's values. */
export function withSet(s: Scenario, set: FitSet): Scenario {
  const r = withParameters(s, restrictTo(s, set.values));
  if (!r.ok) throw new Error(`fit set of draw ${set.draw}: ${r.errors.map((e) => e.message).join('; ')}`);
  return r.value;
}

/** What kind of act a move is, for the observation model. */
export type ActKind = 'attack' | 'strike' | 'quiet' | 'other';

/** Each move's kind: the calibration's attacks and US strikes, each actor's quiet move, the rest. */
export function actKinds(s: Scenario, cal: Calibration): ReadonlyMap<string, ActKind> {
  const c = compile(s);
  const quiet = new Set(Array.from(c.quietMove, (m) => s.moves[m]?.id));
  return new Map(
    s.moves.map((m) => [m.id, cal.attackMoves.includes(m.id) ? 'attack' : cal.strikeMoves.includes(m.id) ? 'strike' : quiet.has(m.id) ? 'quiet' : 'other'] as const),
  );
}

/**
 * The shares of the model's acts the record lists, measured on the fit weeks. Attacks: the
 * record's attacks against the calibration target's rate (the count of every attack the model is
 * calibrated to) over as many weeks. Other acts (neither an attack, a US strike nor an actor's
 * quiet move, which the replay plays for "nothing on the record"): the record's against the kept
 * sets' AI games of the same weeks. US strikes are all on the record (each was announced).
 */
export interface Recording {
  readonly attacks: number;
  readonly others: number;
  /** What the shares were made of, for the report. */
  readonly recordAttacks: number;
  readonly targetRate: number;
  readonly recordOthers: number;
  /** The AI's other acts a week over the fit weeks (mean over the sets' games). */
  readonly modelOthers: number;
  readonly fitWeeks: number;
}

const gamesPerSet = 4;

/** Other acts played in a game's weeks. */
function othersIn(states: readonly GameState[], kinds: ReadonlyMap<string, ActKind>): number {
  return states.reduce((n, st) => n + (st.report?.moves.filter((m) => kinds.get(m.move) === 'other').length ?? 0), 0);
}

/**
 * The recording shares for `fitRecord` (horizon: the fit weeks) and the kept sets, or null when the
 * scenario has no attack-rate target to count attacks against. Shares are capped at 1.
 */
export function recordingShares(fitRecord: Scenario, cal: Calibration, sets: readonly FitSet[], seed: number): Recording | null {
  const target = cal.targets.find((t) => t.id === 'attacks-per-week');
  if (!target || target.value <= 0 || sets.length === 0) return null;
  const kinds = actKinds(fitRecord, cal);
  const fitWeeks = fitRecord.defaultTurns;
  const onRecord = (k: ActKind) => fitRecord.history.filter((h) => kinds.get(h.move) === k).length;
  let played = 0;
  for (const set of sets) for (const game of doctrineGames(withSet(fitRecord, set), gamesPerSet, seed)) played += othersIn(game.slice(1), kinds);
  const modelOthers = played / (sets.length * gamesPerSet * fitWeeks);
  const recordAttacks = onRecord('attack');
  const recordOthers = onRecord('other');
  return {
    attacks: Math.min(1, recordAttacks / (target.value * fitWeeks)),
    others: modelOthers > 0 ? Math.min(1, recordOthers / (modelOthers * fitWeeks)) : 0,
    recordAttacks,
    targetRate: target.value,
    recordOthers,
    modelOthers,
    fitWeeks,
  };
}

/** Each move's weight in the intensity the record would show: -Goldstein / 10 times its share. */
export function observedWeights(s: Scenario, cal: Calibration, rec: Recording): ReadonlyMap<string, number> {
  const kinds = actKinds(s, cal);
  const share: Record<ActKind, number> = { attack: rec.attacks, strike: 1, quiet: 0, other: rec.others };
  return new Map(s.moves.map((m) => [m.id, (-m.goldstein / 10) * share[kinds.get(m.id)!]]));
}
