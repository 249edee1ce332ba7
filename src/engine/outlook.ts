/**
 * The talks outlook: the chance that the talks are still alive each week over the next
 * `talks.outlookWeeks` weeks (the scenario's window), as the share of Monte Carlo futures from the
 * state in which they are alive, every actor on its AI strategy. It reads nothing of the game's
 * length, so the same state has the same outlook in a 10-week and a 26-week game.
 *
 * Deterministic: the futures' streams are seeded from the state's own generator, so a state gives
 * the same outlook in Node and in the browser, and two branches at the same week share their random
 * numbers (common random numbers), so their outlooks differ only by what was played.
 */
import type { Scenario, StrategyId } from '../scenario/schema';
import { compile } from './compile';
import { forecastChunk, type ForecastEnsemble, type ForecastOptions, type ForecastTally } from './forecast';
import type { GameState } from './state';
import { aliveModelOf } from './summary';

/** Futures in an outlook unless asked otherwise: a 95% interval of about ±3 points. */
export const OUTLOOK_RUNS = 1000;

export interface TalksOutlook {
  /** Weeks ahead, from the scenario (`talks.outlookWeeks`). */
  readonly weeks: number;
  readonly runs: number;
  /** curve[k]: the share of futures with the talks alive k weeks ahead, k = 0 .. weeks. */
  readonly curve: readonly number[];
  /** The headline: the share alive `weeks` weeks ahead. */
  readonly alive: number;
  /** Its model range across the ensemble's parameter sets (5th to 95th percentile), or null without an ensemble. */
  readonly model: { readonly lo: number; readonly hi: number } | null;
}

/** A 32-bit seed from the state's generator, kept apart from the game's own stream. */
export function outlookSeed(state: GameState): number {
  const [a = 0, b = 0, c = 0, d = 0] = state.rng;
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 15), 0xc2b2ae35) ^ c;
  h = Math.imul(h ^ (h >>> 13), 0x27d4eb2f) ^ d;
  return (h ^ (h >>> 16)) | 0;
}

/** The forecast that an outlook runs: `runs` futures over the scenario's `talks.outlookWeeks` weeks. */
export function outlookOptions(
  scenario: Scenario,
  state: GameState,
  runs: number = OUTLOOK_RUNS,
  strategies?: Readonly<Record<string, StrategyId>>,
  ensemble?: ForecastEnsemble,
): ForecastOptions {
  return { runs, turns: scenario.talks.outlookWeeks, seed: outlookSeed(state), ...(strategies ? { strategies } : {}), ...(ensemble ? { ensemble } : {}) };
}

/** The outlook read from the tally of its forecast (merged from chunks, if it ran in chunks). */
export function outlookFromTally(scenario: Scenario, tally: ForecastTally): TalksOutlook {
  const c = compile(scenario);
  const phases = c.phaseIds.length;
  const curve = Array.from({ length: tally.turns + 1 }, (_, k) => {
    let alive = 0;
    for (let p = 0; p < phases; p++) if (c.phaseAlive[p]) alive += tally.phases[k * phases + p]!;
    return alive / tally.runs;
  });
  return { weeks: tally.turns, runs: tally.runs, curve, alive: curve[tally.turns]!, model: aliveModelOf(tally, tally.turns) };
}

/** The talks outlook from `state`, on this thread (each future's numbers drawn from `ensemble`, if given). */
export function talksOutlook(
  scenario: Scenario,
  state: GameState,
  runs: number = OUTLOOK_RUNS,
  strategies?: Readonly<Record<string, StrategyId>>,
  ensemble?: ForecastEnsemble,
): TalksOutlook {
  const o = outlookOptions(scenario, state, runs, strategies, ensemble);
  return outlookFromTally(scenario, forecastChunk(scenario, state, o, 0, o.runs));
}
