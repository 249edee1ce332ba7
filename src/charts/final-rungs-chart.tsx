import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastSummary } from '../engine/summary';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, FAN_COLOUR } from './charts.constants';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;

/** Where the futures end on the ladder. */
export function FinalRungsChart({ summary }: { summary: ForecastSummary }) {
  const rows = summary.finalRungs.map((r) => ({ ...r, label: String(r.level) }));
  const top = [...summary.finalRungs].sort((a, b) => b.share - a.share).slice(0, 2);
  const text = `Most futures end on rung ${top[0]!.level} (${top[0]!.name}, ${pct1(top[0]!.share)})` + (top[1] && top[1].share > 0 ? `, then rung ${top[1].level} (${top[1].name}, ${pct1(top[1].share)}).` : '.');
  const table = { caption: 'Share of futures ending on each rung', columns: ['Rung', 'Name', 'Share'], rows: summary.finalRungs.map((r) => [r.level, r.name, pct1(r.share)]) };
  return (
    <ChartFrame id="final-rungs" title="Final rung of the ladder" summary={text} table={table} pngName={`final-rungs-week-${summary.startTurn}.png`}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT - 60}>
        <BarChart accessibilityLayer={false} data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={44} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? pct1(v) : v)} labelFormatter={(l, p) => (p?.[0] ? `Rung ${l}: ${(p[0].payload as { name: string }).name}` : `Rung ${l}`)} />
          <Bar dataKey="share" fill={FAN_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
