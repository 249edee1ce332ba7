/**
 * A plain-SVG chart of the play view's weekly rows: a line per series (broken where a branch has no
 * value, or joined across the gap), shaded areas behind them with optional labels, vertical markers,
 * the record's points as diamonds, a grid, axes, and a hover box for the week under the pointer.
 * The escalation and talks charts are drawn with it: End turn redraws both, and recharts' mount and
 * update held the main thread for tens of milliseconds per chart each week.
 */
import { useState, type PointerEvent } from 'react';
import { CURSOR_COLOUR } from './charts.constants';
import { ActiveDot, Axes, Grid, linear, linePath, MeasuredPlot, plotBox, PlotTooltip, pointerAt, type Margin, type TooltipItem } from './plot';
import type { WeekRow } from './series';

/** A line through one column of the rows. */
export interface RowLine {
  readonly key: string;
  readonly name: string;
  readonly colour: string;
  readonly width: number;
  readonly opacity?: number;
  readonly dash?: string;
  /** Joined across weeks without a value (true), or broken there. */
  readonly joinGaps: boolean;
}

/** A shaded rectangle in the chart's units, with a label inside its left edge and a hover title. */
export interface PlotArea {
  readonly key: string;
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly fill: string;
  readonly opacity: number;
  readonly label?: { readonly text: string; readonly title: string; readonly className: string; readonly fontSize: number };
}

/** A vertical line at week `x`, with an optional label inside the plot's top, left of the line. */
export interface PlotMarker {
  readonly key: string;
  readonly x: number;
  readonly colour: string;
  readonly dash?: string;
  readonly label?: string;
}

/** A point of the record (a diamond), and what the hover box says of it. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
  readonly tip: string;
}

export interface LinesPlotProps {
  readonly rows: readonly WeekRow[];
  readonly x: readonly [number, number];
  readonly xTicks: readonly number[];
  /** The x-axis' title under its ticks, if any. */
  readonly xTitle?: string;
  readonly y: readonly [number, number];
  readonly yTicks: readonly number[];
  readonly yLabel?: (v: number) => string;
  readonly height: number;
  readonly margin: Margin;
  readonly yWidth: number;
  readonly xHeight: number;
  /** Type sizes, px: tick labels, and titles and labels. */
  readonly tickSize: number;
  readonly labelSize: number;
  readonly lines: readonly RowLine[];
  readonly areas?: readonly PlotArea[];
  readonly markers?: readonly PlotMarker[];
  readonly points?: readonly PlotPoint[];
  readonly pointColour?: string;
  /** Vertical grid lines at the x ticks too (horizontal ones are always drawn). */
  readonly xGrid?: boolean;
  /** A value of a line as the hover box gives it, and the week's heading there. */
  readonly format: (v: number) => string;
  readonly weekLabel: (week: number) => string;
}

type Scale = (v: number) => number;

const valueOf = (row: WeekRow, key: string): number | undefined => {
  const v = row[key];
  return typeof v === 'number' ? v : undefined;
};

/** The SVG path of a line through the rows: one stroke per run of values, or one through every value when gaps are joined. */
export function rowsPath(rows: readonly WeekRow[], key: string, joinGaps: boolean, sx: Scale, sy: Scale): string {
  const runs: [number, number][][] = [[]];
  for (const r of rows) {
    const v = valueOf(r, key);
    if (v === undefined) {
      if (!joinGaps && runs.at(-1)!.length > 0) runs.push([]);
      continue;
    }
    runs.at(-1)!.push([sx(r.turn), sy(v)]);
  }
  return runs.filter((run) => run.length > 0).map(linePath).join('');
}

/**
 * The rows whose value stands alone, drawn as dots since a stroke through one point shows nothing:
 * in a line broken at gaps, a value with none in the weeks either side; in a line joined across
 * them, the only value it has.
 */
export function lonePoints(rows: readonly WeekRow[], key: string, joinGaps = false): WeekRow[] {
  if (joinGaps) {
    const valued = rows.filter((r) => valueOf(r, key) !== undefined);
    return valued.length === 1 ? valued : [];
  }
  return rows.filter((r, i) => valueOf(r, key) !== undefined && (i === 0 || valueOf(rows[i - 1]!, key) === undefined) && (i === rows.length - 1 || valueOf(rows[i + 1]!, key) === undefined));
}

/** A diamond's path centred on (x, y), as recharts draws its "diamond" symbol at the default size. */
function diamond(x: number, y: number): string {
  const h = 6.1;
  const w = 3.5;
  return `M${x},${y - h}L${x + w},${y}L${x},${y + h}L${x - w},${y}Z`;
}

