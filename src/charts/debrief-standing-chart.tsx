import { Bar, BarChart, CartesianGrid, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Debrief } from '../analysis/debrief';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, FAN_COLOUR, GAME_COLOUR } from './charts.constants';
import { STANDING_LEVEL } from './debrief.constants';
import type { StandingRow } from './debrief-series';
import { floorPercent, standingSentence } from './debrief-text';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;

/** The legend: what each part of a week's bar counts. */
function Legend() {
  return (
    <ul className="phase-legend" aria-hidden="true">
      <li>
        <span className="swatch" style={{ background: GAME_COLOUR }} /> futures lower than the class
      </li>
      <li>
        <span className="swatch" style={{ background: STANDING_LEVEL }} /> level with it
      </li>
      <li>
        <span className="swatch" style={{ background: FAN_COLOUR, opacity: 0.35 }} /> higher
      </li>
    </ul>
  );
}

/** Week by week, the share of AI futures whose escalation was lower than the class's, level with it and higher. */
export function DebriefStandingChart({ debrief, rows }: { debrief: Debrief; rows: readonly StandingRow[] }) {
  const sentences = debrief.positions.filter((p) => p.week > 0).map(standingSentence).filter((s): s is string => s !== null);
  const summary = sentences.length > 0 ? `${sentences[sentences.length - 1]} Week by week: ${rows.map((r) => `week ${r.week} above ${floorPercent(r.below)}`).join(', ')}.` : 'No week has been played yet.';
  const table = {
    caption: 'Share of the AI futures whose escalation was lower than the class’s, level with it and higher, and the class’s percentile (mid-rank)',
    columns: ['Week', 'Lower than the class', 'Level', 'Higher', 'Percentile'],
    rows: rows.map((r) => [r.week, pct1(r.below), pct1(r.level), pct1(r.above), r.percentile.toFixed(1)]),
  };
  return (
    <ChartFrame id="debrief-standing" title="Where the class stood among the AI futures" summary={summary} table={table} below={<Legend />}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT - 80}>
        <BarChart accessibilityLayer={false} data={rows as StandingRow[]} margin={{ top: 8, right: 16, bottom: 8, left: 4 }} barCategoryGap="20%">
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" vertical={false} />
          <XAxis dataKey="label" label={{ value: 'week', position: 'insideBottomRight', offset: -4 }} />
          <YAxis domain={[0, 1]} ticks={[0, 0.25, 0.5, 0.75, 1]} tickFormatter={(v: number) => `${Math.round(v * 100)}%`} width={44} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? pct1(v) : v)} labelFormatter={(l) => `Week ${l}`} />
          <ReferenceLine y={0.5} stroke="#111827" strokeDasharray="4 3" />
          <Bar dataKey="below" name="lower than the class" stackId="s" fill={GAME_COLOUR} isAnimationActive={false} />
          <Bar dataKey="level" name="level" stackId="s" fill={STANDING_LEVEL} isAnimationActive={false} />
          <Bar dataKey="above" name="higher" stackId="s" fill={FAN_COLOUR} fillOpacity={0.35} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
