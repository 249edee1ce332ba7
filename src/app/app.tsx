import { useMemo } from 'react';
import defaultScenario from '../../scenarios/march-2021.json';
import { parseScenario } from '../scenario/parse';

export interface AppProps {
  /** The scenario as raw, untrusted JSON; defaults to the bundled March 2021 scenario. */
  rawScenario?: unknown;
}

/** The app shell: for now, the loaded scenario's title and summary, or why it could not be loaded. */
export function App({ rawScenario = defaultScenario }: AppProps) {
  // Parsed inside render (not at module load) so that a bug in parsing reaches the error boundary.
  const result = useMemo(() => parseScenario(rawScenario), [rawScenario]);

  if (!result.ok) {
    return (
      <main className="app">
        <h1>Deterrence Lab</h1>
        <div role="alert">
          <h2>The scenario could not be loaded</h2>
          <p>The scenario file has {result.errors.length === 1 ? 'a problem' : `${result.errors.length} problems`}:</p>
          <ul className="error-list">
            {result.errors.map((error, i) => (
              <li key={`${i}:${error.path}`}>
                <code>{error.path === '' ? '(top level)' : error.path}</code>: {error.message}
              </li>
            ))}
          </ul>
        </div>
      </main>
    );
  }

  const scenario = result.value;
  return (
    <main className="app">
      <h1>{scenario.title}</h1>
      <p className="scenario-summary">{scenario.summary}</p>
      <p className="scenario-start">
        Starts <time dateTime={scenario.startDate}>{scenario.startDate}</time>
      </p>
    </main>
  );
}
