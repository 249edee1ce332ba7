/**
 * A small scenario for engine tests: two rivals and a proxy, so a test can reason about every
 * number. The real scenarios are tested separately.
 */
import { parseScenario } from '../scenario/parse';
import type { Scenario, ScenarioInput } from '../scenario/schema';

export function fixtureInput(): ScenarioInput {
  const doctrine = {
    inertia: 0.5,
    reciprocity: 1.5,
    casualtySensitivity: 0.5,
    talksValue: 0.5,
    escalationAversion: 1,
    temperature: 1,
  };
  return {
    schemaVersion: 1,
    id: 'fixture',
    title: 'Fixture',
    summary: 'Two rivals and a proxy.',
    startDate: '2021-03-09',
    turnDays: 7,
    defaultTurns: 10,
    sources: [{ id: 'test', title: 'Test' }],
    actors: [
      { id: 'blue', name: 'Blue', short: 'Blue', color: '#1f77b4', description: 'A great power.', doctrine: { ...doctrine, casualtySignal: 'blue.killed' }, objectives: { 'blue.killed': -2, escalation: -0.2, 'talks:alive': 1 } },
      { id: 'red', name: 'Red', short: 'Red', color: '#d62728', description: 'A regional power.', doctrine, objectives: { 'proxy.capability': 1 } },
      { id: 'proxy', name: 'Proxy', short: 'Proxy', color: '#2ca02c', description: 'An armed group.', doctrine, objectives: { 'proxy.capability': 1 } },
    ],
    variables: [
      { id: 'proxy.capability', label: 'Proxy capability', description: 'Ability to attack.', unit: 'index 0-1', min: 0, max: 1, initial: 0.6, drift: { toward: 0.7, rate: 0.2 } },
      { id: 'blue.killed', label: 'Blue personnel killed', description: 'Cumulative.', unit: 'people', min: 0, max: 1000, initial: 0, counter: true },
      { id: 'proxy.attacks', label: 'Proxy attacks', description: 'Cumulative.', unit: 'attacks', min: 0, max: 10000, initial: 0, counter: true },
      { id: 'relief', label: 'Sanctions relief', description: 'Share lifted.', unit: 'share 0-1', min: 0, max: 1, initial: 0 },
    ],
    ladder: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((level) => ({ level, name: `Rung ${level}`, description: `Rung ${level}.` })),
    initialEscalation: 5,
    initialGrudges: { 'grudge:proxy:blue': 0.5 },
    dynamics: {
      escalationDecay: 0.2,
      escalationFloor: 2,
      escalationGain: 0.3,
      deescalationGain: 0.5,
      openWarAt: 11.5,
      grudgeDecay: 0.3,
      misperception: 0.1,
      hostilityThreshold: 0.3,
    },
    talks: {
      label: 'Talks',
      initialPhase: 'offered',
      onOpenWar: 'collapsed',
      phases: [
        { id: 'offered', label: 'offered', alive: true },
        { id: 'underway', label: 'under way', alive: true },
        { id: 'collapsed', label: 'collapsed', alive: false },
        { id: 'deal', label: 'deal', alive: true, ends: true },
      ],
      transitions: [
        { id: 'start', label: 'talks start', from: ['offered'], to: 'underway', hazard: { base: -2 } },
        { id: 'collapse', label: 'talks collapse', from: ['offered', 'underway'], to: 'collapsed', hazard: { base: -4, terms: { 'blue.killed': 1.5, escalation: 0.2 } } },
        { id: 'deal', label: 'deal restored', from: ['underway'], to: 'deal', hazard: { base: -5, terms: { relief: 3 } } },
      ],
    },
    moves: [
      { id: 'blue.strike', actor: 'blue', label: 'Strike', description: 'Air strike on proxy depots.', category: 'kinetic', cameo: '195', goldstein: -10, rung: 8, targets: ['proxy', 'red'], effects: [{ target: 'proxy.capability', add: -0.3 }], narrative: ['Blue struck proxy depots.'] },
      { id: 'blue.hold', actor: 'blue', label: 'Hold fire', description: 'No military response.', category: 'political', cameo: '0356', goldstein: 0, rung: 0, narrative: ['Blue held fire.'] },
      { id: 'blue.relief', actor: 'blue', label: 'Ease sanctions', description: 'Lift some sanctions.', category: 'economic', cameo: '085', goldstein: 7, rung: 2, targets: ['red'], talksPhases: ['underway'], effects: [{ target: 'relief', add: 0.3 }], narrative: ['Blue eased sanctions.'] },
      { id: 'red.direct', actor: 'red', label: 'Direct proxies', description: 'Order attacks.', category: 'political', cameo: '138', goldstein: -7, rung: 4, targets: ['blue'], effects: [{ target: 'proxy.capability', add: 0.1 }], narrative: ['Red urged the proxy on.'] },
      { id: 'red.wait', actor: 'red', label: 'Wait', description: 'Wait.', category: 'diplomatic', cameo: '036', goldstein: 4, rung: 2, targets: ['blue'], narrative: ['Red waited.'] },
      { id: 'red.accept', actor: 'red', label: 'Accept talks', description: 'Join indirect talks.', category: 'diplomatic', cameo: '046', goldstein: 7, rung: 2, targets: ['blue'], talksPhases: ['offered'], talks: 'start', narrative: ['Red accepted talks.'] },
      {
        id: 'proxy.rockets',
        actor: 'proxy',
        label: 'Rocket attack',
        description: 'Rockets at a base.',
        category: 'kinetic',
        cameo: '194',
        goldstein: -10,
        rung: 8,
        targets: ['blue'],
        preconditions: [{ ref: 'proxy.capability', min: 0.2 }],
        effects: [{ target: 'proxy.attacks', add: 1 }],
        outcomes: [
          { id: 'killed', label: 'Blue killed', narrative: 'A Blue soldier was killed.', probability: { base: -3, terms: { 'proxy.capability': 1 } }, effects: [{ target: 'blue.killed', add: 1 }, { target: 'escalation', add: 1 }], delayed: [{ afterTurns: 1, narrative: 'Funerals stirred anger.', effects: [{ target: 'grudge:blue:proxy', add: 0.5 }] }] },
        ],
        delayed: [{ afterTurns: 2, narrative: 'The proxy restocked.', effects: [{ target: 'proxy.capability', add: -0.05 }] }],
        narrative: ['Rockets hit the base.'],
        quietNarrative: 'No casualties.',
      },
      { id: 'proxy.lie-low', actor: 'proxy', label: 'Lie low', description: 'Hide.', category: 'political', cameo: '0356', goldstein: 0, rung: 0, narrative: ['The proxy lay low.'] },
    ],
    events: [{ id: 'election', date: '2021-03-30', label: 'Election', narrative: 'An election was held.', source: 'calendar', effects: [{ target: 'escalation', add: 0.5 }] }],
    injects: [
      { id: 'inject.raid', label: 'A raid on the proxy', description: 'Special forces raid a depot.', narrative: 'Special forces raided a proxy depot.', category: 'kinetic', cameo: '195', goldstein: -10, rung: 8, effects: [{ target: 'proxy.capability', scale: 0.8 }, { target: 'grudge:proxy:blue', add: 1 }], source: 'test' },
      { id: 'inject.mediation', label: 'A mediator calls for talks', description: 'A third party invites both sides.', narrative: 'A mediator invited both sides to talks.', category: 'diplomatic', cameo: '036', goldstein: 4, rung: 2, talks: 'start', source: 'test' },
    ],
  };
}

export function fixture(input: ScenarioInput = fixtureInput()): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(`fixture does not parse: ${JSON.stringify(r.errors)}`);
  return r.value;
}
