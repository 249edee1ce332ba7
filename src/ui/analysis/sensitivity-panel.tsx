import { useMemo, useState } from 'react';
import { TornadoChart } from '../../charts/tornado-chart';
import type { Scenario, StrategyId } from '../../scenario/schema';
import { csvText, runProvenance } from '../../analysis/exports';
import { perturbations, tornadoOutcomes, tornadoSides, tornadoTable, type Perturbation, type TornadoSide } from '../../analysis/sensitivity';
import { downloadText } from '../exports';
import type { BatchItem } from '../../store/analysis';
import { RunsField, useRuns } from '../runs-field';
import { useAnalysis } from './analysis-context';
import { startStateFor, type StartPoint } from './analysis-view';
import { MorrisPanel } from './morris-panel';
import { grouped } from '../../scenario/numbers';

const pct = (p: number) => `${(p * 100).toFixed(1)}%`;

const methods = [
  { id: 'tornado', label: 'One at a time (±20%)' },
  { id: 'morris', label: 'Global (Morris)' },
] as const;
type Method = (typeof methods)[number]['id'];

/** Which judgements move talks survival and escalation most: one at a time, or globally over the priors. */
export function SensitivityPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const [method, setMethod] = useState<Method>('tornado');
  return (
    <section aria-labelledby="sensitivity-heading">
      <h2 id="sensitivity-heading">Sensitivity</h2>
      <div role="radiogroup" aria-label="Method" className="analysis-modes">
        {methods.map((m) => (
          <label key={m.id} className={method === m.id ? 'selected' : undefined}>
            <input type="radio" name="sensitivity-method" checked={method === m.id} onChange={() => setMethod(m.id)} /> {m.label}
          </label>
        ))}
      </div>
      {method === 'tornado' ? <TornadoPanel scenario={scenario} start={start} /> : <MorrisPanel scenario={scenario} start={start} />}
    </section>
  );
}

interface TornadoRun {
  readonly scenario: Scenario;
  readonly list: readonly Perturbation[];
  readonly sides: readonly TornadoSide[];
  readonly runs: number;
  readonly seed: number;
}

/** Which ten parameters move talks survival and escalation most: tornado charts, and their CSV (the CLI's). */
function TornadoPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const list = useMemo(() => perturbations(scenario), [scenario]);
  const runs = useRuns(400);
  const [ran, setRan] = useState<TornadoRun | null>(null);
  const run = useAnalysis((s) => s.run);
  const status = useAnalysis((s) => s.status);
  const kind = useAnalysis((s) => s.kind);
  const results = useAnalysis((s) => s.results);

  const go = () => {
    if (!runs.ok) return;
    const options = { runs: runs.value, seed: start.seed };
    // A 20% swing can leave a bounded parameter's range (a probability above 1): that side is left out.
    const sides = tornadoSides(scenario, list);
    const items: BatchItem[] = [
      { label: 'base', scenario, state: start.state, options, key: { parameter: 'base', value: 0 } },
      ...sides.map((x) => ({ label: `${x.p.path} ${x.side}`, scenario: x.scenario, state: startStateFor(start, x.scenario), options, key: { parameter: x.p.path, value: x.p[x.side] }, parameters: { [x.p.path]: x.p[x.side] } })),
    ];
    setRan({ scenario, list, sides, runs: runs.value, seed: start.seed });
    void run('sensitivity', items);
  };

  const done = kind === 'sensitivity' && status === 'done' && ran !== null;
  const outcomes = useMemo(() => {
    if (!done || !ran) return null;
    const [base, ...rest] = results.map((r) => r.summary);
    return tornadoOutcomes(ran.list, ran.sides, base!, rest);
  }, [done, ran, results]);

  const download = () => {
    if (!outcomes || !ran) return;
    const first = results[0]!.summary;
    const p = runProvenance(ran.scenario, {
      seed: ran.seed,
      runs: ran.runs,
      turns: first.turns,
      startTurn: first.startTurn,
      strategies: first.strategies as Record<string, StrategyId>,
      parameters: {},
      from: null,
      generated: new Date().toISOString(),
    });
    downloadText(`deterrence-lab-${ran.scenario.id}-tornado.csv`, csvText(tornadoTable(p, ran.list, outcomes)), 'text/csv');
  };

  return (
    <>
      <p className="hint">
        From {start.label}: each of {list.length} parameters (dynamics, doctrines, move biases, outcome and hazard bases) set 20% lower and higher, the same seeded futures each
        time; the ten that move the outcome most.
      </p>
      <div className="forecast-actions">
        <RunsField runs={runs} label="Futures per run" />
        <button type="button" className="primary" onClick={go} disabled={status === 'running' || !runs.ok}>
          Run sensitivity
        </button>
        <span className="hint">{grouped((list.length * 2 + 1) * (runs.ok ? runs.value : 0))} futures</span>
      </div>
      {outcomes && (
        <div className="analysis-results">
          {outcomes.map((o) => (
            <TornadoChart key={o.id} id={o.id === 'talks-alive' ? 'tornado-talks' : 'tornado-escalation'} title={o.label} bars={o.bars} format={o.share ? pct : (x) => x.toFixed(2)} />
          ))}
          <div className="forecast-exports">
            <button type="button" onClick={download}>
              Download tornado CSV
            </button>
          </div>
        </div>
      )}
    </>
  );
}
