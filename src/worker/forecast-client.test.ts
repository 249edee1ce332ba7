import { describe, expect, it } from 'vitest';
import { forecast, forecastChunk } from '../engine/forecast';
import { initialState } from '../engine/state';
import { fixture } from '../test/fixture';
import { CHUNK_RUNS, ForecastCancelled, gate, inRunOrder, runForecast } from './forecast-client';

const s = fixture();
const state = initialState(s, 3);

describe('runForecast on the main thread', () => {
  it('gives exactly the single-pass tally, reporting progress chunk by chunk', async () => {
    const options = { runs: CHUNK_RUNS * 3 + 17, seed: 8 };
    const progress: number[] = [];
    const tally = await runForecast(s, state, options, { workers: 0, onProgress: (done) => progress.push(done) }).promise;
    expect(tally).toStrictEqual(forecast(s, state, options));
    expect(progress).toEqual([CHUNK_RUNS, CHUNK_RUNS * 2, CHUNK_RUNS * 3, options.runs]);
  });

  it('stops handing out chunks when cancelled and rejects with ForecastCancelled', async () => {
    const progress: number[] = [];
    const job = runForecast(s, state, { runs: CHUNK_RUNS * 40, seed: 8 }, { workers: 0, onProgress: (done) => progress.push(done) });
    await new Promise((r) => setTimeout(r, 0));
    job.cancel();
    await expect(job.promise).rejects.toBeInstanceOf(ForecastCancelled);
    expect(progress.length).toBeLessThan(40);
  });
});

describe('inRunOrder', () => {
  const options = { runs: 60, seed: 4 };
  const chunks = [0, 1, 2, 3, 4].map((i) => forecastChunk(s, state, options, i * 12, 12));

  it('gives the single-pass tally whatever order the chunks come in', () => {
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 4, 1, 3], [1, 0, 3, 2, 4]]) {
      const merge = inRunOrder(chunks.length);
      for (const i of order) merge.add(i, chunks[i]!);
      expect(merge.result()).toStrictEqual(forecast(s, state, options));
    }
  });

  it('refuses to give a result while a chunk is missing, naming how many it has', () => {
    const merge = inRunOrder(chunks.length);
    for (const i of [0, 1, 3, 4]) merge.add(i, chunks[i]!);
    expect(() => merge.result()).toThrow('merged 2 of its 5 chunks');
  });
});

describe('gate (what the warm-up waits on while outlooks run)', () => {
  /** Whether `p` has settled by the time the microtasks queued now have run. */
  const settled = async (p: Promise<unknown>) => {
    let done = false;
    void p.then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 0));
    return done;
  };

  it('is idle at once with nothing running, and once the last of two running ends', async () => {
    const g = gate();
    expect(await settled(g.idle())).toBe(true);
    const first = g.enter();
    const second = g.enter();
    const idle = g.idle();
    first();
    expect(await settled(idle)).toBe(false);
    second();
    expect(await settled(idle)).toBe(true);
  });

  it('counts an end once, however often it is said', async () => {
    const g = gate();
    const first = g.enter();
    g.enter();
    first();
    first();
    expect(await settled(g.idle())).toBe(false);
  });
});
