import { useContext, useRef, type ReactNode } from 'react';
import { ChartDrawnContext } from './plot';
import { CHART_SVG, svgToPng, type LegendItem } from './png';
import { inSentence } from '../scenario/parameter-words';

export interface DataTable {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly (string | number)[])[];
}

export interface ChartFrameProps {
  readonly id: string;
  readonly title: string;
  /** One or two sentences that say what the chart shows, for everyone and for screen readers (terms in it may explain themselves). */
  readonly summary: ReactNode;
  readonly table: DataTable;
  readonly children: ReactNode;
  /** When given, a button saves the chart as a PNG under this file name. */
  readonly pngName?: string;
  /** Controls and notes shown under the chart (outside the hidden canvas). */
  readonly below?: ReactNode;
  /** What each band and line is, shown under the chart and drawn into its PNG. */
  readonly legend?: readonly LegendItem[];
}

/** A legend as a list under the chart; its items carry their style, so a PNG of the chart can draw them too. */
function ChartLegend({ title, items }: { title: string; items: readonly LegendItem[] }) {
  return (
    <ul className="chart-legend" aria-label={`Legend: ${title}`}>
      {items.map((i) => (
        <li key={i.label} data-kind={i.kind} data-colour={i.colour} data-opacity={i.opacity ?? 1}>
          <svg width="24" height="12" aria-hidden="true" focusable="false">
            {i.kind === 'band' ? (
              <rect x="0" y="0" width="24" height="12" fill={i.colour} fillOpacity={i.opacity ?? 0.3} />
            ) : (
              <line x1="0" y1="6" x2="24" y2="6" stroke={i.colour} strokeWidth="2.5" strokeDasharray={i.kind === 'dashed' ? '6 3' : undefined} />
            )}
          </svg>
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/**
 * A chart with its title, a text summary and a data table: the SVG is hidden from screen readers,
 * which read the summary and the table instead.
 */
export function ChartFrame({ id, title, summary, table, children, pngName, below, legend }: ChartFrameProps) {
  const canvas = useRef<HTMLDivElement>(null);
  const drawn = useContext(ChartDrawnContext);
  const savePng = () => {
    const svg = canvas.current?.querySelector(CHART_SVG);
    if (svg instanceof SVGSVGElement && pngName) void svgToPng(svg, pngName, legend);
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
      {legend && legend.length > 0 && <ChartLegend title={title} items={legend} />}
      {below}
      {pngName && (
        <button type="button" className="link" onClick={savePng}>
          Save {inSentence(title)} as PNG
        </button>
      )}
      <details className="chart-table">
        <summary>Data table: {inSentence(title)}</summary>
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
            {(drawn ? table.rows : []).map((r, i) => (
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
