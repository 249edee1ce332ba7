import { describe, expect, it } from 'vitest';
import { forecast } from '../engine/forecast';
import { initialState } from '../engine/state';
import { summarize } from '../engine/summary';
import { fixture } from '../test/fixture';
import { runForecast } from '../worker/forecast-client';
import { createAnalysisStore, type BatchItem, type LazyBatchItem } from './analysis';

const s = fixture();
const mainThread = (...args: Parameters<typeof runForecast>) => runForecast(args[0], args[1], args[2], { ...args[3], workers: 0 });
const item = (label: string, blue: 'hawk' | 'restraint', runs = 300): BatchItem => ({
  label,
  scenario: s,
  state: initialState(s, 1),
  options: { runs, seed: 4, strategies: { blue } },
  key: { blue },
});

describe('the analysis store', () => {
  it('runs every set-up in order and keeps each summary equal to its own forecast', async () => {
    const store = createAnalysisStore(mainThread);
    await store.getState().run('compare', [item('Hawk', 'hawk'), item('Restraint', 'restraint')]);
    const { status, results, done, total } = store.getState();
    expect(status).toBe('done');
    expect(done).toBe(total);
    expect(results.map((r) => r.item.label)).toEqual(['Hawk', 'Restraint']);
    expect(results[1]!.summary).toStrictEqual(summarize(s, forecast(s, initialState(s, 1), { runs: 300, seed: 4, strategies: { blue: 'restraint' } })));
  });

  it('counts a paired item\'s futures in batches too, and leaves its summary as it is unpaired', async () => {
    const store = createAnalysisStore(mainThread);
    await store.getState().run('compare', [{ ...item('Hawk', 'hawk', 400), paired: true }, item('Restraint', 'restraint', 400)]);
    const [paired, plain] = store.getState().results;
    expect(paired!.summary).toStrictEqual(summarize(s, forecast(s, initialState(s, 1), { runs: 400, seed: 4, strategies: { blue: 'hawk' } })));
    expect(paired!.batches!.runs).toEqual(new Array(20).fill(20));
    expect(paired!.batches!.openWar.reduce((a, b) => a + b, 0)).toBe(Math.round(paired!.summary.outcomes.find((o) => o.id === 'open-war')!.value * 400));
    expect(plain!.batches).toBeUndefined();
  });

  it('stops the batch when cancelled', async () => {
    const store = createAnalysisStore(mainThread);
    const running = store.getState().run('tournament', [item('A', 'hawk', 5000), item('B', 'restraint', 5000), item('C', 'hawk', 5000)]);
    await new Promise((r) => setTimeout(r, 5));
    store.getState().cancel();
    await running;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().results.length).toBeLessThan(3);
  });

  it('makes a lazy item only when its turn comes, and reports a failure to make one as the error', async () => {
    const made: string[] = [];
    const lazy = (label: string): LazyBatchItem => ({ runs: 300, make: () => (made.push(label), item(label, 'hawk')) });
    // How many items had been made each time the runner started one: never more than the one it runs.
    const madeAtRun: number[] = [];
    const store = createAnalysisStore((...args) => {
      madeAtRun.push(made.length);
      return mainThread(...args);
    });
    const running = store.getState().run('morris', [lazy('P1'), lazy('P2')]);
    expect(store.getState().total).toBe(600);
    await running;
    expect(made).toEqual(['P1', 'P2']);
    expect(madeAtRun).toEqual([1, 2]);
    expect(store.getState().results.map((r) => r.item.label)).toEqual(['P1', 'P2']);

    const broken: LazyBatchItem = { runs: 300, make: () => { throw new Error('design point 2 is refused'); } };
    await store.getState().run('morris', [lazy('P3'), broken]);
    expect(store.getState()).toMatchObject({ status: 'error', error: 'design point 2 is refused' });
  });
});
