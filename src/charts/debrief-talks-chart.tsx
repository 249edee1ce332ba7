import { Area, CartesianGrid, ComposedChart, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Debrief } from '../analysis/debrief';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, GAME_COLOUR, SURVIVAL_COLOUR } from './charts.constants';
import { CLASS_STEP_WIDTH } from './debrief.constants';
import type { DebriefRow } from './debrief-series';
import { roundPercent, talksSummary } from './debrief-text';

const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;

function Legend() {
  return (
    <ul className="phase-legend" aria-hidden="true">
      <li>
        <span className="swatch line" style={{ background: GAME_COLOUR }} /> the class: alive (top) or not (bottom)
      </li>
      <li>
        <span className="swatch line" style={{ background: SURVIVAL_COLOUR }} /> share of the AI futures with the talks alive
      </li>
    </ul>
  );
}

/** The talks: alive or not in the class's game, week by week, over the share of AI futures with them alive. */
export function DebriefTalksChart({ scenario, debrief, rows }: { scenario: Scenario; debrief: Debrief; rows: readonly DebriefRow[] }) {
  const phase = (id: string | undefined) => (id === undefined ? '—' : (scenario.talks.phases.find((p) => p.id === id)?.label ?? id));
  const table = {
    caption: `${scenario.talks.label} per week: the class's phase, and the share of AI futures with the talks alive (95% interval)`,
    columns: ['Week', 'Date', 'The class', 'Futures alive', '95% interval'],
    rows: rows.map((r) => [
      r.turn,
      r.date,
      r.gamePhase === undefined ? '—' : `${phase(r.gamePhase)}${r.gameAlive ? '' : ' (not alive)'}`,
      r.alive === undefined ? '—' : roundPercent(r.alive),
      r.aliveBand ? `${pct1(r.aliveBand[0])}–${pct1(r.aliveBand[1])}` : '—',
    ]),
  };
  return (
    <ChartFrame id="debrief-talks" title={`${scenario.talks.label}: the class and the AI futures`} summary={talksSummary(scenario, debrief)} table={table} below={<Legend />}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT - 20}>
        <ComposedChart accessibilityLayer={false} data={rows as DebriefRow[]} margin={{ top: 12, right: 16, bottom: 8, left: 4 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" />
          <XAxis dataKey="turn" type="number" domain={[0, rows.length - 1]} allowDecimals={false} tickCount={Math.min(rows.length, 14)} label={{ value: 'week', position: 'insideBottomRight', offset: -4 }} />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => roundPercent(v)} width={48} />
          <Tooltip
            formatter={(v, name, item) => {
              if (name === 'the class') return phase((item?.payload as DebriefRow | undefined)?.gamePhase);
              return Array.isArray(v) ? `${pct1(v[0] as number)} – ${pct1(v[1] as number)}` : typeof v === 'number' ? pct1(v) : v;
            }}
            labelFormatter={(t) => `Week ${t}`}
          />
          <Area dataKey="aliveBand" name="95% interval" stroke="none" fill={SURVIVAL_COLOUR} fillOpacity={0.25} isAnimationActive={false} />
          <Line dataKey="alive" name="futures alive" stroke={SURVIVAL_COLOUR} strokeWidth={2.5} dot={false} isAnimationActive={false} />
          <Line dataKey="gameAlive" name="the class" type="stepAfter" stroke={GAME_COLOUR} strokeWidth={CLASS_STEP_WIDTH} dot={{ r: 3, fill: GAME_COLOUR }} isAnimationActive={false} connectNulls={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
