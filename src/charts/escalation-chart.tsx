import type { ReactNode } from 'react';
import { CartesianGrid, ComposedChart, Line, ReferenceArea, ReferenceLine, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { rungOf } from '../engine/ladder';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { useChartText } from './chart-text';
import { BAND_FILLS, CHART_HEIGHT, HISTORY_COLOUR } from './charts.constants';
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

/** A rung's name inside its band, with its description as the SVG's own hover title. */
function BandLabel({ x, y, text, description, fontSize }: { x?: number | string; y?: number | string; text: string; description: string; fontSize: number }) {
  return (
    <text x={Number(x ?? 0)} y={Number(y ?? 0)} dominantBaseline="central" fontSize={fontSize} fill="#374151" className="rung-band-label">
      <title>{description}</title>
      {text}
    </text>
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
      <ResponsiveContainer width="100%" height={Math.round((CHART_HEIGHT + 80) * text.heightScale)}>
        <ComposedChart accessibilityLayer={false} data={rows as WeekRow[]} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          {scenario.ladder.slice(0, top).map((r) => (
            <ReferenceArea
              key={r.level}
              y1={r.level}
              y2={r.level + 1}
              fill={BAND_FILLS[r.level % 2]}
              fillOpacity={1}
              ifOverflow="hidden"
              label={{ position: 'insideLeft', content: <BandLabel text={`${r.level} ${r.name}`} description={r.description} fontSize={text.band} /> }}
            />
          ))}
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" vertical={false} />
          <XAxis
            dataKey="turn"
            type="number"
            domain={[from, horizon]}
            allowDecimals={false}
            ticks={weekTicks(from, horizon, text.maxWeekTicks)}
            tick={{ fontSize: text.tick }}
            height={Math.round((text.tick + text.label) * 1.25 + 6)}
            label={{ value: 'week', position: 'insideBottom', offset: 0, fontSize: text.label }}
          />
          <YAxis domain={[0, top]} ticks={scenario.ladder.map((r) => r.level)} tick={{ fontSize: text.tick }} width={Math.round(text.tick * 2.6)} />
          <Tooltip
            formatter={(v, _name, item) => {
              const point = item?.payload as { label?: string; date?: string } | undefined;
              if (point?.label) return `${point.date}: ${point.label}`;
              return typeof v === 'number' ? `${v.toFixed(2)} — ${rungOf(scenario, v).name}` : v;
            }}
            labelFormatter={(t) => (typeof t === 'number' && t < 0 ? 'Before the start' : `Week ${t}`)}
          />
          <ReferenceLine x={viewTurn} stroke="#111827" strokeDasharray="4 3" />
          {lines.map((l) => (
            <Line
              key={l.id}
              dataKey={escKey(l.id)}
              name={l.name}
              stroke={l.colour}
              strokeWidth={l.active ? 3 : 2}
              strokeOpacity={l.active ? 1 : 0.8}
              dot={false}
              isAnimationActive={false}
              connectNulls={false}
            />
          ))}
          {points.length > 0 && <ReferenceLine x={0} stroke={HISTORY_COLOUR} label={{ value: 'start', position: 'insideTopRight', fontSize: text.label }} />}
          {points.length > 0 && <Scatter data={points} dataKey="rung" name="The record" fill={HISTORY_COLOUR} shape="diamond" isAnimationActive={false} />}
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
