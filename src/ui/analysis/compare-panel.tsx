import { useMemo, useState } from 'react';
import { CompareChart } from '../../charts/compare-chart';
import { listParameters, withParameters } from '../../scenario/parameters';
import type { Scenario } from '../../scenario/schema';
import type { BatchItem } from '../../store/analysis';
import { CONTROLLER_LABELS } from '../ui.constants';
import { useAnalysis } from './analysis-context';
import { startStateFor, type StartPoint } from './analysis-view';
import { BatchExports } from './batch-exports';
import { ParameterPicker } from './parameter-picker';
import { ResultsTable } from './results-table';
import { differencesFromFirst, pairedMethodNote } from '../../analysis/paired';
import { defaultStrategies, StrategyPicker, type Strategies } from '../strategy-picker';
import { RunsField, useRuns } from '../runs-field';
import { grouped } from '../../scenario/numbers';

interface SetUp {
  readonly name: string;
  readonly strategies: Strategies;
  /** One scenario parameter changed for this set-up, if any: path and value as typed. */
  readonly override: { readonly path: string; readonly value: string } | null;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

function firstSetUps(scenario: Scenario): SetUp[] {
  const base = defaultStrategies(scenario);
  const first = scenario.actors[0]!;
  return [
    { name: 'Set-up A', strategies: base, override: null },
    { name: 'Set-up B', strategies: { ...base, [first.id]: 'restraint' }, override: null },
  ];
}

/** Two or more set-ups side by side: the same futures under different strategies. */
export function ComparePanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const [setUps, setSetUps] = useState<SetUp[]>(() => firstSetUps(scenario));
  const params = useMemo(() => listParameters(scenario), [scenario]);
  const [problem, setProblem] = useState<string | null>(null);
  const runs = useRuns(5000);
  const run = useAnalysis((s) => s.run);
  const status = useAnalysis((s) => s.status);
  const kind = useAnalysis((s) => s.kind);
  const results = useAnalysis((s) => s.results);
  const shown = kind === 'compare' && status === 'done' ? results : [];

  const update = (i: number, next: Partial<SetUp>) => setSetUps(setUps.map((s, k) => (k === i ? { ...s, ...next } : s)));
  const describeStrategies = (s: Strategies) =>
    scenario.actors.map((a) => `${a.short}: ${CONTROLLER_LABELS[s[a.id]!]}`).join(', ');
  const compare = () => {
    if (!runs.ok) return;
    const items: BatchItem[] = [];
    for (const s of setUps) {
      let changed = scenario;
      const overrides: Record<string, number> = {};
      if (s.override) {
        const value = Number(s.override.value);
        if (s.override.value.trim() === '' || !Number.isFinite(value)) return setProblem(`${s.name}: the value of ${s.override.path} must be a number`);
        overrides[s.override.path] = value;
        const result = withParameters(scenario, overrides);
        if (!result.ok) return setProblem(`${s.name}: ${result.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
        changed = result.value;
      }
      items.push({
        label: s.name,
        scenario: changed,
        state: startStateFor(start, changed),
        options: { runs: runs.value, seed: start.seed, strategies: s.strategies },
        key: Object.fromEntries(scenario.actors.map((a) => [`strategy_${a.id}`, s.strategies[a.id]!])),
        parameters: overrides,
        paired: true,
      });
    }
    setProblem(null);
    void run('compare', items);
  };
  const series = shown.map((r) => ({ label: r.item.label, summary: r.summary }));
  const differences = differencesFromFirst(shown.map((r) => r.batches));
  const rows = series.map((s, i) => ({ ...s, ...(differences[i] ? { differences: differences[i] } : {}) }));
  const batches = shown[0]?.batches?.runs.length ?? 0;

  return (
    <section aria-labelledby="compare-heading">
      <h2 id="compare-heading">Compare set-ups</h2>
      <p className="hint">From {start.label}. Each set-up runs the same seeded futures.</p>
      {setUps.map((s, i) => (
        <fieldset key={i} className="setup">
          <legend>
            <input aria-label={`Name of set-up ${i + 1}`} value={s.name} onChange={(e) => update(i, { name: e.target.value })} maxLength={40} />
          </legend>
          <StrategyPicker scenario={scenario} value={s.strategies} onChange={(strategies) => update(i, { strategies })} label={s.name} />
          {s.override ? (
            <div className="override">
              <ParameterPicker
                scenario={scenario}
                label={`${s.name}: parameter`}
                value={s.override.path}
                onChange={(path) => update(i, { override: { path, value: String(params.find((p) => p.path === path)?.value ?? 0) } })}
              />
              <label>
                Value <input aria-label={`${s.name}: value`} inputMode="decimal" size={8} value={s.override.value} onChange={(e) => update(i, { override: { ...s.override!, value: e.target.value } })} />
              </label>
              <button type="button" onClick={() => update(i, { override: null })}>
                Keep the scenario’s value
              </button>
            </div>
          ) : (
            <button type="button" onClick={() => update(i, { override: { path: params[0]!.path, value: String(params[0]!.value) } })}>
              Change a parameter in {s.name}
            </button>
          )}
          {setUps.length > 2 && (
            <button type="button" onClick={() => setSetUps(setUps.filter((_, k) => k !== i))}>
              Remove {s.name}
            </button>
          )}
        </fieldset>
      ))}
      <div className="forecast-actions">
        <button
          type="button"
          onClick={() => setSetUps([...setUps, { name: `Set-up ${String.fromCharCode(65 + setUps.length)}`, strategies: defaultStrategies(scenario), override: null }])}
          disabled={setUps.length >= 6}
        >
          Add a set-up
        </button>
        <RunsField runs={runs} label="Futures per set-up" />
        <button type="button" className="primary" onClick={compare} disabled={!runs.ok || status === 'running'}>
          Compare
        </button>
      </div>
      {problem && <p role="alert">The comparison cannot run: {problem}.</p>}
      {series.length > 0 && (
        <div className="analysis-results">
          <ResultsTable
            caption={`Outcomes at week ${series[0]!.summary.weeks.at(-1)!.turn}, ${grouped(runs.value)} futures per set-up`}
            rows={rows}
            paired={batches > 1 && rows.length > 1}
            note={batches > 1 && rows.length > 1 ? pairedMethodNote(batches) : undefined}
          />
          <ul className="hint">
            {shown.map((r) => (
              <li key={r.item.label}>
                {r.item.label}: {describeStrategies(r.item.options.strategies ?? {})}
                {Object.entries(r.item.parameters ?? {})
                  .map(([k, v]) => `; ${k} = ${v}`)
                  .join('')}
              </li>
            ))}
          </ul>
          <CompareChart
            id="compare-escalation"
            title="Median escalation by set-up"
            series={series}
            value={(w) => w.escalation.p50}
            format={(x) => x.toFixed(1)}
            domain={[0, scenario.ladder.length - 1]}
            describe={series.map((s) => `${s.label}: median ${s.summary.weeks.at(-1)!.escalation.p50.toFixed(1)} at the end`).join('; ')}
          />
          <CompareChart
            id="compare-survival"
            title="Futures with the talks alive, by set-up"
            series={series}
            value={(w) => w.alive.estimate}
            format={pct}
            domain={[0, 1]}
            describe={series.map((s) => `${s.label}: ${pct(s.summary.weeks.at(-1)!.alive.estimate)} at the end`).join('; ')}
          />
          <BatchExports name={`deterrence-lab-${scenario.id}-compare`} results={shown} />
        </div>
      )}
    </section>
  );
}
