import { useEffect, useMemo, useState } from 'react';
import type { StoreApi } from 'zustand';
import type { ForecastStore } from '../store/forecast';
import { ForecastContext } from '../store/forecast-react';
import { EnsembleContext } from '../ui/ensemble-context';
import { ensembleFor } from './ensembles';
import type { OutlookStore } from '../store/outlook';
import { OutlookContext } from '../store/outlook-react';
import { LAST_ROOM_KEY, type ClassroomStore } from '../store/classroom';
import { ClassroomContext, useClassroom } from '../store/classroom-react';
import type { SessionStore } from '../store/session';
import { SessionContext, useSession } from '../store/react';
import type { PrefsStore } from '../store/prefs';
import { PrefsContext } from '../store/prefs-react';
import { MessageBanner } from '../ui/message-banner';
import { ClassroomStart } from '../ui/classroom/classroom-start';
import { StartView } from '../ui/start-view';
import { lazyView } from './lazy-view';
import type { Catalogue } from './scenarios';

// The play view brings its charts (plain SVG; recharts is left to the analysis and the debrief): loaded only when a game starts, so the start page stays small.
const Play = lazyView('game', () => import('../ui/play-view').then((m) => m.PlayView));
// The classroom's screens (projector, team, observer) bring the charts too.
const Classroom = lazyView('classroom', () => import('../ui/classroom/classroom-view').then((m) => m.ClassroomView));
// The analysis view (comparisons, tournaments, sweeps) is its own chunk too.
const Analysis = lazyView('analysis', () => import('../ui/analysis/analysis-view').then((m) => m.AnalysisView));
// The debrief (its charts and print styles) is its own chunk as well.
const Debrief = lazyView('debrief', () => import('../ui/debrief/debrief-view').then((m) => m.DebriefView));

/** Runs `f` when the page is next idle (within `timeout` ms at the latest); returns what cancels it. */
function whenIdle(f: () => void, timeout: number): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(f, { timeout });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(f, Math.min(timeout, 2000));
  return () => clearTimeout(id);
}

/**
 * Once a game is in play, the debrief and the analysis are fetched ahead, when the page is idle:
 * solo and hot-seat play need no server once the page has loaded, and those views then open offline too.
 */
function usePreloadedViews(playing: boolean): void {
  useEffect(() => {
    if (!playing) return;
    return whenIdle(() => {
      Debrief.preload();
      Analysis.preload();
    }, 10_000);
  }, [playing]);
}

export interface AppProps {
  readonly catalogue: Catalogue;
  readonly store: StoreApi<SessionStore>;
  readonly classroom: StoreApi<ClassroomStore>;
  readonly forecasts: StoreApi<ForecastStore>;
  readonly outlooks: StoreApi<OutlookStore>;
  /** The UI preferences (the projector layout); in memory only when absent. */
  readonly prefs?: StoreApi<PrefsStore>;
}

/**
 * Opens a share link (`#g=...`) on load and whenever one is pasted into the address bar of the open
 * tab (hashchange). The fragment is cleared before it is decoded, so a link that cannot be read is
 * not read again on reload; a fragment that is not a game link says so.
 */
