import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { axisLabels, axisWidth, AXIS_TICK_SIZE } from './axis-width';
import { CHART_HEIGHT, FAN_COLOUR } from './charts.constants';

export interface SweepPoint {
  readonly x: number;
  readonly value: number;
  /** The 95% interval, where the outcome is a share. */
  readonly band?: [number, number];
}

/** An outcome against one swept parameter, with its interval band where it has one. */
export function SweepChart({ title, xLabel, points, format }: { title: string; xLabel: string; points: readonly SweepPoint[]; format: (y: number) => string }) {
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    first && last ? `${title}: ${format(first.value)} at ${xLabel} = ${first.x}, ${format(last.value)} at ${last.x} (${points.length} points).` : 'No points.';
  const table = {
    caption: `${title} by ${xLabel}`,
    columns: [xLabel, title, '95% interval'],
    rows: points.map((p) => [String(p.x), format(p.value), p.band ? `${format(p.band[0])} – ${format(p.band[1])}` : '—']),
  };
  const ys = points.flatMap((p) => [p.value, ...(p.band ?? [])]);
  const yWidth = axisWidth(axisLabels(Math.min(...ys), Math.max(...ys), format));
  return (
    <ChartFrame id="sweep" title={`${title} by ${xLabel}`} summary={summary} table={table} pngName="sweep.png">
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart accessibilityLayer={false} data={points as SweepPoint[]} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" />
          <XAxis dataKey="x" type="number" domain={['dataMin', 'dataMax']} label={{ value: xLabel, position: 'insideBottom', offset: -8 }} />
          <YAxis tickFormatter={format} width={yWidth} tick={{ fontSize: AXIS_TICK_SIZE }} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `${format(v[0] as number)} – ${format(v[1] as number)}` : typeof v === 'number' ? format(v) : v)} />
          <Area dataKey="band" stroke="none" fill={FAN_COLOUR} fillOpacity={0.2} isAnimationActive={false} />
          <Line dataKey="value" stroke={FAN_COLOUR} strokeWidth={2.5} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
