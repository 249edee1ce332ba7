/**
 * The debrief's sentences, for its chart summaries and its sections: plain words a teacher can read
 * out ("In week 4 the class was above 91% of the AI futures"). Pure.
 */
import type { Debrief, WeekPosition } from '../analysis/debrief';
import { rungOf } from '../engine/ladder';
import type { Scenario } from '../scenario/schema';
import { grouped } from '../scenario/numbers';

/**
 * A share as a whole percentage, rounded down: "above 99%" is never said of a class above 99.6%
 * of the futures unless it is, and "above 100%" never of one with a future level with it.
 */
export const floorPercent = (share: number) => `${Math.floor(share * 100 + 1e-9)}%`;
export const roundPercent = (share: number) => `${Math.round(share * 100)}%`;
export const f1 = (x: number) => x.toFixed(1);

export const weekName = (week: number) => (week === 0 ? 'the start' : `week ${week}`);

/** Where the class stood among the futures in one week, or null while they run. */
export function standingSentence(p: WeekPosition): string | null {
  const f = p.futures;
  if (!f) return null;
  if (f.level >= 1) return `At ${weekName(p.week)} the class was level with every AI future${p.week === 0 ? ': they all start from the same state' : ''}.`;
  const where = `In ${weekName(p.week)} the class was above ${floorPercent(f.below)} of the AI futures`;
  return f.above > 0 ? `${where} and below ${floorPercent(f.above)}.` : `${where}, and below none.`;
}

/** The escalation chart's summary: the class's last week and its highest, among the futures. */
export function escalationSummary(scenario: Scenario, d: Debrief): string {
  const runs = (d.futures ? grouped(d.futures.runs) : 'The');
  const last = d.positions[d.positions.length - 1]!;
  const parts = [
    `The class's escalation (black line) over ${runs} AI futures from the same start (blue: their median, and the bands that hold half and nine in ten of them).`,
    `After ${weekName(last.week)} the class stood at ${f1(last.escalation)} (rung ${last.rung}, ${rungOf(scenario, last.escalation).name}).`,
  ];
  const standing = standingSentence(last);
  if (standing) parts.push(standing);
  if (last.futures) parts.push(`The futures' median that week was ${f1(last.futures.summary.escalation.p50)}.`);
  const peak = d.positions.reduce((m, p) => (p.escalation > m.escalation ? p : m), d.positions[0]!);
  if (peak.week > 0 && peak.week !== last.week) {
    parts.push(`Its highest was ${f1(peak.escalation)} in week ${peak.week}${peak.futures ? `, above ${floorPercent(peak.futures.below)} of the futures` : ''}.`);
  }
  return parts.join(' ');
}

function phaseLabel(scenario: Scenario, id: string): string {
  return scenario.talks.phases.find((p) => p.id === id)?.label ?? id;
}

/** The talks chart's summary: alive or not in the class's game, against the futures' share alive. */
export function talksSummary(scenario: Scenario, d: Debrief): string {
  const last = d.positions[d.positions.length - 1]!;
  const died = d.positions.find((p) => !p.alive);
  const share = (p: WeekPosition) => (p.futures ? `; ${roundPercent(p.futures.summary.alive.estimate)} of the AI futures had them alive that week` : '');
  if (died) {
    return `${scenario.talks.label}: ${phaseLabel(scenario, died.phase)} in the class's game after ${weekName(died.week)}${share(died)}.`;
  }
  return `${scenario.talks.label}: still alive in the class's game after ${weekName(last.week)} (${phaseLabel(scenario, last.phase)})${share(last)}.`;
}
