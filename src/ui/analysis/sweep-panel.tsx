import { useMemo, useState } from 'react';
import { SweepChart } from '../../charts/sweep-chart';
import { headlineOutcomes, readOutcome, type HeadlineOutcomeId } from '../../engine/outcomes';
import { listParameters, sweepValues, withParameters, type Parameter } from '../../scenario/parameters';
import type { Scenario } from '../../scenario/schema';
import type { BatchItem } from '../../store/analysis';
import { RunsField, useRuns } from '../runs-field';
import { useAnalysis } from './analysis-context';
import { startStateFor, type StartPoint } from './analysis-view';
import { BatchExports } from './batch-exports';
import { Heatmap } from './heatmap';
import { ParameterPicker } from './parameter-picker';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

interface Axis {
  path: string;
  from: string;
  to: string;
  steps: string;
}

function AxisFields({ n, axis, onChange, params, scenario }: { n: number; axis: Axis; onChange: (a: Axis) => void; params: readonly Parameter[]; scenario: Scenario }) {
  const pick = (path: string) => {
    const p = params.find((x) => x.path === path);
    const v = p?.value ?? 0;
    onChange({ path, from: String(v === 0 ? 0 : Number((v * 0.5).toPrecision(3))), to: String(v === 0 ? 1 : Number((v * 1.5).toPrecision(3))), steps: axis.steps });
  };
  return (
    <fieldset className="sweep-axis">
      <legend>Parameter {n}</legend>
      <ParameterPicker scenario={scenario} label={`Parameter ${n}`} value={axis.path} onChange={pick} />
      <label>
        From <input aria-label={`Parameter ${n} from`} inputMode="decimal" value={axis.from} onChange={(e) => onChange({ ...axis, from: e.target.value })} size={8} />
      </label>
      <label>
        To <input aria-label={`Parameter ${n} to`} inputMode="decimal" value={axis.to} onChange={(e) => onChange({ ...axis, to: e.target.value })} size={8} />
      </label>
      <label>
        Steps <input aria-label={`Parameter ${n} steps`} type="number" min={2} max={15} value={axis.steps} onChange={(e) => onChange({ ...axis, steps: e.target.value })} />
      </label>
    </fieldset>
  );
}

function valuesOf(a: Axis): number[] | string {
  const from = Number(a.from);
  const to = Number(a.to);
  const steps = Number(a.steps);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return `“from” and “to” must be numbers for ${a.path}`;
  if (!Number.isInteger(steps) || steps < 2 || steps > 15) return 'steps must be a whole number from 2 to 15';
  return sweepValues(from, to, steps);
}

/** One or two scenario parameters over a grid; each point a forecast with the same seed. */
export function SweepPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const params = useMemo(() => listParameters(scenario), [scenario]);
  const initial = params.find((p) => p.path === 'dynamics.misperception') ?? params[0]!;
  const [first, setFirst] = useState<Axis>({ path: initial.path, from: '0', to: String(Math.max(0.5, initial.value * 2)), steps: '5' });
  const [second, setSecond] = useState<Axis | null>(null);
  const [outcome, setOutcome] = useState<HeadlineOutcomeId>('talks-alive');
  const [problem, setProblem] = useState<string | null>(null);
  const [shape, setShape] = useState<{ xs: number[]; ys: number[] | null; axes: [string, string | null] } | null>(null);
  const runs = useRuns(1000);
  const run = useAnalysis((s) => s.run);
  const status = useAnalysis((s) => s.status);
  const kind = useAnalysis((s) => s.kind);
  const results = useAnalysis((s) => s.results);
  const mine = kind === 'sweep' ? results : [];
  const spec = headlineOutcomes.find((o) => o.id === outcome)!;
  const words = (path: string) => params.find((p) => p.path === path)?.label ?? path;
  const format = spec.share ? pct : (x: number) => x.toFixed(2);

  const sweep = () => {
    const xs = valuesOf(first);
    const ys = second ? valuesOf(second) : null;
    if (typeof xs === 'string') return setProblem(xs);
    if (typeof ys === 'string') return setProblem(ys);
    if (!runs.ok) return setProblem('the number of futures is out of range');
    const items: BatchItem[] = [];
    for (const y of ys ?? [null]) {
      for (const x of xs) {
        const overrides: Record<string, number> = { [first.path]: x, ...(second && y !== null ? { [second.path]: y } : {}) };
        const changed = withParameters(scenario, overrides);
        if (!changed.ok) return setProblem(changed.errors.map((e) => `${e.path}: ${e.message}`).join('; '));
        items.push({ label: Object.entries(overrides).map(([k, v]) => `${k}=${v}`).join(', '), scenario: changed.value, state: startStateFor(start, changed.value), options: { runs: runs.value, seed: start.seed }, key: overrides, parameters: overrides });
      }
    }
    setProblem(null);
    setShape({ xs, ys, axes: [first.path, second?.path ?? null] });
    void run('sweep', items);
  };

  return (
    <section aria-labelledby="sweep-heading">
      <h2 id="sweep-heading">Sweep a parameter</h2>
      <p className="hint">From {start.label}. Every point runs the same seeded futures with the scenario’s default strategies; only the parameters change.</p>
      <AxisFields n={1} axis={first} onChange={setFirst} params={params} scenario={scenario} />
      {second ? (
        <>
          <AxisFields n={2} axis={second} onChange={setSecond} params={params} scenario={scenario} />
          <button type="button" onClick={() => setSecond(null)}>
            Remove the second parameter
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setSecond({ path: params[1]?.path ?? initial.path, from: '0', to: '1', steps: '3' })}>
          Add a second parameter
        </button>
      )}
      <div className="forecast-actions">
        <label>
          Outcome{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.target.value as HeadlineOutcomeId)}>
            {headlineOutcomes.map((o) => (
              <option key={o.id} value={o.id}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <RunsField runs={runs} label="Futures per point" />
        <button type="button" className="primary" onClick={sweep} disabled={status === 'running'}>
          Run sweep
        </button>
      </div>
      {problem && <p role="alert">The sweep cannot run: {problem}.</p>}
      {shape && mine.length > 0 && (
        <div className="analysis-results">
          {shape.ys === null ? (
            <SweepChart
              title={spec.label}
              xLabel={words(shape.axes[0])}
              format={format}
              points={mine.map((r, i) => {
                const v = readOutcome(r.summary, outcome);
                return { x: shape.xs[i]!, value: v.value, ...(v.lo !== null && v.hi !== null ? { band: [v.lo, v.hi] as [number, number] } : {}) };
              })}
            />
          ) : (
            <Heatmap
              caption={`${spec.label} by ${words(shape.axes[1]!)} (rows) and ${words(shape.axes[0])} (columns)`}
              rowTitle={words(shape.axes[1]!)}
              columnTitle={words(shape.axes[0])}
              rows={shape.ys.map(String)}
              columns={shape.xs.map(String)}
              cell={(i, j) => {
                const r = mine[i * shape.xs.length + j];
                return r ? readOutcome(r.summary, outcome) : null;
              }}
              format={format}
              domain={spec.share ? [0, 1] : [0, scenario.ladder.length - 1]}
              high={spec.share ? [0, 114, 178] : [213, 94, 0]}
            />
          )}
          {status === 'done' && <BatchExports name={`deterrence-lab-${scenario.id}-sweep`} results={mine} />}
        </div>
      )}
    </section>
  );
}
