/** A plain-SVG chart of forecast rows over weeks: bands and lines, a grid, axes, and a hover box for the week under the pointer. */
import { useState, type PointerEvent } from 'react';
import { CURSOR_COLOUR } from './charts.constants';
import type { FanRow } from './forecast-series';
import { fixedTicks } from './nice-ticks';
import { ActiveDot, Axes, bandPath, Grid, linear, linePath, MeasuredPlot, plotBox, PlotTooltip, pointerAt, type Margin, type TooltipItem } from './plot';

type BandKey = 'band90' | 'band50' | 'aliveBand' | 'aliveModel';
type LineKey = 'median' | 'game' | 'alive';

/** One band or line of a week chart: which field of the rows it draws, its name in the hover box, and its look. */
export type WeekSeries =
  | { readonly kind: 'band'; readonly key: BandKey; readonly name: string; readonly colour: string; readonly opacity: number }
  | { readonly kind: 'line'; readonly key: LineKey; readonly name: string; readonly colour: string; readonly width: number; readonly dash?: string };

export interface WeekPlotProps {
  readonly rows: readonly FanRow[];
  /** Weeks along x, values up y. */
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
  readonly height: number;
  readonly margin: Margin;
  /** The y-axis' width, px, and its tick labels. */
  readonly yWidth: number;
  readonly yLabel?: (v: number) => string;
  /** Drawn in this order (bands first, so the lines lie on them), and listed in this order on hover. */
  readonly series: readonly WeekSeries[];
  /** A value as the hover box gives it. */
  readonly format: (v: number) => string;
  /** A dashed vertical line at this week (where the forecast starts). */
  readonly marker?: number;
}

/** The series' readings at a row, for the hover box. */
function readings(row: FanRow, series: readonly WeekSeries[], format: (v: number) => string): TooltipItem[] {
  return series.flatMap((s): TooltipItem[] => {
    if (s.kind === 'band') {
      const band = row[s.key];
      return band ? [{ name: s.name, value: `${format(band[0])} – ${format(band[1])}`, colour: s.colour }] : [];
    }
    const v = row[s.key];
    return v === undefined ? [] : [{ name: s.name, value: format(v), colour: s.colour }];
  });
}

type Scale = (v: number) => number;

function bandD(rows: readonly FanRow[], key: BandKey, sx: Scale, sy: Scale): string {
  return bandPath(
    rows.flatMap((r) => {
      const band = r[key];
      return band ? [[sx(r.turn), sy(band[0]), sy(band[1])] as const] : [];
    }),
  );
}

function lineD(rows: readonly FanRow[], key: LineKey, sx: Scale, sy: Scale): string {
  return linePath(
    rows.flatMap((r) => {
      const v = r[key];
      return v === undefined ? [] : [[sx(r.turn), sy(v)] as const];
    }),
  );
}

function Plot({ width, props }: { width: number; props: WeekPlotProps }) {
  const { rows, x, y, height, margin, yWidth, yLabel = String, series, format, marker } = props;
  const [hover, setHover] = useState<number | null>(null);
  const box = plotBox(width, height, margin, yWidth);
  const sx = linear(x[0], x[1], box.left, box.right);
  const sy = linear(y[0], y[1], box.bottom, box.top);
  const xTicks = fixedTicks(x[0], x[1], undefined, false).map((t) => ({ at: sx(t), label: String(t) }));
  const yTicks = fixedTicks(y[0], y[1]).map((t) => ({ at: sy(t), label: yLabel(t) }));
  const shown = rows.filter((r) => r.turn >= x[0] && r.turn <= x[1]);
  const row = hover === null ? undefined : shown.find((r) => r.turn === hover);
  const items = row ? readings(row, series, format) : [];

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const at = pointerAt(event);
    const inside = at.x >= box.left && at.x <= box.right && at.y >= box.top && at.y <= box.bottom;
    const week = Math.round(x[0] + ((at.x - box.left) / (box.right - box.left)) * (x[1] - x[0]));
    setHover(inside ? week : null);
  };

  return (
    <>
      <svg className="chart-surface" width={width} height={height} viewBox={`0 0 ${width} ${height}`} onPointerMove={onPointerMove} onPointerLeave={() => setHover(null)}>
        <Grid box={box} xs={xTicks.map((t) => t.at)} ys={yTicks.map((t) => t.at)} />
        {series.map((s) =>
          s.kind === 'band' ? (
            <path
              key={s.key}
              className="plot-band"
              d={bandD(shown, s.key, sx, sy)}
              fill={s.colour}
              fillOpacity={s.opacity}
              stroke="none"
            />
          ) : null,
        )}
        {row && items.length > 0 && <line className="plot-cursor" x1={sx(row.turn)} x2={sx(row.turn)} y1={box.top} y2={box.bottom} stroke={CURSOR_COLOUR} />}
        {marker !== undefined && <line className="plot-marker" x1={sx(marker)} x2={sx(marker)} y1={box.bottom} y2={box.top} stroke="#111827" strokeDasharray="4 3" />}
        {series.map((s) =>
          s.kind === 'line' && shown.some((r) => r[s.key] !== undefined) ? (
            <path
              key={s.key}
              className="plot-line"
              d={lineD(shown, s.key, sx, sy)}
              fill="none"
              stroke={s.colour}
              strokeWidth={s.width}
              strokeDasharray={s.dash}
            />
          ) : null,
        )}
        <Axes box={box} x={xTicks} y={yTicks} />
        {row &&
          series.flatMap((s) => {
            const at = sx(row.turn);
            if (s.kind === 'line') {
              const v = row[s.key];
              return v === undefined ? [] : [<ActiveDot key={s.key} x={at} y={sy(v)} colour={s.colour} />];
            }
            const band = row[s.key];
            return band ? [0, 1].map((i) => <ActiveDot key={`${s.key}${i}`} x={at} y={sy(band[i]!)} colour={s.colour} />) : [];
          })}
      </svg>
      {row && items.length > 0 && <PlotTooltip x={sx(row.turn)} top={box.top} width={width} label={`Week ${row.turn}`} items={items} />}
    </>
  );
}

/** Bands and lines over weeks, at the width of the box it is drawn in. */
export function WeekPlot(props: WeekPlotProps) {
  return <MeasuredPlot height={props.height}>{(width) => <Plot width={width} props={props} />}</MeasuredPlot>;
}
