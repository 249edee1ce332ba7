import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { dateOfTurn } from '../engine/compile';
import { isOver } from '../engine/game';
import type { ForecastEnsemble } from '../engine/forecast';
import type { GameState } from '../engine/state';
import type { ForecastSummary } from '../engine/summary';
import { FanChart } from '../charts/fan-chart';
import { FinalRungsChart } from '../charts/final-rungs-chart';
import { ForecastSurvivalChart } from '../charts/forecast-survival-chart';
import { fanRows } from '../charts/forecast-series';
import type { Scenario, StrategyId } from '../scenario/schema';
import type { Session } from '../scenario/files/session-file';
import { useForecast } from '../store/forecast-react';
import { useSession } from '../store/react';
import { OutcomesTable } from './outcomes-table';
import { ProgressBar } from './progress-bar';
import { csvText, forecastJson, forecastOutcomesTable, forecastTable, summaryProvenance } from '../analysis/exports';
import { chartParts, chartsToPng } from '../charts/png';
import { ChartDrawnContext } from '../charts/plot';
import { EnsembleContext } from './ensemble-context';
import { downloadText } from './exports';
import { RunsField, useRuns } from './runs-field';
import { StrategyPicker } from './strategy-picker';
import { warmUp } from '../worker/forecast-client';
import { grouped } from '../scenario/numbers';

export interface ForecastPanelProps {
  readonly scenario: Scenario;
  readonly session: Session;
  readonly branchName: string;
  readonly states: readonly GameState[];
  readonly viewTurn: number;
}

/** An export's provenance: the forecast as run from this game, stamped now. */
function provenanceNow(scenario: Scenario, summary: ForecastSummary) {
  return summaryProvenance(scenario, summary, { parameters: {}, from: null, generated: new Date().toISOString() });
}

/** AI strategies for a forecast: the game's own, with human teams played by their doctrine. */
function defaultStrategies(scenario: Scenario, session: Session): Record<string, StrategyId> {
  return Object.fromEntries(
    scenario.actors.map((a) => {
      const c = session.controllers[a.id];
      return [a.id, c && c !== 'human' ? c : a.defaultStrategy];
    }),
  );
}

/**
 * Counts up to `count`, one task at a time, after `key` changes (not while it is null), so drawing
 * several charts never blocks the page in one long task. Returns how many are to be drawn.
 */
function useStaged(count: number, key: unknown): number {
  const [stage, setStage] = useState({ key, shown: 1 });
  if (stage.key !== key) setStage({ key, shown: 1 });
  useEffect(() => {
    if (key === null || stage.shown >= count) return;
    const timer = setTimeout(() => setStage((s) => (s.key === key ? { key, shown: s.shown + 1 } : s)), 0);
    return () => clearTimeout(timer);
  }, [stage, key, count]);
  return stage.key === key ? stage.shown : 1;
}

function Progress() {
  const done = useForecast((s) => s.done);
  const total = useForecast((s) => s.total);
  const cancel = useForecast((s) => s.cancel);
  return <ProgressBar label="Forecast progress" done={done} total={total} onCancel={cancel} />;
}

const pct = (x: number) => `${Math.round(100 * x)}%`;

/** The forecast's answer in words: talks alive at the end, its chance interval and, with an ensemble, its model range. */
function ForecastHeadline({ scenario, summary }: { scenario: Scenario; summary: ForecastSummary }) {
  const alive = summary.outcomes.find((o) => o.id === 'talks-alive');
  if (!alive || alive.lo === null || alive.hi === null) return null;
  return (
    <p className="forecast-headline" data-testid="forecast-headline">
      {scenario.talks.label} alive after week {summary.startTurn + summary.turns}: <strong>{pct(alive.value)}</strong> (chance {pct(alive.lo)}–{pct(alive.hi)})
      {alive.modelLo != null && alive.modelHi != null ? (
        <>
          {' '}
          — <strong>model range {pct(alive.modelLo)}–{pct(alive.modelHi)}</strong> across {summary.sets} calibrated parameter sets
        </>
      ) : (
        ' with the scenario’s own numbers (no model range)'
      )}
    </p>
  );
}

