import { describe, expect, it } from 'vitest';
import { forecast } from '../engine/forecast';
import { initialState } from '../engine/state';
import { summarize } from '../engine/summary';
import { fixture } from '../test/fixture';
import { withParameters } from '../scenario/parameters';
import { provenanceColumns, runProvenance } from './exports';
import { finalEscalation, perturbations, talksAlive, tornado, tornadoColumns, tornadoOutcomes, tornadoSides, tornadoTable } from './sensitivity';

const s = fixture();

describe('sensitivity', () => {
  it('offers dynamics, doctrines, biases and hazard bases, each 20% either side, and skips zeros', () => {
    const list = perturbations(s);
    const gain = list.find((p) => p.path === 'dynamics.escalationGain')!;
    expect(gain).toMatchObject({ base: 0.3 });
    expect(gain.low).toBeCloseTo(0.24, 12);
    expect(gain.high).toBeCloseTo(0.36, 12);
    expect(list.some((p) => p.path === 'talks.transitions.collapse.hazard.base')).toBe(true);
    expect(list.every((p) => p.base !== 0)).toBe(true);
    expect(list.some((p) => p.path.startsWith('variables.'))).toBe(false);
  });

  it('ranks parameters by how far they swing an outcome from its base', () => {
    const state = initialState(s, 1);
    const options = { runs: 400, seed: 3 };
    const base = summarize(s, forecast(s, state, options));
    const runs = perturbations(s)
      .filter((p) => ['dynamics.escalationDecay', 'talks.transitions.collapse.hazard.base', 'dynamics.misperception'].includes(p.path))
      .map((p) => {
        const at = (v: number) => {
          const changed = withParameters(s, { [p.path]: v });
          if (!changed.ok) throw new Error(JSON.stringify(changed.errors));
          return summarize(changed.value, forecast(changed.value, initialState(changed.value, 1), options));
        };
        return { p, low: at(p.low), high: at(p.high) };
      });
    const byTalks = tornado(base, runs, talksAlive);
    expect(byTalks.map((b) => b.swing)).toEqual([...byTalks.map((b) => b.swing)].sort((a, b) => b - a));
    // The collapse hazard's base acts on the talks directly; the escalation decay on escalation.
    expect(byTalks[0]!.path).toBe('talks.transitions.collapse.hazard.base');
    expect(tornado(base, runs, finalEscalation)[0]!.path).toBe('dynamics.escalationDecay');
    expect(tornado(base, runs, talksAlive, 2)).toHaveLength(2);
  });

  it('leaves out a side the scenario format refuses, and reads it as the base', () => {
    const list = perturbations(s).slice(0, 3);
    const input = { ...list[0]!, low: -5 };
    const sides = tornadoSides(s, [input, ...list.slice(1)]);
    expect(sides.filter((x) => x.p.path === input.path).map((x) => x.side)).toEqual(withParameters(s, { [input.path]: -5 }).ok ? ['low', 'high'] : ['high']);
    const options = { runs: 50, seed: 1 };
    const run = (scenario: typeof s) => summarize(scenario, forecast(scenario, initialState(scenario, 1), options));
    const base = run(s);
    const outcomes = tornadoOutcomes(list, tornadoSides(s, list), base, tornadoSides(s, list).map((x) => run(x.scenario)));
    expect(outcomes.map((o) => o.id)).toEqual(['talks-alive', 'escalation']);
    const p = runProvenance(s, { seed: 1, runs: 50, turns: base.turns, startTurn: 0, strategies: {}, parameters: {}, from: null });
    const table = tornadoTable(p, list, outcomes);
    expect(table.columns).toEqual(tornadoColumns);
    expect(table.rows).toHaveLength(2 * list.length);
    expect(table.rows[0]!.slice(provenanceColumns.length, provenanceColumns.length + 3)).toEqual(['tornado', 'talks-alive', 1]);
  });
});
