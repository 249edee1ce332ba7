/**
 * The out-of-sample back-test of the road to March 2021: the split reads the right weeks, the
 * forecasts see nothing after the split, and the section prints one row per score.
 */
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';
import type { Scenario } from '../scenario/schema';
import { ensembleJudgements } from './ensemble';
import { backtestSection, DEFAULT_SPLIT, knownOn, LETHAL_ATTACKS_ON_RECORD, oosBacktest, splitWeeks } from './oos-backtest';
import { recordFacts, thinnedCdf } from './oos-forecasts';
import { empiricalCdf } from './proper-scores';

const { scenario } = loadScenario('road-to-march-2021');
const priors = ensembleJudgements(loadScenario('march-2021').scenario);
const cal = scenario.calibration!;
const lethal = LETHAL_ATTACKS_ON_RECORD.map((l) => l.date);
const weeksWith = (s: Scenario, p: (w: ReturnType<typeof recordFacts>[number]) => boolean) =>
  recordFacts(s, cal, s.defaultTurns, lethal).flatMap((w, t) => (p(w) ? [t] : []));

/** The scenario with one test-period entry changed: the rockets of 2020-12-20 become a strike. */
function withTestEntryChanged(s: Scenario): Scenario {
  return { ...s, history: s.history.map((h) => (h.date === '2020-12-20' ? { ...h, actor: 'us', move: 'us.strike-iraq' } : h)) };
}

describe('the split of the road to March 2021', () => {
  it('puts the 40 weeks ending by 2020-09-30 in the fit period and the other 23 in the test period', () => {
    const split = splitWeeks(scenario, DEFAULT_SPLIT);
    expect(split).toEqual({ ok: true, value: { split: '2020-09-30', fitWeeks: 40, horizon: 63 } });
  });

  it('reads the record’s weekly facts from its history', () => {
    expect(weeksWith(scenario, (w) => w.attacks > 0)).toEqual([0, 4, 11, 47, 51, 59, 62]);
    expect(weeksWith(scenario, (w) => w.attacks > 1)).toEqual([11]);
    expect(weeksWith(scenario, (w) => w.strike)).toEqual([0, 1, 11, 61]);
    expect(weeksWith(scenario, (w) => w.lethal)).toEqual([0, 11, 59]);
  });

  it('refuses a split that is not a date or leaves no test week', () => {
    expect(splitWeeks(scenario, '2020-02-30').ok).toBe(false);
    expect(splitWeeks(scenario, '30/09/2020').ok).toBe(false);
    expect(splitWeeks(scenario, '2021-03-08').ok).toBe(false);
    expect(splitWeeks(scenario, '2020-01-15').ok).toBe(false);
  });

  it('knows on the split date only the record and the calendar up to it', () => {
    const known = knownOn(scenario, DEFAULT_SPLIT);
    expect(known.history.every((h) => h.date <= DEFAULT_SPLIT)).toBe(true);
    expect(known.history).toHaveLength(scenario.history.filter((h) => h.date <= DEFAULT_SPLIT).length);
    expect(known.events).toEqual([]);
  });
});

