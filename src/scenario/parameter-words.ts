/**
 * Plain words for the pieces a parameter's label is built from: what a reference names ("Militia
 * capability", "grudge of Iran against US") and how two labels join without a word said twice
 * ("JCPOA talks" + "talks pause" is "JCPOA talks pause", not "JCPOA talks talks pause").
 */
import type { Scenario } from './schema';

/**
 * A label as it reads inside a sentence: its first letter in lower case, unless its first word is
 * an acronym ("JCPOA talks", "US strikes"), which keeps its capitals. Only the first letter changes.
 */
export function inSentence(label: string): string {
  const first = (label.split(/[\s:]/)[0] ?? '').replace(/[^\p{L}]/gu, '');
  if (first.length > 1 && first === first.toUpperCase()) return label;
  return label.charAt(0).toLowerCase() + label.slice(1);
}

const bare = (word: string) => word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

function actorWords(s: Scenario, id: string | undefined): string {
  return s.actors.find((a) => a.id === id)?.short ?? id ?? '?';
}

/**
 * Joins a label to the label of a part of it. When `part` already says `whole`'s last word, the
 * rest of `whole` goes in front of that word ("indirect talks start" -> "indirect JCPOA talks
 * start"); otherwise the two are joined by a colon.
 */
export function joinLabels(whole: string, part: string): string {
  const words = whole.trim().split(/\s+/);
  const last = bare(words[words.length - 1] ?? '');
  const partWords = part.trim().split(/\s+/);
  const at = last === '' ? -1 : partWords.findIndex((w) => bare(w) === last);
  if (at < 0) return `${whole}: ${part}`;
  const front = words.slice(0, -1).join(' ');
  return [...partWords.slice(0, at), ...(front ? [front] : []), ...partWords.slice(at)].join(' ');
}

/**
 * What a reference (a term's key, an objective, an effect's target) names, in words: a variable's
 * label, "escalation", "grudge of Iran against US", "JCPOA talks alive", a belief's label. An
 * unknown name is returned as it is.
 */
export function refWords(s: Scenario, ref: string): string {
  if (ref === 'escalation') return 'escalation';
  if (ref === 'turn') return 'the week number';
  const parts = ref.split(':');
  if (parts.length === 3 && parts[0] === 'grudge') return `grudge of ${actorWords(s, parts[1])} against ${actorWords(s, parts[2])}`;
  if (parts.length === 3 && parts[0] === 'tension') return `tension between ${actorWords(s, parts[1])} and ${actorWords(s, parts[2])}`;
  if (parts.length === 2 && parts[0] === 'talks') {
    if (parts[1] === 'alive') return `${s.talks.label} alive`;
    const phase = s.talks.phases.find((p) => p.id === parts[1]);
    return phase ? joinLabels(s.talks.label, phase.label) : ref;
  }
  if (parts[0] === 'belief') {
    const belief = s.beliefs.find((b) => b.id === ref.slice('belief:'.length));
    return belief ? `the belief in ${belief.label}` : ref;
  }
  return s.variables.find((v) => v.id === ref)?.label ?? ref;
}

/** The actor's short name (`US`, `Militias`), for labels. */
export function actorShort(s: Scenario, id: string): string {
  return actorWords(s, id);
}

/** The first letter in capitals. */
export const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
