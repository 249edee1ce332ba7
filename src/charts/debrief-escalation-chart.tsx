import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { Debrief } from '../analysis/debrief';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, FAN_COLOUR, GAME_COLOUR, HISTORY_COLOUR } from './charts.constants';
import type { DebriefRow } from './debrief-series';
import { escalationSummary, f1, floorPercent } from './debrief-text';
import { contextPoints } from './series';

export interface DebriefEscalationChartProps {
  readonly scenario: Scenario;
  readonly debrief: Debrief;
  readonly rows: readonly DebriefRow[];
}

/** The chart's legend, in words and swatches (the SVG is hidden from screen readers). */
function Legend({ record }: { record: boolean }) {
  return (
    <ul className="phase-legend" aria-hidden="true">
      <li>
        <span className="swatch line" style={{ background: GAME_COLOUR }} /> the class
      </li>
      <li>
        <span className="swatch line dashed" style={{ borderColor: FAN_COLOUR }} /> median of the futures
      </li>
      <li>
        <span className="swatch" style={{ background: FAN_COLOUR, opacity: 0.45 }} /> half of the futures
      </li>
      <li>
        <span className="swatch" style={{ background: FAN_COLOUR, opacity: 0.2 }} /> nine in ten
      </li>
      {record && (
        <li>
          <span className="swatch diamond" style={{ background: HISTORY_COLOUR }} /> the record before the start (as many weeks back as the game has)
        </li>
      )}
    </ul>
  );
}

/** The class's escalation over the fan of AI futures from the same start, with the record before it on the left. */
export function DebriefEscalationChart({ scenario, debrief, rows }: DebriefEscalationChartProps) {
  const last = rows.length - 1;
  // The record reaches as far back as the chart reaches forward, so a short game is not squeezed
  // into a corner by months of record; the section below lists all of it.
  const points = contextPoints(scenario).filter((p) => p.turn >= -Math.max(last, 1));
  const from = points.length > 0 ? Math.floor(Math.min(...points.map((p) => p.turn))) : 0;
  const top = scenario.ladder.length - 1;
  const table = {
    caption: 'Escalation per week: the class, and the AI futures (median, 50% and 90% ranges), with the share of futures below the class',
    columns: ['Week', 'Date', 'Class', 'Median', '50% of futures', '90% of futures', 'Futures below the class'],
    rows: rows.map((r) => {
      const pos = debrief.positions[r.turn]?.futures;
      return [r.turn, r.date, r.game === undefined ? '—' : f1(r.game), r.median === undefined ? '—' : f1(r.median), r.band50 ? `${f1(r.band50[0])}–${f1(r.band50[1])}` : '—', r.band90 ? `${f1(r.band90[0])}–${f1(r.band90[1])}` : '—', pos ? floorPercent(pos.below) : '—'];
    }),
  };
  return (
    <ChartFrame id="debrief-escalation" title="Escalation: the class over the AI futures" summary={escalationSummary(scenario, debrief)} table={table} below={<Legend record={points.length > 0} />}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT + 40}>
        <ComposedChart accessibilityLayer={false} data={rows as DebriefRow[]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" />
          <XAxis dataKey="turn" type="number" domain={[from, last]} allowDecimals={false} tickCount={Math.min(last - from + 1, 14)} label={{ value: 'week', position: 'insideBottomRight', offset: -4 }} />
          <YAxis domain={[0, top]} ticks={scenario.ladder.map((r) => r.level)} width={32} />
          <Tooltip
            formatter={(v, _name, item) => {
              const point = item?.payload as { label?: string; date?: string } | undefined;
              if (point?.label) return `${point.date}: ${point.label}`;
              return Array.isArray(v) ? `${f1(v[0] as number)} – ${f1(v[1] as number)}` : typeof v === 'number' ? f1(v) : v;
            }}
            labelFormatter={(t) => (typeof t === 'number' && t < 0 ? 'Before the start' : `Week ${t}`)}
          />
          <Area dataKey="band90" name="90% of futures" stroke="none" fill={FAN_COLOUR} fillOpacity={0.2} isAnimationActive={false} />
          <Area dataKey="band50" name="50% of futures" stroke="none" fill={FAN_COLOUR} fillOpacity={0.4} isAnimationActive={false} />
          <Line dataKey="median" name="median of the futures" stroke={FAN_COLOUR} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
          <Line dataKey="game" name="the class" stroke={GAME_COLOUR} strokeWidth={3} dot={{ r: 3, fill: GAME_COLOUR }} isAnimationActive={false} connectNulls={false} />
          {points.length > 0 && <ReferenceLine x={0} stroke={HISTORY_COLOUR} label={{ value: 'start', position: 'insideTopRight', fontSize: 11 }} />}
          {points.length > 0 && <Scatter data={points} dataKey="rung" name="The record" fill={HISTORY_COLOUR} shape="diamond" isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
