import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import { chooseMoves, isOver, resolveTurn } from '../engine/game';
import type { TurnReport } from '../engine/report';
import { initialState, type GameState } from '../engine/state';
import { hadViolence, lastDayOfWeek, talksReason, weekStory } from './week-story';

const { scenario } = loadScenario('march-2021');
const CONDEMN = 'Baghdad condemned the violence on its soil and took no action.';
const start = initialState(scenario, 1, 26);

function report(over: Partial<TurnReport>): TurnReport {
  return {
    turn: 0,
    date: scenario.startDate,
    moves: [],
    narrative: [],
    escalation: { before: 6, after: 6, contributions: [] },
    talks: { before: 'underway', after: 'underway', transition: null, risk: { before: 0.02, after: 0.02, contributions: [] } },
    beliefs: [],
    ...over,
  };
}

const withVars = (state: GameState, vars: Record<string, number>): GameState => ({ ...state, vars: { ...state.vars, ...vars } });

describe('the week story', () => {
  it('ends week 1 on the day before week 2 starts, not on the start date', () => {
    expect(lastDayOfWeek(scenario, 0)).toBe('2021-03-15');
    expect(lastDayOfWeek(scenario, 2)).toBe('2021-03-29');
  });

  it('says Baghdad called for calm, not that it condemned the violence, in a week without violence', () => {
    const calm = report({ moves: [{ actor: 'us', move: 'us.offer-talks', outcomes: [] }, { actor: 'iraq', move: 'iraq.wait', outcomes: [] }], narrative: ['Washington renewed its offer.', CONDEMN] });
    expect(hadViolence(scenario, calm)).toBe(false);
    const lines = weekStory({ scenario, report: calm, after: start });
    expect(lines).toEqual(['Washington renewed its offer.', 'Baghdad called for calm and took no action.']);
  });

  it('keeps Baghdad’s condemnation in a week with a rocket attack', () => {
    const violent = report({ moves: [{ actor: 'militia', move: 'militia.rockets', outcomes: [] }, { actor: 'iraq', move: 'iraq.wait', outcomes: [] }], narrative: ['Rockets fell.', CONDEMN] });
    expect(hadViolence(scenario, violent)).toBe(true);
    expect(weekStory({ scenario, report: violent, after: start })).toContain(CONDEMN);
  });

  it('counts a kinetic event fired by the facilitator as violence', () => {
    const inject = scenario.injects.find((e) => e.id === 'inject.embassy-rockets')!;
    const week = report({ moves: [{ actor: 'iraq', move: 'iraq.wait', outcomes: [] }], narrative: [CONDEMN, inject.narrative] });
    expect(hadViolence(scenario, week)).toBe(true);
  });

  it('gives the reason the talks paused: the election window and this week’s strike in Iraq', () => {
    const before = withVars(start, { 'iran.election-window': 1, 'talks.strikes-iraq': 0 });
    const after = withVars(start, { 'iran.election-window': 1, 'talks.strikes-iraq': 0.7 });
    const week = report({ turn: 14, talks: { before: 'underway', after: 'paused', transition: 'pause', risk: { before: 0, after: 0, contributions: [] } }, narrative: ['Talks: talks pause.'] });
    const [line] = weekStory({ scenario, report: week, before, after });
    expect(line).toMatch(/^Talks pause\. Why: a \d+% chance this week, raised by /);
    expect(line).toContain('the Iranian election window (+30 points)');
    expect(line).toContain('recent US strikes inside Iraq (+2 points)');
    expect(line).not.toBe('Talks: talks pause.');
  });

  it('gives the reason without numbers where a classroom hides them', () => {
    const both = withVars(start, { 'iran.election-window': 1 });
    const week = report({ turn: 14, talks: { before: 'underway', after: 'paused', transition: 'pause', risk: { before: 0, after: 0, contributions: [] } }, narrative: ['Talks: talks pause.'] });
    const [line] = weekStory({ scenario, report: week, before: both, after: both, numbers: false });
    expect(line).toMatch(/^Talks pause\. Why: it was made likelier by .*Iranian election window/);
    expect(line).not.toMatch(/\d/);
  });

  it('does not blame the election window when the campaign opens only at the start of the next week', () => {
    const campaign = scenario.events.find((e) => e.id === 'election-campaign')!;
    const turn = Math.floor((Date.parse(campaign.date) - Date.parse(scenario.startDate)) / 86_400_000 / 7) - 1;
    const before = withVars(start, { 'iran.election-window': 0 });
    const after = withVars(start, { 'iran.election-window': 1 });
    const week = report({ turn, talks: { before: 'underway', after: 'paused', transition: 'pause', risk: { before: 0, after: 0, contributions: [] } } });
    const reason = talksReason(scenario, week, before, after)!;
    expect(reason.causes.map((c) => c.label)).not.toContain('the Iranian election window');
  });

  it('says a transition with nothing behind it came up by chance', () => {
    const quiet = withVars(start, { 'iran.election-window': 0, 'talks.us-casualties': 0, 'talks.strikes-iraq': 0, 'talks.nuclear-steps': 0, 'talks.sabotage': 0 });
    const week = report({ talks: { before: 'underway', after: 'paused', transition: 'pause', risk: { before: 0, after: 0, contributions: [] } }, narrative: ['Talks: talks pause.'] });
    expect(weekStory({ scenario, report: week, before: quiet, after: quiet })).toEqual(['Talks pause. Why: nothing in particular — it had a 3% chance this week, and it happened.']);
  });

  it('over whole AI games, never condemns violence in a calm week and never moves the talks without a reason', () => {
    const strategies = Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
    const bare = new Set(scenario.talks.transitions.map((t) => `Talks: ${t.label}.`));
    let calmWeeks = 0;
    let transitions = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      let state = initialState(scenario, seed, 26);
      while (!isOver(state)) {
        const result = resolveTurn(scenario, state, chooseMoves(scenario, state, strategies));
        if (!result.ok) throw new Error(result.error.message);
        const lines = weekStory({ scenario, report: result.state.report!, before: state, after: result.state });
        if (!hadViolence(scenario, result.state.report!)) {
          calmWeeks += 1;
          expect(lines).not.toContain(CONDEMN);
        }
        if (result.state.report!.talks.transition) transitions += 1;
        for (const line of lines) expect(bare.has(line), line).toBe(false);
        state = result.state;
      }
    }
    expect(calmWeeks).toBeGreaterThan(0);
    expect(transitions).toBeGreaterThan(0);
  });
});
