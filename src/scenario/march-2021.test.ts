/**
 * The March 2021 scenario, move category by move category: each test plays one week with a move of
 * that category against a quiet week (every actor on its fallback move), from the same state and
 * seed, and checks what the move is documented to do (docs/model.md).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveTurn, riskOf, type TurnMoves } from '../engine/game';
import { initialState, type GameState } from '../engine/state';
import { moveCategories } from './schema';
import { parseScenario } from './parse';

const parsed = parseScenario(JSON.parse(readFileSync(new URL('../../scenarios/march-2021.json', import.meta.url), 'utf8')));
if (!parsed.ok) throw new Error(`march-2021.json does not parse: ${JSON.stringify(parsed.errors)}`);
const s = parsed.value;

const quiet: TurnMoves = { us: 'us.hold-fire', iran: 'iran.wait', militia: 'militia.lie-low', iraq: 'iraq.wait', israel: 'israel.stand-down' };

function week(moves: Partial<TurnMoves>, from: GameState = initialState(s, 5)): GameState {
  const r = resolveTurn(s, from, { ...quiet, ...moves } as TurnMoves);
  if (!r.ok) throw new Error(r.error.message);
  return r.state;
}

describe('the March 2021 scenario', { timeout: 60_000 }, () => {
  it('has a move of every category', () => {
    expect(new Set(s.moves.map((m) => m.category))).toEqual(new Set(moveCategories));
  });

  it('kinetic: a US strike in Syria degrades the militias, counts a strike and raises escalation', () => {
    const base = week({});
    const strike = week({ us: 'us.strike-syria' });
    expect(strike.vars['militia.capability']!).toBeLessThan(base.vars['militia.capability']!);
    expect(strike.vars['us.strikes']).toBe(1);
    expect(strike.escalation).toBeGreaterThan(base.escalation);
    expect(strike.grudges['militia']!['us']!).toBeGreaterThan(base.grudges['militia']!['us']!);
  });

  it('kinetic: a militia rocket volley counts an attack and kills US personnel in a few per cent of weeks', () => {
    let killed = 0;
    const n = 3000;
    for (let seed = 0; seed < n; seed++) {
      const after = week({ militia: 'militia.rockets' }, initialState(s, seed));
      expect(after.vars['militia.attacks']!).toBeGreaterThanOrEqual(1);
      if (after.report!.moves.find((m) => m.actor === 'militia')!.outcomes.includes('us-killed')) killed += 1;
    }
    // The record: about 2% of attacks killed US or coalition personnel (data/rates.md).
    expect(killed / n).toBeGreaterThan(0.01);
    expect(killed / n).toBeLessThan(0.06);
  }, 30_000);

  it('show of force: a B-52 overflight raises escalation, less than a strike', () => {
    const base = week({});
    const b52 = week({ us: 'us.b52' });
    const strike = week({ us: 'us.strike-syria' });
    expect(b52.escalation).toBeGreaterThan(base.escalation);
    expect(b52.escalation).toBeLessThan(strike.escalation);
  });

  it('diplomatic: renewing the offer turns rejected talks into an open offer', () => {
    const start = initialState(s, 5);
    expect(start.talks.phase).toBe('rejected');
    const offered = week({ us: 'us.offer-talks' }, start);
    expect(offered.report!.talks.before).toBe('rejected');
    expect(['offered', 'underway', 'collapsed']).toContain(offered.talks.phase);
    expect(offered.report!.talks.risk.contributions.find((c) => c.id === 'us.offer-talks')!.amount, 'a renewed offer lowers the collapse risk').toBeLessThan(0);
  });

  it('economic: easing sanctions raises relief and lowers the talks’ collapse risk; tightening does the opposite', () => {
    const offered = week({ us: 'us.offer-talks' });
    if (offered.talks.phase !== 'offered') throw new Error(`expected offered talks, got ${offered.talks.phase}`);
    const eased = week({ us: 'us.ease-sanctions' }, offered);
    const tightened = week({ us: 'us.tighten-sanctions' }, offered);
    expect(eased.vars['iran.sanctions-relief']!).toBeGreaterThan(tightened.vars['iran.sanctions-relief']!);
    const ease = eased.report!.talks.risk.contributions.find((c) => c.id === 'us.ease-sanctions')!;
    const tighten = tightened.report!.talks.risk.contributions.find((c) => c.id === 'us.tighten-sanctions')!;
    expect(ease.amount).toBeLessThan(0);
    expect(tighten.amount).toBeGreaterThan(0);
  });

  it('nuclear: an Iranian nuclear step advances the programme and raises the talks’ collapse risk', () => {
    const base = week({});
    const step = week({ iran: 'iran.nuclear-step' });
    expect(step.vars['iran.nuclear-step']!).toBeGreaterThan(base.vars['iran.nuclear-step']!);
    expect(riskOf(s, step)).toBeGreaterThan(riskOf(s, base));
  });

  it('political: militia pressure in parliament erodes Iraqi state control', () => {
    const base = week({});
    const pressure = week({ militia: 'militia.political-pressure' });
    expect(pressure.vars['iraq.state-control']!).toBeLessThan(base.vars['iraq.state-control']!);
  });

  it('fires the scheduled Iranian election window on its date, known on 2021-03-09', () => {
    let state = initialState(s, 5);
    const opened: number[] = [];
    while (state.turn < s.defaultTurns && !state.ended) {
      state = week({}, state);
      if (state.vars['iran.election-window'] === 1) opened.push(state.turn);
    }
    expect(opened.length).toBeGreaterThan(0);
    // 2021-05-28 falls in week 11 (2021-05-25 .. 2021-05-31) of a scenario starting 2021-03-09.
    expect(opened[0]).toBe(11);
  });
});
