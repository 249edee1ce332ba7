/**
 * Beliefs about resolve: how they learn from what happened (a Beta-Bernoulli update with
 * forgetting), and how the doctrine weighs them (credible, contingent threats deter; an answer the
 * holder gains from draws it on; a threat carried out regardless deters nothing).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/schema';
import { fixture, fixtureInput } from '../test/fixture';
import { beliefSentence } from './explain';
import { chooseMoves, resolveTurn, type TurnMoves } from './game';
import { initialState, type BeliefState, type GameState } from './state';

const BELIEF = 'proxy.blue-strikes';

/** The fixture with the proxy believing that Blue answers its rockets with a strike within two weeks. */
function withBelief(change: (input: ScenarioInput) => void = () => {}) {
  const input = fixtureInput();
  input.beliefs = [
    {
      id: BELIEF,
      label: 'a Blue strike after an attack',
      holder: 'proxy',
      about: 'blue',
      triggers: ['proxy.rockets'],
      responses: ['blue.strike'],
      window: 2,
      prior: { mean: 0.2, weight: 5 },
      baseline: { mean: 0.1, weight: 10 },
      source: 'test',
    },
  ];
  input.dynamics.beliefMemory = 0.9;
  change(input);
  return fixture(input);
}

const quiet = { blue: 'blue.hold', red: 'red.wait', proxy: 'proxy.lie-low' };

function play(s: ReturnType<typeof withBelief>, weeks: Partial<TurnMoves>[], seed = 1): GameState {
  let state = initialState(s, seed);
  for (const w of weeks) {
    const r = resolveTurn(s, state, { ...quiet, ...w } as TurnMoves);
    if (!r.ok) throw new Error(r.error.message);
    state = r.state;
  }
  return state;
}

/** Pseudo-counts after `weeks` of forgetting alone: prior + memory^weeks * (x - prior). */
const forgotten = (x: number, prior: number, weeks: number) => prior + 0.9 ** weeks * (x - prior);

describe('beliefs learn from what happened', () => {
  const s = withBelief();

  it('start from their priors as Beta pseudo-counts', () => {
    expect(initialState(s, 1).beliefs[BELIEF]).toEqual({ resolve: [1, 4], baseline: [1, 9], open: null });
  });

  it('open a window on a trigger and count an answer within it as a success', () => {
    const opened = play(s, [{ proxy: 'proxy.rockets' }]);
    expect(opened.beliefs[BELIEF]!.open).toBe(0);
    const answered = play(s, [{ proxy: 'proxy.rockets' }, { blue: 'blue.strike' }]).beliefs[BELIEF]!;
    expect(answered.open).toBeNull();
    expect(answered.resolve[0]).toBeCloseTo(1 + 1, 12);
    expect(answered.resolve[1]).toBeCloseTo(4, 12);
  });

  it('count a window that runs out unanswered as a failure', () => {
    const b = play(s, [{ proxy: 'proxy.rockets' }, {}, {}]).beliefs[BELIEF]!;
    expect(b.open).toBeNull();
    expect(b.resolve[1]).toBeCloseTo(4 + 1, 12);
    expect(b.resolve[0]).toBeCloseTo(1, 12);
  });

  it('do not count a strike in the same week as the attack as an answer: moves are simultaneous', () => {
    const b = play(s, [{ proxy: 'proxy.rockets', blue: 'blue.strike' }]).beliefs[BELIEF]!;
    expect(b.open).toBe(0);
    expect(b.baseline[0]).toBeCloseTo(1 + 1, 12);
  });

  it('count weeks with no window open toward the baseline, and forget toward the prior', () => {
    const b = play(s, [{ blue: 'blue.strike' }, {}, {}]).beliefs[BELIEF]!;
    // Week 1: a strike with nothing to answer (+1 success); weeks 2 and 3: no strike (+1 failure each).
    expect(b.baseline[0]).toBeCloseTo(forgotten(1 + 1, 1, 2), 12);
    expect(b.baseline[1]).toBeCloseTo(forgotten(9 + 1, 9, 1) + 1, 12);
  });

  it('forget what they learned, week by week, back toward the prior', () => {
    let state: GameState = { ...initialState(s, 1), beliefs: { [BELIEF]: { resolve: [11, 4], baseline: [1, 9], open: null } } };
    for (let week = 0; week < 9; week++) {
      const r = resolveTurn(s, state, quiet);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    expect(state.beliefs[BELIEF]!.resolve[0]).toBeCloseTo(forgotten(11, 1, 9), 12);
  });
});

/** The share of `n` seeds in which the proxy, on its doctrine, fires rockets from `state` with `beliefs`. */
function rocketShare(s: ReturnType<typeof withBelief>, beliefs: BeliefState, n = 2000): number {
  let fired = 0;
  for (let seed = 0; seed < n; seed++) {
    const state: GameState = { ...initialState(s, seed), beliefs: { [BELIEF]: beliefs } };
    if (chooseMoves(s, state, {})['proxy'] === 'proxy.rockets') fired += 1;
  }
  return fired / n;
}

const credible: BeliefState = { resolve: [19, 1], baseline: [1, 19], open: null };
const doubted: BeliefState = { resolve: [1, 19], baseline: [1, 19], open: null };
const regardless: BeliefState = { resolve: [19, 1], baseline: [19, 1], open: null };

describe('the doctrine weighs the answers it expects', () => {
  const foresighted = withBelief((i) => (i.actors[2]!.doctrine.foresight = 2));

  it('is deterred by a credible, contingent threat', () => {
    expect(rocketShare(foresighted, credible)).toBeLessThan(rocketShare(foresighted, doubted) - 0.1);
  });

  it('is not deterred by strikes that come whether it attacks or not', () => {
    expect(Math.abs(rocketShare(foresighted, regardless) - rocketShare(foresighted, doubted))).toBeLessThan(0.03);
  });

  it('is drawn to provoke an answer it gains from', () => {
    const provoker = withBelief((i) => {
      i.actors[2]!.doctrine.foresight = 2;
      i.actors[2]!.objectives = { 'proxy.capability': -1 };
    });
    expect(rocketShare(provoker, credible)).toBeGreaterThan(rocketShare(provoker, doubted) + 0.05);
  });

  it('ignores beliefs with no foresight', () => {
    const myopic = withBelief();
    expect(rocketShare(myopic, credible, 500)).toBe(rocketShare(myopic, doubted, 500));
  });

  it('reports the belief that held the AI back, in words', () => {
    const state: GameState = { ...initialState(foresighted, 3), beliefs: { [BELIEF]: credible } };
    const r = resolveTurn(foresighted, state, quiet);
    if (!r.ok) throw new Error(r.error.message);
    const note = r.state.report!.beliefs.find((n) => n.belief === BELIEF && n.move === 'proxy.rockets')!;
    expect(note).toMatchObject({ actor: 'proxy', played: false, expects: 0.95, otherwise: 0.05 });
    expect(note.weight).toBeLessThan(0);
    expect(beliefSentence(foresighted, note)).toBe('Proxy held back from “Rocket attack”: they expect a Blue strike after an attack (95% likely, against 5% otherwise).');
  });
});
