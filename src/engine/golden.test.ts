/**
 * Golden tests: exact outputs of seeded runs, pinned so that any drift in results is seen and
 * explained in the commit that causes it (update with `npx vitest run -u` only on purpose).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenarioText } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';
import { fixture } from '../test/fixture';
import { forecast } from './forecast';
import { chooseMoves, resolveTurn } from './game';
import { initialState, type GameState } from './state';
import { summarize } from './summary';

function march(): Scenario {
  const parsed = parseScenarioText(readFileSync(new URL('../../scenarios/march-2021.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('march-2021.json does not parse');
  return parsed.value;
}

function playAll(seed: number, s: Scenario = fixture()): GameState[] {
  const states = [initialState(s, seed)];
  for (let t = 0; t < s.defaultTurns; t++) {
    const last = states[states.length - 1]!;
    if (last.ended) break;
    const r = resolveTurn(s, last, chooseMoves(s, last, {}));
    if (!r.ok) throw new Error(r.error.message);
    states.push(r.state);
  }
  return states;
}

describe('golden outputs on the fixture scenario', () => {
  it('plays seed 2021 to the same moves, numbers and narrative', () => {
    const states = playAll(2021);
    const path = states.slice(1).map((s) => ({
      moves: s.report!.moves.map((m) => `${m.move}${m.outcomes.length ? `(${m.outcomes.join(',')})` : ''}`).join(' '),
      escalation: s.escalation,
      talks: s.talks.phase,
      risk: s.report!.talks.risk.after,
    }));
    expect(path).toMatchSnapshot();
    expect(states.at(-1)).toMatchSnapshot();
  });

  it('plays March 2021 from seed 2021 to the same moves, numbers, beliefs and notes', () => {
    const states = playAll(2021, march());
    const path = states.slice(1).map((s) => ({
      moves: s.report!.moves.map((m) => `${m.move}${m.outcomes.length ? `(${m.outcomes.join(',')})` : ''}`).join(' '),
      escalation: s.escalation,
      talks: s.talks.phase,
      risk: s.report!.talks.risk.after,
      beliefs: s.report!.beliefs.slice(0, 2).map((n) => `${n.actor}:${n.move}:${n.belief}:${n.weight.toFixed(6)}`),
    }));
    expect(path).toMatchSnapshot();
    expect(states.at(-1)!.beliefs).toMatchSnapshot();
  });

  it('forecasts seed 7 to the same summary', () => {
    const s = fixture();
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 1000, seed: 7 }));
    expect(summary).toMatchSnapshot();
  });
});
