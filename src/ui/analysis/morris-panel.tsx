import { useMemo, useState } from 'react';
import { MorrisChart } from '../../charts/morris-chart';
import { initialState } from '../../engine/state';
import { csvText, runProvenance } from '../../analysis/exports';
import { designPoints, MORRIS_LEVELS, morrisDesign, type Trajectory } from '../../analysis/morris';
import { morrisFactors, morrisScreening, morrisTable, pointScenario, type MorrisFactor } from '../../analysis/morris-screening';
import type { Scenario } from '../../scenario/schema';
import type { LazyBatchItem } from '../../store/analysis';
import { downloadText } from '../exports';
import { RunsField, useRuns } from '../runs-field';
import { useAnalysis } from './analysis-context';
import type { StartPoint } from './analysis-view';
import { grouped } from '../../scenario/numbers';

const pp = (x: number) => `${(x * 100).toFixed(1)} pp`;
const rungs = (x: number) => x.toFixed(2);

const MIN_TRAJECTORIES = 2;
const MAX_TRAJECTORIES = 20;

interface Screening {
  readonly factors: readonly MorrisFactor[];
  readonly design: readonly Trajectory[];
  readonly runs: number;
  readonly seed: number;
  readonly scenario: Scenario;
}

/** One item per design point; its scenario is built only when its turn comes. */
function pointItems(scenario: Scenario, factors: readonly MorrisFactor[], design: readonly Trajectory[], runs: number, start: StartPoint): LazyBatchItem[] {
  // From the scenario's start, a point's levels at the start come from its own scenario.
  const fromStart = start.state.turn === 0;
  return designPoints(design).map((levels, i) => ({
    runs,
    make: () => {
      const r = pointScenario(scenario, factors, levels);
      if (!r.ok) throw new Error(`design point ${i + 1} is refused by the scenario format: ${r.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
      const state = fromStart ? initialState(r.value, start.seed, start.state.horizon) : start.state;
      return { label: `point ${i + 1}`, scenario: r.value, state, options: { runs, seed: start.seed }, key: { point: i + 1 } };
    },
  }));
}

/** Global sensitivity: Morris screening over the scenario's priors, one factor per prior rule. */
export function MorrisPanel({ scenario, start }: { scenario: Scenario; start: StartPoint }) {
  const factors = useMemo(() => morrisFactors(scenario), [scenario]);
  const [trajectoriesText, setTrajectories] = useState('4');
  const trajectories = Number(trajectoriesText);
  const trajectoriesOk = Number.isInteger(trajectories) && trajectories >= MIN_TRAJECTORIES && trajectories <= MAX_TRAJECTORIES;
  const runs = useRuns(300);
  const [screening, setScreening] = useState<Screening | null>(null);
  const run = useAnalysis((s) => s.run);
  const status = useAnalysis((s) => s.status);
  const kind = useAnalysis((s) => s.kind);
  const results = useAnalysis((s) => s.results);
  const points = trajectoriesOk ? trajectories * (factors.length + 1) : 0;
  const parameters = factors.reduce((n, f) => n + f.members.length, 0);

  const go = () => {
    if (!runs.ok || !trajectoriesOk || factors.length === 0) return;
    const design = morrisDesign(factors.length, trajectories, start.seed);
    setScreening({ factors, design, runs: runs.value, seed: start.seed, scenario });
    void run('morris', pointItems(scenario, factors, design, runs.value, start));
  };

  const outcomes = useMemo(() => {
    if (kind !== 'morris' || status !== 'done' || !screening) return null;
    return morrisScreening(screening.factors, screening.design, results.map((r) => r.summary));
  }, [kind, status, screening, results]);

  const download = () => {
    if (!outcomes || !screening) return;
    const first = results[0]!.summary;
    const p = runProvenance(screening.scenario, {
      seed: screening.seed,
      runs: screening.runs,
      turns: first.turns,
      startTurn: first.startTurn,
      strategies: Object.fromEntries(screening.scenario.actors.map((a) => [a.id, a.defaultStrategy])),
      parameters: {},
      from: null,
      generated: new Date().toISOString(),
    });
    const table = morrisTable(p, { trajectories: screening.design.length, levels: MORRIS_LEVELS }, outcomes);
    downloadText(`deterrence-lab-${screening.scenario.id}-morris.csv`, csvText(table), 'text/csv');
  };

  if (factors.length === 0) return <p className="hint">This scenario has no priors, so there is nothing to screen globally.</p>;
  return (
    <>
      <p className="hint">
        From {start.label}: {factors.length} factors, one per prior rule ({parameters} parameters), each moved over its whole prior range from random starting points
        spread over the others’ ranges; every parameter of a rule moves together. Factors are ranked by μ*, the mean absolute change they make. Every point runs the same
        seeded futures.{start.state.turn === 0 ? '' : ' From a week in progress, the levels at the start no longer act.'}
      </p>
      <div className="forecast-actions">
        <label>
          Trajectories{' '}
          <input type="number" min={MIN_TRAJECTORIES} max={MAX_TRAJECTORIES} value={trajectoriesText} onChange={(e) => setTrajectories(e.target.value)} aria-invalid={!trajectoriesOk} />
          {!trajectoriesOk && <span className="field-error"> a whole number from {MIN_TRAJECTORIES} to {MAX_TRAJECTORIES}</span>}
        </label>
        <RunsField runs={runs} label="Futures per point" />
        <button type="button" className="primary" onClick={go} disabled={status === 'running' || !runs.ok || !trajectoriesOk}>
          Run Morris screening
        </button>
        <span className="hint">
          {points} points, {grouped(points * (runs.ok ? runs.value : 0))} futures
        </span>
      </div>
      {outcomes && (
        <div className="analysis-results">
          {outcomes.map((o) => (
            <MorrisChart key={o.id} id={`morris-${o.id}`} outcome={o} format={o.share ? pp : rungs} />
          ))}
          <div className="forecast-exports">
            <button type="button" onClick={download}>
              Download CSV
            </button>
          </div>
        </div>
      )}
    </>
  );
}
