/**
 * AI policies. Every strategy works for any actor: they read only a move's Goldstein weight, rung and
 * targets, and the actor's doctrine and objectives from the scenario.
 *
 * Each policy gets exactly one uniform draw per turn (drawn for every actor, in order, from the
 * week's policy stream: the turn's generator after the next turn's state), so swapping one actor's
 * strategy leaves the others' draws unchanged.
 */
import type { StrategyId } from '../scenario/schema';
import type { Compiled, CompiledMove } from './compile';
import { doctrineChoice, doctrineWeights, pickWeighted, stakesOf } from './doctrine';
import { policyStream, uniform, type Rng } from './rng';
import { openChoices } from './week';
import { isLegal, legalInto, type Work } from './work';

/** Index of the best-scoring move in `legal`; earlier moves win ties. */
function argBest(legal: readonly number[], score: (m: CompiledMove) => number, c: Compiled): number {
  let best = legal[0]!;
  let bestScore = -Infinity;
  for (const i of legal) {
    const s = score(c.moves[i]!);
    if (s > bestScore) {
      best = i;
      bestScore = s;
    }
  }
  return best;
}

/** The most cooperative legal move (highest Goldstein weight, then lowest rung). */
function restraint(c: Compiled, legal: readonly number[]): number {
  return argBest(legal, (m) => m.goldstein * 100 - m.rung, c);
}

/** The most hostile legal move (lowest Goldstein weight, then highest rung). */
function hawk(c: Compiled, legal: readonly number[]): number {
  return argBest(legal, (m) => -m.goldstein * 100 + m.rung, c);
}

/** The actor that hurt `a` most in `matrix` (received or remembered hostility), and by how much. */
function offender(c: Compiled, matrix: Float64Array, a: number): { who: number; amount: number } {
  let who = -1;
  let amount = 0;
  for (let b = 0; b < c.actors; b++) {
    const v = matrix[a * c.actors + b]!;
    if (v > amount) {
      who = b;
      amount = v;
    }
  }
  return { who, amount };
}

/** Legal hostile moves aimed at `who`, or any legal hostile move when none is. */
function retaliations(c: Compiled, legal: readonly number[], who: number): number[] {
  const hostile = legal.filter((i) => c.moves[i]!.hostility > 0);
  const aimed = hostile.filter((i) => c.moves[i]!.targets.includes(who));
  return aimed.length > 0 ? aimed : hostile;
}

/** Tit-for-tat: answer last week's hostility in kind (the move nearest the offender's rung), else cooperate. */
function titForTat(c: Compiled, w: Work, a: number, legal: readonly number[]): number {
  const { who, amount } = offender(c, w.received, a);
  if (who < 0 || amount <= c.scenario.dynamics.hostilityThreshold) return restraint(c, legal);
  const options = retaliations(c, legal, who);
  if (options.length === 0) return restraint(c, legal);
  const rung = w.lastMove[who]! >= 0 ? c.moves[w.lastMove[who]!]!.rung : 0;
  return argBest(options, (m) => -Math.abs(m.rung - rung) * 10 + m.hostility, c);
}

/** Proportional response: answer remembered hostility with a move of matching intensity. */
function proportional(c: Compiled, w: Work, a: number, legal: readonly number[]): number {
  const { who, amount } = offender(c, w.grudge, a);
  if (who < 0 || amount <= c.scenario.dynamics.hostilityThreshold) return restraint(c, legal);
  const options = retaliations(c, legal, who);
  if (options.length === 0) return restraint(c, legal);
  const intensity = Math.min(1, amount);
  return argBest(options, (m) => -Math.abs(m.hostility - intensity), c);
}

/** The historical policy: the record's move for the week, else the actor's quiet move, else restraint. */
function historical(c: Compiled, w: Work, a: number, legal: readonly number[]): number {
  const recorded = w.turn < c.historyTurns ? c.history[w.turn * c.actors + a]! : -1;
  if (recorded >= 0 && legal.includes(recorded)) return recorded;
  const quiet = c.quietMove[a]!;
  return legal.includes(quiet) ? quiet : restraint(c, legal);
}

