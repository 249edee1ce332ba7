import { useEffect, useRef, useState, type RefObject } from 'react';
import { legalMoveIds } from '../engine/game';
import type { GameState } from '../engine/state';
import { NOTE_MAX_LENGTH } from '../scenario/log';
import type { Scenario } from '../scenario/schema';
import { useSession } from '../store/react';

/** The team's note on its move: saved with the draft, logged with the move when the week resolves. */
function NoteField({ actor }: { actor: Scenario['actors'][number] }) {
  const note = useSession((s) => s.notes[actor.id] ?? '');
  const setNote = useSession((s) => s.note);
  return (
    <label className="move-note">
      Why {actor.short} chose this <span className="muted">(optional, kept with the move)</span>
      <textarea value={note} maxLength={NOTE_MAX_LENGTH} rows={2} onChange={(e) => setNote(actor.id, e.target.value)} />
    </label>
  );
}

/** The legal moves of an actor this week, as radio choices with their descriptions. */
export function MoveChoices({ scenario, state, actor, value, onChange }: {
  scenario: Scenario;
  state: GameState;
  actor: Scenario['actors'][number];
  value: string | undefined;
  onChange: (move: string) => void;
}) {
  const legal = new Set(legalMoveIds(scenario, state, actor.id));
  const moves = scenario.moves.filter((m) => m.actor === actor.id && legal.has(m.id));
  return (
    <div className="move-choices">
      {moves.map((m) => (
        <label key={m.id} className={`move-choice${value === m.id ? ' selected' : ''}`}>
          <input type="radio" name={`move-${actor.id}`} value={m.id} checked={value === m.id} onChange={() => onChange(m.id)} />
          <span>
            <span className="move-label">{m.label}</span> <span className={`tag tag-${m.category}`}>{m.category}</span>
            <span className="move-description">{m.description}</span>
          </span>
        </label>
      ))}
    </div>
  );
}

/** A team's picker: its legal moves, its note and, in hot-seat play, the button that seals the pick. */
function ActorPicker({ scenario, state, actor, sealed, onSealed }: {
  scenario: Scenario;
  state: GameState;
  actor: Scenario['actors'][number];
  /** With several human teams, a pick is a draft until the team seals it. */
  sealed: boolean;
  onSealed?: () => void;
}) {
  const picked = useSession((s) => s.picks[actor.id]);
  const pick = useSession((s) => s.pick);
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const value = sealed ? draft : picked;
  return (
    <fieldset className="actor-picker" style={{ borderColor: actor.color }}>
      <legend>{actor.name}: choose a move</legend>
      <MoveChoices scenario={scenario} state={state} actor={actor} value={value} onChange={(m) => (sealed ? setDraft(m) : pick(actor.id, m))} />
      <NoteField actor={actor} />
      {sealed && (
        <button
          type="button"
          className="primary"
          disabled={draft === undefined}
          onClick={() => {
            if (draft) pick(actor.id, draft);
            onSealed?.();
          }}
        >
          Seal {actor.short}’s move
        </button>
      )}
    </fieldset>
  );
}

type Actor = Scenario['actors'][number];

/** Between two teams: nothing of the last team's pick, only who takes the device next. */
function PassScreen({ actor, sealedCount, onShow, headingRef }: { actor: Actor; sealedCount: number; onShow: () => void; headingRef: RefObject<HTMLHeadingElement | null> }) {
  return (
    <section className="pass-device" aria-labelledby="pass-device-heading" style={{ borderColor: actor.color }}>
      <h2 id="pass-device-heading" tabIndex={-1} ref={headingRef}>
        Pass the device to {actor.name}
      </h2>
      <p>
        {sealedCount} {sealedCount === 1 ? 'team has' : 'teams have'} sealed {sealedCount === 1 ? 'its move' : 'their moves'}, hidden from everyone until the week resolves. {actor.short}’s team: show your moves when only you can see the screen.
      </p>
      <button type="button" className="primary" onClick={onShow}>
        Show {actor.short}’s moves
      </button>
    </section>
  );
}

/** Who has sealed this week, with a way to reopen a team's move (its pick is cleared, never shown). */
function SealStatus({ actors, picks, current }: { actors: readonly Actor[]; picks: Readonly<Record<string, string>>; current: string | undefined }) {
  const unpick = useSession((s) => s.unpick);
  return (
    <ul className="seal-status" aria-label="Teams this week">
      {actors.map((a) => (
        <li key={a.id}>
          <span className="swatch" style={{ background: a.color }} aria-hidden="true" /> {a.short}:{' '}
          {picks[a.id] !== undefined ? (
            <>
              <strong>sealed</strong>{' '}
              <button type="button" className="link" onClick={() => unpick(a.id)}>
                Reopen {a.short}’s move
              </button>
            </>
          ) : a.id === current ? (
            'choosing now'
          ) : (
            'waiting'
          )}
        </li>
      ))}
    </ul>
  );
}

