import type { ReactNode } from 'react';
import { rungOf } from '../engine/ladder';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { useChartText } from './chart-text';
import { BAND_FILLS, CHART_HEIGHT, HISTORY_COLOUR } from './charts.constants';
import { LinesPlot } from './lines-plot';
import { LadderGlossary, RungTerm } from './rung-term';
import { contextPoints, escKey, type BranchLine, type WeekRow } from './series';
import { weekTicks } from './week-ticks';

export interface EscalationChartProps {
  readonly scenario: Scenario;
  readonly rows: readonly WeekRow[];
  readonly lines: readonly BranchLine[];
  readonly viewTurn: number;
  readonly horizon: number;
  /** Show the record before the start (the scenario's context events) on the left. */
  readonly history: boolean;
  readonly onHistory: (show: boolean) => void;
}

/** The chart's summary; the rung in view names itself with its description on hover and focus. */
function describe(scenario: Scenario, rows: readonly WeekRow[], lines: readonly BranchLine[], viewTurn: number): ReactNode {
  const active = lines.find((l) => l.active) ?? lines[0]!;
  const values = rows.map((r) => r[escKey(active.id)]).filter((v): v is number => typeof v === 'number');
  const now = values[Math.min(viewTurn, values.length - 1)] ?? 0;
  const peak = Math.max(...values);
  const peakWeek = values.indexOf(peak);
  const others = lines
    .filter((l) => !l.active)
    .map((l) => {
      const v = rows.map((r) => r[escKey(l.id)]).filter((x): x is number => typeof x === 'number');
      return ` ${l.name}: ${v[v.length - 1]!.toFixed(1)} at week ${v.length - 1}.`;
    });
  return (
    <>
      {active.name}: escalation {now.toFixed(1)} at {viewTurn === 0 ? 'the start' : `week ${viewTurn}`} (<RungTerm scenario={scenario} level={rungOf(scenario, now).level} />), from{' '}
      {values[0]!.toFixed(1)} at the start; highest {peak.toFixed(1)} at {peakWeek === 0 ? 'the start' : `week ${peakWeek}`}.{others.join('')}
    </>
  );
}

/** Escalation per week on the ladder's rungs (shaded, labelled bands), one line per branch. */
function HistoryList({ scenario }: { scenario: Scenario }) {
  return (
    <details className="history-list">
      <summary>The record before {scenario.startDate} ({scenario.context.length} events)</summary>
      <ol>
        {scenario.context.map((e) => (
          <li key={`${e.date}-${e.label}`}>
            <time dateTime={e.date}>{e.date}</time>: {e.label} (rung {e.rung}) <span className="muted">— {e.source}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

export function EscalationChart({ scenario, rows, lines, viewTurn, horizon, history, onHistory }: EscalationChartProps) {
  const text = useChartText();
  const points = history ? contextPoints(scenario) : [];
  const from = points.length > 0 ? Math.floor(Math.min(...points.map((p) => p.turn))) : 0;
  const below =
    scenario.context.length > 0 ? (
      <div className="history-toggle">
        <label>
          <input type="checkbox" checked={history} onChange={(e) => onHistory(e.target.checked)} /> Show the record before the start
        </label>
        {history && <HistoryList scenario={scenario} />}
      </div>
    ) : null;
  const glossary = (
    <>
      {below}
      <LadderGlossary scenario={scenario} />
    </>
  );
  const top = scenario.ladder.length - 1;
  const table = {
    caption: 'Escalation index per week, by branch',
    columns: ['Week', 'Date', ...lines.map((l) => l.name)],
    rows: rows.map((r) => [r.turn, r.date, ...lines.map((l) => (typeof r[escKey(l.id)] === 'number' ? (r[escKey(l.id)] as number).toFixed(2) : '—'))]),
  };
  return (
    <ChartFrame id="escalation" title="Escalation" summary={describe(scenario, rows, lines, viewTurn)} table={table} below={glossary}>
      <LinesPlot
        rows={rows}
        x={[from, horizon]}
        xTicks={weekTicks(from, horizon, text.maxWeekTicks)}
        xTitle="week"
        y={[0, top]}
        yTicks={scenario.ladder.map((r) => r.level)}
        height={Math.round((CHART_HEIGHT + 80) * text.heightScale)}
        margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
        yWidth={Math.round(text.tick * 2.6)}
        xHeight={Math.round((text.tick + text.label) * 1.25 + 6)}
        tickSize={text.tick}
        labelSize={text.label}
        areas={scenario.ladder.slice(0, top).map((r) => ({
          key: String(r.level),
          x: [from, horizon],
          y: [r.level, r.level + 1],
          fill: BAND_FILLS[r.level % 2]!,
          opacity: 1,
          label: { text: `${r.level} ${r.name}`, title: r.description, className: 'rung-band-label', fontSize: text.band },
        }))}
        markers={[
          { key: 'view', x: viewTurn, colour: '#111827', dash: '4 3' },
          ...(points.length > 0 ? [{ key: 'start', x: 0, colour: HISTORY_COLOUR, label: 'start' }] : []),
        ]}
        lines={lines.map((l) => ({ key: escKey(l.id), name: l.name, colour: l.colour, width: l.active ? 3 : 2, opacity: l.active ? 1 : 0.8, joinGaps: false }))}
        points={points.map((p) => ({ x: p.turn, y: p.rung, tip: `${p.date}: ${p.label}` }))}
        pointColour={HISTORY_COLOUR}
        format={(v) => `${v.toFixed(2)} — ${rungOf(scenario, v).name}`}
        weekLabel={(t) => (t < 0 ? 'Before the start' : `Week ${t}`)}
      />
    </ChartFrame>
  );
}
