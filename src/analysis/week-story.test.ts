import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import { chooseMoves, isOver, resolveTurn } from '../engine/game';
import type { TurnReport } from '../engine/report';
import { initialState } from '../engine/state';
import { hadViolence, lastDayOfWeek, longDate, weekSpan, weekStory } from './week-story';

const { scenario } = loadScenario('march-2021');
const CONDEMN = 'Baghdad condemned the violence on its soil and took no action.';

/** The week reports of six whole games with every actor on its default strategy. */
function aiWeeks(): TurnReport[] {
  const strategies = Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
  const reports: TurnReport[] = [];
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    let state = initialState(scenario, seed, 26);
    while (!isOver(state)) {
      const result = resolveTurn(scenario, state, chooseMoves(scenario, state, strategies));
      if (!result.ok) throw new Error(result.error.message);
      reports.push(result.state.report!);
      state = result.state;
    }
  }
  return reports;
}

function report(over: Partial<TurnReport>): TurnReport {
  return {
    turn: 0,
    date: scenario.startDate,
    moves: [],
    narrative: [],
    escalation: { before: 6, after: 6, contributions: [] },
    talks: { before: 'underway', after: 'underway', transition: null, risk: { before: 0.02, after: 0.02, contributions: [] }, drawn: null },
    beliefs: [],
    ...over,
  };
}


describe('the week story', () => {
  it('ends week 1 on the day before week 2 starts, not on the start date', () => {
    expect(lastDayOfWeek(scenario, 0)).toBe('2021-03-15');
    expect(lastDayOfWeek(scenario, 2)).toBe('2021-03-29');
  });

  it('says Baghdad called for calm, not that it condemned the violence, in a week without violence', () => {
    const calm = report({ moves: [{ actor: 'us', move: 'us.offer-talks', outcomes: [] }, { actor: 'iraq', move: 'iraq.wait', outcomes: [] }], narrative: ['Washington renewed its offer.', CONDEMN] });
    expect(hadViolence(scenario, calm)).toBe(false);
    const lines = weekStory({ scenario, report: calm });
    expect(lines).toEqual(['Washington renewed its offer.', 'Baghdad called for calm and took no action.']);
  });

  it('keeps Baghdad’s condemnation in a week with a rocket attack', () => {
    const violent = report({ moves: [{ actor: 'militia', move: 'militia.rockets', outcomes: [] }, { actor: 'iraq', move: 'iraq.wait', outcomes: [] }], narrative: ['Rockets fell.', CONDEMN] });
    expect(hadViolence(scenario, violent)).toBe(true);
    expect(weekStory({ scenario, report: violent })).toContain(CONDEMN);
  });

  it('counts a kinetic event fired by the facilitator as violence', () => {
    const inject = scenario.injects.find((e) => e.id === 'inject.embassy-rockets')!;
    const week = report({ moves: [{ actor: 'iraq', move: 'iraq.wait', outcomes: [] }], narrative: [CONDEMN, inject.narrative] });
    expect(hadViolence(scenario, week)).toBe(true);
  });

  /** A week in which the talks paused, drawn with `chance` and these parts of its hazard. */
  const paused = (chance: number, terms: Record<string, number>) =>
    report({
      turn: 14,
      talks: { before: 'underway', after: 'paused', transition: 'pause', risk: { before: 0, after: 0, contributions: [] }, drawn: { chance, terms: Object.entries(terms).map(([ref, amount]) => ({ ref, amount })) } },
      narrative: ['Talks: talks pause.'],
    });

  it('gives the reason the talks paused: the election window and this week’s strike in Iraq', () => {
    const [line] = weekStory({ scenario, report: paused(0.36, { 'iran.election-window': 0.3, 'talks.strikes-iraq': 0.02, 'talks.sabotage': 0 }) });
    expect(line).toBe('Talks pause. Why: a 36% chance this week, raised by the Iranian election window (+30 points) and recent US strikes inside Iraq (+2 points).');
  });

  it('gives the reason without numbers where a classroom hides them', () => {
    const [line] = weekStory({ scenario, report: paused(0.36, { 'iran.election-window': 0.3 }), numbers: false });
    expect(line).toMatch(/^Talks pause\. Why: it was made likelier by .*Iranian election window/);
    expect(line).not.toMatch(/\d/);
  });

  it('says a transition with nothing behind it came up by chance', () => {
    const week = paused(0.03, { 'iran.election-window': 0, 'talks.us-casualties': 0, 'talks.strikes-iraq': 0 });
    expect(weekStory({ scenario, report: week })).toEqual(['Talks pause. Why: nothing in particular — it had a 3% chance this week, and it happened.']);
  });

  it('reads the reason from the hazard as the engine drew it: its base and parts give its chance exactly', () => {
    let drawn = 0;
    for (const report of aiWeeks()) {
      const talks = report.talks;
      if (talks.transition === null) expect(talks.drawn).toBeNull();
      else {
        drawn += 1;
        const { hazard } = scenario.talks.transitions.find((t) => t.id === talks.transition)!;
        expect(talks.drawn!.terms.map((t) => t.ref)).toEqual(Object.keys(hazard.terms));
        const x = hazard.base + talks.drawn!.terms.reduce((sum, t) => sum + t.amount, 0);
        const p = hazard.link === 'logistic' ? 1 / (1 + Math.exp(-x)) : Math.min(1, Math.max(0, x));
        expect(talks.drawn!.chance).toBeCloseTo(p, 12);
      }
    }
    expect(drawn).toBeGreaterThan(3);
  });

  it('over whole AI games, never condemns violence in a calm week and never moves the talks without a reason', () => {
    const bare = new Set(scenario.talks.transitions.map((t) => `Talks: ${t.label}.`));
    let calmWeeks = 0;
    let transitions = 0;
    for (const report of aiWeeks()) {
      const lines = weekStory({ scenario, report });
      if (!hadViolence(scenario, report)) {
        calmWeeks += 1;
        expect(lines).not.toContain(CONDEMN);
      }
      if (report.talks.transition) transitions += 1;
      for (const line of lines) expect(bare.has(line), line).toBe(false);
    }
    expect(calmWeeks).toBeGreaterThan(0);
    expect(transitions).toBeGreaterThan(0);
  });
});

describe('weekSpan', () => {
  it('writes the days a week spans, as the play view dates it ("the week to …")', () => {
    expect(weekSpan(scenario, 0)).toBe('9–15 March 2021');
    expect(weekSpan(scenario, 2)).toBe('23–29 March 2021');
    expect(weekSpan(scenario, 3)).toBe('30 March – 5 April 2021');
    expect(weekSpan({ ...scenario, startDate: '2020-12-28' }, 0)).toBe('28 December 2020 – 3 January 2021');
    expect(weekSpan({ ...scenario, turnDays: 1 }, 0)).toBe('9 March 2021');
  });
});

describe('longDate', () => {
  it('writes a day as people read it, without a leading zero, whatever the locale', () => {
    expect(longDate('2021-03-09')).toBe('9 March 2021');
    expect(longDate('2020-12-31')).toBe('31 December 2020');
    expect(longDate('2021-01-01')).toBe('1 January 2021');
  });
});
