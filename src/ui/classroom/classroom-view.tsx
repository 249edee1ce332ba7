import { lazy, Suspense, useState } from 'react';
import type { RoomView } from '../../classroom/protocol';
import type { Scenario } from '../../scenario/schema';
import { useClassroom } from '../../store/classroom-react';
import { FacilitatorView } from './facilitator-view';
import { useRoomStates } from './room-game';
import { TeamView } from './team-view';

// The debrief (its charts and print styles) is a chunk of its own, as in solo play.
const RoomDebrief = lazy(() => import('./room-debrief').then((m) => ({ default: m.RoomDebrief })));

/** Who has joined: a free team seat can be taken; or watch the projector view. */
function Lobby({ scenario, view, onWatch }: { scenario: Scenario; view: RoomView; onWatch: () => void }) {
  const claim = useClassroom((s) => s.claim);
  const free = view.seats.filter((s) => s.team && !s.claimed);
  return (
    <section className="lobby" aria-labelledby="lobby-heading">
      <h1 id="lobby-heading">
        Room {view.code}: {scenario.title}
      </h1>
      {free.length > 0 ? <p>Choose your team.</p> : <p>Every team's seat is taken. A team that lost its screen can open its own link again.</p>}
      <ul className="lobby-seats">
        {free.map((s) => {
          const actor = scenario.actors.find((a) => a.id === s.actor)!;
          return (
            <li key={s.actor}>
              <button type="button" className="primary" onClick={() => claim(s.actor)}>
                Play {actor.name}
              </button>
            </li>
          );
        })}
      </ul>
      <button type="button" onClick={onWatch}>
        Just watch (the projector view)
      </button>
    </section>
  );
}

/** The status of the connection, said plainly; nothing typed is lost while it reconnects. */
function ConnectionLine() {
  const status = useClassroom((s) => s.status);
  const attempts = useClassroom((s) => s.attempts);
  if (status === 'open') return null;
  return (
    <p className="connection" role="status">
      {status === 'reconnecting' ? `Reconnecting… (attempt ${attempts}; what you typed is kept)` : 'Connecting…'}
    </p>
  );
}

function ErrorLine() {
  const error = useClassroom((s) => s.error);
  const dismiss = useClassroom((s) => s.dismiss);
  if (!error) return null;
  return (
    <div className="message error" role="alert">
      <p>{error}</p>
      <button type="button" onClick={dismiss} aria-label="Dismiss message">
        Dismiss
      </button>
    </div>
  );
}

function Room({ scenario, view, watching, onWatch }: { scenario: Scenario; view: RoomView; watching: boolean; onWatch: () => void }) {
  const states = useRoomStates(scenario, view);
  const offset = useClassroom((s) => s.clockOffset);
  const [debriefing, setDebriefing] = useState(false);
  if (view.role === 'facilitator' && debriefing) {
    return (
      <Suspense fallback={<p role="status">Loading the debrief…</p>}>
        <RoomDebrief scenario={scenario} view={view} onBack={() => setDebriefing(false)} />
      </Suspense>
    );
  }
  if (view.role === 'team') return <TeamView scenario={scenario} view={view} states={states} offset={offset} />;
  if (view.role === 'facilitator') return <FacilitatorView scenario={scenario} view={view} states={states} offset={offset} readOnly={false} onDebrief={() => setDebriefing(true)} />;
  if (watching) return <FacilitatorView scenario={scenario} view={view} states={states} offset={offset} readOnly />;
  return <Lobby scenario={scenario} view={view} onWatch={onWatch} />;
}

/** The classroom screen of one device: a facilitator's projector, a team's seat, or an observer's. */
export function ClassroomView({ scenarios, watching, onWatch }: { scenarios: readonly Scenario[]; watching: boolean; onWatch: () => void }) {
  const view = useClassroom((s) => s.view);
  const leave = useClassroom((s) => s.leave);
  const scenario = view ? scenarios.find((s) => s.id === view.scenarioId) : undefined;
  return (
    <div className="classroom">
      <ConnectionLine />
      <ErrorLine />
      {view && !scenario && <p role="alert">This room plays a scenario this app does not have ({view.scenarioId}).</p>}
      {view && scenario ? <Room scenario={scenario} view={view} watching={watching} onWatch={onWatch} /> : !view && <p role="status">Joining the room…</p>}
      <footer className="classroom-footer">
        <button type="button" onClick={leave}>
          Leave the room on this screen
        </button>
      </footer>
    </div>
  );
}
