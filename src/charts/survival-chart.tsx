import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Scenario } from '../scenario/schema';
import { ChartFrame } from './chart-frame';
import { CHART_HEIGHT, PHASE_COLOURS, PHASE_FALLBACK } from './charts.constants';
import { survKey, type BranchLine, type PhaseSpan, type WeekRow } from './series';

export interface SurvivalChartProps {
  readonly scenario: Scenario;
  readonly rows: readonly WeekRow[];
  readonly lines: readonly BranchLine[];
  readonly phases: readonly PhaseSpan[];
  readonly viewTurn: number;
  readonly horizon: number;
  readonly horizonDate: string;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

function describe(rows: readonly WeekRow[], lines: readonly BranchLine[], phases: readonly PhaseSpan[], horizonDate: string): string {
  const active = lines.find((l) => l.active) ?? lines[0]!;
  const values = rows.map((r) => r[survKey(active.id)]).filter((v): v is number => typeof v === 'number');
  const last = values[values.length - 1] ?? 0;
  const phaseText = phases.map((p) => `${p.label} (week ${p.from}${p.to > p.from ? `–${p.to}` : ''})`).join(', then ');
  const others = lines
    .filter((l) => !l.active)
    .map((l) => {
      const v = rows.map((r) => r[survKey(l.id)]).filter((x): x is number => typeof x === 'number');
      return `${l.name}: ${pct(v[v.length - 1] ?? 0)}.`;
    });
  return [`${active.name}: a ${pct(last)} chance that the talks survive to ${horizonDate}, from ${pct(values[0] ?? 0)} at the start. Talks: ${phaseText}.`, ...others].join(' ');
}

/** The chance the talks survive to the horizon, per week and branch, over the active branch's talks phases. */
export function SurvivalChart({ scenario, rows, lines, phases, viewTurn, horizon, horizonDate }: SurvivalChartProps) {
  const table = {
    caption: `Chance that the talks survive to ${horizonDate}, per week, by branch`,
    columns: ['Week', 'Date', ...lines.map((l) => l.name)],
    rows: rows.map((r) => [r.turn, r.date, ...lines.map((l) => (typeof r[survKey(l.id)] === 'number' ? pct(r[survKey(l.id)] as number) : '—'))]),
  };
  const phaseLabel = (id: string) => scenario.talks.phases.find((p) => p.id === id)?.label ?? id;
  return (
    <ChartFrame id="survival" title={`${scenario.talks.label}: chance of surviving to ${horizonDate}`} summary={describe(rows, lines, phases, horizonDate)} table={table}>
      <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
        <LineChart accessibilityLayer={false} data={rows as WeekRow[]} margin={{ top: 20, right: 16, bottom: 8, left: 4 }}>
          {phases.map((p, i) => (
            <ReferenceArea
              key={`${p.phase}-${p.from}`}
              x1={p.from}
              x2={phases[i + 1]?.from ?? Math.max(p.to, p.from + 0.5)}
              y1={0}
              y2={1}
              fill={PHASE_COLOURS[p.phase] ?? PHASE_FALLBACK}
              fillOpacity={0.16}
              ifOverflow="hidden"
              label={{ value: phaseLabel(p.phase), position: 'insideTopLeft', fontSize: 11, fill: '#374151' }}
            />
          ))}
          <CartesianGrid stroke="#d1d5db" strokeDasharray="2 4" />
          <XAxis dataKey="turn" type="number" domain={[0, horizon]} allowDecimals={false} tickCount={Math.min(horizon + 1, 14)} />
          <YAxis domain={[0, 1]} tickFormatter={pct} width={52} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? pct(v) : v)} labelFormatter={(t) => `Week ${t}`} />
          <ReferenceLine x={viewTurn} stroke="#111827" strokeDasharray="4 3" />
          {lines.map((l) => (
            <Line key={l.id} dataKey={survKey(l.id)} name={l.name} stroke={l.colour} strokeWidth={l.active ? 3 : 2} dot={false} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <ul className="phase-legend" aria-hidden="true">
        {scenario.talks.phases.map((p) => (
          <li key={p.id}>
            <span className="swatch" style={{ background: PHASE_COLOURS[p.id] ?? PHASE_FALLBACK, opacity: 0.5 }} /> {p.label}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
