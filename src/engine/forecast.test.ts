import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../test/fixture';
import { forecast, forecastChunk, mergeTallies } from './forecast';
import { chooseMoves, resolveTurn } from './game';
import { initialState } from './state';
import { summarize } from './summary';

const logit = (p: number) => Math.log(p / (1 - p));

describe('forecast', () => {
  it('agrees with the exact survival when the hazards cannot change', () => {
    const input = fixtureInput();
    for (const t of input.talks.transitions) t.hazard = t.id === 'collapse' ? { base: logit(0.04) } : { base: -1000 };
    const s = fixture(input);
    const instant = 0.96 ** 10;
    // No one forces a transition (red never accepts), so only the collapse hazard moves the talks.
    const strategies = { blue: 'restraint', red: 'hawk', proxy: 'restraint' } as const;
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 4000, seed: 5, strategies }));
    const end = summary.weeks.at(-1)!.alive;
    expect(end.lo).toBeLessThanOrEqual(instant);
    expect(end.hi).toBeGreaterThanOrEqual(instant);
  });

  it('starts from any turn and runs to the horizon', () => {
    const s = fixture();
    let state = initialState(s, 2);
    for (let i = 0; i < 4; i++) {
      const r = resolveTurn(s, state, chooseMoves(s, state, {}));
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    const summary = summarize(s, forecast(s, state, { runs: 50, seed: 1 }));
    expect(summary.weeks.map((w) => w.turn)).toEqual([4, 5, 6, 7, 8, 9, 10]);
    expect(summary.weeks[0]!.escalation.p50).toBeCloseTo(state.escalation, 1);
  });

  it('orders percentiles and keeps every share and interval in [0, 1]', () => {
    const s = fixture();
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 500, seed: 3 }));
    for (const w of summary.weeks) {
      const e = w.escalation;
      expect([e.p5, e.p25, e.p50, e.p75, e.p95]).toEqual([e.p5, e.p25, e.p50, e.p75, e.p95].sort((a, b) => a - b));
      expect(w.alive.lo).toBeLessThanOrEqual(w.alive.estimate);
      expect(w.alive.hi).toBeGreaterThanOrEqual(w.alive.estimate);
    }
    const rungs = summary.finalRungs.reduce((a, r) => a + r.share, 0);
    expect(rungs).toBeCloseTo(1, 12);
  });

  it('gives different futures different streams, and the same seed the same futures', () => {
    const s = fixture();
    const start = initialState(s, 1);
    const a = forecastChunk(s, start, { runs: 2, seed: 4 }, 0, 1);
    const b = forecastChunk(s, start, { runs: 2, seed: 4 }, 1, 1);
    expect(forecastChunk(s, start, { runs: 2, seed: 4 }, 0, 1)).toStrictEqual(a);
    expect(a.escalation).not.toEqual(b.escalation);
  });

  it('refuses to merge tallies of different forecasts or with a gap', () => {
    const s = fixture();
    const start = initialState(s, 1);
    const a = forecastChunk(s, start, { runs: 30, seed: 4 }, 0, 10);
    const c = forecastChunk(s, start, { runs: 30, seed: 4 }, 20, 10);
    const other = forecastChunk(s, start, { runs: 30, seed: 5 }, 10, 10);
    expect(() => mergeTallies(a, c)).toThrow(/not adjacent/);
    expect(() => mergeTallies(a, other)).toThrow(/different forecasts/);
  });

  it('counts open wars and freezes those futures', () => {
    const input = fixtureInput();
    input.dynamics.openWarAt = 5.2;
    const s = fixture(input);
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 300, seed: 2, strategies: { blue: 'hawk', red: 'hawk', proxy: 'hawk' } }));
    const war = summary.outcomes.find((o) => o.id === 'open-war')!;
    expect(war.value).toBeGreaterThan(0.5);
    expect(summary.weeks.at(-1)!.phases['collapsed']!).toBeGreaterThanOrEqual(war.value);
  });
});
