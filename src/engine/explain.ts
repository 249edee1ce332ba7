/**
 * Which beliefs weighed on the actors' choices in a week, for the "why" view: for each actor that
 * looks ahead, the score its expected responses gave each of its legal moves, and a sentence for it.
 */
import type { Scenario } from '../scenario/schema';
import type { Compiled } from './compile';
import { legalInto, stakesFor } from './policies';
import type { BeliefNote, TurnReport } from './report';
import { baselineMean, beliefMean, evalProbability, type Work } from './work';

/** Belief notes for the week about to resolve from `w` with `moves`, largest weight first. */
export function beliefNotes(c: Compiled, w: Work, moves: ArrayLike<number>): BeliefNote[] {
  const notes: BeliefNote[] = [];
  const legal = new Int32Array(c.moves.length);
  for (let a = 0; a < c.actors; a++) {
    const stakes = stakesFor(c, w, a);
    if (!stakes) continue;
    const count = legalInto(c, w, a, legal);
    for (let i = 0; i < count; i++) {
      const m = c.moves[legal[i]!]!;
      for (let k = 0; k < m.anticipatedBelief.length; k++) {
        const b = m.anticipatedBelief[k]!;
        const o = m.anticipatedOutcome[k]!;
        const weight = (o < 0 ? 1 : evalProbability(c, w, m.outcomes[o]!.probability)) * stakes[b]!;
        if (Math.abs(weight) < 1e-9) continue;
        const belief = c.beliefs[b]!;
        notes.push({
          actor: c.actorIds[a]!,
          belief: belief.id,
          label: belief.label,
          expects: beliefMean(w, b),
          otherwise: baselineMean(w, b),
          move: m.id,
          played: moves[a] === m.index,
          weight,
        });
      }
    }
  }
  return notes.sort((x, y) => Math.abs(y.weight) - Math.abs(x.weight));
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * A plain sentence for a belief note, or null when it says nothing about the choice (a pull toward
 * a move the actor did not play). "The militias held back from ...: they expect ... (0.80; 0.05 otherwise)."
 */
export function beliefSentence(scenario: Scenario, note: BeliefNote): string | null {
  const actor = scenario.actors.find((a) => a.id === note.actor)?.short ?? note.actor;
  const move = scenario.moves.find((m) => m.id === note.move)?.label ?? note.move;
  const odds = `${percent(note.expects)} likely, against ${percent(note.otherwise)} otherwise`;
  if (note.weight < 0 && !note.played) return `${actor} held back from “${move}”: they expect ${note.label} (${odds}).`;
  if (note.weight < 0) return `${actor} chose “${move}” although they expect ${note.label} (${odds}).`;
  if (note.played) return `${actor} chose “${move}” expecting ${note.label}, which they count in their favour (${odds}).`;
  return null;
}

/** A belief is said to have driven a choice when it moved a move's score by at least this (softmax units). */
export const NOTABLE_BELIEF_WEIGHT = 0.25;

/**
 * The sentences for the week's notable belief notes, at most one per actor and move, for the actors
 * in `actors` (every actor when absent: an AI chose every move).
 */
export function beliefSentences(scenario: Scenario, report: TurnReport, actors?: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const note of report.beliefs) {
    const key = `${note.actor}|${note.move}`;
    if (Math.abs(note.weight) < NOTABLE_BELIEF_WEIGHT || seen.has(key) || (actors && !actors.has(note.actor))) continue;
    const line = beliefSentence(scenario, note);
    if (!line) continue;
    seen.add(key);
    lines.push(line);
  }
  return lines;
}
