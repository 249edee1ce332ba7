import { useState } from 'react';
import { roomCode } from '../../scenario/files/room-log';
import { strategiesFor, type Scenario, type StrategyId } from '../../scenario/schema';
import { useClassroom } from '../../store/classroom-react';
import { CONTROLLER_LABELS } from '../ui.constants';

type Player = 'team' | StrategyId;

/** Run a class: choose the scenario, which actors are teams, the length and the timer. */
function RunAClass({ scenarios }: { scenarios: readonly Scenario[] }) {
  const create = useClassroom((s) => s.create);
  const [scenarioId, setScenarioId] = useState(scenarios[0]?.id ?? '');
  const scenario = scenarios.find((s) => s.id === scenarioId) ?? scenarios[0];
  const [players, setPlayers] = useState<Record<string, Player>>({});
  const [weeks, setWeeks] = useState('10');
  const [minutes, setMinutes] = useState('4');
  const [numbers, setNumbers] = useState(true);
  if (!scenario) return null;
  const playerOf = (id: string): Player => players[id] ?? 'team';
  const teams = scenario.actors.filter((a) => playerOf(a.id) === 'team').map((a) => a.id);
  const weeksValue = Number(weeks);
  const minutesValue = Number(minutes);
  const weeksOk = Number.isInteger(weeksValue) && weeksValue >= 1 && weeksValue <= 52;
  const minutesOk = Number.isInteger(minutesValue) && minutesValue >= 0 && minutesValue <= 60;
  const ok = teams.length > 0 && weeksOk && minutesOk;
  const submit = () => {
    const strategies = Object.fromEntries(scenario.actors.map((a) => [a.id, playerOf(a.id) === 'team' ? a.defaultStrategy : (playerOf(a.id) as StrategyId)]));
    create({ scenarioId: scenario.id, seed: Math.floor(Math.random() * 1_000_000), horizon: weeksValue, teams, strategies, minutesPerTurn: minutesValue, numbersShown: numbers });
  };
  return (
    <form
      className="classroom-form"
      aria-labelledby="run-class-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) submit();
      }}
    >
      <h3 id="run-class-heading">Run a class</h3>
      <p className="hint">Each team plays on its own laptop or phone; you run the room from the projector.</p>
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
      <fieldset>
        <legend>Who plays each actor</legend>
        {scenario.actors.map((a) => (
          <label key={a.id} className="classroom-actor">
            <span>{a.name}</span>
            <select aria-label={`Classroom: ${a.name}`} value={playerOf(a.id)} onChange={(e) => setPlayers({ ...players, [a.id]: e.target.value as Player })}>
              <option value="team">A team</option>
              {strategiesFor(scenario).map((s) => (
                <option key={s} value={s}>
                  {CONTROLLER_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        ))}
      </fieldset>
      <label>
        Weeks <input type="number" min={1} max={52} value={weeks} onChange={(e) => setWeeks(e.target.value)} aria-invalid={!weeksOk} />
      </label>{' '}
      <label>
        Minutes per week <input type="number" min={0} max={60} value={minutes} onChange={(e) => setMinutes(e.target.value)} aria-invalid={!minutesOk} />
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={numbers} onChange={(e) => setNumbers(e.target.checked)} /> Show the numbers and charts on team screens
      </label>
      {teams.length === 0 && <p className="field-error">At least one actor must be played by a team.</p>}
      {!weeksOk && <p className="field-error">Weeks must be a whole number from 1 to 52.</p>}
      {!minutesOk && <p className="field-error">Minutes per week must be a whole number from 0 (no timer) to 60.</p>}
      <button type="submit" className="primary" disabled={!ok}>
        Create the room
      </button>
    </form>
  );
}

/** Join a class by its room code. */
function JoinAClass() {
  const join = useClassroom((s) => s.join);
  const [code, setCode] = useState('');
  const cleaned = code.trim().toUpperCase();
  const ok = roomCode.safeParse(cleaned).success;
  return (
    <form
      className="classroom-form"
      aria-labelledby="join-class-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) join(cleaned);
      }}
    >
      <h3 id="join-class-heading">Join a class</h3>
      <label>
        Room code{' '}
        <input value={code} onChange={(e) => setCode(e.target.value)} maxLength={6} autoCapitalize="characters" autoComplete="off" spellCheck={false} aria-invalid={code !== '' && !ok} className="room-code-input" />
      </label>{' '}
      <button type="submit" disabled={!ok}>
        Join
      </button>
      {code.trim() !== '' && !ok && <p className="field-error">A room code is 6 letters and digits, as on the projector.</p>}
    </form>
  );
}

/** The classroom on the start page: run a class, or join one. Needs the classroom server (`npm start`). */
export function ClassroomStart({ scenarios }: { scenarios: readonly Scenario[] }) {
  const error = useClassroom((s) => s.error);
  const status = useClassroom((s) => s.status);
  return (
    <section className="classroom-start" aria-labelledby="classroom-heading">
      <h2 id="classroom-heading">Classroom</h2>
      {status !== 'idle' && <p role="status">Connecting to the classroom server…</p>}
      {error && (
        <p role="alert" className="message error">
          {error}
        </p>
      )}
      <div className="classroom-forms">
        <JoinAClass />
        <RunAClass scenarios={scenarios} />
      </div>
    </section>
  );
}
