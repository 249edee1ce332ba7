import { rungOf } from '../engine/ladder';
import type { ForecastSummary } from '../engine/summary';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { BAND50_OPACITY, BAND90_OPACITY, CHART_HEIGHT, FAN_COLOUR, GAME_COLOUR } from './charts.constants';
import type { LegendItem } from './png';
import type { FanRow } from './forecast-series';
import { WeekPlot, type WeekSeries } from './week-plot';
import { grouped } from '../scenario/numbers';

export interface FanChartProps {
  readonly scenario: Scenario;
  readonly summary: ForecastSummary;
  readonly rows: readonly FanRow[];
}

const f1 = (x: number) => x.toFixed(1);

const SERIES: readonly WeekSeries[] = [
  { kind: 'band', key: 'band90', name: '90% of futures', colour: FAN_COLOUR, opacity: BAND90_OPACITY },
  { kind: 'band', key: 'band50', name: '50% of futures', colour: FAN_COLOUR, opacity: BAND50_OPACITY },
  { kind: 'line', key: 'median', name: 'median', colour: FAN_COLOUR, width: 2, dash: '6 3' },
  { kind: 'line', key: 'game', name: 'this game', colour: GAME_COLOUR, width: 3 },
];

/** Escalation across the futures: median, 50% and 90% bands, behind the game's own line. */
export function FanChart({ scenario, summary, rows }: FanChartProps) {
  const end = summary.weeks[summary.weeks.length - 1]!;
  const e = end.escalation;
  const text =
    `${grouped(summary.runs)} futures from week ${summary.startTurn}. At week ${end.turn} the median escalation is ${f1(e.p50)} ` +
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
      <WeekPlot
        rows={rows}
        x={[0, end.turn]}
        y={[0, top]}
        height={CHART_HEIGHT}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        yWidth={32}
        series={SERIES}
        format={f1}
        marker={summary.startTurn}
      />
    </ChartFrame>
  );
}
