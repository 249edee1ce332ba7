/** Output for the CLI: aligned text tables, CSV (via papaparse) and JSON. */
import { csvText, jsonText, type Cell, type Table } from '../analysis/exports';

export type { Cell, Table };

export const formats = ['table', 'csv', 'json'] as const;
export type Format = (typeof formats)[number];

function show(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isInteger(cell) ? String(cell) : cell.toFixed(3);
  return cell;
}

/** A plain-text table with columns padded to their widest cell; numbers right-aligned. */
export function renderTable(t: Table): string {
  const cells = [t.columns.map(show), ...t.rows.map((r) => r.map(show))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = t.columns.map((_, i) => t.rows.length > 0 && t.rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const line = (r: readonly string[]) =>
    r.map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  return [line(cells[0]!), rule, ...cells.slice(1).map(line)].join('\n');
}

/** RFC 4180 CSV with a header row; full precision numbers. */
export const renderCsv = csvText;

export const renderJson = jsonText;
