import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../test/fixture';
import { compile } from './compile';
import { initialWork } from './state';
import { deathRisk, transitionProbabilities } from './talks';

const logit = (p: number) => Math.log(p / (1 - p));

/** The fixture with fixed hazards: start and deal never, collapse at weekly probability `h`. */
function withCollapse(h: number, initialPhase = 'offered') {
  const input = fixtureInput();
  input.talks.initialPhase = initialPhase;
  for (const t of input.talks.transitions) {
    t.hazard = t.id === 'collapse' ? { base: logit(h) } : { base: -1000 };
  }
  return fixture(input);
}

describe('talks hazards', () => {
  it('gives the weekly risk of dying as the collapse hazard when only collapse can happen', () => {
    const s = withCollapse(0.05);
    const c = compile(s);
    const scratch = new Float64Array(c.transitions.length);
    expect(deathRisk(c, initialWork(s, 1, 26), scratch)).toBeCloseTo(0.05, 12);
  });

  it('gives collapsed talks no risk of dying again', () => {
    const s = withCollapse(0.05, 'collapsed');
    const c = compile(s);
    expect(deathRisk(c, initialWork(s, 1, 26), new Float64Array(c.transitions.length))).toBe(0);
  });

  it('reads a clamp-linked hazard as a probability, cut to [0, 1]', () => {
    const input = fixtureInput();
    input.talks.initialPhase = 'offered';
    for (const t of input.talks.transitions) t.hazard = t.id === 'collapse' ? { base: 0.02, terms: { 'blue.killed': 0.5 }, link: 'clamp' } : { base: -1000 };
    const s = fixture(input);
    const c = compile(s);
    const w = initialWork(s, 1, 26);
    const scratch = new Float64Array(c.transitions.length);
    expect(deathRisk(c, w, scratch)).toBeCloseTo(0.02, 12);
    w.vars[c.variableIds.indexOf('blue.killed')] = 1;
    expect(deathRisk(c, w, scratch)).toBeCloseTo(0.52, 12);
    w.vars[c.variableIds.indexOf('blue.killed')] = 5;
    expect(deathRisk(c, w, scratch)).toBeCloseTo(1, 9);
  });

  it('shares the week’s exit probability among competing hazards in proportion to their rates', () => {
    const input = fixtureInput();
    input.talks.initialPhase = 'underway';
    input.talks.transitions = input.talks.transitions.map((t) => ({
      ...t,
      hazard: { base: t.id === 'collapse' ? logit(0.1) : t.id === 'deal' ? logit(0.2) : -1000 },
    }));
    const s = fixture(input);
    const c = compile(s);
    const w = initialWork(s, 1, 26);
    const out = new Float64Array(c.transitions.length);
    transitionProbabilities(c, w, w.phase, out);
    const [start, collapse, deal] = [...out];
    const rates = [-Math.log(0.9), -Math.log(0.8)];
    const exit = 1 - Math.exp(-(rates[0]! + rates[1]!));
    expect(start).toBe(0);
    expect(collapse).toBeCloseTo((exit * rates[0]!) / (rates[0]! + rates[1]!), 12);
    expect(deal).toBeCloseTo((exit * rates[1]!) / (rates[0]! + rates[1]!), 12);
    // Alone, each would be its own hazard; together they exit less than the sum (0.28 = 1 - 0.9 * 0.8).
    expect(collapse! + deal!).toBeCloseTo(0.28, 12);
  });

  it('raises the collapse hazard with the state numbers its term names', () => {
    const s = fixture();
    const c = compile(s);
    const w = initialWork(s, 1, 26);
    const out = new Float64Array(c.transitions.length);
    transitionProbabilities(c, w, w.phase, out);
    const calm = out[1]!;
    w.vars[c.variableIds.indexOf('blue.killed')] = 2;
    transitionProbabilities(c, w, w.phase, out);
    expect(out[1]!).toBeGreaterThan(calm * 5);
  });
});
