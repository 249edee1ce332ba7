import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { linkOutlooks } from './app/outlook-link';
import { ensembleFor } from './app/ensembles';
import { loadCatalogue } from './app/scenarios';
import { createForecastStore } from './store/forecast';
import { createOutlookStore } from './store/outlook';
import { createClassroomStore } from './store/classroom';
import { createPrefsStore } from './store/prefs';
import { createSessionStore } from './store/session';
import { runForecast } from './worker/forecast-client';
import { runOutlook } from './worker/outlook-client';
import { ErrorBoundary } from './ui/error-boundary';
import './app/app.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const catalogue = loadCatalogue();
const store = createSessionStore({ scenarios: catalogue.scenarios, storage: localStore(), now: () => new Date().toISOString() });
const forecasts = createForecastStore(runForecast, () => performance.now());
// The headline draws its futures from the scenario's calibrated ensemble (model uncertainty), when it has one.
const outlooks = createOutlookStore((scenario, state, options) => ensembleFor(scenario).then((ensemble) => runOutlook(scenario, state, ensemble ? { ...options, ensemble } : options)));
linkOutlooks(store, outlooks, catalogue.scenarios);
const prefs = createPrefsStore(localStore());
const classroom = createClassroomStore({
  connect: () => new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/classroom`),
  storage: localStore(),
  now: () => Date.now(),
  setTimeout: (f, ms) => window.setTimeout(f, ms),
  clearTimeout: (h) => window.clearTimeout(h as number),
  online: () => navigator.onLine,
  onNetworkChange: (listener) => {
    window.addEventListener('online', () => listener(true));
    window.addEventListener('offline', () => listener(false));
  },
});

createRoot(container).render(
  <StrictMode>
    <ErrorBoundary onReset={() => store.getState().leave()}>
      <App catalogue={catalogue} store={store} forecasts={forecasts} outlooks={outlooks} classroom={classroom} prefs={prefs} />
    </ErrorBoundary>
  </StrictMode>,
);