/** The belief stakes actor `a` weighs this week, or null when it looks no further than its own moves. */
export function stakesFor(c: Compiled, w: Work, a: number): Float64Array | null {
  openChoices(c);
  return stakesOf(c, w, a);
}

/** Writes actor `a`'s legal moves into `out` and returns how many there are. */
export { legalInto };

/** The legal moves of actor `a`, by move index. */
export function legalMoves(c: Compiled, w: Work, a: number): number[] {
  return c.movesByActor[a]!.filter((m) => isLegal(c, w, m));
}

/** One actor's choice under `strategy`, given its uniform draw `u`. */
export function choose(c: Compiled, w: Work, a: number, strategy: StrategyId, u: number, scores: Float64Array): number {
  openChoices(c);
  const buffer = new Int32Array(c.movesByActor[a]!.length);
  return chooseWith(c, w, a, strategy, u, scores, buffer);
}

function chooseWith(c: Compiled, w: Work, a: number, strategy: StrategyId, u: number, scores: Float64Array, buffer: Int32Array): number {
  if (strategy === 'doctrine') return doctrineChoice(c, w, a, u, buffer, scores);
  const count = legalInto(c, w, a, buffer);
  const legal = Array.from(buffer.subarray(0, count));
  switch (strategy) {
    case 'restraint':
      return restraint(c, legal);
    case 'hawk':
      return hawk(c, legal);
    case 'random':
      return legal[Math.min(legal.length - 1, Math.floor(u * legal.length))]!;
    case 'tit-for-tat':
      return titForTat(c, w, a, legal);
    case 'proportional':
      return proportional(c, w, a, legal);
    case 'grim-trigger':
      return w.triggered[a] ? hawk(c, legal) : restraint(c, legal);
    case 'historical':
      return historical(c, w, a, legal);
  }
}

/**
 * Every actor's choice for the week, written into `out` (move indices), each from one uniform draw
 * of `rng` in actor order. By default `rng` is a copy of the week's policy stream (weekStreams), so
 * the state is not changed; the Monte Carlo loop passes the stream itself.
 */
export function chooseAll(c: Compiled, w: Work, strategies: readonly StrategyId[], out: Int32Array, scores: Float64Array, rng: Rng = policyStream(w)): void {
  const buffer = c.legalBuffer;
  openChoices(c);
  for (let a = 0; a < c.actors; a++) out[a] = chooseWith(c, w, a, strategies[a]!, uniform(rng), scores, buffer);
}

/**
 * The doctrine actors' weights in one state, to choose from again with other draws: every future
 * of a forecast starts its first week from the same state, so its weights are computed once.
 * count[a] is -1 for an actor under another strategy (chosen afresh: those are cheap).
 */
export interface StateChoices {
  readonly count: Int32Array;
  /** Actor a's legal moves and their weights at [a * moves, a * moves + count[a]). */
  readonly legal: Int32Array;
  readonly weight: Float64Array;
}

export function stateChoices(c: Compiled, w: Work, strategies: readonly StrategyId[]): StateChoices {
  const moves = c.moves.length;
  const choices = { count: new Int32Array(c.actors).fill(-1), legal: new Int32Array(c.actors * moves), weight: new Float64Array(c.actors * moves) };
  openChoices(c);
  for (let a = 0; a < c.actors; a++) {
    if (strategies[a] !== 'doctrine') continue;
    const legal = choices.legal.subarray(a * moves, (a + 1) * moves);
    choices.count[a] = doctrineWeights(c, w, a, legal, choices.weight.subarray(a * moves, (a + 1) * moves));
  }
  return choices;
}

/** chooseAll in the state `choices` were made from: the same draws, the same moves. */
export function chooseAllFrom(c: Compiled, w: Work, strategies: readonly StrategyId[], choices: StateChoices, out: Int32Array, scores: Float64Array, rng: Rng): void {
  const buffer = c.legalBuffer;
  const moves = c.moves.length;
  openChoices(c);
  for (let a = 0; a < c.actors; a++) {
    const u = uniform(rng);
    const count = choices.count[a]!;
    out[a] = count >= 0 ? pickWeighted(u, choices.legal, choices.weight, a * moves, count) : chooseWith(c, w, a, strategies[a]!, u, scores, buffer);
  }
}
