import { useMemo, useState } from 'react';
import { TornadoChart } from '../../charts/tornado-chart';
import { withParameters } from '../../scenario/parameters';
import type { Scenario } from '../../scenario/schema';
import { finalEscalation, perturbations, talksAlive, tornado } from '../../analysis/sensitivity';
import type { BatchItem } from '../../store/analysis';
import { RunsField, useRuns } from '../runs-field';
import { useAnalysis } from './analysis-context';
import type { StartPoint } from './analysis-view';
import { MorrisPanel } from './morris-panel';

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

/** Which ten parameters move talks survival and escalation most: tornado charts. */
function TornadoPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const list = useMemo(() => perturbations(scenario), [scenario]);
  const runs = useRuns(400);
  const run = useAnalysis((s) => s.run);
  const status = useAnalysis((s) => s.status);
  const kind = useAnalysis((s) => s.kind);
  const results = useAnalysis((s) => s.results);

  const go = () => {
    if (!runs.ok) return;
    const options = { runs: runs.value, seed: start.seed };
    const items: BatchItem[] = [{ label: 'base', scenario, state: start.state, options, key: { parameter: 'base', value: 0 } }];
    for (const p of list) {
      for (const [side, value] of [['low', p.low], ['high', p.high]] as const) {
        const changed = withParameters(scenario, { [p.path]: value });
        // A 20% swing can leave a bounded parameter's range (a probability above 1): skip that side.
        if (!changed.ok) continue;
        items.push({ label: `${p.path} ${side}`, scenario: changed.value, state: start.state, options, key: { parameter: p.path, value } });
      }
    }
    void run('sensitivity', items);
  };

  const done = kind === 'sensitivity' && status === 'done';
  const bars = useMemo(() => {
    if (!done) return null;
    const base = results[0]!.summary;
    const byLabel = new Map(results.map((r) => [r.item.label, r.summary]));
    const pairs = list.flatMap((p) => {
      const low = byLabel.get(`${p.path} low`) ?? base;
      const high = byLabel.get(`${p.path} high`) ?? base;
      return [{ p, low, high }];
    });
    return { talks: tornado(base, pairs, talksAlive), escalation: tornado(base, pairs, finalEscalation) };
  }, [done, results, list]);

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
        <span className="hint">{((list.length * 2 + 1) * (runs.ok ? runs.value : 0)).toLocaleString('en-US')} futures</span>
      </div>
      {bars && (
        <div className="analysis-results">
          <TornadoChart id="tornado-talks" title="Talks alive at the end" bars={bars.talks} format={pct} />
          <TornadoChart id="tornado-escalation" title="Mean final escalation" bars={bars.escalation} format={(x) => x.toFixed(2)} />
        </div>
      )}
    </>
  );
}
