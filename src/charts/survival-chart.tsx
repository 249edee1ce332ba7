import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { useChartText } from './chart-text';
import { LinesPlot } from './lines-plot';
import { AHEAD_COLOUR, CHART_HEIGHT, PHASE_COLOURS, PHASE_FALLBACK } from './charts.constants';
import { AHEAD_KEY, survKey, type BranchLine, type PhaseSpan, type WeekRow } from './series';
import { weekTicks } from './week-ticks';

export interface SurvivalChartProps {
  readonly scenario: Scenario;
  /** Weekly rows with each branch's outlook, and the outlook curve ahead of the week in view (`aheadRows`). */
  readonly rows: readonly WeekRow[];
  readonly lines: readonly BranchLine[];
  readonly phases: readonly PhaseSpan[];
  readonly viewTurn: number;
  readonly horizon: number;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

function describe(scenario: Scenario, rows: readonly WeekRow[], lines: readonly BranchLine[], phases: readonly PhaseSpan[], viewTurn: number): string {
  const weeks = scenario.talks.outlookWeeks;
  const active = lines.find((l) => l.active) ?? lines[0]!;
  const first = num(rows[0]?.[survKey(active.id)]);
  const now = num(rows[viewTurn]?.[survKey(active.id)]);
  const ahead = rows.filter((r) => num(r[AHEAD_KEY]) !== undefined);
  const phaseText = phases.map((p) => `${p.label} (week ${p.from}${p.to > p.from ? `–${p.to}` : ''})`).join(', then ');
  const parts = [
    now === undefined
      ? `${active.name}: the outlook for week ${viewTurn} is being computed.`
      : `${active.name}: at week ${viewTurn}, a ${pct(now)} chance that the talks are still alive ${weeks} weeks on${first !== undefined ? `, against ${pct(first)} at the start` : ''}.`,
  ];
  if (ahead.length > 1) {
    const mid = ahead[Math.floor(ahead.length / 3)]!;
    parts.push(`Week by week from week ${viewTurn}: ${pct(num(mid[AHEAD_KEY])!)} at week ${mid.turn}, ${pct(num(ahead.at(-1)![AHEAD_KEY])!)} at week ${ahead.at(-1)!.turn}.`);
  }
  parts.push(`Talks: ${phaseText}.`);
  for (const l of lines) {
    if (l.active) continue;
    const v = rows.map((r) => num(r[survKey(l.id)])).filter((x): x is number => x !== undefined);
    if (v.length > 0) parts.push(`${l.name}: ${pct(v[v.length - 1]!)}.`);
  }
  return parts.join(' ');
}

/**
 * The talks outlook: for each week and branch, the chance the talks are still alive
 * `talks.outlookWeeks` weeks on, over the active branch's talks phases, with the week-by-week
 * survival curve ahead of the week in view (dashed).
 */
export function SurvivalChart({ scenario, rows, lines, phases, viewTurn, horizon }: SurvivalChartProps) {
  const weeks = scenario.talks.outlookWeeks;
  const text = useChartText();
  const last = Math.max(horizon, rows.length - 1);
  const table = {
    caption: `Chance that the talks are still alive ${weeks} weeks on, per week and branch; and week by week ahead of week ${viewTurn}`,
    columns: ['Week', 'Date', ...lines.map((l) => `${l.name}: ${weeks} weeks on`), `Ahead of week ${viewTurn}`],
    rows: rows.map((r) => [
      r.turn,
      r.date,
      ...lines.map((l) => (num(r[survKey(l.id)]) !== undefined ? pct(num(r[survKey(l.id)])!) : '—')),
      num(r[AHEAD_KEY]) !== undefined ? pct(num(r[AHEAD_KEY])!) : '—',
    ]),
  };
  const phaseLabel = (id: string) => scenario.talks.phases.find((p) => p.id === id)?.label ?? id;
  return (
    <ChartFrame
      id="survival"
      title={`${scenario.talks.label}: chance they are still alive ${weeks} weeks on`}
      summary={describe(scenario, rows, lines, phases, viewTurn)}
      table={table}
    >
      <LinesPlot
        rows={rows}
        x={[0, last]}
        xTicks={weekTicks(0, last, Math.min(10, text.maxWeekTicks))}
        xGrid
        y={[0, 1]}
        yTicks={[0, 0.25, 0.5, 0.75, 1]}
        yLabel={pct}
        height={Math.round(CHART_HEIGHT * text.heightScale)}
        margin={{ top: 20, right: 16, bottom: 8, left: 4 }}
        yWidth={Math.round(text.tick * 4.2)}
        xHeight={Math.round(text.tick * 1.25 + 16)}
        tickSize={text.tick}
        labelSize={text.label}
        areas={phases.map((p, i) => ({
          key: `${p.phase}-${p.from}`,
          x: [p.from, phases[i + 1]?.from ?? Math.max(p.to, p.from + 0.5)],
          y: [0, 1],
          fill: PHASE_COLOURS[p.phase] ?? PHASE_FALLBACK,
          opacity: 0.16,
        }))}
        markers={[{ key: 'view', x: viewTurn, colour: '#111827', dash: '4 3' }]}
        lines={[
          ...lines.map((l) => ({ key: survKey(l.id), name: `${l.name}: ${weeks} weeks on`, colour: l.colour, width: l.active ? 3 : 2, joinGaps: true })),
          { key: AHEAD_KEY, name: `Week by week from week ${viewTurn}`, colour: AHEAD_COLOUR, width: 2, dash: '6 4', joinGaps: false },
        ]}
        format={pct}
        weekLabel={(t) => `Week ${t}`}
      />
      <ul className="phase-legend" aria-hidden="true">
        <li>
          <span className="swatch line" style={{ background: lines.find((l) => l.active)?.colour }} /> {weeks} weeks on, from each week
        </li>
        <li>
          <span className="swatch line dashed" style={{ borderColor: AHEAD_COLOUR }} /> week by week from week {viewTurn}
        </li>
        {scenario.talks.phases.map((p) => (
          <li key={p.id}>
            <span className="swatch" style={{ background: PHASE_COLOURS[p.id] ?? PHASE_FALLBACK, opacity: 0.5 }} /> {phaseLabel(p.id)}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
