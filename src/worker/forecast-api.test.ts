import { describe, expect, it } from 'vitest';
import { loadEnsemble, loadScenario } from '../cli/load';
import { forecastChunk } from '../engine/forecast';
import { initialState } from '../engine/state';
import { createForecastApi, ensembleKey } from './forecast-api';
import { warmSteps } from './forecast-client';
import { fromWire, toWire } from './wire';

const { scenario, file } = loadScenario('march-2021');
const full = loadEnsemble(scenario, file).ensemble!;
/** A few of the calibrated sets: enough to draw from, quick to compile. */
const ensemble = { ...full, id: `${full.id}:first-3`, sets: full.sets.slice(0, 3) };

describe('a forecast worker warming up', () => {
  it('runs a small forecast from the scenario start in contiguous steps that cover it, then its first steps again', () => {
    const steps = warmSteps('k', ensemble);
    const runs = steps[0]!.runs;
    const once = steps.findIndex((s, i) => i > 0 && s.first === 0);
    expect(once).toBeGreaterThan(1);
    steps.forEach((s, i) => {
      expect(s.first).toBe(i === 0 || i === once ? 0 : steps[i - 1]!.first + steps[i - 1]!.count);
      expect(s.runs).toBe(runs);
    });
    expect(steps[once - 1]!.first + steps[once - 1]!.count).toBe(runs);
  });

  it('leaves the tallies of later forecasts exactly as a cold worker gives them', () => {
    const state = initialState(scenario, 4);
    const options = { runs: 60, seed: 9 };
    const api = createForecastApi();
    api.setScenario('k', scenario);
    api.setEnsemble(ensemble);
    for (const step of warmSteps('k', ensemble)) api.warm(step);
    const tally = fromWire(api.chunk({ scenarioKey: 'k', state, options, ensembleId: ensembleKey(ensemble), first: 10, count: 30 }).tally);
    expect(tally).toStrictEqual(forecastChunk(scenario, state, { ...options, ensemble }, 10, 30));
  }, 30_000);

  it('keeps the copy of a scenario it received first under a key (a key names one scenario of the page)', () => {
    const api = createForecastApi();
    const state = initialState(scenario, 1);
    const other = structuredClone(scenario);
    other.dynamics.escalationDecay = 0.05;
    api.setScenario('k', scenario);
    api.setScenario('k', other);
    const options = { runs: 40, seed: 2, turns: 8 };
    const tally = fromWire(api.chunk({ scenarioKey: 'k', state, options, ensembleId: null, first: 0, count: 40 }).tally);
    expect(tally).toStrictEqual(forecastChunk(scenario, state, options, 0, 40));
    expect(tally).not.toStrictEqual(forecastChunk(other, state, options, 0, 40));
  });
});

describe('a tally on the wire', () => {
  it('comes back from its packed form as exactly the same tally', () => {
    const tally = forecastChunk(scenario, initialState(scenario, 2), { runs: 30, seed: 4, ensemble }, 0, 30);
    const wire = toWire(tally);
    expect(Object.values(wire).some((v) => v instanceof Float64Array)).toBe(true);
    expect(fromWire(wire)).toStrictEqual(tally);
  });
});
