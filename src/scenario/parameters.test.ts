import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../test/fixture';
import { getParameter, listParameters, sweepValues, withCheckedParameters, withParameters } from './parameters';
import { parseScenarioText } from './parse';
import type { Scenario } from './schema';

const parsed = parseScenarioText(readFileSync(new URL('../../scenarios/march-2021.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error(`march-2021.json does not parse: ${JSON.stringify(parsed.errors)}`);
const march = parsed.value;

function applied(s: Scenario, overrides: Record<string, number>): Scenario {
  const r = withParameters(s, overrides);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}

describe('listParameters', () => {
  it('names the March 2021 parameters by id, including term keys with dots in them', () => {
    const paths = listParameters(march).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'dynamics.misperception',
        'dynamics.escalationGain',
        'initialEscalation',
        'actors.us.doctrine.reciprocity',
        'actors.iran.objectives.escalation',
        'variables.militia.capability.initial',
        'moves.militia.rockets.bias',
        'moves.militia.rockets.outcomes.us-killed.probability.base',
        'moves.militia.rockets.outcomes.us-killed.probability.terms.militia.capability',
        'talks.transitions.collapse.hazard.base',
      ]),
    );
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('lists each parameter with its current value and a label', () => {
    const s = fixture();
    const list = listParameters(s);
    expect(list.find((p) => p.path === 'dynamics.misperception')).toEqual({ path: 'dynamics.misperception', value: 0.1, label: 'Dynamics: misperception', group: 'Dynamics' });
    expect(list.find((p) => p.path === 'moves.proxy.rockets.outcomes.killed.probability.terms.proxy.capability')?.value).toBe(1);
    expect(list.find((p) => p.path === 'initialGrudges.grudge:proxy:blue')?.value).toBe(0.5);
    expect(list.find((p) => p.path === 'variables.proxy.capability.drift.rate')?.value).toBe(0.2);
    expect(list.find((p) => p.path === 'moves.blue.strike.effects.proxy.capability.add')?.value).toBe(-0.3);
    expect(list.find((p) => p.path === 'events.election.effects.escalation.add')?.value).toBe(0.5);
    for (const p of list) {
      expect(Number.isFinite(p.value)).toBe(true);
      expect(p.label).not.toBe('');
    }
  });

  it('leaves out the string fields of a doctrine and the effects two of which share a target', () => {
    const input = fixtureInput();
    input.moves[0]!.effects = [
      { target: 'proxy.capability', add: -0.3 },
      { target: 'proxy.capability', scale: 0.5 },
    ];
    const paths = listParameters(fixture(input)).map((p) => p.path);
    expect(paths.filter((p) => p.startsWith('moves.blue.strike.effects'))).toEqual([]);
    expect(paths).not.toContain('actors.blue.doctrine.casualtySignal');
  });
});

describe('parameter labels', () => {
  const words = (label: string) => label.toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

  it('never says a word twice in a row', () => {
    for (const p of listParameters(march)) {
      const w = words(p.label);
      const stutter = w.findIndex((x, i) => i > 0 && x === w[i - 1]);
      expect(stutter, `${p.path}: "${p.label}"`).toBe(-1);
    }
  });

  it('names a talks transition once with the talks ("JCPOA talks collapse: hazard base", not "JCPOA talks talks collapse")', () => {
    const label = (path: string) => listParameters(march).find((p) => p.path === path)?.label;
    expect(label('talks.transitions.collapse.hazard.base')).toBe('JCPOA talks collapse: hazard base');
    expect(label('talks.transitions.start.hazard.base')).toBe('Indirect JCPOA talks start: hazard base');
    expect(label('talks.transitions.deal.hazard.base')).toBe('JCPOA talks: deal restored: hazard base');
    for (const p of listParameters(march).filter((x) => x.path.startsWith('talks.'))) {
      expect(words(p.label.split(':').slice(0, -1).join(' ')).filter((w) => w === 'talks'), p.label).toHaveLength(1);
    }
  });

  it('says in words what a raw id names: variables by their label, grudges by the actors, moves by their actor', () => {
    const label = (path: string) => listParameters(march).find((p) => p.path === path)?.label;
    expect(label('initialGrudges.grudge:iran:israel')).toBe('Grudge of Iran against Israel at the start');
    expect(label('actors.us.objectives.us.killed')).toBe('US objective: weight of US and coalition personnel killed');
    expect(label('moves.militia.rockets.bias')).toBe('Militias: Rocket attack on a US base: AI bias');
    expect(label('actors.us.doctrine.reciprocity')).toBe('US doctrine: reciprocity');
    const ids = /\b[a-z]+[.:][a-z-]+[.:]?[a-z-]*\b/;
    for (const p of listParameters(march)) expect(p.label, p.path).not.toMatch(ids);
  });

  it('puts every parameter in a named group, moves by their actor', () => {
    const list = listParameters(march);
    expect(list.every((p) => p.group !== '')).toBe(true);
    expect(list.find((p) => p.path === 'moves.militia.rockets.bias')?.group).toBe("Moves of Iran-backed Iraqi militias (Kata'ib Hezbollah and others)");
    expect(list.find((p) => p.path === 'dynamics.misperception')?.group).toBe('Dynamics');
    expect(new Set(list.map((p) => p.group)).size).toBeGreaterThan(8);
  });
});

describe('getParameter', () => {
  it('reads a value by path and gives undefined for a path the scenario lacks', () => {
    expect(getParameter(march, 'moves.militia.rockets.outcomes.us-killed.probability.terms.militia.capability')).toBe(
      march.moves.find((m) => m.id === 'militia.rockets')!.outcomes.find((o) => o.id === 'us-killed')!.probability.terms['militia.capability'],
    );
    expect(getParameter(fixture(), 'dynamics.nonsense')).toBeUndefined();
    expect(getParameter(fixture(), 'moves.blue.strike.label')).toBeUndefined();
  });
});

describe('withParameters', () => {
  it('returns a new scenario with the overrides and leaves the original alone', () => {
    const s = fixture();
    const before = JSON.stringify(s);
    const next = applied(s, { 'dynamics.misperception': 0.4, 'moves.proxy.rockets.outcomes.killed.probability.terms.proxy.capability': 2.5 });
    expect(next).not.toBe(s);
    expect(next.dynamics.misperception).toBe(0.4);
    expect(getParameter(next, 'moves.proxy.rockets.outcomes.killed.probability.terms.proxy.capability')).toBe(2.5);
    expect(JSON.stringify(s)).toBe(before);
  });

  it('names an unknown path with code unknown-parameter', () => {
    expect(withParameters(fixture(), { 'dynamics.misperception': 0.2, 'dynamics.bogus': 1 })).toEqual({
      ok: false,
      errors: [{ path: 'dynamics.bogus', code: 'unknown-parameter', message: 'unknown parameter "dynamics.bogus"' }],
    });
  });

  it('rejects a value out of range with an error at the parameter path', () => {
    const r = withParameters(fixture(), { 'dynamics.misperception': 1.5, 'moves.proxy.rockets.bias': Number.NaN });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(['dynamics.misperception', 'moves.proxy.rockets.bias']);
  });

  it('reports a cross-field error (an initial value outside its bounds) at the parameter path', () => {
    const r = withParameters(fixture(), { 'variables.proxy.capability.initial': 3 });
    expect(r).toMatchObject({ ok: false, errors: [{ path: 'variables.proxy.capability.initial', code: 'out-of-range' }] });
  });

  // 400 property runs over both scenarios: about a second alone, several on a busy 2-core machine.
  it('gives back an equal scenario when every parameter is set to its own value', { timeout: 30_000 }, () => {
    for (const s of [fixture(), march]) {
      const paths = listParameters(s).map((p) => p.path);
      fc.assert(
        fc.property(fc.constantFrom(...paths), (p) => {
          expect(applied(s, { [p]: getParameter(s, p)! })).toStrictEqual(s);
        }),
        { numRuns: 200 },
      );
    }
  });

  it('reads back any value it accepted', () => {
    const s = fixture();
    const paths = listParameters(s).map((p) => p.path);
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.double({ min: -5, max: 5, noNaN: true }), (p, v) => {
        const r = withParameters(s, { [p]: v });
        if (r.ok) expect(getParameter(r.value, p)).toBe(v);
        else expect(r.errors.every((e) => e.path === p)).toBe(true);
      }),
    );
  });
});

