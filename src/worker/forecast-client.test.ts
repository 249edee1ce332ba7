import { describe, expect, it } from 'vitest';
import { forecast } from '../engine/forecast';
import { initialState } from '../engine/state';
import { fixture } from '../test/fixture';
import { CHUNK_RUNS, ForecastCancelled, runForecast } from './forecast-client';

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
