import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastSummary } from '../engine/summary';
import { axisWidth, AXIS_TICK_SIZE } from './axis-width';
import { ChartFrame } from './chart-frame';
import { BRANCH_COLOURS, CHART_HEIGHT } from './charts.constants';

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

/** One line per set-up over the weeks, for a side-by-side reading of a forecast metric. */
export function CompareChart({ id, title, series, value, format, domain, describe }: CompareChartProps) {
  const weeks = series[0]?.summary.weeks ?? [];
  const rows = weeks.map((w, i) => ({ turn: w.turn, ...Object.fromEntries(series.map((s, k) => [`s${k}`, value(s.summary.weeks[i]!)])) }));
  const table = {
    caption: title,
    columns: ['Week', ...series.map((s) => s.label)],
    rows: weeks.map((w, i) => [w.turn, ...series.map((s) => format(value(s.summary.weeks[i]!)))]),
  };
  return (
    <ChartFrame id={id} title={title} summary={describe} table={table} pngName={`${id}.png`}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" />
          <XAxis dataKey="turn" type="number" domain={['dataMin', 'dataMax']} allowDecimals={false} />
          <YAxis domain={domain} tickFormatter={format} width={axisWidth(domain.map(format))} tick={{ fontSize: AXIS_TICK_SIZE }} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : v)} labelFormatter={(t) => `Week ${t}`} />
          <Legend />
          {series.map((s, k) => (
            <Line key={k} dataKey={`s${k}`} name={s.label} stroke={BRANCH_COLOURS[k % BRANCH_COLOURS.length]} strokeWidth={2.5} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
