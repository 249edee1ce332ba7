import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import { forecast } from '../engine/forecast';
import { readOutcome } from '../engine/outcomes';
import { initialState } from '../engine/state';
import { summarize } from '../engine/summary';
import { getParameter } from '../scenario/parameters';
import { fromUnit, uncertain } from '../scenario/priors';
import { fixture, fixtureInput } from '../test/fixture';
import { provenanceColumns, runProvenance } from './exports';
import { designPoints, elementaryEffects, morrisDesign } from './morris';
import { factorLabel, morrisColumns, morrisFactors, morrisScreening, morrisTable, pointOverrides, pointScenario } from './morris-screening';

const { scenario: march } = loadScenario('march-2021');

describe('Morris factors over the priors of March 2021', () => {
  const factors = morrisFactors(march);

  it('makes one factor per prior rule, in rule order, that together hold every uncertain parameter once', () => {
    expect(factors.length).toBeGreaterThan(15);
    expect(factors.map((f) => f.ruleIndex)).toEqual([...factors.map((f) => f.ruleIndex)].sort((a, b) => a - b));
    expect(new Set(factors.map((f) => f.match)).size).toBe(factors.length);
    for (const f of factors) {
      expect(f.match).toBe(march.priors![f.ruleIndex]!.match);
      expect(f.members.every((j) => j.ruleIndex === f.ruleIndex)).toBe(true);
    }
    expect(factors.flatMap((f) => f.members.map((j) => j.path)).sort()).toEqual(uncertain(march).map((j) => j.path).sort());
  });

  it('names factors in plain words: by the rule, or by the one parameter it holds', () => {
    const byMatch = new Map(factors.map((f) => [f.match, f]));
    expect(byMatch.get('moves.**.bias')!.label).toBe('Move propensities (biases)');
    expect(byMatch.get('talks.transitions.**')!.label).toBe('Talks hazards and what moves them');
    expect(byMatch.get('dynamics.hostileHold')!.label).toBe('Dynamics: hostile hold');
    expect(factors.every((f) => f.label.length > 0 && !f.label.includes('*'))).toBe(true);
    const two = byMatch.get('moves.**.bias')!.members.slice(0, 2);
    expect(factorLabel('actors.*.secretPlans.**', two)).toBe('Actors secret plans');
  });

  it('sets every parameter of a factor through its own prior: level 0 and 1 are the ends of its range', () => {
    const levels = factors.map((_, i) => (i === 0 ? 1 : 0));
    const overrides = pointOverrides(factors, levels);
    expect(Object.keys(overrides)).toHaveLength(uncertain(march).length);
    factors.forEach((f, i) => {
      for (const [k, j] of f.members.entries()) {
        // A shift group moves apart: every second member runs the other way.
        const u = j.rule.kind === 'shift' && k % 2 === 1 ? 1 - levels[i]! : levels[i]!;
        expect(overrides[j.path]).toBe(fromUnit(j, u));
        const ends = [fromUnit(j, 0), fromUnit(j, 1)].sort((a, b) => a - b);
        expect(ends[0]).toBeCloseTo(j.low, 9);
        expect(ends[1]).toBeCloseTo(j.high, 9);
      }
    });
  });

  it('moves the members of a shift group apart, so that shifting every bias alike does not screen as nothing', () => {
    const biases = factors.find((f) => f.match === 'moves.**.bias')!;
    const at = (u: number) => pointOverrides(factors, factors.map((f) => (f === biases ? u : 0.5)));
    const [a, b] = [biases.members[0]!, biases.members[1]!];
    expect(at(1)[a.path]).toBeCloseTo(a.high, 9);
    expect(at(1)[b.path]).toBeCloseTo(b.low, 9);
  });

  it('builds a scenario the format accepts at the corners of the design', () => {
    for (const u of [0, 1]) {
      const r = pointScenario(march, factors, factors.map(() => u));
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      const j = factors[0]!.members[0]!;
      expect(getParameter(r.value, j.path)).toBe(fromUnit(j, u));
    }
  });
});

describe('a Morris screening of a small scenario', () => {
  const s = fixture({
    ...fixtureInput(),
    priors: [
      // Only downwards: shares kept each week and the open-war rung have upper bounds.
      { match: 'dynamics.*', kind: 'factor', range: [0.5, 1], reason: 'A test.' },
      { match: 'talks.transitions.**', kind: 'factor', range: [0.5, 2], reason: 'A test.' },
      { match: 'actors.*.doctrine.*', kind: 'factor', range: [0.67, 1.5], reason: 'A test.' },
    ],
  });
  const factors = morrisFactors(s);
  const design = morrisDesign(factors.length, 3, 5);
  const summaries = designPoints(design).map((levels) => {
    const r = pointScenario(s, factors, levels);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return summarize(r.value, forecast(r.value, initialState(r.value, 2), { runs: 60, seed: 2 }));
  });
  const outcomes = morrisScreening(factors, design, summaries);

  it('measures talks alive and mean final escalation, every factor ranked by μ*', () => {
    expect(factors.map((f) => f.match)).toEqual(['dynamics.*', 'talks.transitions.**', 'actors.*.doctrine.*']);
    expect(outcomes.map((o) => o.id)).toEqual(['talks-alive', 'escalation']);
    for (const o of outcomes) {
      expect(o.rows.map((r) => r.rank)).toEqual([1, 2, 3]);
      expect(o.rows.map((r) => r.muStar)).toEqual([...o.rows.map((r) => r.muStar)].sort((a, b) => b - a));
      const expected = elementaryEffects(design, summaries.map((x) => readOutcome(x, o.id).value));
      for (const r of o.rows) expect(r).toMatchObject({ mu: expected[factors.indexOf(r.factor)]!.mu, muStar: expected[factors.indexOf(r.factor)]!.muStar });
    }
  });

  it('writes a tidy table: provenance first, then one row per outcome and factor', () => {
    const p = runProvenance(s, { seed: 2, runs: 60, turns: 10, startTurn: 0, strategies: {}, parameters: {}, from: null });
    const t = morrisTable(p, { trajectories: 3, levels: 4 }, outcomes);
    expect(t.columns).toEqual(morrisColumns);
    expect(t.columns.slice(0, provenanceColumns.length)).toEqual(provenanceColumns);
    expect(new Set(t.columns).size).toBe(t.columns.length);
    expect(t.rows).toHaveLength(2 * factors.length);
    const row = Object.fromEntries(t.columns.map((c, i) => [c, t.rows[0]![i]]));
    expect(row).toMatchObject({ scenario: 'fixture', seed: 2, runs: 60, method: 'morris', trajectories: 3, levels: 4, outcome: 'talks-alive', rank: 1 });
    expect(row['mu_star']).toBe(outcomes[0]!.rows[0]!.muStar);
    expect(row['parameter_count']).toBe(outcomes[0]!.rows[0]!.factor.members.length);
  });

  it('refuses outcomes that do not match the design', () => {
    expect(() => morrisScreening(factors, design, summaries.slice(1))).toThrow(RangeError);
  });
});
