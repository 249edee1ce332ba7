/**
 * `backtest [scenario]`: the out-of-sample back-test (src/analysis/oos-backtest.ts). The record is
 * split at a date; the model's AI futures from the state the record had reached, and two naive
 * forecasts made from the weeks before the split, are scored on the weeks after it. The table
 * format prints section 7 of the calibration report as `calibrate` writes it.
 */
import { parseArgs } from 'node:util';
import { backtestSection, DEFAULT_SPLIT, oosBacktest } from '../../analysis/oos-backtest';
import { provenance } from '../../analysis/exports';
import { MAX_SEED } from '../../scenario/limits';
import { intOption, UsageError } from '../args';
import { renderJson } from '../format';
import { progressBar, type Io } from '../io';
import { loadScenario } from '../load';

export function backtestCommand(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      runs: { type: 'string' },
      seed: { type: 'string' },
      split: { type: 'string' },
      format: { type: 'string' },
    },
  });
  const { scenario } = loadScenario(positionals[0] ?? 'road-to-march-2021');
  const runs = intOption(values.runs, 'runs', 2000, 1, 100_000);
  const seed = intOption(values.seed, 'seed', 1, 0, MAX_SEED);
  const split = values.split ?? DEFAULT_SPLIT;
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json') throw new UsageError(`--format expects table or json, got "${format}"`);
  const bar = progressBar(io, runs, 'backtest');
  const result = oosBacktest(scenario, { runs, seed, split, onProgress: (done) => bar.update(done) });
  bar.finish();
  if (!result.ok) throw new UsageError(result.error.message);
  if (format === 'json') io.out(renderJson({ provenance: provenance(scenario, seed, { runs, split }), backtest: result.value }));
  else io.out(`${backtestSection(result.value).join('\n')}\n`);
  return 0;
}
