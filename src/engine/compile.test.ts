/**
 * Compiling stays linear in the scenario's size: a scenario at every maximum of the format
 * (src/scenario/limits.ts) parses, compiles and plays a week. Timings belong to
 * bench/scenario-size.bench.ts; these tests pin what happens.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_ACTORS,
  MAX_BELIEFS,
  MAX_CONTEXT,
  MAX_EVENTS,
  MAX_HISTORY,
  MAX_INJECTS,
  MAX_MOVES,
  MAX_RUNGS,
  MAX_SOURCES,
  MAX_TALKS_PHASES,
  MAX_TALKS_TRANSITIONS,
  MAX_VARIABLES,
} from '../scenario/limits';
import { parseScenario } from '../scenario/parse';
import type { Scenario, ScenarioInput } from '../scenario/schema';
import { fixtureInput } from '../test/fixture';
import { compile } from './compile';
import { chooseMoves, resolveTurn } from './game';
import { initialState } from './state';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const actorId = (a: number) => `a${a % MAX_ACTORS}`;
const variableId = (i: number) => `v${i % MAX_VARIABLES}`;
/** Move i belongs to actor i mod MAX_ACTORS; moves below MAX_ACTORS have no preconditions, so every actor has a legal move. */
const moveId = (i: number) => `m${i % MAX_MOVES}`;
/** The day of week 1 (the fixture starts on 2021-03-09): every event falls on it. */
const EVENT_DATE = '2021-03-16';

function largestActors(): ScenarioInput['actors'] {
  const doctrine = fixtureInput().actors[1]!.doctrine;
  return range(MAX_ACTORS).map((a) => ({
    id: actorId(a),
    name: `Actor ${a}`,
    short: `A${a}`,
    color: '#1f77b4',
    description: 'An actor.',
    doctrine: { ...doctrine, casualtySignal: variableId(a) },
    objectives: { [variableId(a)]: 1, escalation: -0.1, 'talks:alive': 0.5 },
  }));
}

function largestMoves(): ScenarioInput['moves'] {
  return range(MAX_MOVES).map((i) => ({
    id: moveId(i),
    actor: actorId(i),
    label: `Move ${i}`,
    description: 'A move.',
    category: 'kinetic' as const,
    cameo: '190',
    goldstein: (i % 21) - 10,
    rung: i % MAX_RUNGS,
    targets: [actorId(i + 1)],
    propensity: { [variableId(i)]: 0.1 },
    preconditions: i < MAX_ACTORS ? [] : [{ ref: variableId(i), min: 0.1 }],
    effects: [{ target: variableId(i + 1), add: -0.01 }],
    outcomes: [{ id: 'hit', label: 'Hit', narrative: 'It hit.', probability: { base: -2, terms: { [variableId(i)]: 1 } }, effects: [{ target: `grudge:${actorId(i + 1)}:${actorId(i)}`, add: 0.1 }] }],
    delayed: [{ afterTurns: 1 + (i % 3), narrative: 'Later.', effects: [{ target: variableId(i + 2), scale: 0.99 }] }],
    narrative: [`Move ${i} was played.`],
  }));
}

function largestTalks(): ScenarioInput['talks'] {
  const talks = fixtureInput().talks;
  const extra = range(MAX_TALKS_PHASES - talks.phases.length).map((k) => ({ id: `extra-${k}`, label: `extra ${k}`, alive: true }));
  const transitions = range(MAX_TALKS_TRANSITIONS).map((k) => ({
    id: `t${k}`,
    label: `transition ${k}`,
    from: ['offered', 'underway'],
    to: k % 2 === 0 ? 'underway' : 'collapsed',
    hazard: { base: -8, terms: { [variableId(k)]: 1, escalation: 0.1 } },
  }));
  return { ...talks, phases: [...talks.phases, ...extra], transitions };
}

