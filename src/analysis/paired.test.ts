import { describe, expect, it } from 'vitest';
import { forecast } from '../engine/forecast';
import { initialState } from '../engine/state';
import { summarize } from '../engine/summary';
import { withParameters } from '../scenario/parameters';
import { fixture } from '../test/fixture';
import { batchEnsemble, batchesFor, differencesFrom, pairedDifference, splitBatches, t975 } from './paired';

const s = fixture();
const start = initialState(s, 1);

function batched(scenario = s, runs = 1200, strategies = {}) {
  return splitBatches(forecast(scenario, start, { runs, seed: 3, strategies, ensemble: batchEnsemble(batchesFor(runs)) }));
}

describe('batch counts from a batch ensemble', () => {
  it('leave the forecast exactly as it is without them, and add up to its totals', () => {
    const plain = forecast(s, start, { runs: 1200, seed: 3 });
    const { tally, batches } = batched();
    expect(tally).toStrictEqual(plain);
    expect(summarize(s, tally)).toStrictEqual(summarize(s, plain));
    expect(batches.runs).toEqual(new Array(20).fill(60));
    expect(batches.openWar.reduce((a, b) => a + b, 0)).toBe(plain.openWar);
    const alive = summarize(s, plain).outcomes.find((o) => o.id === 'talks-alive')!.value * 1200;
    expect(batches.alive.reduce((a, b) => a + b, 0)).toBe(Math.round(alive));
  });

  it('take at most 20 batches, and one future each when there are fewer futures', () => {
    expect(batchesFor(5000)).toBe(20);
    expect(batchesFor(7)).toBe(7);
    expect(batchesFor(1)).toBe(1);
  });
});

describe('pairedDifference', () => {
  it('is the mean batch difference ± t(B - 1) standard errors (batch means)', () => {
    const reference = { runs: [10, 10, 10, 10], alive: [5, 6, 4, 5], openWar: [0, 0, 0, 0] };
    const other = { runs: [10, 10, 10, 10], alive: [7, 7, 6, 8], openWar: [0, 0, 0, 0] };
    const d = pairedDifference(reference, other, 'alive')!;
    const half = t975(3) * (Math.sqrt(0.02 / 3) / 2);
    expect(d.estimate).toBeCloseTo(0.2, 12);
    expect(d.lo).toBeCloseTo(0.2 - half, 12);
    expect(d.hi).toBeCloseTo(0.2 + half, 12);
    expect(d.batches).toBe(4);
  });

  it('gives exactly zero for a set-up against itself, and nothing for set-ups cut into different batches', () => {
    const { batches } = batched();
    expect(differencesFrom(batches, batches)).toEqual({ 'talks-alive': { estimate: 0, lo: 0, hi: 0, batches: 20 }, 'open-war': { estimate: 0, lo: 0, hi: 0, batches: 20 } });
    expect(pairedDifference(batches, batched(s, 600).batches, 'alive')).toBeNull();
  });

  it('is narrower than the unpaired interval for a small change, which is what common random numbers are for', () => {
    const changed = withParameters(s, { 'dynamics.misperception': 0.15 });
    if (!changed.ok) throw new Error('fixture refused the change');
    const a = batched(s, 2000);
    const b = batched(changed.value, 2000);
    const d = differencesFrom(a.batches, b.batches)['talks-alive']!;
    const share = (x: typeof a) => x.batches.alive.reduce((p, q) => p + q, 0) / 2000;
    const [pa, pb] = [share(a), share(b)];
    const unpaired = 1.96 * Math.sqrt((pa * (1 - pa) + pb * (1 - pb)) / 2000);
    expect(d.estimate).toBeCloseTo(pb - pa, 12);
    expect(d.lo!).toBeLessThanOrEqual(d.estimate);
    expect(d.hi! - d.lo!).toBeLessThan(2 * unpaired);
  });
});
