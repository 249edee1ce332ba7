/**
 * The talks outlook: the chance the talks are still alive a fixed window ahead, by Monte Carlo
 * from the state. It must not depend on the game's length, nor rise merely because the end nears.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import type { Scenario } from '../scenario/schema';
import { fixture, fixtureInput } from '../test/fixture';
import { forecast } from './forecast';
import { chooseMoves, resolveTurn } from './game';
import { outlookFromTally, outlookOptions, talksOutlook } from './outlook';
import { initialState, type GameState } from './state';

function playWeeks(s: Scenario, seed: number, horizon: number, weeks: number): GameState[] {
  const states = [initialState(s, seed, horizon)];
  for (let i = 0; i < weeks; i++) {
    const last = states.at(-1)!;
    const r = resolveTurn(s, last, chooseMoves(s, last, {}));
    if (!r.ok) throw new Error(r.error.message);
    states.push(r.state);
  }
  return states;
}

// Monte Carlo over the March 2021 scenario: seconds on a busy 2-core machine, not milliseconds.
describe('the talks outlook', { timeout: 60_000 }, () => {
  const { scenario: march } = loadScenario('march-2021');

  it('gives the same headline for the same first weeks of a 10-week and a 26-week game', () => {
    const short = playWeeks(march, 11, 10, 4);
    const long = playWeeks(march, 11, 26, 4);
    for (let t = 0; t <= 4; t++) {
      expect(talksOutlook(march, short[t]!, 1000)).toEqual(talksOutlook(march, long[t]!, 1000));
    }
  });

  it('does not rise as the end of the game nears: the last week of a short game looks as far ahead as the first', () => {
    const states = playWeeks(march, 5, 10, 9);
    const last = talksOutlook(march, states.at(-1)!, 500);
    expect(last.weeks).toBe(march.talks.outlookWeeks);
    expect(last.curve).toHaveLength(march.talks.outlookWeeks + 1);
  });

  it('is a share of futures: in [0, 1], starting from whether the talks are alive now, never rising while collapse is final', () => {
    const o = talksOutlook(march, initialState(march, 3), 1000);
    expect(o.curve[0]).toBe(1);
    for (let k = 1; k < o.curve.length; k++) expect(o.curve[k]!).toBeLessThanOrEqual(o.curve[k - 1]!);
    expect(o.alive).toBe(o.curve.at(-1));
    expect(o.alive).toBeGreaterThan(0);
    expect(o.alive).toBeLessThan(1);
  });

  it('is what a forecast over the same window from the same seed gives, so it can run in chunks', () => {
    const state = initialState(march, 8);
    const o = outlookOptions(march, state, 600);
    expect(outlookFromTally(march, forecast(march, state, o))).toEqual(talksOutlook(march, state, 600));
  });

  it('follows the hazards: an outlook with a certain collapse is zero after a week', () => {
    const input = fixtureInput();
    for (const t of input.talks.transitions) t.hazard = t.id === 'collapse' ? { base: 1, link: 'clamp' } : { base: 0, link: 'clamp' };
    const s = fixture(input);
    const o = talksOutlook(s, initialState(s, 1), 200);
    expect(o.curve.slice(0, 2)).toEqual([1, 0]);
  });
});