/** A scenario with as many of everything as the format allows, and every event on one date. */
function largestInput(): ScenarioInput {
  const base = fixtureInput();
  const at = (day: number) => `2021-04-${String(1 + (day % 28)).padStart(2, '0')}`;
  return {
    ...base,
    sources: range(MAX_SOURCES).map((i) => ({ id: `s${i}`, title: `Source ${i}`, url: `https://example.org/${i}` })),
    actors: largestActors(),
    variables: range(MAX_VARIABLES).map((i) => ({ id: variableId(i), label: `V${i}`, description: 'A variable.', unit: 'index 0-1', min: 0, max: 1, initial: 0.5, drift: { toward: 0.5, rate: 0.1 } })),
    ladder: range(MAX_RUNGS).map((level) => ({ level, name: `Rung ${level}`, description: `Rung ${level}.` })),
    initialEscalation: 3,
    initialGrudges: {},
    dynamics: { ...base.dynamics, openWarAt: MAX_RUNGS - 1 },
    talks: largestTalks(),
    moves: largestMoves(),
    beliefs: range(MAX_BELIEFS).map((i) => ({
      id: `b${i}`,
      label: `belief ${i}`,
      holder: actorId(i),
      about: actorId(i + 1),
      triggers: [moveId(i), `${moveId(i)}/hit`],
      responses: [moveId(i + 1)],
      window: 2,
      prior: { mean: 0.5, weight: 4 },
      baseline: { mean: 0.1, weight: 4 },
      source: 'test',
    })),
    events: range(MAX_EVENTS).map((i) => ({ id: `e${i}`, date: EVENT_DATE, label: `Event ${i}`, narrative: `Event ${i} happened.`, source: 'calendar', effects: [{ target: variableId(i), add: 0.001 }] })),
    injects: range(MAX_INJECTS).map((i) => ({ ...base.injects![0]!, id: `inject.i${i}`, effects: [{ target: variableId(i), scale: 0.9 }] })),
    history: range(MAX_HISTORY).map((i) => ({ date: at(i), actor: actorId(i), move: moveId(i % MAX_ACTORS), source: 'record' })),
    context: range(MAX_CONTEXT).map((i) => ({ date: '2021-01-01', label: `Before ${i}`, rung: i % MAX_RUNGS, source: 'record' })),
  };
}

function largest(): Scenario {
  const parsed = parseScenario(largestInput());
  if (!parsed.ok) throw new Error(`the largest scenario does not parse: ${JSON.stringify(parsed.errors.slice(0, 5))}`);
  return parsed.value;
}

describe('compiling a scenario at every maximum of the format', () => {
  it('parses, compiles and plays a week in which all its events, on one date, fire in file order', () => {
    const s = largest();
    const c = compile(s);
    expect(c.moves).toHaveLength(MAX_MOVES);
    expect(c.eventsByTurn.get(1)?.map((e) => e.id)).toEqual(range(MAX_EVENTS).map((i) => `e${i}`));

    const start = initialState(s, 1);
    const played = resolveTurn(s, start, chooseMoves(s, start, {}));
    if (!played.ok) throw new Error(played.error.message);
    expect(played.state.turn).toBe(1);
    const narrative = played.state.report!.narrative;
    const fired = narrative.filter((line) => /^Event \d+ happened\.$/.test(line));
    expect(fired).toEqual(range(MAX_EVENTS).map((i) => `Event ${i} happened.`));
  });

  it('tables the beliefs each move and outcome triggers, and the record of every week, from the lists themselves', () => {
    const c = compile(largest());
    // Belief b_i is held by move i's actor and triggered by move i and its outcome "hit".
    expect(Array.from(c.beliefsTriggeredByMove[7]!)).toEqual([7]);
    expect(Array.from(c.beliefsTriggeredByMove[MAX_BELIEFS]!)).toEqual([]);
    expect(Array.from(c.beliefsTriggeredByOutcome[c.moves[7]!.outcomes[0]!.index]!)).toEqual([7]);
    expect(Array.from(c.moves[7]!.anticipatedBelief)).toEqual([7, 7]);
    expect(Array.from(c.moves[7]!.anticipatedOutcome)).toEqual([-1, 0]);
    expect(c.beliefResponse[7 * MAX_MOVES + 8]).toBe(1);
    expect(c.beliefResponse.reduce((n, x) => n + x, 0)).toBe(MAX_BELIEFS);
    expect(c.movesByActor[0]).toEqual(range(MAX_MOVES).filter((i) => i % MAX_ACTORS === 0));
    // The record runs to 28 April 2021, in week 7 (the fixture starts on 9 March).
    expect(c.historyTurns).toBe(8);
    expect(c.history[7 * MAX_ACTORS + 11]).toBe(11);
  });
});