export function ForecastPanel({ scenario, session, branchName, states, viewTurn }: ForecastPanelProps) {
  // The forecast store serves every game: only what was asked from this game shows here.
  const gameId = useSession((s) => s.gameId);
  const status = useForecast((s) => (s.request?.game === gameId ? s.status : 'idle'));
  const summary = useForecast((s) => s.summary);
  const request = useForecast((s) => (s.summaryOf?.game === gameId ? s.summaryOf : null));
  const finished = useForecast((s) => s.finished);
  const elapsed = useForecast((s) => s.elapsedMs);
  const error = useForecast((s) => s.error);
  const run = useForecast((s) => s.run);
  const [strategies, setStrategies] = useState(() => defaultStrategies(scenario, session));
  const runs = useRuns(10_000);
  const loadEnsemble = useContext(EnsembleContext);
  const [ensemble, setEnsemble] = useState<ForecastEnsemble | null>(null);
  const [modelUncertainty, setModelUncertainty] = useState(true);
  useEffect(() => warmUp(), []);
  useEffect(() => {
    let live = true;
    void loadEnsemble(scenario).then((e) => live && setEnsemble(e));
    return () => {
      live = false;
    };
  }, [loadEnsemble, scenario]);
  const state = states[viewTurn]!;
  const over = isOver(state);

  const start = () => {
    if (!runs.ok || over) return;
    const drawn = modelUncertainty && ensemble ? { ensemble } : {};
    void run({ scenario, state, options: { runs: runs.value, seed: session.seed, strategies, ...drawn }, branch: branchName, game: gameId, path: states.slice(0, viewTurn + 1) });
  };
  // The last finished forecast stays on the page while a new one runs (or after one is cancelled or
  // fails), marked as the previous one: taking it off would make the page jump twice.
  const shown = summary && request ? { summary, request } : null;
  const previous = status === 'running' || status === 'cancelled' || status === 'error';
  // The results are laid out at once, so nothing moves as they come in: the status, the headline,
  // the outcomes and each chart's frame; the charts' drawings (and their data tables) follow, one
  // chart per task.
  const stage = useStaged(3, shown?.summary ?? null);
  // The fan and survival charts draw the same rows: made once per forecast, not once per chart and render.
  const rows = useMemo(() => (shown ? fanRows(shown.summary, shown.request.path, (t) => dateOfTurn(scenario, t)) : []), [shown?.summary, shown?.request, scenario]);
  const results = useRef<HTMLDivElement>(null);
  const saveCharts = () => {
    const parts = results.current ? chartParts(results.current) : [];
    if (parts.length > 0) void chartsToPng(parts, `${exportName}-charts.png`);
  };
  const exportName = shown ? `deterrence-lab-${scenario.id}-forecast-week-${shown.summary.startTurn}-seed-${shown.summary.seed}` : '';

  return (
    <section className="forecast" aria-labelledby="forecast-heading">
      <h2 id="forecast-heading">Forecast</h2>
      <p className="hint">
        Thousands of futures from {viewTurn === 0 ? 'the start' : `week ${viewTurn}`} of “{branchName}”, every actor played by the AI strategy chosen here.
      </p>
      <details className="forecast-setup">
        <summary>Strategies and number of futures</summary>
        <StrategyPicker scenario={scenario} value={strategies} onChange={setStrategies} label="Forecast strategy" />
        <RunsField runs={runs} label="Futures" />
        {ensemble && (
          <label className="check">
            <input type="checkbox" checked={modelUncertainty} onChange={(e) => setModelUncertainty(e.target.checked)} /> Model uncertainty: each future draws its
            numbers from one of the {ensemble.sets.length} calibrated parameter sets (unticked: the scenario’s own values)
          </label>
        )}
      </details>
      <div className="forecast-actions">
        <button type="button" className="primary" onClick={start} disabled={!runs.ok || over || status === 'running'}>
          Forecast
        </button>
        {over && <span className="hint">The game is over at this week: pick an earlier week to forecast from.</span>}
      </div>
      {status === 'running' && <Progress />}
      {status === 'cancelled' && <p role="status">Forecast cancelled.</p>}
      {status === 'error' && <p role="alert">The forecast failed: {error}</p>}
      {shown && (
        <div key={finished} className={previous ? 'forecast-results previous' : 'forecast-results'} ref={results} aria-busy={status === 'running'}>
          {previous && <p className="previous-note">{status === 'running' ? 'The previous forecast, until the new one is done:' : 'The previous forecast:'}</p>}
          <p role="status" className="hint">
            {grouped(shown.summary.runs)} futures from week {shown.summary.startTurn} of “{shown.request.branch}” in{' '}
            {((elapsed ?? 0) / 1000).toFixed(2)} s (seed {shown.summary.seed}
            {shown.summary.sets > 0 ? `; numbers drawn from ${shown.summary.sets} calibrated parameter sets` : '; the scenario’s own numbers'}).
          </p>
          <ForecastHeadline scenario={scenario} summary={shown.summary} />
          <ChartDrawnContext.Provider value={stage >= 1}>
            <FanChart scenario={scenario} summary={shown.summary} rows={rows} />
          </ChartDrawnContext.Provider>
          <ChartDrawnContext.Provider value={stage >= 2}>
            <ForecastSurvivalChart scenario={scenario} summary={shown.summary} rows={rows} />
          </ChartDrawnContext.Provider>
          <ChartDrawnContext.Provider value={stage >= 3}>
            <FinalRungsChart summary={shown.summary} />
          </ChartDrawnContext.Provider>
          <OutcomesTable summary={shown.summary} />
          <div className="forecast-exports">
            <button type="button" onClick={() => downloadText(`${exportName}.csv`, csvText(forecastTable(scenario, shown.summary, provenanceNow(scenario, shown.summary))), 'text/csv')}>
              Export CSV
            </button>
            <button type="button" onClick={() => downloadText(`${exportName}-outcomes.csv`, csvText(forecastOutcomesTable(shown.summary, provenanceNow(scenario, shown.summary))), 'text/csv')}>
              Export outcomes CSV
            </button>
            <button type="button" onClick={() => downloadText(`${exportName}.json`, forecastJson(shown.summary, provenanceNow(scenario, shown.summary)), 'application/json')}>
              Export JSON
            </button>
            <button type="button" onClick={saveCharts} disabled={stage < 3}>
              Save all charts as PNG
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
