import { Bar, BarChart, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFrame } from './chart-frame';
import { useChartText, useNarrowScreen } from './chart-text';
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
  /** How the net change reads in words: "Escalation rose by 0.78", "The weekly risk fell by 0.7 points". */
  readonly netLabel: (total: number) => string;
}

/** The contributions behind one week's change, largest first, as horizontal bars. */
export function WhyChart({ id, title, bars, total, format, upIsBad, netLabel }: WhyChartProps) {
  const text = useChartText();
  // On a phone the causes get less width, so their labels wrap onto more lines: give each bar the height for them.
  const narrow = useNarrowScreen();
  const causeWidth = narrow ? Math.round(text.causeWidth * 0.6) : text.causeWidth;
  const rowHeight = WHY_BAR_HEIGHT * (narrow ? 2.2 : 1) * text.heightScale;
  const shown = bars.filter((b) => Math.abs(b.amount) >= 1e-6);
  const summary =
    shown.length === 0
      ? 'Nothing changed this week.'
      : `${netLabel(total)}. ` +
        shown
          .slice(0, 3)
          .map((b) => `${b.label}: ${format(b.amount)}`)
          .join('; ') +
        (shown.length > 3 ? `; and ${shown.length - 3} smaller ${shown.length - 3 === 1 ? 'cause' : 'causes'}.` : '.');
  const colour = (x: number) => ((x > 0) === upIsBad ? POSITIVE : NEGATIVE);
  const table = { caption: `${title}: contributions`, columns: ['Cause', 'Change'], rows: shown.map((b) => [b.label, format(b.amount)]) };
  return (
    <ChartFrame id={id} title={title} summary={summary} table={table}>
      {shown.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.round(Math.max(80, shown.length * rowHeight + 40))}>
          <BarChart accessibilityLayer={false} data={shown as WhyBar[]} layout="vertical" margin={{ top: 4, right: 44, bottom: 4, left: Math.round(text.tick * 1.2) }}>
            <XAxis type="number" tickFormatter={format} domain={['auto', 'auto']} tick={{ fontSize: text.tick }} />
            <YAxis type="category" dataKey="label" width={causeWidth} tick={{ fontSize: text.tick }} interval={0} />
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
