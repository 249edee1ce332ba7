/**
 * The brief's claims hold in the model (docs/propositions.md): every proposition's checks fall in
 * their bands over 2,000 seeded futures per experiment from the start of March 2021, and the
 * checks can fail: a model without the mechanism behind a claim does not pass it.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import { withParameters } from '../scenario/parameters';
import { propositions, testPropositions } from './propositions';
import type { Scenario } from '../scenario/schema';

const { scenario } = loadScenario('march-2021');
const RUNS = 2000;

function one(id: string, s: Scenario, runs = RUNS) {
  const p = propositions.find((x) => x.id === id)!;
  return p.run(s, { runs, seed: 2021 });
}

describe("the brief's propositions on March 2021", { timeout: 300_000 }, () => {
  it('passes every proposition over 2,000 futures per experiment', () => {
    const results = testPropositions(scenario, { runs: RUNS, seed: 2021 });
    expect(results.map((r) => r.id)).toEqual(propositions.map((p) => p.id));
    for (const r of results) {
      for (const c of r.checks) expect(c.pass, `${r.id}: ${c.label} = ${c.value.toFixed(3)}, band [${c.lo}, ${c.hi}]`).toBe(true);
    }
  });

  it('fails (a) when the militias cannot rebuild: a strike then suppresses them for good', () => {
    const noRebuild = withParameters(scenario, { 'variables.militia.capability.drift.rate': 0 });
    if (!noRebuild.ok) throw new Error(JSON.stringify(noRebuild.errors));
    const recovery = one('a-strikes-do-not-suppress', noRebuild.value, 1000)[1]!;
    expect(recovery.pass, `recovery ${recovery.value.toFixed(3)} without rebuilding`).toBe(false);
  });

  it('fails (b) when the talks ignore US strikes: the cycle no longer derails them', () => {
    const deaf = withParameters(scenario, {
      'talks.transitions.collapse.hazard.terms.talks.strikes-syria': 0,
      'talks.transitions.collapse.hazard.terms.talks.strikes-iraq': 0,
      'talks.transitions.collapse.hazard.terms.talks.us-casualties': 0,
      'talks.transitions.collapse.hazard.terms.talks.iran-casualties': 0,
      'talks.transitions.collapse.hazard.terms.talks.senior-killed': 0,
    });
    if (!deaf.ok) throw new Error(JSON.stringify(deaf.errors));
    expect(one('b-cycle-derails-jcpoa', deaf.value, 1000)[0]!.pass).toBe(false);
  });

  it('fails (c) when Iraqi state control does not limit what the militias rebuild', () => {
    const blind = withParameters(scenario, { 'variables.militia.capability.drift.terms.iraq.state-control': 0 });
    if (!blind.ok) throw new Error(JSON.stringify(blind.errors));
    expect(one('c-only-iraqi-state-power', blind.value, 1000)[0]!.pass).toBe(false);
  });

  it('is silent on scenarios it was not written for', () => {
    expect(testPropositions(loadScenario('jan-2020').scenario, { runs: 10, seed: 1 })).toEqual([]);
  });
});
