/**
 * Golden tests: exact outputs of seeded runs, pinned so that any drift in results is seen and
 * explained in the commit that causes it (update with `npx vitest run -u` only on purpose).
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture';
import { forecast } from './forecast';
import { chooseMoves, resolveTurn } from './game';
import { initialState, type GameState } from './state';
import { summarize } from './summary';

function playAll(seed: number): GameState[] {
  const s = fixture();
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
      survival: s.report!.survival.after,
    }));
    expect(path).toMatchSnapshot();
    expect(states.at(-1)).toMatchSnapshot();
  });

  it('forecasts seed 7 to the same summary', () => {
    const s = fixture();
    const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 1000, seed: 7 }));
    expect(summary).toMatchSnapshot();
  });
});
