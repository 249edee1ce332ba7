import { useEffect, useState } from 'react';
import { isOver } from '../../engine/game';
import type { GameState } from '../../engine/state';
import type { RoomView, SeatStatus } from '../../classroom/protocol';
import type { Scenario } from '../../scenario/schema';
import { useClassroom } from '../../store/classroom-react';
import { useOutlooks } from '../../store/outlook-react';
import { downloadText } from '../exports';
import { Narrative } from '../narrative';
import { CONTROLLER_LABELS } from '../ui.constants';
import { QrCode } from './qr-code';
import { ChartTextContext } from '../../charts/chart-text';
import { PROJECTOR_TEXT } from '../../charts/charts.constants';
import { lastWeekPlays, RoomCharts } from './room-game';
import { RoomTimer } from './room-timer';

function seatStatus(s: SeatStatus): string {
  if (!s.team) return 'AI';
  if (!s.claimed) return 'waiting to join';
  if (s.sealed) return 'sealed';
  return s.connected ? 'deciding' : 'joined, offline';
}

/** Each actor: who plays it, and for teams whether they have joined, are connected and have sealed (never what). */
function Seats({ scenario, view }: { scenario: Scenario; view: RoomView }) {
  return (
    <table className="seats" aria-label="Teams">
      <thead>
        <tr>
          <th scope="col">Actor</th>
          <th scope="col">Played by</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {view.seats.map((s) => {
          const actor = scenario.actors.find((a) => a.id === s.actor)!;
          const status = seatStatus(s);
          return (
            <tr key={s.actor} data-actor={s.actor} className={`seat-${status.replace(/[^a-z]+/g, '-')}`}>
              <th scope="row">
                <span className="swatch" style={{ background: actor.color }} aria-hidden="true" /> <abbr title={actor.name}>{actor.short}</abbr>
              </th>
              <td>{s.team ? 'a team' : CONTROLLER_LABELS[view.strategies[s.actor] ?? actor.defaultStrategy]}</td>
              <td>{status}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The facilitator's controls: the timer, resolving the week, events, rollback, numbers, the end. */
function Controls({ scenario, view, state, onDebrief }: { scenario: Scenario; view: RoomView; state: GameState; onDebrief: () => void }) {
  const command = useClassroom((s) => s.command);
  const [inject, setInject] = useState(scenario.injects[0]?.id ?? '');
  const over = view.ended || isOver(state);
  const queued = state.injects.map((id) => scenario.injects.find((e) => e.id === id)?.label ?? id);
  return (
    <section className="room-controls" aria-label="Facilitator controls">
      {view.timer && !over && (
        <button type="button" onClick={() => command({ type: 'timer', action: view.timer!.running ? 'pause' : 'start' })}>
          {view.timer.running ? 'Pause the timer' : 'Start the timer'}
        </button>
      )}
      {!over && (
        <button type="button" className="primary" onClick={() => command({ type: 'resolve' })}>
          Resolve the week now
        </button>
      )}
      <button type="button" onClick={() => command({ type: 'rollback' })} disabled={view.log.length === 0 || view.ended}>
        Roll back the last step
      </button>
      <button type="button" onClick={() => command({ type: 'numbers', shown: !view.numbersShown })}>
        {view.numbersShown ? 'Hide the numbers on team screens' : 'Show the numbers on team screens'}
      </button>
      {!view.ended && (
        <button type="button" onClick={() => command({ type: 'end' })}>
          End the game
        </button>
      )}
      <button type="button" className={over ? 'primary' : undefined} onClick={onDebrief}>
        {over ? 'Open the debrief' : 'Debrief so far'}
      </button>
      {!over && scenario.injects.length > 0 && (
        <div className="room-inject">
          <label htmlFor="room-inject">Event</label>{' '}
          <select id="room-inject" value={inject} onChange={(e) => setInject(e.target.value)}>
            {scenario.injects.map((e) => (
              <option key={e.id} value={e.id}>
                {e.label}
              </option>
            ))}
          </select>{' '}
          <button type="button" onClick={() => command({ type: 'inject', inject })}>
            Fire at the start of next week
          </button>
          {queued.length > 0 && <p role="status">Next week begins with: {queued.join('; ')}.</p>}
        </div>
      )}
    </section>
  );
}

function RoomFiles({ view }: { view: RoomView }) {
  const command = useClassroom((s) => s.command);
  const exported = useClassroom((s) => s.exported);
  const [asked, setAsked] = useState(false);
  useEffect(() => {
    if (asked && exported) {
      downloadText(`deterrence-lab-room-${view.code}.jsonl`, exported, 'application/x-ndjson');
      setAsked(false);
    }
  }, [asked, exported, view.code]);
  return (
    <section className="room-files" aria-label="The room's files">
      <button
        type="button"
        onClick={() => {
          setAsked(true);
          command({ type: 'export' });
        }}
      >
        Export the room
      </button>
      <button
        type="button"
        onClick={() => {
          if (confirm(`Delete room ${view.code}? Its teams will be disconnected.`)) command({ type: 'delete' });
        }}
      >
        Delete the room
      </button>
    </section>
  );
}

export interface FacilitatorViewProps {
  readonly scenario: Scenario;
  readonly view: RoomView;
  readonly states: readonly GameState[];
  readonly offset: number;
  /** An observer's view: the projector without its controls. */
  readonly readOnly: boolean;
  readonly onDebrief?: () => void;
}

/** The projector: the room code and QR, the teams, the timer, the week; controls unless `readOnly` (an observer). */
export function FacilitatorView({ scenario, view, states, offset, readOnly, onDebrief = () => {} }: FacilitatorViewProps) {
  const joinUrls = useClassroom((s) => s.joinUrls);
  const state = states[states.length - 1]!;
  const outlookOf = useOutlooks(scenario, states, view.strategies);
  const joinUrl = joinUrls.find((u) => !u.includes('localhost')) ?? joinUrls[0] ?? `${location.origin}/#room=${view.code}`;
  return (
    <div className="projector">
      <header className="room-header projector-header">
        <div>
          <h1>{scenario.title}</h1>
          <p className="room-code-line">
            Room <strong className="room-code" data-testid="room-code">{view.code}</strong>
          </p>
          <p className="muted">
            Join at <span className="join-url">{joinUrl}</span> · week {state.turn} of {view.horizon} played{readOnly ? ' · watching' : ''}
          </p>
        </div>
        <RoomTimer view={view} offset={offset} large />
        <QrCode text={joinUrl} size={200} />
      </header>
      <div className="projector-grid">
        <div>
          <Seats scenario={scenario} view={view} />
          {!readOnly && <Controls scenario={scenario} view={view} state={state} onDebrief={onDebrief} />}
          {!readOnly && <RoomFiles view={view} />}
          <Narrative scenario={scenario} state={state} outlook={outlookOf(state)} played={lastWeekPlays(view)} />
        </div>
        {/* The projector is read from the back of the room: its charts use the projector's type. */}
        <ChartTextContext.Provider value={PROJECTOR_TEXT}>
          <RoomCharts scenario={scenario} view={view} states={states} />
        </ChartTextContext.Provider>
      </div>
    </div>
  );
}
