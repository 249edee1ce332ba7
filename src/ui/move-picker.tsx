import { useState } from 'react';
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

interface ActorPickerProps {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly actor: Scenario['actors'][number];
  /** With several human teams, picks are sealed: hidden once made. */
  readonly sealed: boolean;
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

function ActorPicker({ scenario, state, actor, sealed }: ActorPickerProps) {
  const picked = useSession((s) => s.picks[actor.id]);
  const pick = useSession((s) => s.pick);
  const unpick = useSession((s) => s.unpick);
  const [draft, setDraft] = useState<string | undefined>(undefined);

  if (!sealed) {
    return (
      <fieldset className="actor-picker" style={{ borderColor: actor.color }}>
        <legend>{actor.name}: choose a move</legend>
        <MoveChoices scenario={scenario} state={state} actor={actor} value={picked} onChange={(m) => pick(actor.id, m)} />
        <NoteField actor={actor} />
      </fieldset>
    );
  }
  if (picked !== undefined) {
    return (
      <fieldset className="actor-picker sealed" style={{ borderColor: actor.color }}>
        <legend>{actor.name}</legend>
        <p role="status">Move sealed. The other teams cannot see it.</p>
        <button type="button" onClick={() => unpick(actor.id)}>
          Change {actor.short}’s move
        </button>
      </fieldset>
    );
  }
  return (
    <fieldset className="actor-picker" style={{ borderColor: actor.color }}>
      <legend>{actor.name}: choose a move</legend>
      <MoveChoices scenario={scenario} state={state} actor={actor} value={draft} onChange={setDraft} />
      <NoteField actor={actor} />
      <button
        type="button"
        disabled={draft === undefined}
        onClick={() => {
          if (draft) pick(actor.id, draft);
          setDraft(undefined);
        }}
      >
        Seal {actor.short}’s move
      </button>
    </fieldset>
  );
}

export interface MovePickerProps {
  readonly scenario: Scenario;
  readonly state: GameState;
  readonly humans: readonly string[];
}

/** A move picker for each human actor, and "End turn". */
export function MovePicker({ scenario, state, humans }: MovePickerProps) {
  const picks = useSession((s) => s.picks);
  const endTurn = useSession((s) => s.endTurn);
  const actors = scenario.actors.filter((a) => humans.includes(a.id));
  const ready = actors.every((a) => picks[a.id] !== undefined);
  const waiting = actors.filter((a) => picks[a.id] === undefined).map((a) => a.short);
  return (
    <section className="move-picker" aria-label="Your moves this week">
      {actors.length === 0 && <p>Every actor is played by the AI: end the turn to see what they do.</p>}
      {actors.map((a) => (
        <ActorPicker key={`${a.id}:${state.turn}`} scenario={scenario} state={state} actor={a} sealed={actors.length > 1} />
      ))}
      <div className="end-turn">
        <button type="button" className="primary" onClick={endTurn} disabled={!ready}>
          End turn
        </button>
        {!ready && <span className="hint">Waiting for: {waiting.join(', ')}</span>}
      </div>
    </section>
  );
}