function Plot({ width, props }: { width: number; props: LinesPlotProps }) {
  const { rows, x, y, height, margin, yWidth, xHeight, tickSize, labelSize, lines, areas = [], markers = [], points = [], format, weekLabel } = props;
  const [hover, setHover] = useState<number | null>(null);
  const box = plotBox(width, height, margin, yWidth, xHeight);
  const sx = linear(x[0], x[1], box.left, box.right);
  const sy = linear(y[0], y[1], box.bottom, box.top);
  const yLabel = props.yLabel ?? String;
  const xTicks = props.xTicks.map((t) => ({ at: sx(t), label: String(t) }));
  const yTicks = props.yTicks.map((t) => ({ at: sy(t), label: yLabel(t) }));
  const clampX = (v: number) => Math.min(box.right, Math.max(box.left, sx(v)));
  const clampY = (v: number) => Math.min(box.bottom, Math.max(box.top, sy(v)));

  const row = hover === null ? undefined : rows.find((r) => r.turn === hover);
  const items: TooltipItem[] = [
    ...(row ? lines.flatMap((l) => (valueOf(row, l.key) === undefined ? [] : [{ name: l.name, value: format(valueOf(row, l.key)!), colour: l.colour }])) : []),
    ...points.filter((p) => hover !== null && Math.round(p.x) === hover).map((p) => ({ name: 'The record', value: p.tip, colour: props.pointColour ?? '#111827' })),
  ];

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const at = pointerAt(event);
    const inside = at.x >= box.left && at.x <= box.right && at.y >= box.top && at.y <= box.bottom;
    setHover(inside ? Math.round(x[0] + ((at.x - box.left) / (box.right - box.left)) * (x[1] - x[0])) : null);
  };

  return (
    <>
      <svg className="chart-surface" width={width} height={height} viewBox={`0 0 ${width} ${height}`} onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)}>
        {areas.map((a) => {
          const x0 = clampX(a.x[0]);
          const top = clampY(a.y[1]);
          const bottom = clampY(a.y[0]);
          return (
            <g key={a.key} className="plot-area">
              <rect x={x0} y={top} width={Math.max(0, clampX(a.x[1]) - x0)} height={Math.max(0, bottom - top)} fill={a.fill} fillOpacity={a.opacity} />
              {a.label && (
                <text className={a.label.className} x={x0 + 5} y={(top + bottom) / 2} dominantBaseline="central" fill="#374151" fontSize={a.label.fontSize}>
                  <title>{a.label.title}</title>
                  {a.label.text}
                </text>
              )}
            </g>
          );
        })}
        <Grid box={box} xs={props.xGrid ? xTicks.map((t) => t.at) : []} ys={yTicks.map((t) => t.at)} />
        {hover !== null && items.length > 0 && <line className="plot-cursor" x1={sx(hover)} x2={sx(hover)} y1={box.top} y2={box.bottom} stroke={CURSOR_COLOUR} />}
        {markers.map((m) => (
          <g key={m.key} className="plot-marker">
            <line x1={sx(m.x)} x2={sx(m.x)} y1={box.bottom} y2={box.top} stroke={m.colour} strokeDasharray={m.dash} />
            {m.label && (
              <text className="plot-label" x={sx(m.x) - 5} y={box.top + 5} dy="0.71em" textAnchor="end" fill="#808080" fontSize={labelSize}>
                {m.label}
              </text>
            )}
          </g>
        ))}
        {lines.map((l) =>
          rows.some((r) => valueOf(r, l.key) !== undefined) ? (
            <path
              key={l.key}
              className="plot-line"
              data-series={l.key}
              d={rowsPath(rows, l.key, l.joinGaps, sx, sy)}
              fill="none"
              stroke={l.colour}
              strokeWidth={l.width}
              strokeOpacity={l.opacity}
              strokeDasharray={l.dash}
            />
          ) : null,
        )}
        {points.map((p, i) => (
          <path key={i} className="plot-record-point" d={diamond(sx(p.x), sy(p.y))} fill={props.pointColour} />
        ))}
        <Axes box={box} x={xTicks} y={yTicks} fontSize={tickSize} />
        {/* Lone values over the axes, which would hide a dot at the first week. */}
        {lines.flatMap((l) =>
          lonePoints(rows, l.key, l.joinGaps).map((r) => (
            <circle key={`${l.key}@${r.turn}`} className="plot-lone-point" cx={sx(r.turn)} cy={sy(valueOf(r, l.key)!)} r={l.width + 1} fill={l.colour} fillOpacity={l.opacity} />
          )),
        )}
        {props.xTitle && (
          <text className="plot-axis-title" x={(box.left + box.right) / 2} y={height - margin.bottom} textAnchor="middle" fill="#808080" fontSize={labelSize}>
            {props.xTitle}
          </text>
        )}
        {row &&
          lines.flatMap((l) => {
            const v = valueOf(row, l.key);
            return v === undefined ? [] : [<ActiveDot key={l.key} x={sx(row.turn)} y={sy(v)} colour={l.colour} />];
          })}
      </svg>
      {hover !== null && items.length > 0 && <PlotTooltip x={sx(hover)} top={box.top} width={width} label={weekLabel(hover)} items={items} />}
    </>
  );
}

/** Lines over the play view's weeks, at the width of the box they are drawn in. */
export function LinesPlot(props: LinesPlotProps) {
  return <MeasuredPlot height={props.height}>{(width) => <Plot width={width} props={props} />}</MeasuredPlot>;
}
