import { describe, expect, it } from 'vitest';
import { chooseMoves, resolveTurn } from '../engine/game';
import { talksOutlook } from '../engine/outlook';
import { initialState, type GameState } from '../engine/state';
import { fixture } from '../test/fixture';
import { fixtureInput } from '../test/fixture';
import { AHEAD_KEY, aheadRows, branchLines, contextPoints, contributionLabel, escKey, phaseSpans, survKey, weekRows, whyBars } from './series';

const s = fixture();

function play(seed: number, weeks: number): GameState[] {
  const states = [initialState(s, seed)];
  for (let i = 0; i < weeks; i++) {
    const last = states[states.length - 1]!;
    const r = resolveTurn(s, last, chooseMoves(s, last, {}));
    if (!r.ok) throw new Error(r.error.message);
    states.push(r.state);
  }
  return states;
}

describe('chart series', () => {
  it('puts each branch in its own columns, leaving weeks a branch has not reached empty', () => {
    const main = play(1, 4);
    const fork = play(2, 2);
    const known = new Map([[fork[2]!, talksOutlook(s, fork[2]!, 50)]]);
    const rows = weekRows([{ id: 'main', name: 'Main', states: main }, { id: 'b', name: 'B', states: fork }], (t) => `d${t}`, (x) => known.get(x));
    expect(rows).toHaveLength(5);
    expect(rows[4]![escKey('main')]).toBe(main[4]!.escalation);
    expect(rows[4]![escKey('b')]).toBeUndefined();
    expect(rows[2]![survKey('b')]).toBe(known.get(fork[2]!)!.alive);
    expect(rows[0]![survKey('main')], 'an outlook not yet computed leaves a gap').toBeUndefined();
    expect(rows[3]!.date).toBe('d3');
  });

  it('draws the outlook curve from the week in view, adding the weeks past the last one played', () => {
    const main = play(1, 2);
    const outlook = talksOutlook(s, main[1]!, 50);
    const rows = aheadRows(weekRows([{ id: 'main', name: 'Main', states: main }], (t) => `d${t}`, () => undefined), 1, outlook, (t) => `d${t}`);
    expect(rows).toHaveLength(1 + outlook.weeks + 1);
    expect(rows.map((r) => r[AHEAD_KEY])).toEqual([undefined, ...outlook.curve]);
    expect(rows.at(-1)!.date).toBe(`d${1 + outlook.weeks}`);
  });

  it('gives branches distinct colours and marks the active one', () => {
    const lines = branchLines([{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }], 'b');
    expect(lines[0]!.colour).not.toBe(lines[1]!.colour);
    expect(lines.map((l) => l.active)).toEqual([false, true]);
  });

  it('merges consecutive weeks in one talks phase into spans', () => {
    const states = play(3, 6);
    const spans = phaseSpans(s, states);
    expect(spans[0]!.from).toBe(0);
    expect(spans[spans.length - 1]!.to).toBe(6);
    spans.slice(1).forEach((span, i) => {
      expect(span.from).toBe(spans[i]!.to + 1);
      expect(span.phase).not.toBe(spans[i]!.phase);
    });
  });

  it('labels contributions in plain language and keeps their amounts', () => {
    const states = play(4, 1);
    const bars = whyBars(s, states[1]!.report, 'escalation');
    const report = states[1]!.report!;
    expect(bars.map((b) => b.amount)).toEqual(report.escalation.contributions.map((c) => c.amount));
    expect(contributionLabel(s, { kind: 'move', id: 'blue.strike', actor: 'blue', label: 'Strike', amount: 1 })).toBe('Blue: Strike');
    expect(contributionLabel(s, { kind: 'event', id: 'e', actor: null, label: 'Election', amount: 1 })).toBe('Event: Election');
    expect(whyBars(s, null, 'risk')).toEqual([]);
    expect(whyBars(s, report, 'risk').map((b) => b.amount)).toEqual(report.talks.risk.contributions.map((c) => c.amount));
  });

  it('places the record before the start at negative, fractional weeks', () => {
    const input = fixtureInput();
    input.context = [
      { date: '2021-03-02', label: 'A week before', rung: 8, source: 'record' },
      { date: '2021-02-26', label: 'Eleven days before', rung: 5, source: 'record' },
    ];
    const points = contextPoints(fixture(input));
    expect(points.map((p) => p.turn)).toEqual([-1, -11 / 7]);
    expect(points[1]).toMatchObject({ rung: 5, date: '2021-02-26', label: 'Eleven days before' });
  });
});
