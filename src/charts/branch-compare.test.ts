import { describe, expect, it } from 'vitest';
import { resolveTurn, type TurnMoves } from '../engine/game';
import { initialState, type GameState } from '../engine/state';
import { fixture } from '../test/fixture';
import { compareBranches } from './branch-compare';

const s = fixture();

function play(weeks: readonly TurnMoves[], from: GameState[] = [initialState(s, 3)]): GameState[] {
  const states = [...from];
  for (const moves of weeks) {
    const r = resolveTurn(s, states.at(-1)!, moves);
    if (!r.ok) throw new Error(r.error.message);
    states.push(r.state);
  }
  return states;
}

describe('branches side by side', () => {
  const quiet: TurnMoves = Object.fromEntries(s.actors.map((a) => [a.id, s.moves.find((m) => m.actor === a.id)!.id]));
  const other = s.moves.filter((m) => m.actor === s.actors[0]!.id)[1]!;
  const loud: TurnMoves = { ...quiet, [s.actors[0]!.id]: other.id };

  it('starts at the first week the branches part, and names the moves that differ in each', () => {
    const main = play([quiet, quiet, quiet]);
    const fork = play([loud, quiet], main.slice(0, 2));
    const cmp = compareBranches(s, [{ id: 'main', name: 'Main line', states: main }, { id: 'b', name: 'What if', states: fork }], () => undefined);
    expect(cmp.from).toBe(2);
    expect(cmp.weeks.map((w) => w.turn)).toEqual([2, 3]);
    const week2 = cmp.weeks[0]!;
    expect(week2.differences).toEqual([
      { actor: s.actors[0]!.short, moves: [{ branch: 'Main line', move: s.moves.find((m) => m.id === quiet[s.actors[0]!.id])!.label }, { branch: 'What if', move: other.label }] },
    ]);
    expect(week2.cells[0]!.escalation).toBe(main[2]!.escalation);
    expect(week2.cells[1]!.escalation).toBe(fork[2]!.escalation);
    expect(week2.cells[1]!.talks).not.toContain('(');
  });

  it('leaves the cells of a branch that has not reached a week empty', () => {
    const main = play([quiet, quiet, quiet]);
    const fork = play([loud], main.slice(0, 2));
    const cmp = compareBranches(s, [{ id: 'main', name: 'Main line', states: main }, { id: 'b', name: 'What if', states: fork }], () => undefined);
    expect(cmp.weeks.at(-1)!.turn).toBe(3);
    expect(cmp.weeks.at(-1)!.cells[1]).toBeNull();
  });

  it('says when identical branches never part', () => {
    const main = play([quiet, quiet]);
    const cmp = compareBranches(s, [{ id: 'main', name: 'Main line', states: main }, { id: 'b', name: 'Copy', states: main }], () => undefined);
    expect(cmp).toEqual({ from: null, weeks: [] });
  });
});
