/**
 * The back-tests hold: replaying the record tracks its conflict series, and the AI's base rates on
 * the road to March 2021 fall within the record's bands (the same tables `npm run calibrate` prints).
 */
import { describe, expect, it } from 'vitest';
import { passes } from '../engine/backtest';
import { playedRates, replayRecord } from './commands/calibrate';
import { loadScenario } from './load';

const { scenario } = loadScenario('road-to-march-2021');

// Hundreds of AI games of 63 weeks: give them the time a busy 2-core machine needs.
describe('calibration against the record', { timeout: 120_000 }, () => {
  it('replays the record with escalation that tracks its Goldstein-weighted weekly series', () => {
    const { r, engine } = replayRecord(scenario);
    expect(engine).toHaveLength(scenario.defaultTurns);
    expect(r).toBeGreaterThan(0.4);
  });

  it('plays the period with the AI at the record’s base rates', () => {
    const rates = playedRates(scenario, 150, 1);
    for (const target of scenario.calibration!.targets) {
      const estimate = rates.find((r) => r.id === target.id);
      expect(passes(target, estimate), `${target.label}: model ${estimate?.value} outside [${target.lo}, ${target.hi}]`).toBe(true);
    }
  });
});
