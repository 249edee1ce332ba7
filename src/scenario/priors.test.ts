import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import { withParameters } from './parameters';
import { fromUnit, judgements, matchesPath, toUnit, uncertain, unjudged } from './priors';

const march = loadScenario('march-2021').scenario;
const modelDoc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');

describe('priors', () => {
  it('match path patterns: * is one segment, ** any number', () => {
    expect(matchesPath('dynamics.*', 'dynamics.escalationGain')).toBe(true);
    expect(matchesPath('dynamics.*', 'dynamics')).toBe(false);
    expect(matchesPath('moves.**.bias', 'moves.militia.rockets.bias')).toBe(true);
    expect(matchesPath('moves.**.bias', 'moves.bias')).toBe(true);
    expect(matchesPath('moves.**.bias', 'moves.militia.rockets.outcomes.x.probability.base')).toBe(false);
    expect(matchesPath('actors.*.doctrine.*', 'actors.us.doctrine.foresight')).toBe(true);
    expect(matchesPath('actors.*.doctrine.*', 'actors.us.objectives.escalation')).toBe(false);
  });

  it('give every parameter of the March 2021 scenario a prior, each rule with its reason in docs/model.md', () => {
    expect(unjudged(march).map((p) => p.path)).toEqual([]);
    for (const rule of march.priors!) {
      expect(modelDoc, `model.md names the prior rule ${rule.match}`).toContain(`\`${rule.match}\``);
      expect(modelDoc, `model.md gives the reason of ${rule.match}`).toContain(rule.reason);
    }
    // Every rule governs something: a rule that matches nothing is a mistake in its pattern (or dead).
    const used = new Set(judgements(march).map((j) => j.ruleIndex));
    const unused = march.priors!.flatMap((r, i) => (used.has(i) || r.kind === 'fixed' ? [] : [r.match]));
    expect(unused).toEqual([]);
  });

  it('hold what a counter adds fixed: an attack counts as one attack in every parameter set', () => {
    const counters = march.variables.filter((v) => v.counter).map((v) => v.id);
    const counted = judgements(march).filter((j) => counters.some((c) => j.path.endsWith(`.effects.${c}.add`)));
    expect(counted.map((j) => j.path)).toContain('moves.militia.rockets.effects.militia.attacks.add');
    for (const j of counted) expect([j.path, j.rule.kind]).toEqual([j.path, 'fixed']);
  });

  it('map [0, 1] onto each prior and back, with the value itself inside the range', () => {
    for (const j of uncertain(march)) {
      expect(j.low).toBeLessThanOrEqual(j.value + 1e-12);
      expect(j.high).toBeGreaterThanOrEqual(j.value - 1e-12);
      for (const u of [0, 0.25, 0.5, 0.9, 1]) {
        const x = fromUnit(j, u);
        expect(x).toBeGreaterThanOrEqual(j.low - 1e-9);
        expect(x).toBeLessThanOrEqual(j.high + 1e-9);
        expect(toUnit(j, x)).toBeCloseTo(u, 9);
      }
    }
  });

  it('draw values the format accepts at either end of every range', () => {
    for (const u of [0, 1]) {
      const values = Object.fromEntries(uncertain(march).map((j) => [j.path, fromUnit(j, u)]));
      const r = withParameters(march, values);
      expect(r.ok, r.ok ? '' : JSON.stringify(r.errors.slice(0, 3))).toBe(true);
    }
  });
});
