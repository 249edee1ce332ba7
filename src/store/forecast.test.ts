import { describe, expect, it } from 'vitest';
import { initialState } from '../engine/state';
import { fixture } from '../test/fixture';
import { runForecast } from '../worker/forecast-client';
import { createForecastStore } from './forecast';

const s = fixture();
const mainThread = (...args: Parameters<typeof runForecast>) => runForecast(args[0], args[1], args[2], { ...args[3], workers: 0 });

describe('the forecast store', () => {
  it('runs a forecast to a summary, with progress and the elapsed time', async () => {
    let t = 0;
    const store = createForecastStore(mainThread, () => (t += 10));
    const running = store.getState().run({ scenario: s, state: initialState(s, 1), options: { runs: 600, seed: 2 }, branch: 'main', game: 'g', path: [] });
    expect(store.getState().status).toBe('running');
    await running;
    const done = store.getState();
    expect(done.status).toBe('done');
    expect(done.done).toBe(600);
    expect(done.summary!.runs).toBe(600);
    expect(done.summary!.weeks).toHaveLength(11);
    expect(done.elapsedMs).toBe(10);
  });

  it('cancels a running forecast and keeps no summary from it', async () => {
    const store = createForecastStore(mainThread, () => 0);
    const running = store.getState().run({ scenario: s, state: initialState(s, 1), options: { runs: 20_000, seed: 2 }, branch: 'main', game: 'g', path: [] });
    await new Promise((r) => setTimeout(r, 5));
    store.getState().cancel();
    await running;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().summary).toBeNull();
    expect(store.getState().done).toBeLessThan(20_000);
  });

  it('lets a new forecast replace one still running', async () => {
    const store = createForecastStore(mainThread, () => 0);
    const first = store.getState().run({ scenario: s, state: initialState(s, 1), options: { runs: 20_000, seed: 2 }, branch: 'main', game: 'g', path: [] });
    const second = store.getState().run({ scenario: s, state: initialState(s, 1), options: { runs: 300, seed: 3 }, branch: 'main', game: 'g', path: [] });
    await Promise.all([first, second]);
    expect(store.getState().status).toBe('done');
    expect(store.getState().summary!.seed).toBe(3);
  });

  it('keeps the last finished forecast, and what it was asked for, while the next runs and after it is cancelled', async () => {
    const store = createForecastStore(mainThread, () => 0);
    const firstRequest = { scenario: s, state: initialState(s, 1), options: { runs: 300, seed: 3 }, branch: 'main', game: 'g', path: [] };
    await store.getState().run(firstRequest);
    const first = store.getState().summary;
    expect(store.getState().finished).toBe(1);
    const running = store.getState().run({ ...firstRequest, options: { runs: 20_000, seed: 4 }, branch: 'other' });
    expect(store.getState().status).toBe('running');
    expect(store.getState().request!.branch).toBe('other');
    expect(store.getState().summary).toBe(first);
    expect(store.getState().summaryOf).toBe(firstRequest);
    await new Promise((r) => setTimeout(r, 5));
    store.getState().cancel();
    await running;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().summary).toBe(first);
    expect(store.getState().summaryOf!.branch).toBe('main');
    expect(store.getState().finished).toBe(1);
  });
});
