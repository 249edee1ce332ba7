import { describe, expect, it } from 'vitest';
import { weekOf } from '../scenario/log';
import { fixture, fixtureInput } from '../test/fixture';
import { baseRates, passes, pearson, recordSeries } from './backtest';
import { replay, type TurnMoves } from './game';

function calibrated() {
  const input = fixtureInput();
  input.calibration = {
    attackMoves: ['proxy.rockets'],
    strikeMoves: ['blue.strike'],
    lethalOutcomes: ['proxy.rockets/killed'],
    attackCounter: 'proxy.attacks',
    maxLagWeeks: 3,
    targets: [{ id: 'us-retaliation-lag', label: 'lag', value: 1, lo: 0.5, hi: 1.5, source: 'test' }],
  };
  input.history = [
    { date: '2021-03-09', actor: 'proxy', move: 'proxy.rockets', source: 'r' },
    { date: '2021-03-16', actor: 'blue', move: 'blue.strike', source: 'r' },
    { date: '2021-03-17', actor: 'proxy', move: 'proxy.rockets', source: 'r (same week, counted too)' },
  ];
  // Make every volley lethal so the lags are known exactly.
  input.moves.find((m) => m.id === 'proxy.rockets')!.outcomes![0]!.probability = { base: 50 };
  return fixture(input);
}

const q: TurnMoves = { blue: 'blue.hold', red: 'red.wait', proxy: 'proxy.lie-low' };

describe('back-tests', () => {
  it('sums the record’s conflict intensity by week', () => {
    const s = calibrated();
    expect(recordSeries(s, 3)).toEqual([1, 2, 0]);
  });

  it('computes Pearson’s correlation', () => {
    expect(pearson([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(pearson([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(pearson([1, 1, 1], [1, 2, 3])).toBeNaN();
  });

  it('measures attacks per week, lethality and retaliation lags from played games', () => {
    const s = calibrated();
    // Week 0: lethal attack; week 1: strike; week 2: attack; week 3: quiet.
    const turns: TurnMoves[] = [{ ...q, proxy: 'proxy.rockets' }, { ...q, blue: 'blue.strike' }, { ...q, proxy: 'proxy.rockets' }, q];
    const { states, error } = replay(s, { scenarioId: s.id, seed: 1, horizon: 10, log: turns.map((t) => weekOf(t)) });
    expect(error).toBeNull();
    const rates = Object.fromEntries(baseRates(s, [states]).map((r) => [r.id, r]));
    expect(rates['attacks-per-week']!.value).toBe(2 / 4);
    expect(rates['lethal-attack-share']!.value).toBe(1);
    expect(rates['us-retaliation-lag']).toMatchObject({ value: 1, n: 1 });
    expect(rates['militia-retaliation-lag']).toMatchObject({ value: 1, n: 1 });
    expect(passes(s.calibration!.targets[0]!, rates['us-retaliation-lag'])).toBe(true);
    expect(passes({ ...s.calibration!.targets[0]!, lo: 1.5, hi: 3 }, rates['us-retaliation-lag'])).toBe(false);
  });
});
