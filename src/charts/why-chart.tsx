import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { NEGATIVE, POSITIVE, WHY_BAR_HEIGHT } from './charts.constants';
import type { WhyBar } from './series';

export interface WhyChartProps {
  readonly id: string;
  readonly title: string;
  readonly bars: readonly WhyBar[];
  /** The net change, in the chart's units. */
  readonly total: number;
  readonly format: (x: number) => string;
  /** Colour increases as bad news (escalation) or good news (survival). */
  readonly upIsBad: boolean;
}

/** The contributions behind one week's change, largest first, as horizontal bars. */
export function WhyChart({ id, title, bars, total, format, upIsBad }: WhyChartProps) {
  const shown = bars.filter((b) => Math.abs(b.amount) >= 1e-6);
  const summary =
    shown.length === 0
      ? 'Nothing changed this week.'
      : `Net change ${format(total)}. ` +
        shown
          .slice(0, 3)
          .map((b) => `${b.label}: ${format(b.amount)}`)
          .join('; ') +
        (shown.length > 3 ? `; and ${shown.length - 3} smaller.` : '.');
  const colour = (x: number) => ((x > 0) === upIsBad ? POSITIVE : NEGATIVE);
  const table = { caption: `${title}: contributions`, columns: ['Cause', 'Change'], rows: shown.map((b) => [b.label, format(b.amount)]) };
  return (
    <ChartFrame id={id} title={title} summary={summary} table={table}>
      {shown.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.max(80, shown.length * WHY_BAR_HEIGHT + 40)}>
          <BarChart accessibilityLayer={false} data={shown as WhyBar[]} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
            <XAxis type="number" tickFormatter={format} domain={['auto', 'auto']} />
            <YAxis type="category" dataKey="label" width={230} tick={{ fontSize: 12 }} interval={0} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : v)} />
            <ReferenceLine x={0} stroke="#111827" />
            <Bar dataKey="amount" isAnimationActive={false}>
              {shown.map((b, i) => (
                <Cell key={i} fill={colour(b.amount)} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
