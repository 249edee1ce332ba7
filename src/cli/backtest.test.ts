/** `backtest` prints section 7 of the calibration report, or the result as JSON. */
import { describe, expect, it } from 'vitest';
import { cliOk, runCli } from '../test/cli';

describe('the backtest command', { timeout: 60_000 }, () => {
  it('prints the score table of the model and the two naive forecasts', async () => {
    const out = await cliOk('backtest', '--runs', '5', '--seed', '2', '--keep', '2', '--games', '3');
    expect(out).toContain('## 7. Out-of-sample back-test');
    expect(out).toContain('| score | model | persistence | climatology |');
    expect(out).toContain('| Brier: a week with at least one militia attack (lower is better) |');
    expect(out).toContain('calibrated on the fit weeks alone');
    expect(out).toContain('2 were kept');
    expect(out).toContain('runs its share of 5 futures');
  });

  it('prints the same numbers as JSON, with their provenance', async () => {
    const json = JSON.parse(await cliOk('backtest', '--runs', '5', '--seed', '2', '--keep', '2', '--games', '3', '--format', 'json'));
    expect(json.provenance).toMatchObject({ scenario: 'road-to-march-2021', seed: 2, runs: 5, split: '2020-09-30', keep: 2, games: 3, priors: 'march-2021' });
    expect(json.backtest.fit).toMatchObject({ kept: 2 });
    expect(json.backtest).toMatchObject({ fitWeeks: 40, testWeeks: 23, runs: 5 });
    expect(Object.keys(json.backtest.scores)).toEqual(['model', 'persistence', 'climatology']);
  });

  it('refuses a split that leaves no test week, naming the dates it accepts', async () => {
    const r = await runCli('backtest', '--runs', '5', '--keep', '1', '--split', '2021-03-08');
    expect(r.code).toBe(2);
    expect(r.err).toContain('it must fall from 2020-02-17 to 2021-03-07');
  });
});
