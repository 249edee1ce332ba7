import { useEffect, useMemo, useRef, useState } from 'react';
import { dateOfTurn } from '../engine/compile';
import { compareBranches } from '../charts/branch-compare';
import { ChartTextContext } from '../charts/chart-text';
import { PROJECTOR_TEXT, SCREEN_TEXT } from '../charts/charts.constants';
import { EscalationChart } from '../charts/escalation-chart';
import { aheadRows, branchLines, phaseSpans, weekRows, whyBars } from '../charts/series';
import { SurvivalChart } from '../charts/survival-chart';
import { WhyChart } from '../charts/why-chart';
import type { Scenario } from '../scenario/schema';
import { beliefSentences } from '../engine/explain';
import { isOver } from '../engine/game';
import type { GameState } from '../engine/state';
import { activeBranch, branchStates } from '../store/derive';
import { aiStrategies } from '../store/outlook';
import { useOutlooks } from '../store/outlook-react';
import { usePrefs } from '../store/prefs-react';
import { useSession, useSessionApi } from '../store/react';
import { BranchTable } from './branch-table';
import { Branches } from './branches';
import { FileActions } from './file-actions';
import { ForecastPanel } from './forecast-panel';
import { InjectPanel } from './inject-panel';
import { MovePicker } from './move-picker';
import { focusWeekResult, Narrative } from './narrative';
import { Timeline } from './timeline';
import { signed } from './ui.constants';
import { useGame } from './use-game';

/** Ctrl+Z undoes the last week, Ctrl+Shift+Z (or Ctrl+Y) redoes it, except while typing in a field. */
function useUndoKeys(): void {
  const api = useSessionApi();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.isContentEditable)) {
        if ((target as HTMLInputElement).type !== 'radio') return;
      }
      if (!(e.ctrlKey || e.metaKey)) return;
      const key = e.key.toLowerCase();
      if (key === 'z' && !e.shiftKey) api.getState().undo();
      else if ((key === 'z' && e.shiftKey) || key === 'y') api.getState().redoTurn();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [api]);
}

/**
 * After "End turn", focus and view go to the new week's result (its heading), from which one Tab
 * reaches the next pick. Returns what the picker calls as the turn ends.
 */
function useResultFocus(latest: number | undefined): () => void {
  const awaited = useRef<number | null>(null);
  useEffect(() => {
    if (latest === undefined || awaited.current !== latest) return;
    awaited.current = null;
    focusWeekResult();
  }, [latest]);
  return () => {
    if (latest !== undefined) awaited.current = latest + 1;
  };
}

/** The projector layout's switch: large type for the class at the back of the room, remembered in this browser. */
function ProjectorToggle() {
  const projector = usePrefs((s) => s.projector);
  const setProjector = usePrefs((s) => s.setProjector);
  return (
    <button type="button" aria-pressed={projector} onClick={() => setProjector(!projector)} title="Large type for a projector, remembered in this browser">
      Projector
    </button>
  );
}

const NO_STATES: readonly GameState[] = [];

/** The states whose outlooks the view wants: the week in view first, then its branch, then the other branches. */
function wantedStates(game: ReturnType<typeof useGame>, scenario: Scenario): readonly GameState[] {
  if (!game) return NO_STATES;
  const others = game.session.branches.filter((b) => b.id !== game.branch.id).flatMap((b) => branchStates(scenario, game.session, b).states);
  return [game.state, ...game.states.slice().reverse(), ...others];
}

