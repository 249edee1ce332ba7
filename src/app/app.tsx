import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { StoreApi } from 'zustand';
import type { ForecastStore } from '../store/forecast';
import { ForecastContext } from '../store/forecast-react';
import type { OutlookStore } from '../store/outlook';
import { OutlookContext } from '../store/outlook-react';
import type { SessionStore } from '../store/session';
import { SessionContext, useSession } from '../store/react';
import { MessageBanner } from '../ui/message-banner';
import { StartView } from '../ui/start-view';
import type { Catalogue } from './scenarios';

// The play view brings the charts (recharts): loaded only when a game starts, so the start page stays small.
const PlayView = lazy(() => import('../ui/play-view').then((m) => ({ default: m.PlayView })));
// The analysis view (comparisons, tournaments, sweeps) is its own chunk too.
const AnalysisView = lazy(() => import('../ui/analysis/analysis-view').then((m) => ({ default: m.AnalysisView })));

export interface AppProps {
  readonly catalogue: Catalogue;
  readonly store: StoreApi<SessionStore>;
  readonly forecasts: StoreApi<ForecastStore>;
  readonly outlooks: StoreApi<OutlookStore>;
}

/**
 * Opens a share link (`#g=...`) on load and whenever one is pasted into the address bar of the open
 * tab (hashchange). The fragment is cleared before it is decoded, so a link that cannot be read is
 * not read again on reload; a fragment that is not a game link says so.
 */
function useShareLink(store: StoreApi<SessionStore>): void {
  useEffect(() => {
    const open = () => {
      const hash = location.hash;
      if (hash === '' || hash === '#') return;
      history.replaceState(null, '', `${location.pathname}${location.search}`);
      const match = /^#g=(.+)$/.exec(hash);
      if (match) store.getState().loadShare(match[1]!);
      else store.setState({ message: { kind: 'error', text: 'The link’s address ends in something that is not a Deterrence Lab game (it should end in #g= and the game’s code). Nothing was changed.' } });
    };
    open();
    window.addEventListener('hashchange', open);
    return () => window.removeEventListener('hashchange', open);
  }, [store]);
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
  if (screen === 'analysis' && catalogue.scenarios.length > 0) {
    return (
      <Suspense fallback={<p role="status">Loading the analysis…</p>}>
        <AnalysisView scenarios={catalogue.scenarios} />
      </Suspense>
    );
  }
  if (screen === 'play' && scenario) {
    return (
      <Suspense fallback={<p role="status">Loading the game…</p>}>
        <PlayView scenario={scenario} />
      </Suspense>
    );
  }
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
    </>
  );
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

export function App({ catalogue, store, forecasts, outlooks }: AppProps) {
  useShareLink(store);
  useOtherTabs(store);
  return (
    <SessionContext.Provider value={store}>
      <ForecastContext.Provider value={forecasts}>
        <OutlookContext.Provider value={outlooks}>
          <main className="app">
            <BrokenScenarios catalogue={catalogue} />
            <MessageBanner />
            <Screens catalogue={catalogue} />
          </main>
        </OutlookContext.Provider>
      </ForecastContext.Provider>
    </SessionContext.Provider>
  );
}
