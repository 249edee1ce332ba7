import { useMemo, useState } from 'react';
import type { StoreApi } from 'zustand';
import { initialState, type GameState } from '../../engine/state';
import type { Scenario } from '../../scenario/schema';
import { createAnalysisStore, type AnalysisStore } from '../../store/analysis';
import { activeBranch, branchStates } from '../../store/derive';
import { useSession } from '../../store/react';
import { runForecast } from '../../worker/forecast-client';
import { ProgressBar } from '../progress-bar';
import { AnalysisContext, useAnalysis } from './analysis-context';
import { ComparePanel } from './compare-panel';
import { SensitivityPanel } from './sensitivity-panel';
import { SweepPanel } from './sweep-panel';
import { TournamentPanel } from './tournament-panel';

const modes = [
  { id: 'compare', label: 'Compare set-ups' },
  { id: 'tournament', label: 'Tournament' },
  { id: 'sweep', label: 'Sweep a parameter' },
  { id: 'sensitivity', label: 'Sensitivity' },
] as const;
type Mode = (typeof modes)[number]['id'];

/** Where the futures start: the scenario's first week, or the week in view of the game in progress. */
export interface StartPoint {
  readonly label: string;
  readonly state: GameState;
  readonly seed: number;
  /** From the scenario's first week (not a game in progress): a set-up's changed scenario then starts from its own first week. */
  readonly fresh: boolean;
}

/**
 * The state a set-up's futures start from: from the scenario's start, the changed scenario's own
 * (so a changed level at the start acts, as in the CLI's `--set`); from a game, the week in view.
 */
export function startStateFor(start: StartPoint, scenario: Scenario): GameState {
  return start.fresh ? initialState(scenario, start.seed, start.state.horizon) : start.state;
}

function BatchProgress() {
  const status = useAnalysis((s) => s.status);
  const done = useAnalysis((s) => s.done);
  const total = useAnalysis((s) => s.total);
  const cancel = useAnalysis((s) => s.cancel);
  const error = useAnalysis((s) => s.error);
  if (status === 'cancelled') return <p role="status">Analysis cancelled.</p>;
  if (status === 'error') return <p role="alert">The analysis failed: {error}</p>;
  if (status !== 'running') return null;
  return <ProgressBar label="Analysis progress" done={done} total={total} onCancel={cancel} />;
}

export function AnalysisView({ scenarios }: { scenarios: readonly Scenario[] }) {
  const session = useSession((s) => s.session);
  const view = useSession((s) => s.view);
  const back = useSession((s) => s.back);
  const [store] = useState<StoreApi<AnalysisStore>>(() => createAnalysisStore(runForecast));
  const [mode, setMode] = useState<Mode>('compare');
  const [scenarioId, setScenarioId] = useState(session?.scenarioId ?? scenarios[0]?.id ?? '');
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0]!;
  const [fromGame, setFromGame] = useState(Boolean(session && session.scenarioId === scenario.id));

  const start: StartPoint = useMemo(() => {
    if (fromGame && session && session.scenarioId === scenario.id) {
      const { states } = branchStates(scenario, session, activeBranch(session));
      const turn = view === null ? states.length - 1 : Math.min(view, states.length - 1);
      return { label: `week ${turn} of the game in progress`, state: states[turn]!, seed: session.seed, fresh: false };
    }
    return { label: 'the start of the scenario', state: initialState(scenario, 1), seed: 1, fresh: true };
  }, [fromGame, session, view, scenario]);

  return (
    <AnalysisContext.Provider value={store}>
      <div className="analysis">
        <header className="play-header">
          <div>
            <h1>Analysis: {scenario.title}</h1>
            <p className="muted">Compare strategies over thousands of seeded futures. Every set-up uses the same random numbers, so differences come from the set-ups, not from luck.</p>
          </div>
          <button type="button" onClick={back}>
            Back
          </button>
        </header>
        <fieldset className="analysis-setup">
          <legend>Starting point</legend>
          {scenarios.length > 1 && (
            <label>
              Scenario{' '}
              <select value={scenario.id} onChange={(e) => setScenarioId(e.target.value)}>
                {scenarios.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.title}
                  </option>
                ))}
              </select>
            </label>
          )}
          <label>
            <input type="radio" name="from" checked={!fromGame} onChange={() => setFromGame(false)} /> The start of the scenario
          </label>
          <label>
            <input type="radio" name="from" checked={fromGame} disabled={!session || session.scenarioId !== scenario.id} onChange={() => setFromGame(true)} /> The week in
            view of the game in progress
          </label>
        </fieldset>
        <div role="radiogroup" aria-label="What to analyse" className="analysis-modes">
          {modes.map((m) => (
            <label key={m.id} className={mode === m.id ? 'selected' : undefined}>
              <input type="radio" name="mode" checked={mode === m.id} onChange={() => setMode(m.id)} /> {m.label}
            </label>
          ))}
        </div>
        <BatchProgress />
        {mode === 'compare' && <ComparePanel scenario={scenario} start={start} />}
        {mode === 'tournament' && <TournamentPanel scenario={scenario} start={start} />}
        {mode === 'sweep' && <SweepPanel scenario={scenario} start={start} />}
        {mode === 'sensitivity' && <SensitivityPanel scenario={scenario} start={start} />}
      </div>
    </AnalysisContext.Provider>
  );
}
