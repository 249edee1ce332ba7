/** `params [scenario]`: every parameter path `--set`, `--param` and the app's sweeps accept, with its value. */
import { listParameters } from '../../scenario/parameters';
import { formatOption } from '../args';
import { renderCsv, renderJson, renderTable, type Table } from '../format';
import type { Io } from '../io';
import { loadScenario } from '../load';
import { defineCommand, parseCommand } from '../options';

export const paramsSpec = defineCommand({
  name: 'params',
  args: '[scenario]',
  summary: 'list the parameter paths --set and --param accept, with their values and labels',
  options: { format: { type: 'string', value: 'table|csv|json', description: 'output format (default table)' } },
});

export function paramsCommand(args: readonly string[], io: Io): number {
  const parsed = parseCommand(paramsSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const { scenario } = loadScenario(positionals[0] ?? 'march-2021');
  const format = formatOption(values.format);
  const list = listParameters(scenario);
  const table: Table = { columns: ['path', 'value', 'label'], rows: list.map((p) => [p.path, p.value, p.label]) };
  if (format === 'json') io.out(renderJson(list));
  else if (format === 'csv') io.out(renderCsv(table));
  // Full precision: a rounded value would not round-trip through --set.
  else io.out(`${renderTable({ ...table, rows: list.map((p) => [p.path, String(p.value), p.label]) })}\n`);
  return 0;
}
