import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture';
import { forecast } from './forecast';
import { cellOutcome, headlineOutcomes, outcomeCells, outcomeColumns, readOutcome } from './outcomes';
import { initialState } from './state';
import { summarize } from './summary';

describe('the headline outcomes of a forecast', () => {
  const s = fixture();
  const summary = summarize(s, forecast(s, initialState(s, 1), { runs: 300, seed: 4 }));
  const last = summary.weeks[summary.weeks.length - 1]!;
  const war = summary.outcomes.find((o) => o.id === 'open-war')!;

  it('read talks alive and mean escalation at the last week, open war over the whole forecast', () => {
    expect(readOutcome(summary, 'talks-alive')).toEqual({ value: last.alive.estimate, lo: last.alive.lo, hi: last.alive.hi });
    expect(readOutcome(summary, 'escalation')).toEqual({ value: last.escalationMean, lo: null, hi: null });
    expect(readOutcome(summary, 'open-war')).toEqual({ value: war.value, lo: war.lo, hi: war.hi });
    expect(headlineOutcomes.map((o) => o.id)).toEqual(['talks-alive', 'open-war', 'escalation']);
  });

  it('give a cell the same numbers, one per CSV column', () => {
    const cell = cellOutcome(summary);
    expect(cell.talksAlive).toEqual(last.alive);
    expect(cell.openWar).toEqual({ estimate: war.value, lo: war.lo, hi: war.hi });
    expect(outcomeCells(cell)).toHaveLength(outcomeColumns.length);
    expect(outcomeCells(cell)[3]).toBe(last.escalationMean);
  });
});
