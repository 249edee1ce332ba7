/**
 * `backtest [scenario]`: the out-of-sample back-test (src/analysis/oos-backtest.ts). The record is
 * split at a date; the model's AI futures from the state the record had reached, and two naive
 * forecasts made from the weeks before the split, are scored on the weeks after it. The table
 * format prints section 7 of the calibration report as `calibrate` writes it.
 */
import { ensembleJudgements } from '../../analysis/ensemble';
import { backtestSection, DEFAULT_FIT, DEFAULT_SPLIT, oosBacktest } from '../../analysis/oos-backtest';
import { provenance } from '../../analysis/exports';
import { MAX_SEED } from '../../scenario/limits';
import { intOption, UsageError } from '../args';
import { renderJson } from '../format';
import { progressBar, type Io } from '../io';
import { loadScenario } from '../load';
import { defineCommand, parseCommand } from '../options';

export const backtestSpec = defineCommand({
  name: 'backtest',
  args: '[scenario]',
  summary: "the out-of-sample back-test: the record split at a date, the model's AI futures and two naive forecasts (persistence, climatology) scored on the weeks after it",
  options: {
    runs: { type: 'string', value: 'N', description: 'futures of the model (default 2000)' },
    seed: { type: 'string', value: 'N', description: 'the seed (default 1)' },
    split: { type: 'string', value: 'YYYY-MM-DD', description: `where the record is split (default ${DEFAULT_SPLIT})` },
    draws: { type: 'string', value: 'N', description: `parameter sets the fit period's history matching draws at most (default ${DEFAULT_FIT.draws})` },
    keep: { type: 'string', value: 'N', description: `stop once this many are kept (default ${DEFAULT_FIT.keep})` },
    games: { type: 'string', value: 'N', description: `AI games per draw (default ${DEFAULT_FIT.games})` },
    priors: { type: 'string', value: 'SCENARIO', description: 'the scenario whose priors the sets are drawn from (default march-2021)' },
    format: { type: 'string', value: 'table|json', description: 'output format (default table: section 7 of the calibration report)' },
  },
  notes: ['The scenario defaults to road-to-march-2021 (the record). The model is calibrated on the weeks before the split alone (history matching), and set against the record through what the record lists of its acts. Brier score, CRPS and coverage.'],
});

export function backtestCommand(args: readonly string[], io: Io): number {
  const parsed = parseCommand(backtestSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const { scenario } = loadScenario(positionals[0] ?? 'road-to-march-2021');
  const runs = intOption(values.runs, 'runs', 2000, 1, 100_000);
  const seed = intOption(values.seed, 'seed', 1, 0, MAX_SEED);
  const split = values.split ?? DEFAULT_SPLIT;
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format expects table or json, got "${format}"`);
  const fit = {
    draws: intOption(values.draws, 'draws', DEFAULT_FIT.draws, 1, 1_000_000),
    keep: intOption(values.keep, 'keep', DEFAULT_FIT.keep, 1, 1000),
    games: intOption(values.games, 'games', DEFAULT_FIT.games, 1, 10_000),
    minReplayR: DEFAULT_FIT.minReplayR,
  };
  const { scenario: model } = loadScenario(values.priors ?? 'march-2021');
  if (!model.priors?.length) throw new UsageError(`scenario "${model.id}" has no priors to draw from`);
  const fitBar = progressBar(io, fit.draws, 'fit draws');
  let bar: ReturnType<typeof progressBar> | null = null;
  const result = oosBacktest(scenario, {
    runs,
    seed,
    split,
    priors: ensembleJudgements(model),
    fit,
    onFitDraw: (n) => fitBar.update(n),
    onProgress: (done) => {
      if (!bar) {
        fitBar.finish();
        bar = progressBar(io, runs, 'backtest');
      }
      bar.update(done);
    },
  });
  (bar ?? fitBar).finish();
  if (!result.ok) throw new UsageError(result.error.message);
  if (format === 'json') io.out(renderJson({ provenance: provenance(scenario, seed, { runs, split, ...fit, priors: model.id }), backtest: result.value }));
  else io.out(`${backtestSection(result.value).join('\n')}\n`);
  return 0;
}
