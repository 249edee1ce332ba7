import { Bar, BarChart, CartesianGrid, Legend, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { TornadoBar } from '../analysis/sensitivity';
import { ChartFrame } from './chart-frame';
import { useNamedBars } from './chart-text';
import { NEGATIVE, POSITIVE, WHY_BAR_HEIGHT } from './charts.constants';
import { rangeTicks } from './nice-ticks';

/** The parameters that move an outcome most: a bar from the base value to each side's result. */
export function TornadoChart({ id, title, bars, format }: { id: string; title: string; bars: readonly TornadoBar[]; format: (x: number) => string }) {
  const rows = bars.map((b) => ({ label: b.label, low: [b.base, b.low] as [number, number], high: [b.base, b.high] as [number, number] }));
  const labels = useNamedBars(WHY_BAR_HEIGHT * 1.4);
  const base = bars[0]?.base ?? 0;
  const values = bars.flatMap((b) => [b.low, b.high, b.base]);
  // Round ticks covering every bar (40%, 45%, 50%, 55%, 60%), the axis running from the first to the last.
  const ticks = rangeTicks(Math.min(...values, base), Math.max(...values, base), labels.ticks);
  const domain: [number, number] = ticks.length > 1 ? [ticks[0]!, ticks[ticks.length - 1]!] : [base - 1, base + 1];
  const rowHeight = labels.rowHeight;
  const summary =
    bars.length === 0
      ? 'No parameters.'
      : `From ${format(base)}, ${bars
          .slice(0, 3)
          .map((b) => `${b.label}: ${format(b.low)} to ${format(b.high)}`)
          .join('; ')}.`;
  const table = {
    caption: `${title}: outcome with each parameter multiplied by 0.8 and by 1.2`,
    columns: ['Parameter', 'Parameter × 0.8', 'Parameter × 1.2', 'Swing'],
    rows: bars.map((b) => [b.label, format(b.low), format(b.high), format(b.swing)]),
  };
  return (
    <ChartFrame id={id} title={title} summary={summary} table={table} pngName={`${id}.png`}>
      <ResponsiveContainer width="100%" height={Math.max(120, bars.length * rowHeight + 70)}>
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" barGap={-WHY_BAR_HEIGHT * 0.6} margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" horizontal={false} />
          <XAxis type="number" domain={domain} ticks={ticks.length > 1 ? ticks : undefined} tickFormatter={format} />
          <YAxis type="category" dataKey="label" width={labels.width} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `${format(v[0] as number)} → ${format(v[1] as number)}` : v)} />
          <Legend />
          <ReferenceLine x={base} stroke="#111827" />
          <Bar dataKey="low" name="parameter × 0.8" fill={NEGATIVE} barSize={WHY_BAR_HEIGHT * 0.6} isAnimationActive={false} />
          <Bar dataKey="high" name="parameter × 1.2" fill={POSITIVE} barSize={WHY_BAR_HEIGHT * 0.6} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
