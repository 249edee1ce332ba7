import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import { contributionLabel } from './contribution-label';

const { scenario } = loadScenario('march-2021');

describe('the why view’s cause labels', () => {
  it('says a talks transition once, not “Talks: talks pause”', () => {
    expect(contributionLabel(scenario, { kind: 'talks', id: 'pause', actor: null, label: 'Talks: talks pause', amount: 0.01 })).toBe('Talks pause');
    expect(contributionLabel(scenario, { kind: 'talks', id: 'deal', actor: null, label: 'Talks: deal restored', amount: -0.01 })).toBe('Deal restored');
  });

  it('keeps the word “Talks” where the transition’s label does not name them', () => {
    expect(contributionLabel(scenario, { kind: 'talks', id: 'resume', actor: null, label: 'Talks: the offer is renewed', amount: 0.01 })).toBe('Talks: the offer is renewed');
  });
});
