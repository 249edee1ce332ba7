import { useId, useState } from 'react';
import { dateOfTurn } from '../engine/compile';
import { strategiesFor, type Scenario } from '../scenario/schema';
import type { Controller } from '../scenario/files/session-file';
import { isSeed, isWeeks, MAX_SEED, MAX_WEEKS } from '../scenario/limits';
import { SavedGames } from './saved-games';
import { useSession } from '../store/react';
import { CONTROLLER_LABELS, randomSeed } from './ui.constants';

export interface StartViewProps {
  readonly scenarios: readonly Scenario[];
}

/** Controllers by default: the first actor (the United States) human, every other actor its AI doctrine. */
export function defaultControllers(s: Scenario): Record<string, Controller> {
  return Object.fromEntries(s.actors.map((a, i) => [a.id, i === 0 ? 'human' : a.defaultStrategy]));
}

function ScenarioCard({ scenario, selected, onSelect }: { scenario: Scenario; selected: boolean; onSelect: () => void }) {
  const end = dateOfTurn(scenario, scenario.defaultTurns);
  const titleId = useId();
  return (
    <label className={`scenario-card${selected ? ' selected' : ''}`} aria-labelledby={titleId}>
      <input type="radio" name="scenario" checked={selected} onChange={onSelect} />
      <span className="scenario-card-body">
        <strong id={titleId}>{scenario.title}</strong>
        <span className="scenario-dates">
          <time dateTime={scenario.startDate}>{scenario.startDate}</time> to <time dateTime={end}>{end}</time>,{' '}
          {scenario.defaultTurns} weekly turns · {scenario.actors.map((a) => a.short).join(', ')}
        </span>
        <span className="scenario-summary">{scenario.summary}</span>
        <details className="scenario-sources">
          <summary>Sources ({scenario.sources.length})</summary>
          <ul>
            {scenario.sources.map((s) => (
              <li key={s.id}>{s.url ? <a href={s.url}>{s.title}</a> : s.title}</li>
            ))}
          </ul>
        </details>
      </span>
    </label>
  );
}

export function StartView({ scenarios }: StartViewProps) {
  const start = useSession((s) => s.start);
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? '');
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];
  const [controllers, setControllers] = useState<Record<string, Controller>>(() => (scenario ? defaultControllers(scenario) : {}));
  const [seed, setSeed] = useState(() => String(randomSeed()));
  const [turns, setTurns] = useState(String(scenario?.defaultTurns ?? 26));
  if (!scenario) return <p role="alert">No scenario could be loaded.</p>;

  const seedValue = Number(seed);
  const turnsValue = Number(turns);
  const seedOk = seed.trim() !== '' && isSeed(seedValue);
  const turnsOk = isWeeks(turnsValue);
  const choose = (s: Scenario) => {
    setScenarioId(s.id);
    setControllers(defaultControllers(s));
    setTurns(String(s.defaultTurns));
  };

  return (
    <form
      className="start"
      onSubmit={(e) => {
        e.preventDefault();
        if (seedOk && turnsOk) start({ scenarioId: scenario.id, seed: seedValue, horizon: turnsValue, controllers });
      }}
    >
      <SavedGames scenarios={scenarios} />
      <fieldset className="scenario-list">
        <legend>Scenario</legend>
        {scenarios.map((s) => (
          <ScenarioCard key={s.id} scenario={s} selected={s.id === scenario.id} onSelect={() => choose(s)} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Who plays whom</legend>
        <table className="controllers">
          <tbody>
            {scenario.actors.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <span className="swatch" style={{ background: a.color }} aria-hidden="true" /> {a.name}
                </th>
                <td>
                  <select
                    aria-label={`${a.name}: played by`}
                    value={controllers[a.id] ?? a.defaultStrategy}
                    onChange={(e) => setControllers({ ...controllers, [a.id]: e.target.value as Controller })}
                  >
                    <option value="human">Human</option>
                    {strategiesFor(scenario).map((s) => (
                      <option key={s} value={s}>
                        AI: {CONTROLLER_LABELS[s]}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="settings">
        <legend>Game</legend>
        <label>
          Seed{' '}
          <input inputMode="numeric" value={seed} onChange={(e) => setSeed(e.target.value)} aria-invalid={!seedOk} size={12} />
        </label>
        <button type="button" onClick={() => setSeed(String(randomSeed()))}>
          New seed
        </button>
        <label>
          Weeks{' '}
          <input type="number" min={1} max={MAX_WEEKS} value={turns} onChange={(e) => setTurns(e.target.value)} aria-invalid={!turnsOk} />
        </label>
        {!seedOk && <p className="field-error">The seed must be a whole number from 0 to {MAX_SEED}.</p>}
        {!turnsOk && <p className="field-error">Weeks must be a whole number from 1 to {MAX_WEEKS}.</p>}
      </fieldset>
      <button type="submit" className="primary" disabled={!seedOk || !turnsOk}>
        Play
      </button>
    </form>
  );
}
