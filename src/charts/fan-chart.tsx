import { Area, CartesianGrid, ComposedChart, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { rungOf } from '../engine/ladder';
import type { ForecastSummary } from '../engine/summary';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { BAND50_OPACITY, BAND90_OPACITY, CHART_HEIGHT, FAN_COLOUR, GAME_COLOUR } from './charts.constants';
import type { LegendItem } from './png';
import type { FanRow } from './forecast-series';

export interface FanChartProps {
  readonly scenario: Scenario;
  readonly summary: ForecastSummary;
  readonly rows: readonly FanRow[];
}

const f1 = (x: number) => x.toFixed(1);

/** Escalation across the futures: median, 50% and 90% bands, behind the game's own line. */
export function FanChart({ scenario, summary, rows }: FanChartProps) {
  const end = summary.weeks[summary.weeks.length - 1]!;
  const e = end.escalation;
  const text =
    `${summary.runs.toLocaleString('en-US')} futures from week ${summary.startTurn}. At week ${end.turn} the median escalation is ${f1(e.p50)} ` +
    `(${rungOf(scenario, e.p50).name}); half the futures lie between ${f1(e.p25)} and ${f1(e.p75)}, nine in ten between ${f1(e.p5)} and ${f1(e.p95)}.`;
  const table = {
    caption: 'Escalation across the futures, per week: percentiles',
    columns: ['Week', 'Date', '5%', '25%', 'Median', '75%', '95%'],
    rows: summary.weeks.map((w) => [w.turn, w.date, f1(w.escalation.p5), f1(w.escalation.p25), f1(w.escalation.p50), f1(w.escalation.p75), f1(w.escalation.p95)]),
  };
  const top = scenario.ladder.length - 1;
  const legend: LegendItem[] = [
    { label: '90% of futures', colour: FAN_COLOUR, kind: 'band', opacity: BAND90_OPACITY },
    { label: '50% of futures', colour: FAN_COLOUR, kind: 'band', opacity: BAND50_OPACITY },
    { label: 'median', colour: FAN_COLOUR, kind: 'dashed' },
    ...(rows.some((r) => r.game !== undefined) ? [{ label: 'this game', colour: GAME_COLOUR, kind: 'line' as const }] : []),
  ];
  return (
    <ChartFrame id="fan" title="Escalation: the range of futures" summary={text} table={table} pngName={`escalation-forecast-week-${summary.startTurn}.png`} legend={legend}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <ComposedChart accessibilityLayer={false} data={rows as FanRow[]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" />
          <XAxis dataKey="turn" type="number" domain={[0, end.turn]} allowDecimals={false} />
          <YAxis domain={[0, top]} width={32} />
          <Tooltip formatter={(v) => (Array.isArray(v) ? `${f1(v[0] as number)} – ${f1(v[1] as number)}` : typeof v === 'number' ? f1(v) : v)} labelFormatter={(t) => `Week ${t}`} />
          <ReferenceLine x={summary.startTurn} stroke="#111827" strokeDasharray="4 3" />
          <Area dataKey="band90" name="90% of futures" stroke="none" fill={FAN_COLOUR} fillOpacity={BAND90_OPACITY} isAnimationActive={false} />
          <Area dataKey="band50" name="50% of futures" stroke="none" fill={FAN_COLOUR} fillOpacity={BAND50_OPACITY} isAnimationActive={false} />
          <Line dataKey="median" name="median" stroke={FAN_COLOUR} strokeWidth={2} strokeDasharray="6 3" dot={false} isAnimationActive={false} />
          <Line dataKey="game" name="this game" stroke={GAME_COLOUR} strokeWidth={3} dot={false} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