describe('the back-test', { timeout: 60_000 }, () => {
  const run = (s: Scenario) => {
    const r = oosBacktest(s, { runs: 8, seed: 3, split: DEFAULT_SPLIT, priors, fit: { draws: 60, keep: 3, games: 3, minReplayR: 0.6 } });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  };
  const base = run(scenario);

  it('makes the naive forecasts from the fit weeks: climatology of all 40, persistence of the last 8', () => {
    expect(base.climatology).toMatchObject({ pAttack: 3 / 40, rate: 4 / 40, pStrike: 3 / 40, pLethal: 2 / 40 });
    expect(base.persistence).toMatchObject({ pAttack: 0, rate: 0, pStrike: 0, pLethal: 0 });
    expect(base.persistence.intensity).toBeCloseTo(0.7 / 8, 12);
    expect(base.record).toEqual({ attackWeeks: 4, attacks: 4, strikeWeeks: 1, lethalWeeks: 1 });
  });

  it('forecasts the same whatever the record says after the split, and scores the change', () => {
    const changed = run(withTestEntryChanged(scenario));
    expect(changed.fit).toEqual(base.fit);
    expect(changed.recording).toEqual(base.recording);
    expect(changed.persistence).toEqual(base.persistence);
    expect(changed.climatology).toEqual(base.climatology);
    expect(changed.startEscalation).toBe(base.startEscalation);
    expect(changed.modelRate).toBe(base.modelRate);
    expect(changed.record).toEqual({ attackWeeks: 3, attacks: 3, strikeWeeks: 2, lethalWeeks: 1 });
    expect(changed.scores.climatology.brierStrike).not.toBe(base.scores.climatology.brierStrike);
  });

  it('calibrates on the fit weeks: kept sets passed the fit, every draw judged once', () => {
    expect(base.fit.kept).toBe(3);
    expect(base.fit.draws).toHaveLength(3);
    expect(Object.values(base.fit.verdicts).reduce((n, x) => n + x, 0)).toBe(base.fit.evaluated);
    expect(base.fit.verdicts['start-rates']).toBe(0);
    // The last draw evaluated is the third kept: the fit stops there.
    expect(base.fit.draws[2]).toBe(base.fit.evaluated - 1);
  });

  it('measures what the record lists on the fit weeks: 4 attacks against 1.5 a week over 40 weeks', () => {
    expect(base.recording.attacks).toBeCloseTo(4 / 60, 12);
    expect(base.recording.recordOthers).toBe(5);
    expect(base.recording.others).toBeCloseTo(5 / (base.recording.modelOthers * 40), 12);
    expect(base.modelListedRate).toBeCloseTo(base.modelRate * base.recording.attacks, 12);
  });

  it('scores the persistence forecast of no attacks by hand: each attack week costs 1', () => {
    // Probability 0 every week, 4 attack weeks of 23 with one attack each.
    expect(base.scores.persistence.brierAttack).toBeCloseTo(4 / 23, 12);
    expect(base.scores.persistence.crps).toBeCloseTo(4 / 23, 12);
    expect(base.scores.persistence.cover90).toBeCloseTo(19 / 23, 12);
    expect(base.scores.persistence.r).toBeNaN();
  });

  it('prints section 7 with one row per score and a verdict for each', () => {
    const lines = backtestSection(base);
    expect(lines[0]).toBe('## 7. Out-of-sample back-test');
    const rows = lines.filter((l) => l.startsWith('| ') && !l.startsWith('| score'));
    expect(rows).toHaveLength(8);
    expect(rows.every((l) => l.split(' | ').length === 4)).toBe(true);
    expect(lines.filter((l) => l.startsWith('* ') && l.includes(': **')).length).toBeGreaterThanOrEqual(7);
  });
});

describe('the listed count of attacks', () => {
  it('is the model\'s own count when every attack is listed', () => {
    const counts = [0, 0, 1, 3, 2, 0];
    const exact = empiricalCdf(counts);
    thinnedCdf(counts, 1).forEach((f, k) => expect(f).toBeCloseTo(exact[k]!, 12));
  });

  it('is binomial in each future: its mean is the share times the attacks', () => {
    const counts = [0, 1, 2, 5];
    const cdf = thinnedCdf(counts, 0.2);
    const mean = cdf.reduce((m, f, k) => m + (1 - f) * (k < cdf.length ? 1 : 0), 0);
    expect(mean).toBeCloseTo((0.2 * 8) / 4, 12);
    expect(cdf[0]).toBeCloseTo((1 + 0.8 + 0.8 ** 2 + 0.8 ** 5) / 4, 12);
    expect(cdf[cdf.length - 1]).toBeCloseTo(1, 12);
  });
});
