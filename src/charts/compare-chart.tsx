import type { ForecastSummary } from '../engine/summary';
import { axisWidth, AXIS_TICK_SIZE } from './axis-width';
import { ChartFrame } from './chart-frame';
import { BRANCH_COLOURS, CHART_HEIGHT } from './charts.constants';
import { LinesPlot } from './lines-plot';
import { fixedTicks } from './nice-ticks';
import type { WeekRow } from './series';

export interface CompareSeries {
  readonly label: string;
  readonly summary: ForecastSummary;
}

export interface CompareChartProps {
  readonly id: string;
  readonly title: string;
  readonly series: readonly CompareSeries[];
  readonly value: (w: ForecastSummary['weeks'][number]) => number;
  readonly format: (x: number) => string;
  readonly domain: [number, number];
  readonly describe: string;
}

const colourOf = (k: number) => BRANCH_COLOURS[k % BRANCH_COLOURS.length]!;

/** One line per set-up over the weeks, for a side-by-side reading of a forecast metric (plain SVG, drawn in a few milliseconds). */
export function CompareChart({ id, title, series, value, format, domain, describe }: CompareChartProps) {
  const weeks = series[0]?.summary.weeks ?? [];
  const rows: WeekRow[] = weeks.map((w, i) => ({ turn: w.turn, date: w.date, ...Object.fromEntries(series.map((s, k) => [`s${k}`, value(s.summary.weeks[i]!)])) }));
  const table = {
    caption: title,
    columns: ['Week', ...series.map((s) => s.label)],
    rows: weeks.map((w, i) => [w.turn, ...series.map((s) => format(value(s.summary.weeks[i]!)))]),
  };
  const first = weeks[0]?.turn ?? 0;
  const last = weeks.at(-1)?.turn ?? 1;
  const yTicks = fixedTicks(domain[0], domain[1]);
  return (
    <ChartFrame
      id={id}
      title={title}
      summary={describe}
      table={table}
      pngName={`${id}.png`}
      legend={series.map((s, k) => ({ label: s.label, colour: colourOf(k), kind: 'line' as const }))}
    >
      <LinesPlot
        rows={rows}
        x={[first, last]}
        xTicks={fixedTicks(first, last, undefined, false)}
        xGrid
        y={domain}
        yTicks={yTicks}
        yLabel={format}
        height={CHART_HEIGHT}
        margin={{ top: 8, right: 16, bottom: 8, left: 4 }}
        yWidth={axisWidth(yTicks.map(format))}
        xHeight={30}
        tickSize={AXIS_TICK_SIZE}
        labelSize={AXIS_TICK_SIZE}
        lines={series.map((s, k) => ({ key: `s${k}`, name: s.label, colour: colourOf(k), width: 2.5, joinGaps: false }))}
        format={format}
        weekLabel={(t) => `Week ${t}`}
      />
    </ChartFrame>
  );
}
