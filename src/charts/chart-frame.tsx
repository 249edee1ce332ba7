import { useRef, type ReactNode } from 'react';
import { svgToPng } from './png';

export interface DataTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface ChartFrameProps {
  readonly id: string;
  readonly title: string;
  /** One or two sentences that say what the chart shows, for everyone and for screen readers. */
  readonly summary: string;
  readonly table: DataTable;
  readonly children: ReactNode;
  /** When given, a button saves the chart as a PNG under this file name. */
  readonly pngName?: string;
  /** Controls and notes shown under the chart (outside the hidden canvas). */
  readonly below?: ReactNode;
}

/**
 * A chart with its title, a text summary and a data table: the SVG is hidden from screen readers,
 * which read the summary and the table instead.
 */
export function ChartFrame({ id, title, summary, table, children, pngName, below }: ChartFrameProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const savePng = () => {
    const svg = canvas.current?.querySelector('svg.recharts-surface');
    if (svg instanceof SVGSVGElement && pngName) void svgToPng(svg, pngName);
  };
  return (
    <figure className="chart" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption>
        <h3 id={`${id}-title`}>{title}</h3>
        <p className="chart-summary">{summary}</p>
      </figcaption>
      <div className="chart-canvas" aria-hidden="true" ref={canvas}>
        {children}
      </div>
      {below}
      {pngName && (
        <button type="button" className="link" onClick={savePng}>
          Save {title.toLowerCase()} as PNG
        </button>
      )}
      <details className="chart-table">
        <summary>Data table: {title.toLowerCase()}</summary>
        <table>
          <caption>{table.caption}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((cell, j) => (j === 0 ? <th key={j} scope="row">{cell}</th> : <td key={j}>{cell}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
