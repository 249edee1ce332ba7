/**
 * `backtest [scenario]`: the out-of-sample back-test (src/analysis/oos-backtest.ts). The record is
 * split at a date; the model's AI futures from the state the record had reached, and two naive
 * forecasts made from the weeks before the split, are scored on the weeks after it. The table
 * format prints section 7 of the calibration report as `calibrate` writes it.
 */
import { backtestSection, DEFAULT_SPLIT, oosBacktest } from '../../analysis/oos-backtest';
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
    format: { type: 'string', value: 'table|json', description: 'output format (default table: section 7 of the calibration report)' },
  },
  notes: ['The scenario defaults to road-to-march-2021 (the record). Brier score, CRPS and coverage.'],
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
  const bar = progressBar(io, runs, 'backtest');
  const result = oosBacktest(scenario, { runs, seed, split, onProgress: (done) => bar.update(done) });
  bar.finish();
  if (!result.ok) throw new UsageError(result.error.message);
  if (format === 'json') io.out(renderJson({ provenance: provenance(scenario, seed, { runs, split }), backtest: result.value }));
  else io.out(`${backtestSection(result.value).join('\n')}\n`);
  return 0;
}
