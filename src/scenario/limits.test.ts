import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixtureInput } from '../test/fixture';
import {
  dateProblem,
  MAX_ACTORS,
  MAX_BELIEFS,
  MAX_CONTEXT,
  MAX_EVENTS,
  MAX_HISTORY,
  MAX_INJECTS,
  MAX_LABEL_LENGTH,
  MAX_MOVES,
  MAX_RUNGS,
  MAX_SOURCES,
  MAX_TALKS_PHASES,
  MAX_TALKS_TRANSITIONS,
  MAX_TERMS,
  MAX_VARIABLES,
} from './limits';
import { parseScenario, type ScenarioError } from './parse';

/** Raw fixture input loosened for mutation: tests poke at fields the input type would forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

function errorsAfter(change: (input: Raw) => void): ScenarioError[] {
  const input: Raw = fixtureInput();
  change(input);
  const result = parseScenario(input);
  if (result.ok) throw new Error('expected the scenario to be rejected, but it parsed');
  return result.errors;
}

/** `n` copies of `item`: each is valid, so the only error can be the list's length. */
const copies = (item: unknown, n: number): unknown[] => Array.from({ length: n }, () => structuredClone(item));

const belief = { id: 'b', label: 'a strike', holder: 'proxy', about: 'blue', triggers: ['proxy.rockets'], responses: ['blue.strike'], window: 2, prior: { mean: 0.5, weight: 4 }, baseline: { mean: 0.1, weight: 4 }, source: 'test' };
const history = { date: '2021-03-16', actor: 'blue', move: 'blue.hold', source: 'test' };
const context = { date: '2021-01-01', label: 'Before', rung: 3, source: 'test' };

describe('dateProblem', () => {
  it.each(['2021-03-09', '2020-02-29', '2000-02-29', '1900-01-01', '2200-12-31', '2021-12-31'])('accepts the calendar date %s', (date) => {
    expect(dateProblem(date)).toBeNull();
  });

  it.each([
    ['2021-02-29', '2021-02-29 is not a calendar date (February 2021 has 28 days)'],
    ['1900-02-29', '1900-02-29 is not a calendar date (February 1900 has 28 days)'],
    ['2021-02-30', '2021-02-30 is not a calendar date (February 2021 has 28 days)'],
    ['2021-04-31', '2021-04-31 is not a calendar date (April 2021 has 30 days)'],
    ['2021-03-99', '2021-03-99 is not a calendar date (March 2021 has 31 days)'],
    ['2021-03-00', '2021-03-00 is not a calendar date (days run from 01; March 2021 has 31 days)'],
    ['2021-13-01', '2021-13-01 is not a calendar date (there is no month 13; months run from 01 to 12)'],
    ['2021-00-10', '2021-00-10 is not a calendar date (there is no month 00; months run from 01 to 12)'],
    ['0000-00-00', '0000-00-00 is outside the years the format accepts (1900 to 2200)'],
    ['1899-12-31', '1899-12-31 is outside the years the format accepts (1900 to 2200)'],
    ['2201-01-01', '2201-01-01 is outside the years the format accepts (1900 to 2200)'],
  ])('says what is wrong with %s', (date, message) => {
    expect(dateProblem(date)).toBe(message);
  });
});

describe('the scenario size limits', () => {
  it.each<[string, number, string, (s: Raw, n: number) => void]>([
    ['actors', MAX_ACTORS, 'actors', (s, n) => (s.actors = copies(s.actors[0], n))],
    ['variables', MAX_VARIABLES, 'variables', (s, n) => (s.variables = copies(s.variables[0], n))],
    ['ladder', MAX_RUNGS, 'rungs', (s, n) => (s.ladder = copies(s.ladder[0], n))],
    ['moves', MAX_MOVES, 'moves', (s, n) => (s.moves = copies(s.moves[0], n))],
    ['events', MAX_EVENTS, 'events', (s, n) => (s.events = copies(s.events[0], n))],
    ['injects', MAX_INJECTS, 'injects', (s, n) => (s.injects = copies(s.injects[0], n))],
    ['beliefs', MAX_BELIEFS, 'beliefs', (s, n) => (s.beliefs = copies(belief, n))],
    ['sources', MAX_SOURCES, 'sources', (s, n) => (s.sources = copies(s.sources[0], n))],
    ['history', MAX_HISTORY, 'history entries', (s, n) => (s.history = copies(history, n))],
    ['context', MAX_CONTEXT, 'context events', (s, n) => (s.context = copies(context, n))],
    ['talks.phases', MAX_TALKS_PHASES, 'phases', (s, n) => (s.talks.phases = copies(s.talks.phases[0], n))],
    ['talks.transitions', MAX_TALKS_TRANSITIONS, 'transitions', (s, n) => (s.talks.transitions = copies(s.talks.transitions[0], n))],
  ])('refuses more than the maximum of %s at its path, saying how many there are', (path, max, what, grow) => {
    expect(errorsAfter((s) => grow(s, max + 1))).toEqual([{ path, code: 'too_big', message: `at most ${max} ${what}, got ${max + 1}` }]);
  });

  it('refuses 40,000 events on one date with one error at `events`, before looking at any of them', () => {
    const errors = errorsAfter((s) => (s.events = copies(s.events[0], 40_000)));
    expect(errors).toEqual([{ path: 'events', code: 'too_big', message: `at most ${MAX_EVENTS} events, got 40000` }]);
  });

  it('refuses a title longer than the maximum, saying how long it is', () => {
    const errors = errorsAfter((s) => (s.title = 'x'.repeat(MAX_LABEL_LENGTH + 1)));
    expect(errors).toEqual([{ path: 'title', code: 'too_big', message: `at most ${MAX_LABEL_LENGTH} characters, got ${MAX_LABEL_LENGTH + 1}` }]);
  });

  it('refuses an objective that weighs more refs than the maximum', () => {
    const errors = errorsAfter((s) => (s.actors[1].objectives = Object.fromEntries(Array.from({ length: MAX_TERMS + 1 }, (_, i) => [`v${i}`, 1]))));
    expect(errors).toEqual([{ path: 'actors[1].objectives', code: 'too_big', message: `at most ${MAX_TERMS} refs, got ${MAX_TERMS + 1}` }]);
  });
});

describe('the format guide', () => {
  const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');

  it.each<[string, number]>([
    ['`actors`', MAX_ACTORS],
    ['`variables`', MAX_VARIABLES],
    ['`ladder` rungs', MAX_RUNGS],
    ['`moves`', MAX_MOVES],
    ['`talks.phases`', MAX_TALKS_PHASES],
    ['`talks.transitions`', MAX_TALKS_TRANSITIONS],
    ['`events`', MAX_EVENTS],
    ['`injects`', MAX_INJECTS],
    ['`beliefs`', MAX_BELIEFS],
    ['`sources`', MAX_SOURCES],
    ['`history`', MAX_HISTORY],
    ['`context`', MAX_CONTEXT],
  ])('states the limit on %s that limits.ts sets', (what, max) => {
    expect(doc).toContain(`| ${what} | ${max.toLocaleString('en-US')} [`);
  });
});
