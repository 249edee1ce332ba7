import { describe, expect, it } from 'vitest';
import { forecast } from '../engine/forecast';
import { initialState } from '../engine/state';
import { summarize, type ForecastSummary } from '../engine/summary';
import { withParameters } from '../scenario/parameters';
import { fixture } from '../test/fixture';
import { batchOutcomesTable, batchTable, forecastOutcomesTable, labelledSummaries, measureColumns, outcomeMeasures, pairedColumns, provenanceColumns, runProvenance, type LabelledSummary } from './exports';

const s = fixture();
const run = (scenario = s, strategies = {}): ForecastSummary => summarize(scenario, forecast(scenario, initialState(scenario, 1), { runs: 200, seed: 2, strategies }));
const changed = withParameters(s, { 'dynamics.misperception': 0.4 });
if (!changed.ok) throw new Error('the fixture refused misperception 0.4');
const b = changed.value;

const setUps = () =>
  labelledSummaries(
    [
      { label: 'A', scenario: s, key: { strategy_blue: 'doctrine' }, parameters: {}, summary: run() },
      { label: 'B', scenario: b, key: { strategy_blue: 'doctrine' }, parameters: { 'dynamics.misperception': 0.4 }, summary: run(b) },
    ],
    { from: null },
  );

const column = (t: { columns: readonly string[]; rows: readonly (readonly unknown[])[] }, name: string) => t.rows.map((r) => r[t.columns.indexOf(name)]);

describe('a batch export', () => {
  it('names a parameter changed only in the second set-up: its own column, filled in every row, and B\'s parameters cell', () => {
    const t = batchTable(s, setUps());
    expect(t.columns).toContain('dynamics.misperception');
    const weeks = run().weeks.length;
    expect(column(t, 'dynamics.misperception')).toEqual([...new Array(weeks).fill(0.1), ...new Array(weeks).fill(0.4)]);
    expect(new Set(column(t, 'parameters'))).toEqual(new Set(['', 'dynamics.misperception=0.4']));
  });

  it('takes its header from every row, not the first', () => {
    const keys: Record<string, string>[] = [{}, { only_in_b: 'yes' }];
    const items: LabelledSummary[] = setUps().map((i, k) => ({ ...i, key: keys[k]! }));
    const t = batchTable(s, items);
    expect(t.columns).toContain('only_in_b');
    expect(new Set(column(t, 'only_in_b'))).toEqual(new Set([null, 'yes']));
    expect(batchOutcomesTable(items).columns).toContain('only_in_b');
  });
});

describe('the outcomes tables', () => {
  it('give every outcome of a forecast, one row per measure, with the provenance first', () => {
    const summary = run();
    const p = runProvenance(s, { seed: 2, runs: 200, turns: summary.turns, startTurn: 0, strategies: {}, parameters: {}, from: null });
    const t = forecastOutcomesTable(summary, p);
    expect(t.columns).toEqual([...provenanceColumns, ...measureColumns]);
    expect(column(t, 'measure')).toEqual([...summary.outcomes.map((o) => o.id), 'escalation-mean']);
    const war = t.rows[column(t, 'measure').indexOf('open-war')]!;
    const outcome = summary.outcomes.find((o) => o.id === 'open-war')!;
    expect(war.slice(provenanceColumns.length)).toEqual(['open-war', outcome.label, 'share', outcome.value, outcome.lo, outcome.hi, null, null]);
    expect(outcomeMeasures(summary).at(-1)).toMatchObject({ id: 'escalation-mean', value: summary.weeks.at(-1)!.escalationMean });
  });

  it('give a batch\'s outcomes per set-up, with paired differences from the first where the batch has them', () => {
    const [a, second] = setUps();
    const d = { estimate: 0.05, lo: 0.01, hi: 0.09, batches: 20 };
    const t = batchOutcomesTable([a!, { ...second!, differences: { 'talks-alive': d } }]);
    expect(t.columns).toEqual([...provenanceColumns, 'setup', 'strategy_blue', 'dynamics.misperception', ...measureColumns, ...pairedColumns]);
    const row = (setup: string, measure: string) => t.rows.find((r) => r[t.columns.indexOf('setup')] === setup && r[t.columns.indexOf('measure')] === measure)!;
    expect(row('B', 'talks-alive').slice(-4)).toEqual(['A', 0.05, 0.01, 0.09]);
    expect(row('B', 'open-war').slice(-4)).toEqual([null, null, null, null]);
    expect(row('A', 'talks-alive').slice(-4)).toEqual([null, null, null, null]);
    expect(batchOutcomesTable([a!]).columns).not.toContain('paired_diff');
  });
});