describe('withCheckedParameters', () => {
  it('gives the scenario withParameters gives, copying only what it changes and leaving the original alone', () => {
    const before = JSON.stringify(march);
    const paths = listParameters(march).map((p) => p.path);
    const overrides = Object.fromEntries(paths.filter((_, i) => i % 7 === 0).map((p, i) => [p, getParameter(march, p)! * (1 + 0.01 * (i % 5))]));
    const next = withCheckedParameters(march, overrides);
    expect(next).toStrictEqual(applied(march, overrides));
    expect(JSON.stringify(march)).toBe(before);
    // What no override reaches is shared, not copied.
    expect(next.ladder).toBe(march.ladder);
    expect(() => withCheckedParameters(march, { 'dynamics.bogus': 1 })).toThrow(/unknown parameter/);
  });
});

describe('sweepValues', () => {
  it('spaces the values evenly, both ends included, without binary noise', () => {
    expect(sweepValues(0, 0.3, 4)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(sweepValues(0, 1, 4)).toEqual([0, 0.333333333333, 0.666666666667, 1]);
    expect(sweepValues(0.4, 9, 1)).toEqual([0.4]);
  });

  it('always ends at exactly `to` and never leaves the range', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.integer({ min: 2, max: 50 }), (from, to, steps) => {
        const v = sweepValues(from, to, steps);
        expect(v).toHaveLength(steps);
        expect(v[steps - 1]).toBe(to);
        const [lo, hi] = [Math.min(from, to), Math.max(from, to)];
        for (const x of v) expect(x >= lo - Math.abs(lo) * 1e-11 - 1e-300 && x <= hi + Math.abs(hi) * 1e-11 + 1e-300).toBe(true);
      }),
    );
  });
});
