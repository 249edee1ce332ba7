import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../test/fixture';
import { resolveTurn, type TurnMoves } from './game';
import { initialState, type GameState } from './state';

const quiet: TurnMoves = { blue: 'blue.hold', red: 'red.wait', proxy: 'proxy.lie-low' };

function step(state: GameState, moves: Partial<TurnMoves>, scenario = fixture()): GameState {
  const r = resolveTurn(scenario, state, { ...quiet, ...moves } as TurnMoves);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

/** The fixture with one rocket outcome made certain (+50) or impossible (-50). */
function withKillOdds(base: number) {
  const input = fixtureInput();
  const rockets = input.moves.find((m) => m.id === 'proxy.rockets')!;
  rockets.outcomes![0]!.probability = { base };
  return fixture(input);
}

describe('resolveTurn', () => {
  it('applies a kinetic move: the strike cuts capability and pulls escalation toward its rung', () => {
    const s = fixture();
    const start = initialState(s, 1);
    const struck = step(start, { blue: 'blue.strike' });
    const held = step(start, {});
    expect(struck.vars['proxy.capability']!).toBeLessThan(held.vars['proxy.capability']!);
    // impulse = gain * hostility * (rung - E) = 0.3 * 1 * (8 - 5)
    const strike = struck.report!.escalation.contributions.find((c) => c.id === 'blue.strike')!;
    expect(strike.amount).toBeCloseTo(0.9, 12);
    expect(struck.escalation).toBeGreaterThan(held.escalation);
  });

  it('lets a cooperative move push escalation down by deescalationGain times its cooperation', () => {
    const s = fixture();
    const next = step(initialState(s, 1), { red: 'red.wait' });
    const wait = next.report!.escalation.contributions.find((c) => c.id === 'red.wait')!;
    expect(wait.amount).toBeCloseTo(-0.5 * 0.4, 12);
  });

  it('decays escalation toward its floor each week', () => {
    const s = fixture();
    const next = step(initialState(s, 1), {});
    const decay = next.report!.escalation.contributions.find((c) => c.kind === 'decay')!;
    // Only hold/lie-low (rung 0, Goldstein 0) and red.wait (-0.2) act before decay: E = 4.8.
    expect(decay.amount).toBeCloseTo(-0.2 * (4.8 - 2), 12);
  });

  it('draws a chance outcome that is certain, and applies its effects and narrative', () => {
    const s = withKillOdds(50);
    const next = step(initialState(s, 1), { proxy: 'proxy.rockets' }, s);
    expect(next.vars['blue.killed']).toBe(1);
    expect(next.report!.moves[2]!.outcomes).toEqual(['killed']);
    expect(next.report!.narrative).toContain('A Blue soldier was killed.');
    expect(next.report!.narrative).not.toContain('No casualties.');
  });

  it('reports the quiet narrative when no outcome happens', () => {
    const s = withKillOdds(-50);
    const next = step(initialState(s, 1), { proxy: 'proxy.rockets' }, s);
    expect(next.vars['blue.killed']).toBe(0);
    expect(next.report!.narrative).toContain('No casualties.');
  });

  it('lands delayed effects at the start of the week they are due, not before', () => {
    const s = withKillOdds(50);
    const start = initialState(s, 1);
    const w1 = step(start, { proxy: 'proxy.rockets' }, s);
    // Due after one week: it opens week 1, so the state of week 1 already carries it.
    expect(w1.report!.narrative.at(-1)).toBe('Funerals stirred anger.');
    expect(w1.grudges['blue']!['proxy']!).toBeGreaterThan(start.grudges['blue']!['proxy']! + 0.5);
    expect(w1.pending).toEqual([{ due: 2, id: 'proxy.rockets#0', actor: 'proxy' }]);
    const w2 = step(w1, {}, s);
    expect(w2.report!.narrative).toContain('The proxy restocked.');
    expect(w2.pending).toEqual([]);
  });

  it('fires a scheduled event in the week of its date', () => {
    const s = fixture();
    let state = initialState(s, 1);
    const lines: string[][] = [];
    for (let i = 0; i < 4; i++) {
      state = step(state, {}, s);
      lines.push([...state.report!.narrative]);
    }
    // 2021-03-30 is three weeks after 2021-03-09: it opens week 3, at the end of week 2's report.
    expect(lines.map((l) => l.includes('An election was held.'))).toEqual([false, false, true, false]);
  });

  it('lets a move force a talks transition from the right phase', () => {
    const s = fixture();
    const next = step(initialState(s, 1), { red: 'red.accept' });
    expect(next.talks.phase).toBe('underway');
    expect(next.report!.talks).toMatchObject({ before: 'offered', after: 'underway' });
  });

  it('makes targets perceive at least the move’s hostility, and more with misperception', () => {
    const s = fixture();
    const next = step(initialState(s, 1), { blue: 'blue.strike' });
    expect(next.received['proxy']!['blue']!).toBeGreaterThanOrEqual(1);
    const calm = fixtureInput();
    calm.dynamics.misperception = 0;
    const exact = step(initialState(fixture(calm), 1), { red: 'red.direct' }, fixture(calm));
    expect(exact.received['blue']!['red']).toBeCloseTo(0.7, 12);
  });

  it('ends the game in open war and collapses the talks', () => {
    const input = fixtureInput();
    // E = 5 + 0.9 (strike; red's rung-4 move is below E) - 0.2 * (5.9 - 2) (decay) = 5.12
    input.dynamics.openWarAt = 5.1;
    const s = fixture(input);
    const next = step(initialState(s, 1), { blue: 'blue.strike', red: 'red.direct' }, s);
    expect(next.ended).toBe('open-war');
    expect(next.talks.phase).toBe('collapsed');
    const after = resolveTurn(s, next, quiet);
    expect(after.ok).toBe(false);
    if (!after.ok) expect(after.error.code).toBe('game-over');
  });

  it('rejects a missing, unknown or illegal move and names the actor', () => {
    const s = fixture();
    const start = initialState(s, 1);
    const missing = resolveTurn(s, start, { blue: 'blue.hold', red: 'red.wait' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'missing-move', actor: 'proxy' } });
    const wrong = resolveTurn(s, start, { ...quiet, red: 'blue.strike' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'unknown-move', actor: 'red' } });
    const illegal = resolveTurn(s, start, { ...quiet, blue: 'blue.relief' });
    expect(illegal).toMatchObject({ ok: false, error: { code: 'illegal-move', actor: 'blue', move: 'blue.relief' } });
  });

  it('ends at the horizon', () => {
    const s = fixture();
    let state = initialState(s, 1, 2);
    state = step(state, {}, s);
    state = step(state, {}, s);
    expect(resolveTurn(s, state, quiet)).toMatchObject({ ok: false, error: { code: 'game-over' } });
  });

  it('lets a hostile week hold escalation up: the decay shrinks by hostileHold times the week’s hostility', () => {
    const held = fixtureInput();
    held.dynamics.hostileHold = 0.5;
    const s0 = fixture();
    const s1 = fixture(held);
    const decay = (s: ReturnType<typeof fixture>) => step(initialState(s, 1), { proxy: 'proxy.rockets' }, s).report!.escalation.contributions.find((c) => c.kind === 'decay')!.amount;
    const quietDecay = (s: ReturnType<typeof fixture>) => step(initialState(s, 1), {}, s).report!.escalation.contributions.find((c) => c.kind === 'decay')!.amount;
    expect(decay(s1) / decay(s0)).toBeCloseTo(0.5, 12);
    expect(quietDecay(s1)).toBe(quietDecay(s0));
  });

  it('moves a drift target with the state its terms read, within the variable’s range', () => {
    const input = fixtureInput();
    input.variables[0]!.drift = { toward: 0.7, rate: 0.5, terms: { relief: -1 } };
    input.variables[3]!.initial = 0.4;
    const s = fixture(input);
    const next = step(initialState(s, 1), {}, s);
    // capability 0.6 drifts half way toward 0.7 - 0.4 = 0.3
    expect(next.vars['proxy.capability']).toBeCloseTo(0.45, 12);
    input.variables[3]!.initial = 1;
    input.variables[0]!.drift = { toward: 0.7, rate: 0.5, terms: { relief: -2 } };
    const floored = fixture(input);
    expect(step(initialState(floored, 1), {}, floored).vars['proxy.capability']).toBeCloseTo(0.3, 12);
  });
});
