import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MorrisOutcome } from '../analysis/morris-screening';
import { inSentence } from '../scenario/parameter-words';
import { ChartFrame } from './chart-frame';
import { useNamedBars } from './chart-text';
import { NEGATIVE, POSITIVE, WHY_BAR_HEIGHT } from './charts.constants';
import { rangeTicks } from './nice-ticks';

interface Row {
  readonly label: string;
  readonly muStar: number;
  readonly mu: number;
}

/**
 * A Morris screening of one outcome: every factor's μ* (mean absolute elementary effect) as a
 * horizontal bar, largest first, coloured by the sign of μ (which way the factor pushes on average).
 */
export function MorrisChart({ id, outcome, format }: { id: string; outcome: MorrisOutcome; format: (x: number) => string }) {
  const labels = useNamedBars(WHY_BAR_HEIGHT);
  const rows: Row[] = outcome.rows.map((r) => ({ label: r.factor.label, muStar: r.muStar, mu: r.mu }));
  // Round ticks from zero past the largest μ* (0, 10, 20, 30, 40 pp), not recharts' 0, 17, 34.
  const ticks = rangeTicks(0, Math.max(0, ...rows.map((r) => r.muStar)), labels.ticks);
  const title = `${outcome.label}: Morris μ*`;
  const summary =
    rows.length === 0
      ? 'No factors.'
      : `Factors ranked by how much they move ${inSentence(outcome.label)} over their prior ranges: ${outcome.rows
          .slice(0, 3)
          .map((r) => `${r.factor.label} (μ* ${format(r.muStar)}, μ ${format(r.mu)})`)
          .join('; ')}.`;
  const table = {
    caption: `${outcome.label}: elementary effects of each factor, from the bottom to the top of its prior range`,
    columns: ['Rank', 'Factor', 'Rule', 'Parameters', 'μ* (mean |effect|)', 'μ (mean effect)', 'σ (spread)'],
    rows: outcome.rows.map((r) => [r.rank, r.factor.label, r.factor.match, r.factor.members.length, format(r.muStar), format(r.mu), format(r.sigma)]),
  };
  const below = <p className="hint">Orange: raising the factor raises the outcome on average (μ &gt; 0); blue: it lowers it.</p>;
  return (
    <ChartFrame id={id} title={title} summary={summary} table={table} pngName={`${id}.png`} below={below}>
      <ResponsiveContainer width="100%" height={Math.max(120, rows.length * labels.rowHeight + 50)}>
        <BarChart accessibilityLayer={false} data={rows} layout="vertical" margin={{ top: 4, right: 24, bottom: 4, left: 8 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" horizontal={false} />
          <XAxis type="number" domain={ticks.length > 1 ? [0, ticks[ticks.length - 1]!] : [0, 'auto']} ticks={ticks.length > 1 ? ticks : undefined} tickFormatter={format} />
          <YAxis type="category" dataKey="label" width={labels.width} tick={{ fontSize: 12 }} interval={0} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? format(v) : v)} />
          <Bar dataKey="muStar" name="μ*" barSize={WHY_BAR_HEIGHT * 0.6} isAnimationActive={false}>
            {rows.map((r, i) => (
              <Cell key={i} fill={r.mu >= 0 ? POSITIVE : NEGATIVE} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