function useShareLink(store: StoreApi<SessionStore>, classroom: StoreApi<ClassroomStore>): void {
  useEffect(() => {
    const open = () => {
      const hash = location.hash;
      if (hash === '' || hash === '#') return;
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      const game = /^#g=(.+)$/.exec(hash);
      const room = /^#room=([A-Za-z0-9]{6})(?:&seat=([0-9a-f]{32}))?$/.exec(hash);
      if (game) store.getState().loadShare(game[1]!);
      else if (room) classroom.getState().join(room[1]!.toUpperCase(), room[2]);
      else store.setState({ message: { kind: 'error', text: 'The link’s address ends in something that is not a Deterrence Lab game (it should end in #g= and the game’s code) or room (#room= and its code). Nothing was changed.' } });
    };
    // Back in the room this screen was in before a reload, unless the link names another.
    const last = readLastRoom();
    if ((location.hash === '' || location.hash === '#') && last) classroom.getState().join(last);
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [store, classroom]);
}

function readLastRoom(): string | null {
  try {
    return localStorage.getItem(LAST_ROOM_KEY);
  } catch {
    return null;
  }
}

/** Hears other tabs' saves (the `storage` event), so two tabs on one game never silently undo each other. */
function useOtherTabs(store: StoreApi<SessionStore>): void {
  useEffect(() => {
    const changed = (e: StorageEvent) => {
      if (e.storageArea === localStorage) store.getState().storageChanged(e.key);
    };
    window.addEventListener('storage', changed);
    return () => window.removeEventListener('storage', changed);
  }, [store]);
}

function Screens({ catalogue }: { catalogue: Catalogue }) {
  const screen = useSession((s) => s.screen);
  const scenarioId = useSession((s) => s.session?.scenarioId);
  const scenario = useMemo(() => catalogue.scenarios.find((s) => s.id === scenarioId), [catalogue, scenarioId]);
  const openAnalysis = useSession((s) => s.openAnalysis);
  const back = useSession((s) => s.back);
  const leave = useSession((s) => s.leave);
  usePreloadedViews(screen === 'play' && scenario !== undefined);
  const backToGame = { label: scenario ? 'Back to the game' : 'Back to start', onClick: back };
  if (screen === 'analysis' && catalogue.scenarios.length > 0) return <Analysis.View scenarios={catalogue.scenarios} back={backToGame} />;
  if (screen === 'debrief' && scenario) return <Debrief.View scenario={scenario} back={backToGame} />;
  if (screen === 'play' && scenario) return <Play.View scenario={scenario} back={{ label: 'Back to start', onClick: leave }} />;
  return (
    <>
      <header className="start-header">
        <h1>Deterrence Lab</h1>
        <p>Play a crisis forward week by week, and see how high escalation climbs and whether the talks survive.</p>
        <button type="button" onClick={openAnalysis}>
          Analyse strategies
        </button>
      </header>
      <StartView scenarios={catalogue.scenarios} />
      <ClassroomStart scenarios={catalogue.scenarios} />
    </>
  );
}

/** A screen in a classroom room shows the room; otherwise the app's own screens. */
function ClassroomOrScreens({ catalogue }: { catalogue: Catalogue }) {
  const inRoom = useClassroom((s) => s.credentials !== null || s.view !== null || (s.status !== 'idle' && s.attempts > 0));
  const [watching, setWatching] = useState(false);
  if (!inRoom) return <Screens catalogue={catalogue} />;
  return <Classroom.View scenarios={catalogue.scenarios} watching={watching} onWatch={() => setWatching(true)} />;
}

function BrokenScenarios({ catalogue }: { catalogue: Catalogue }) {
  return catalogue.broken.map((b) => (
    <div role="alert" key={b.file} className="message error">
      <p>
        The scenario file {b.file} could not be loaded ({b.errors.length} problem{b.errors.length === 1 ? '' : 's'}):
      </p>
      <ul className="error-list">
        {b.errors.slice(0, 5).map((e, i) => (
          <li key={i}>
            <code>{e.path || '(top level)'}</code>: {e.message}
          </li>
        ))}
      </ul>
    </div>
  ));
}

export function App({ catalogue, store, forecasts, outlooks, classroom, prefs }: AppProps) {
  useShareLink(store, classroom);
  useOtherTabs(store);
  return (
    <SessionContext.Provider value={store}>
      <ForecastContext.Provider value={forecasts}>
        <OutlookContext.Provider value={outlooks}>
          <ClassroomContext.Provider value={classroom}>
            <EnsembleContext.Provider value={ensembleFor}>
              <PrefsContext.Provider value={prefs ?? null}>
                <main className="app">
                  <BrokenScenarios catalogue={catalogue} />
                  <MessageBanner />
                  <ClassroomOrScreens catalogue={catalogue} />
                </main>
              </PrefsContext.Provider>
            </EnsembleContext.Provider>
          </ClassroomContext.Provider>
        </OutlookContext.Provider>
      </ForecastContext.Provider>
    </SessionContext.Provider>
  );
}
