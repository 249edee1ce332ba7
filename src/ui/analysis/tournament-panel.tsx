import { useState } from 'react';
import { strategiesFor, type Actor, type Scenario, type StrategyId } from '../../scenario/schema';
import { CONTROLLER_LABELS } from '../ui.constants';
import { useAnalysis } from './analysis-context';
import type { StartPoint } from './analysis-view';
import { BatchExports } from './batch-exports';
import { Heatmap } from './heatmap';
import { RunsField, useRuns } from '../runs-field';
import { defaultStrategies, StrategyPicker } from '../strategy-picker';
import { grouped } from '../../scenario/numbers';

const pct = (p: number) => `${Math.round(p * 100)}%`;

function StrategyChecks({ legend, options, value, onChange }: { legend: string; options: readonly StrategyId[]; value: readonly StrategyId[]; onChange: (next: StrategyId[]) => void }) {
  return (
    <fieldset className="strategy-checks">
      <legend>{legend}</legend>
      {options.map((s) => (
        <label key={s}>
          <input
            type="checkbox"
            checked={value.includes(s)}
            onChange={(e) => onChange(e.target.checked ? options.filter((x) => x === s || value.includes(x)) : value.filter((x) => x !== s))}
          />{' '}
          {CONTROLLER_LABELS[s]}
        </label>
      ))}
    </fieldset>
  );
}

/** Which actor plays the rows or the columns; the other side's actor is not offered. */
function ActorChoice({ label, scenario, value, other, onChange }: { label: string; scenario: Scenario; value: string; other: string; onChange: (id: string) => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {scenario.actors
          .filter((a) => a.id !== other)
          .map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
      </select>
    </label>
  );
}

/** Every strategy of one actor against every strategy of another (any two), the others fixed. */
export function TournamentPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const [rowId, setRowId] = useState(scenario.actors[0]!.id);
  const [colId, setColId] = useState(scenario.actors[1]!.id);
  const rowActor = scenario.actors.find((a) => a.id === rowId) ?? scenario.actors[0]!;
  const colActor = scenario.actors.find((a) => a.id === colId) ?? scenario.actors[1]!;
  const options = strategiesFor(scenario);
  const [rowStrategies, setRowStrategies] = useState<StrategyId[]>(options);
  const [colStrategies, setColStrategies] = useState<StrategyId[]>(options);
  const [others, setOthers] = useState(() => defaultStrategies(scenario));
  const runs = useRuns(1000);
  const run = useAnalysis((s) => s.run);
  const status = useAnalysis((s) => s.status);
  const kind = useAnalysis((s) => s.kind);
  const results = useAnalysis((s) => s.results);
  const [grid, setGrid] = useState<{ rows: StrategyId[]; cols: StrategyId[]; rowActor: Actor; colActor: Actor } | null>(null);
  const mine = kind === 'tournament' ? results : [];

  const play = () => {
    if (!runs.ok || rowStrategies.length === 0 || colStrategies.length === 0) return;
    setGrid({ rows: rowStrategies, cols: colStrategies, rowActor, colActor });
    const items = rowStrategies.flatMap((r) =>
      colStrategies.map((c) => ({
        label: `${rowActor.short} ${CONTROLLER_LABELS[r]} × ${colActor.short} ${CONTROLLER_LABELS[c]}`,
        scenario,
        state: start.state,
        options: { runs: runs.value, seed: start.seed, strategies: { ...others, [rowActor.id]: r, [colActor.id]: c } },
        key: { [`strategy_${rowActor.id}`]: r, [`strategy_${colActor.id}`]: c },
      })),
    );
    void run('tournament', items);
  };
  const cellOf = (i: number, j: number) => (grid ? mine[i * grid.cols.length + j] : undefined);
  const axes = {
    rowTitle: grid?.rowActor.short ?? rowActor.short,
    columnTitle: grid?.colActor.short ?? colActor.short,
    rows: (grid?.rows ?? []).map((s) => CONTROLLER_LABELS[s]),
    columns: (grid?.cols ?? []).map((s) => CONTROLLER_LABELS[s]),
  };

  return (
    <section aria-labelledby="tournament-heading">
      <h2 id="tournament-heading">
        Tournament: {rowActor.name} against {colActor.name}
      </h2>
      <p className="hint">From {start.label}. Every cell runs the same seeded futures; the other actors play the strategies below.</p>
      <div className="forecast-actions tournament-actors">
        <ActorChoice label="Rows:" scenario={scenario} value={rowActor.id} other={colActor.id} onChange={setRowId} />
        <ActorChoice label="Columns:" scenario={scenario} value={colActor.id} other={rowActor.id} onChange={setColId} />
      </div>
      <div className="tournament-setup">
        <StrategyChecks legend={`${rowActor.short} strategies (rows)`} options={options} value={rowStrategies} onChange={setRowStrategies} />
        <StrategyChecks legend={`${colActor.short} strategies (columns)`} options={options} value={colStrategies} onChange={setColStrategies} />
      </div>
      <StrategyPicker scenario={scenario} value={others} onChange={setOthers} label="Fixed strategy" only={scenario.actors.filter((a) => a.id !== rowActor.id && a.id !== colActor.id).map((a) => a.id)} />
      <div className="forecast-actions">
        <RunsField runs={runs} label="Futures per cell" />
        <button type="button" className="primary" onClick={play} disabled={!runs.ok || status === 'running' || rowStrategies.length === 0 || colStrategies.length === 0}>
          Run tournament
        </button>
        <span className="hint">
          {rowStrategies.length * colStrategies.length} cells, {grouped(rowStrategies.length * colStrategies.length * (runs.ok ? runs.value : 0))} futures
        </span>
      </div>
      {grid && mine.length > 0 && (
        <div className="analysis-results">
          <Heatmap
            {...axes}
            caption={`Talks alive at the end: share of futures (95% interval)`}
            cell={(i, j) => {
              const r = cellOf(i, j);
              const o = r?.summary.outcomes.find((x) => x.id === 'talks-alive');
              return o ? { value: o.value, lo: o.lo, hi: o.hi } : null;
            }}
            format={pct}
            domain={[0, 1]}
            high={[0, 114, 178]}
          />
          <Heatmap
            {...axes}
            caption="Mean escalation at the end (rung units)"
            cell={(i, j) => {
              const r = cellOf(i, j);
              return r ? { value: r.summary.weeks.at(-1)!.escalationMean, lo: null, hi: null } : null;
            }}
            format={(x) => x.toFixed(1)}
            domain={[0, scenario.ladder.length - 1]}
            high={[213, 94, 0]}
          />
          {status === 'done' && <BatchExports name={`deterrence-lab-${scenario.id}-tournament`} results={mine} />}
        </div>
      )}
    </section>
  );
}
