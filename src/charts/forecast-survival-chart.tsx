import type { ForecastSummary } from '../engine/summary';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, SURVIVAL_COLOUR } from './charts.constants';
import type { FanRow } from './forecast-series';
import type { LegendItem } from './png';
import { WeekPlot, type WeekSeries } from './week-plot';

const pct = (p: number) => `${Math.round(p * 100)}%`;
const pct1 = (p: number) => `${(p * 100).toFixed(1)}%`;

const MODEL: WeekSeries = { kind: 'band', key: 'aliveModel', name: 'model range (90% of parameter sets)', colour: SURVIVAL_COLOUR, opacity: 0.12 };
const CHANCE: readonly WeekSeries[] = [
  { kind: 'band', key: 'aliveBand', name: '95% interval', colour: SURVIVAL_COLOUR, opacity: 0.25 },
  { kind: 'line', key: 'alive', name: 'alive', colour: SURVIVAL_COLOUR, width: 2.5 },
];

/** The share of futures with the talks alive, per week, with its 95% interval. */
export function ForecastSurvivalChart({ scenario, summary, rows }: { scenario: Scenario; summary: ForecastSummary; rows: readonly FanRow[] }) {
  const end = summary.weeks[summary.weeks.length - 1]!;
  const model = end.aliveModel;
  const text =
    `${scenario.talks.label} alive at week ${end.turn} in ${pct1(end.alive.estimate)} of futures (chance: 95% interval ${pct1(end.alive.lo)} to ${pct1(end.alive.hi)})` +
    (model ? `; model range ${pct1(model.lo)} to ${pct1(model.hi)} across ${summary.sets} calibrated parameter sets (the wide, light band).` : '.');
  const table = {
    caption: 'Share of futures with the talks alive, per week',
    columns: ['Week', 'Date', 'Alive', 'Lower 95%', 'Upper 95%', ...(model ? ['Model range, low', 'Model range, high'] : [])],
    rows: summary.weeks.map((w) => [w.turn, w.date, pct1(w.alive.estimate), pct1(w.alive.lo), pct1(w.alive.hi), ...(w.aliveModel ? [pct1(w.aliveModel.lo), pct1(w.aliveModel.hi)] : [])]),
  };
  const legend: LegendItem[] = [
    { label: 'alive (share of futures)', colour: SURVIVAL_COLOUR, kind: 'line' },
    { label: '95% interval (chance)', colour: SURVIVAL_COLOUR, kind: 'band', opacity: 0.25 },
    ...(model ? [{ label: 'model range (90% of parameter sets)', colour: SURVIVAL_COLOUR, kind: 'band' as const, opacity: 0.12 }] : []),
  ];
  return (
    <ChartFrame
      id="forecast-survival"
      title={`${scenario.talks.label}: futures with the talks alive`}
      summary={text}
      table={table}
      pngName={`talks-survival-forecast-week-${summary.startTurn}.png`}
      legend={legend}
    >
      <WeekPlot
        rows={rows}
        x={[summary.startTurn, end.turn]}
        y={[0, 1]}
        height={CHART_HEIGHT}
        margin={{ top: 8, right: 16, bottom: 8, left: 4 }}
        yWidth={52}
        yLabel={pct}
        series={model ? [MODEL, ...CHANCE] : CHANCE}
        format={pct1}
      />
    </ChartFrame>
  );
}
