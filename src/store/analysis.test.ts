import { describe, expect, it } from 'vitest';
import { forecast } from '../engine/forecast';
import { initialState } from '../engine/state';
import { summarize } from '../engine/summary';
import { fixture } from '../test/fixture';
import { runForecast } from '../worker/forecast-client';
import { createAnalysisStore, type BatchItem } from './analysis';

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

  it('stops the batch when cancelled', async () => {
    const store = createAnalysisStore(mainThread);
    const running = store.getState().run('tournament', [item('A', 'hawk', 5000), item('B', 'restraint', 5000), item('C', 'hawk', 5000)]);
    await new Promise((r) => setTimeout(r, 5));
    store.getState().cancel();
    await running;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().results.length).toBeLessThan(3);
  });
});
