/**
 * A heatmap as a real table: rows and columns are strategies, each cell coloured by its value and
 * showing the value with its interval, so it reads the same to a screen reader as on screen.
 */

export interface HeatCell {
  readonly value: number;
  readonly lo: number | null;
  readonly hi: number | null;
}

export interface HeatmapProps {
  readonly caption: string;
  readonly rowTitle: string;
  readonly columnTitle: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly cell: (row: number, column: number) => HeatCell | null;
  readonly format: (x: number) => string;
  /** Value range for the colour scale; `high` is the colour of the largest values. */
  readonly domain: [number, number];
  readonly high: [number, number, number];
}

function colour(t: number, high: [number, number, number]): string {
  const mix = (c: number) => Math.round(255 + (c - 255) * t);
  return `rgb(${mix(high[0])}, ${mix(high[1])}, ${mix(high[2])})`;
}

export function Heatmap({ caption, rowTitle, columnTitle, rows, columns, cell, format, domain, high }: HeatmapProps) {
  const [lo, hi] = domain;
  return (
    <table className="heatmap">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">
            {rowTitle} ↓ / {columnTitle} →
          </th>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={r}>
            <th scope="row">{r}</th>
            {columns.map((c, j) => {
              const v = cell(i, j);
              if (!v) return <td key={c}>…</td>;
              const t = hi > lo ? Math.min(1, Math.max(0, (v.value - lo) / (hi - lo))) : 0;
              const interval = v.lo !== null && v.hi !== null ? `${format(v.lo)}–${format(v.hi)}` : null;
              return (
                <td key={c} style={{ background: colour(t, high), color: t > 0.6 ? '#ffffff' : '#111827' }} title={interval ? `95% interval ${interval}` : undefined}>
                  <strong>{format(v.value)}</strong>
                  {interval && <span className="interval">{interval}</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
