import { describe, expect, it } from 'vitest';
import type { StrategyId } from '../scenario/schema';
import { fixture, fixtureInput } from '../test/fixture';
import { compile } from './compile';
import { chooseMoves, resolveTurn } from './game';
import { choose } from './policies';
import { initialState, initialWork } from './state';

const s = fixture();
const c = compile(s);
const scores = new Float64Array(c.moves.length);
const idOf = (m: number) => c.moves[m]!.id;
const blue = 0;
const proxy = 2;

function pick(strategy: StrategyId, actor: number, setup: (w: ReturnType<typeof initialWork>) => void = () => {}, u = 0.5) {
  const w = initialWork(s, 1, 10);
  setup(w);
  return idOf(choose(c, w, actor, strategy, u, scores));
}

describe('classic strategies', () => {
  it('restraint picks the most cooperative legal move, hawk the most hostile', () => {
    expect(pick('restraint', blue)).toBe('blue.hold');
    expect(pick('hawk', blue)).toBe('blue.strike');
    expect(pick('hawk', proxy)).toBe('proxy.rockets');
  });

  it('never picks an illegal move: no rockets when capability is below the precondition', () => {
    expect(pick('hawk', proxy, (w) => (w.vars[0] = 0.1))).toBe('proxy.lie-low');
  });

  it('tit-for-tat answers last week’s hostility in kind and otherwise cooperates', () => {
    expect(pick('tit-for-tat', blue)).toBe('blue.hold');
    const hit = (w: ReturnType<typeof initialWork>) => {
      w.received[blue * c.actors + proxy] = 1;
      w.lastMove[proxy] = c.moves.findIndex((m) => m.id === 'proxy.rockets');
    };
    expect(pick('tit-for-tat', blue, hit)).toBe('blue.strike');
  });

  it('proportional response answers remembered hostility, not just last week’s', () => {
    expect(pick('proportional', blue)).toBe('blue.hold');
    expect(pick('proportional', blue, (w) => (w.grudge[blue * c.actors + proxy] = 0.9))).toBe('blue.strike');
  });

  it('grim trigger cooperates until triggered, then stays hostile', () => {
    expect(pick('grim-trigger', blue)).toBe('blue.hold');
    expect(pick('grim-trigger', blue, (w) => (w.triggered[blue] = 1))).toBe('blue.strike');
  });

  it('random covers every legal move as its draw varies', () => {
    const seen = new Set([0.01, 0.5, 0.99].map((u) => pick('random', blue, () => {}, u)));
    expect(seen).toEqual(new Set(['blue.strike', 'blue.hold']));
  });
});

describe('the doctrine policy', () => {
  function shareOf(moveId: string, actor: number, scenario = s, setup: (w: ReturnType<typeof initialWork>) => void = () => {}) {
    const cc = compile(scenario);
    const w = initialWork(scenario, 1, 10);
    setup(w);
    let hits = 0;
    const n = 2000;
    const sc = new Float64Array(cc.moves.length);
    for (let i = 0; i < n; i++) if (cc.moves[choose(cc, w, actor, 'doctrine', (i + 0.5) / n, sc)]!.id === moveId) hits += 1;
    return hits / n;
  }

  it('strikes more often when it remembers more hostility from the target (reciprocity)', () => {
    const calm = shareOf('blue.strike', blue, s, (w) => (w.grudge[blue * c.actors + proxy] = 0));
    const angry = shareOf('blue.strike', blue, s, (w) => (w.grudge[blue * c.actors + proxy] = 2));
    expect(angry).toBeGreaterThan(calm + 0.2);
  });

  it('concentrates on its best move as the temperature falls', () => {
    const hot = fixtureInput();
    const cold = fixtureInput();
    hot.actors[0]!.doctrine.temperature = 10;
    cold.actors[0]!.doctrine.temperature = 0.05;
    const hotShare = shareOf('blue.hold', blue, fixture(hot));
    const coldShare = shareOf('blue.hold', blue, fixture(cold));
    expect(Math.abs(coldShare - 0.5)).toBeGreaterThan(0.45);
    expect(Math.abs(hotShare - 0.5)).toBeLessThan(0.15);
  });

  it('weighs casualties: more dead raises the share of hostile moves', () => {
    const before = shareOf('blue.strike', blue);
    const after = shareOf('blue.strike', blue, s, (w) => (w.vars[c.variableIds.indexOf('blue.killed')] = 3));
    expect(after).toBeGreaterThan(before);
  });
});

describe('chooseMoves', () => {
  it('does not change the game: resolving the same moves gives the same state whether or not the AI was asked', () => {
    const start = initialState(s, 9);
    const moves = chooseMoves(s, start, {});
    expect(chooseMoves(s, start, {})).toEqual(moves);
    const a = resolveTurn(s, start, moves);
    chooseMoves(s, start, { blue: 'random', red: 'random', proxy: 'random' });
    const b = resolveTurn(s, start, moves);
    expect(a).toStrictEqual(b);
  });

  it('gives each actor its own draw: changing one actor’s strategy leaves the others’ choices alone', () => {
    for (let seed = 0; seed < 20; seed++) {
      const start = initialState(s, seed);
      const base = chooseMoves(s, start, { blue: 'doctrine', red: 'doctrine', proxy: 'doctrine' });
      const other = chooseMoves(s, start, { blue: 'hawk', red: 'doctrine', proxy: 'doctrine' });
      expect(other.red).toBe(base.red);
      expect(other.proxy).toBe(base.proxy);
    }
  });
});

describe('the historical policy', () => {
  function withHistory() {
    const input = fixtureInput();
    input.actors[2]!.quietMove = 'proxy.lie-low';
    input.history = [
      { date: '2021-03-16', actor: 'proxy', move: 'proxy.rockets', source: 'record' },
      { date: '2021-03-18', actor: 'proxy', move: 'proxy.lie-low', source: 'record (later the same week)' },
      { date: '2021-03-23', actor: 'blue', move: 'blue.strike', source: 'record' },
    ];
    return fixture(input);
  }

  it('plays the record’s move in the week of its date, the first entry of a week winning, and the quiet move otherwise', () => {
    const s = withHistory();
    let state = initialState(s, 1);
    const played: string[] = [];
    for (let t = 0; t < 4; t++) {
      const moves = chooseMoves(s, state, { blue: 'historical', red: 'historical', proxy: 'historical' });
      played.push(`${moves['blue']} ${moves['proxy']}`);
      const r = resolveTurn(s, state, moves);
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    // Week 0: nothing recorded; week 1: rockets (listed before the same week's lie-low); week 2: a strike.
    // Blue has no quietMove, so it holds fire (its always-legal move nearest Goldstein 0).
    expect(played).toEqual(['blue.hold proxy.lie-low', 'blue.hold proxy.rockets', 'blue.strike proxy.lie-low', 'blue.hold proxy.lie-low']);
  });
});
