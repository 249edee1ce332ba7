/**
 * The week's story as people read it: the engine's narrative lines, made true to the week. A line
 * that takes violence for granted is swapped for a calm one in a week without violence, and the
 * talks' line says why they moved. Pure, so the play view, the classroom and the CLI can share it.
 */
import { dateOfTurn } from '../engine/compile';
import type { TurnReport } from '../engine/report';
import type { LinearTerm, Scenario } from '../scenario/schema';
import { inSentence } from '../scenario/parameter-words';
import { MAX_CAUSES, MIN_CAUSE } from './week-story.constants';

const DAY_MS = 86_400_000;

/** The last day (YYYY-MM-DD) of the week `turn` (0 = the first week): the day before the next one starts. */
export function lastDayOfWeek(scenario: Scenario, turn: number): string {
  const next = Date.parse(`${dateOfTurn(scenario, turn + 1)}T00:00:00Z`);
  return new Date(next - DAY_MS).toISOString().slice(0, 10);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "9 March 2021" from "2021-03-09" (the same in every locale, as the narrative and the debrief write dates). */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** The days week `turn` (0 = the first week) spans, as people write them: "9–15 March 2021", "29 March – 4 April 2021", "28 December 2020 – 3 January 2021". */
export function weekSpan(scenario: Scenario, turn: number): string {
  const first = dateOfTurn(scenario, turn);
  const last = lastDayOfWeek(scenario, turn);
  const [y0, m0, d0] = first.split('-').map(Number) as [number, number, number];
  const [y1, m1, d1] = last.split('-').map(Number) as [number, number, number];
  const end = longDate(last);
  if (y0 !== y1) return `${longDate(first)} – ${end}`;
  if (m0 !== m1) return `${d0} ${MONTHS[m0 - 1]} – ${end}`;
  return d0 === d1 ? end : `${d0}–${end}`;
}

/**
 * Whether anyone used force this week: a kinetic move aimed at someone, or a kinetic event fired
 * by the facilitator (its narrative line is in the week's story).
 */
export function hadViolence(scenario: Scenario, report: TurnReport): boolean {
  const kineticMove = report.moves.some((played) => {
    const m = scenario.moves.find((x) => x.id === played.move);
    return m !== undefined && m.category === 'kinetic' && m.targets.length > 0;
  });
  if (kineticMove) return true;
  const said = new Set(report.narrative);
  return scenario.injects.some((e) => e.category === 'kinetic' && said.has(e.narrative));
}

/** One cause of a talks transition: what it names and what it added to the weekly chance. */
export interface TalksCause {
  readonly label: string;
  /** In probability for a clamp link, in log-odds for a logistic one. */
  readonly amount: number;
}

export interface TalksReason {
  /** The transition's weekly chance in the state it was drawn from. */
  readonly chance: number;
  readonly link: LinearTerm['link'];
  /** The terms that raised it most, largest first. */
  readonly causes: readonly TalksCause[];
}

/**
 * A variable's label inside a sentence: "recent US casualties", "the Iranian election window". A
 * label that starts with an acronym or a people's name ("IAEA", "Iranian", "Iraqi") keeps its
 * capital and takes "the"; any other starts in lower case.
 */
function midSentence(label: string): string {
  const first = label.split(' ')[0] ?? '';
  if (first === first.toUpperCase() || /(an|i)$/.test(first)) return `the ${label}`;
  return inSentence(label);
}

function refLabel(scenario: Scenario, ref: string): string | null {
  if (ref === 'escalation') return 'the level of escalation';
  const variable = scenario.variables.find((v) => v.id === ref);
  if (variable) return midSentence(variable.label);
  const grudge = /^grudge:([^:]+):([^:]+)$/.exec(ref);
  if (grudge) {
    const short = (id: string) => scenario.actors.find((a) => a.id === id)?.short ?? id;
    return `${short(grudge[1]!)}’s grudge against ${short(grudge[2]!)}`;
  }
  return null;
}

/** Why the week's drawn talks transition happened, from its hazard as it was drawn; null when none was. */
export function talksReason(scenario: Scenario, report: TurnReport): TalksReason | null {
  const transition = scenario.talks.transitions.find((t) => t.id === report.talks.transition);
  const drawn = report.talks.drawn;
  if (!transition || !drawn) return null;
  const { link } = transition.hazard;
  const causes = drawn.terms.flatMap(({ ref, amount }) => {
    const label = refLabel(scenario, ref);
    return label !== null && amount >= MIN_CAUSE[link] ? [{ label, amount }] : [];
  });
  causes.sort((x, y) => y.amount - x.amount);
  return { chance: drawn.chance, link, causes: causes.slice(0, MAX_CAUSES) };
}

const percent = (p: number) => `${Math.round(p * 100)}%`;

function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/**
 * "Talks pause. Why: a 36% chance this week, raised by the Iranian election window (+30 points) and …".
 * Without `numbers` (a classroom may hide them from teams), the causes alone.
 */
export function talksSentence(label: string, reason: TalksReason, numbers = true): string {
  const head = /talks|deal/i.test(label) ? label.charAt(0).toUpperCase() + label.slice(1) : `Talks: ${label}`;
  const points = (c: TalksCause) => {
    const n = Math.max(1, Math.round(c.amount * 100));
    return numbers && reason.link === 'clamp' ? ` (+${n} ${n === 1 ? 'point' : 'points'})` : '';
  };
  const causes = listed(reason.causes.map((c) => `${c.label}${points(c)}`));
  if (reason.causes.length === 0) return `${head}. Why: nothing in particular — ${numbers ? `it had a ${percent(reason.chance)} chance this week` : 'it can happen in any week'}, and it happened.`;
  return `${head}. Why: ${numbers ? `a ${percent(reason.chance)} chance this week, raised by ${causes}` : `it was made likelier by ${causes}`}.`;
}

export interface WeekStoryInput {
  readonly scenario: Scenario;
  readonly report: TurnReport;
  /** Give the chances in numbers (default); a classroom may hide them from teams. */
  readonly numbers?: boolean;
}

/** The week's narrative lines, each true to the week. */
export function weekStory({ scenario, report, numbers = true }: WeekStoryInput): string[] {
  const lines = [...report.narrative];
  if (!hadViolence(scenario, report)) {
    for (const played of report.moves) {
      const move = scenario.moves.find((m) => m.id === played.move);
      if (move?.calmNarrative === undefined) continue;
      const i = lines.indexOf(move.narrative[report.turn % move.narrative.length]!);
      if (i >= 0) lines[i] = move.calmNarrative;
    }
  }
  const transition = scenario.talks.transitions.find((t) => t.id === report.talks.transition);
  const reason = talksReason(scenario, report);
  if (transition && reason) {
    const i = lines.indexOf(`Talks: ${transition.label}.`);
    if (i >= 0) lines[i] = talksSentence(transition.label, reason, numbers);
  }
  return lines;
}
