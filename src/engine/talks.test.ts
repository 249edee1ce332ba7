import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../test/fixture';
import { compile } from './compile';
import { initialWork } from './state';
import { survivalProbability, transitionProbabilities } from './talks';

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
  it('gives the survival to the horizon as (1 - h)^weeks when only collapse can happen', () => {
    const s = withCollapse(0.05);
    const c = compile(s);
    const w = initialWork(s, 1, 26);
    expect(survivalProbability(c, w, 26)).toBeCloseTo(0.95 ** 26, 12);
    expect(survivalProbability(c, w, 0)).toBe(1);
  });

  it('keeps collapsed talks dead and a restored deal alive', () => {
    expect(survivalProbability(compile(withCollapse(0.05, 'collapsed')), initialWork(withCollapse(0.05, 'collapsed'), 1, 26), 26)).toBe(0);
    const deal = withCollapse(0.05, 'deal');
    expect(survivalProbability(compile(deal), initialWork(deal, 1, 26), 26)).toBe(1);
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
    expect(survivalProbability(c, w, 10)).toBeLessThan(0.5);
  });
});