type FocusTarget = 'pass' | 'picker' | 'end' | null;

/**
 * Hot-seat play: one team's picker at a time, with a "pass the device" screen between teams, so no
 * team sees another's draft. The week's first team picks at once: nothing is sealed yet to hide.
 */
function HotSeat({ scenario, state, actors, endButton }: { scenario: Scenario; state: GameState; actors: readonly Actor[]; endButton: RefObject<HTMLButtonElement | null> }) {
  const picks = useSession((s) => s.picks);
  const [shown, setShown] = useState<string | null>(null);
  const focus = useRef<FocusTarget>(null);
  const passHeading = useRef<HTMLHeadingElement>(null);
  const picker = useRef<HTMLDivElement>(null);
  const next = actors.find((a) => picks[a.id] === undefined);
  const sealedCount = actors.filter((a) => picks[a.id] !== undefined).length;
  const open = next !== undefined && (shown === next.id || sealedCount === 0);

  useEffect(() => {
    const target = focus.current;
    focus.current = null;
    if (target === 'pass') {
      passHeading.current?.focus({ preventScroll: true });
      passHeading.current?.scrollIntoView({ block: 'center' });
    } else if (target === 'picker') {
      picker.current?.scrollIntoView({ block: 'start' });
      picker.current?.querySelector<HTMLInputElement>('input[type="radio"]')?.focus({ preventScroll: true });
    } else if (target === 'end') {
      endButton.current?.focus({ preventScroll: true });
      endButton.current?.scrollIntoView({ block: 'center' });
    }
  });

  const sealedOne = () => {
    const remaining = actors.filter((a) => picks[a.id] === undefined).length - 1;
    focus.current = remaining > 0 ? 'pass' : 'end';
    setShown(null);
  };
  return (
    <>
      {next && open && (
        <div ref={picker} className="hot-seat-picker">
          <ActorPicker key={`${next.id}:${state.turn}`} scenario={scenario} state={state} actor={next} sealed onSealed={sealedOne} />
        </div>
      )}
      {next && !open && (
        <PassScreen
          actor={next}
          sealedCount={sealedCount}
          headingRef={passHeading}
          onShow={() => {
            focus.current = 'picker';
            setShown(next.id);
          }}
        />
      )}
      {!next && (
        <p className="all-sealed" role="status">
          Every team has sealed its move: end the turn to see what happened.
        </p>
      )}
      <SealStatus actors={actors} picks={picks} current={open ? next?.id : undefined} />
    </>
  );
}

export interface MovePickerProps {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly humans: readonly string[];
  /** Called when the turn is ended from here (the view then moves focus to the week's result). */
  readonly onEndTurn?: () => void;
}

/** A move picker for the human team, or the hot-seat teams one at a time, and "End turn". */
export function MovePicker({ scenario, state, humans, onEndTurn }: MovePickerProps) {
  const picks = useSession((s) => s.picks);
  const endTurn = useSession((s) => s.endTurn);
  const endButton = useRef<HTMLButtonElement>(null);
  const actors = scenario.actors.filter((a) => humans.includes(a.id));
  const ready = actors.every((a) => picks[a.id] !== undefined);
  const waiting = actors.filter((a) => picks[a.id] === undefined).map((a) => a.short);
  return (
    <section className="move-picker" aria-label="Your moves this week">
      {actors.length === 0 && <p>Every actor is played by the AI: end the turn to see what they do.</p>}
      {actors.length === 1 && <ActorPicker key={`${actors[0]!.id}:${state.turn}`} scenario={scenario} state={state} actor={actors[0]!} sealed={false} />}
      {actors.length > 1 && <HotSeat key={state.turn} scenario={scenario} state={state} actors={actors} endButton={endButton} />}
      <div className="end-turn">
        <button
          type="button"
          className="primary"
          ref={endButton}
          onClick={() => {
            onEndTurn?.();
            endTurn();
          }}
          disabled={!ready}
        >
          End turn
        </button>
        {!ready && <span className="hint">Waiting for: {waiting.join(', ')}</span>}
      </div>
    </section>
  );
}
