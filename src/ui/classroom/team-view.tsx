import { useEffect, useRef, useState } from 'react';
import { isOver } from '../../engine/game';
import type { GameState } from '../../engine/state';
import type { RoomView } from '../../classroom/protocol';
import { NOTE_MAX_LENGTH } from '../../scenario/log';
import type { Scenario } from '../../scenario/schema';
import { draftKey } from '../../store/classroom';
import { useClassroom } from '../../store/classroom-react';
import { useOutlooks } from '../../store/outlook-react';
import { MoveChoices } from '../move-picker';
import { focusWeekResult, Narrative } from '../narrative';
import { listing, wants } from './briefing';
import { lastWeekPlays, RoomCharts } from './room-game';
import { RoomTimer } from './room-timer';

/** A draft kept in the browser under `key`, so a reload or a lost connection keeps what was typed. */
function useDraft(key: string): [string, (text: string) => void] {
  const read = () => {
    try {
      return localStorage.getItem(key) ?? '';
    } catch {
      return '';
    }
  };
  const [text, setText] = useState(read);
  // A new week (or seat) reads its own draft.
  useEffect(() => setText(read()), [key]);
  const update = (next: string) => {
    setText(next);
    try {
      localStorage.setItem(key, next);
    } catch {
      // Kept on screen; only a reload would lose it.
    }
  };
  return [text, update];
}

function Briefing({ scenario, actor }: { scenario: Scenario; actor: Scenario['actors'][number] }) {
  const w = wants(scenario, actor);
  return (
    <details className="briefing" open>
      <summary>
        Your briefing: you are <strong>{actor.name}</strong>
      </summary>
      <p>{actor.description}</p>
      {w.more.length > 0 && <p>You want more: {listing(w.more)}.</p>}
      {w.less.length > 0 && <p>You want less: {listing(w.less)}.</p>}
    </details>
  );
}

/** This week's choice: the legal moves, a note, Seal (changeable until the week resolves). */
function Decision({ scenario, view, state }: { scenario: Scenario; view: RoomView; state: GameState }) {
  const actor = scenario.actors.find((a) => a.id === view.actor)!;
  const command = useClassroom((s) => s.command);
  const [move, setMove] = useState<string | undefined>(view.mySealed?.move);
  // One draft per seat: a note typed for a week that resolved without it stays for the next.
  const [note, setNote] = useDraft(draftKey(view.code, actor.id));
  const sealed = view.mySealed;
  // Sent with the seal: the draft is done with (Change our move brings it back).
  useEffect(() => {
    if (sealed) setNote('');
  }, [sealed]);
  const waiting = view.seats.filter((s) => s.team && !s.sealed).length;
  if (sealed) {
    const label = scenario.moves.find((m) => m.id === sealed.move)?.label ?? sealed.move;
    return (
      <section className="decision sealed" aria-labelledby="decision-heading">
        <h2 id="decision-heading">Week {state.turn + 1}: sealed</h2>
        <p role="status">
          You sealed <strong>{label}</strong>. {waiting > 0 ? `Waiting for ${waiting} other team${waiting === 1 ? '' : 's'}.` : 'The week is resolving.'}
        </p>
        {sealed.note && <p className="muted">Your note: “{sealed.note}”</p>}
        <button
          type="button"
          onClick={() => {
            setNote(sealed.note ?? '');
            command({ type: 'unseal' });
          }}
        >
          Change our move
        </button>
      </section>
    );
  }
  return (
    <form
      className="decision"
      aria-labelledby="decision-heading"
      onSubmit={(e) => {
        e.preventDefault();
        if (move) command(note.trim() ? { type: 'seal', move, note: note.trim() } : { type: 'seal', move });
      }}
    >
      <h2 id="decision-heading">Week {state.turn + 1}: your move</h2>
      <fieldset>
        <legend>{actor.name}: choose a move</legend>
        <MoveChoices scenario={scenario} state={state} actor={actor} value={move} onChange={setMove} />
      </fieldset>
      <label className="move-note">
        Why we chose this <span className="muted">(optional, kept with the move)</span>
        <textarea value={note} maxLength={NOTE_MAX_LENGTH} rows={3} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={!move}>
        Seal our move
      </button>
    </form>
  );
}

/** The seat's own link: the team opens it on another device to carry on there. */
function SeatLink({ code }: { code: string }) {
  const token = useClassroom((s) => s.credentials?.token);
  if (!token) return null;
  const link = `${location.origin}${location.pathname}#room=${code}&seat=${token}`;
  return (
    <details className="seat-link">
      <summary>Continue on another device</summary>
      <p className="hint">Open this link there (keep it within your team: it is your seat).</p>
      <input readOnly value={link} aria-label="Your team's link" onFocus={(e) => e.target.select()} />
    </details>
  );
}

/**
 * When the week changes (it resolved, or the facilitator rolled it back), focus and view go to what
 * happened (its heading), the next move under it: the team's picker had gone with the week, leaving
 * focus nowhere and the page scrolled to where last week's move list had been.
 */
function useWeekFocus(week: string): void {
  const shown = useRef(week);
  useEffect(() => {
    if (shown.current === week) return;
    shown.current = week;
    focusWeekResult();
  }, [week]);
}

/** A team's screen: its briefing, what happened, then its decision (and the charts, if shown). */
export function TeamView({ scenario, view, states, offset }: { scenario: Scenario; view: RoomView; states: readonly GameState[]; offset: number }) {
  const actor = scenario.actors.find((a) => a.id === view.actor)!;
  const state = states[states.length - 1]!;
  const outlookOf = useOutlooks(scenario, states, view.strategies);
  const over = view.ended || isOver(state);
  const week = `${state.turn}-${view.rollbacks}`;
  useWeekFocus(week);
  return (
    <div className="team-view">
      <header className="room-header">
        <h1>
          <span className="swatch" style={{ background: actor.color }} aria-hidden="true" /> {actor.name}
        </h1>
        <p className="muted">
          Room {view.code} · week {state.turn} of {view.horizon} played
        </p>
        <RoomTimer view={view} offset={offset} />
      </header>
      <Briefing scenario={scenario} actor={actor} />
      <SeatLink code={view.code} />
      <Narrative scenario={scenario} state={state} outlook={outlookOf(state)} numbers={view.numbersShown} played={lastWeekPlays(view)} />
      {over ? <p role="status" className="ended">The game is over. Your facilitator will lead the debrief.</p> : <Decision key={week} scenario={scenario} view={view} state={state} />}
      {view.numbersShown && <RoomCharts scenario={scenario} view={view} states={states} />}
    </div>
  );
}