export function PlayView({ scenario }: { scenario: Scenario }) {
  const game = useGame(scenario);
  const redo = useSession((s) => (s.session ? s.redo[s.session.active] : undefined));
  const leave = useSession((s) => s.leave);
  const openAnalysis = useSession((s) => s.openAnalysis);
  const openDebrief = useSession((s) => s.openDebrief);
  useUndoKeys();
  const projector = usePrefs((s) => s.projector);
  const onEndTurn = useResultFocus(game?.latest);
  const [history, setHistory] = useState(true);
  const controllers = game?.session.controllers;
  const ai = useMemo(() => aiStrategies(controllers ?? {}), [controllers]);
  const wanted = useMemo(() => wantedStates(game, scenario), [game, scenario]);
  const outlookOf = useOutlooks(scenario, wanted, ai);

  const charts = useMemo(() => {
    if (!game) return null;
    const inputs = game.session.branches.map((b) => ({ id: b.id, name: b.name, states: branchStates(scenario, game.session, b).states }));
    const lines = branchLines(game.session.branches, game.session.active);
    const dateOf = (t: number) => dateOfTurn(scenario, t);
    const rows = weekRows(inputs, dateOf, outlookOf);
    const talksRows = aheadRows(rows, game.viewTurn, outlookOf(game.state), dateOf);
    const phases = phaseSpans(scenario, branchStates(scenario, game.session, activeBranch(game.session)).states);
    const comparison = inputs.length > 1 ? compareBranches(scenario, inputs, outlookOf) : null;
    return { lines, rows, talksRows, phases, comparison };
  }, [scenario, game, outlookOf]);

  if (!game || !charts) return null;
  const { session, state, viewTurn, latest, atLatest, states } = game;
  const humans = scenario.actors.filter((a) => session.controllers[a.id] === 'human').map((a) => a.id);
  const aiActors = new Set(Object.keys(ai));
  const over = isOver(state);
  const report = state.report;
  const expected = report ? beliefSentences(scenario, report, aiActors) : [];

  return (
    <ChartTextContext.Provider value={projector ? PROJECTOR_TEXT : SCREEN_TEXT}>
      <div className={projector ? 'play projector-layout' : 'play'}>
        <header className="play-header">
          <div>
            <h1>{scenario.title}</h1>
            <p className="muted">
              Seed {session.seed} · {latest} of {session.horizon} weeks played · branch “{game.branch.name}”
            </p>
          </div>
          <div className="header-actions">
            <ProjectorToggle />
            <button type="button" onClick={openDebrief}>
              Debrief
            </button>
            <button type="button" onClick={openAnalysis}>
              Analyse strategies
            </button>
            <button type="button" onClick={leave}>
              New game
            </button>
          </div>
        </header>
        {game.replayError && (
          <p role="alert" className="message error">
            This branch stops early: {game.replayError}
          </p>
        )}
        <Timeline scenario={scenario} latest={latest} viewTurn={viewTurn} canUndo={game.branch.log.length > 0} canRedo={(redo?.length ?? 0) > 0} />
        <div className="play-grid">
          <div className="play-left">
            <Narrative scenario={scenario} state={state} outlook={outlookOf(state)} />
            {atLatest && !over && <MovePicker scenario={scenario} state={state} humans={humans} onEndTurn={onEndTurn} />}
            {atLatest && !over && <InjectPanel scenario={scenario} queued={state.injects} />}
            {atLatest && over && (
              <p className="hint" role="status">
                The game is over.{' '}
                <button type="button" className="primary" onClick={openDebrief}>
                  Open the debrief
                </button>
              </p>
            )}
            {!atLatest && (
              <p className="hint" role="status">
                You are looking at week {viewTurn}. Go back to the latest week to play on, or press “What if?” to fork a new branch from here.
              </p>
            )}
            <Branches session={session} lines={charts.lines} viewTurn={viewTurn} />
            <FileActions fileName={`deterrence-lab-${scenario.id}-seed-${session.seed}.json`} />
          </div>
          <div className="play-right">
            <EscalationChart scenario={scenario} rows={charts.rows} lines={charts.lines} viewTurn={viewTurn} horizon={session.horizon} history={history} onHistory={setHistory} />
            <SurvivalChart scenario={scenario} rows={charts.talksRows} lines={charts.lines} phases={charts.phases} viewTurn={viewTurn} horizon={session.horizon} />
            {charts.comparison && <BranchTable comparison={charts.comparison} lines={charts.lines} />}
            <div className="why">
              <h2>Why did the numbers move{report ? ` in week ${report.turn + 1}` : ''}?</h2>
              {report ? (
                <>
                  <WhyChart
                    id="why-escalation"
                    title="What moved escalation"
                    bars={whyBars(scenario, report, 'escalation')}
                    total={report.escalation.after - report.escalation.before}
                    format={(x) => signed(x)}
                    axisFormat={(x) => signed(x)}
                    axisTitle="change on the ladder, in rungs"
                    netLabel={(x) => netChange('Escalation', x, Math.abs(x).toFixed(2), 'on the ladder of 0 to ' + (scenario.ladder.length - 1))}
                    upIsBad
                  />
                  <WhyChart
                    id="why-risk"
                    title={`${scenario.talks.label}: what moved the chance they collapse in a week`}
                    bars={whyBars(scenario, report, 'risk')}
                    total={report.talks.risk.after - report.talks.risk.before}
                    format={(x) => `${signed(x * 100, 1)} points`}
                    axisFormat={(x) => signed(x * 100, 1)}
                    axisTitle="change in the weekly chance of a collapse, in percentage points"
                    netLabel={(x) => netChange('The chance of a collapse within a week', x, `${(Math.abs(x) * 100).toFixed(1)} percentage points`, `to ${(report.talks.risk.after * 100).toFixed(1)}%`)}
                    upIsBad
                  />
                  <section className="expectations" aria-labelledby="expectations-title">
                    <h3 id="expectations-title">What the AI actors expected</h3>
                    {expected.length > 0 ? (
                      <ul>
                        {expected.map((line, i) => (
                          <li key={i}>{line}</li>
                        ))}
                      </ul>
                    ) : (
                      <p>No belief about the others' answers weighed much on the AI's choices this week.</p>
                    )}
                  </section>
                </>
              ) : (
                <p>Nothing has happened yet: end the first turn to see what moved the numbers and why.</p>
              )}
            </div>
            <ForecastPanel scenario={scenario} session={session} branchName={game.branch.name} states={states} viewTurn={viewTurn} />
          </div>
        </div>
      </div>
    </ChartTextContext.Provider>
  );
}

/** "Escalation rose by 0.78 (on the ladder of 0 to 12)", in words a class can follow. */
function netChange(what: string, x: number, size: string, context: string): string {
  if (Math.abs(x) < 5e-4) return `${what} held steady`;
  return `${what} ${x > 0 ? 'rose' : 'fell'} by ${size} (${context})`;
}
