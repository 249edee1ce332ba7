/**
 * `npx tsx bench/ensemble-cost.bench.ts`: what drawing each future's numbers from the calibrated
 * ensemble costs a forecast, measured in one run against the scenario's own values on one thread:
 *   - compiling all the ensemble's sets (a worker compiles only those its chunks use, once each;
 *     budget: well under the 1 s a whole 10,000-future forecast may take in the browser, DESIGN.md);
 *   - the Monte Carlo loop of 10,000 futures with the sets compiled, in interleaved pairs with the
 *     point-value loop on the same seed: the ratio of the medians.
 * The browser's own click-to-chart time, ensemble included, is in bench/browser.bench.ts.
 */
import { compiledSets, forecast } from '../src/engine/forecast';
import { initialState } from '../src/engine/state';
import { loadEnsemble, loadScenario } from '../src/cli/load';
import { budget, fmt, fmtFixed, header, median, timeIt } from './lib';

const RUNS = 10_000;
const PAIRS = 5;

header(`Ensemble cost (Node, one thread): ${fmt(RUNS)}-future forecasts, calibrated sets against the scenario's own values`);
const { scenario, file } = loadScenario('march-2021');
const { ensemble, notice } = loadEnsemble(scenario, file);
if (!ensemble) throw new Error(notice ?? 'march-2021 has no ensemble');
const state = initialState(scenario, 1, scenario.defaultTurns);
const compileMs = timeIt(() => compiledSets(scenario, ensemble)).ms;
console.log(`compiling the ${ensemble.sets.length} parameter sets (a worker compiles those its chunks use, once): ${fmtFixed(compileMs, 0)} ms   ${budget('≤ 500 ms', compileMs <= 500)}`);

// Warm both loops, then time them in interleaved pairs so that a busy moment hits both alike.
forecast(scenario, state, { runs: 500, seed: 1 });
forecast(scenario, state, { runs: 500, seed: 1, ensemble });
const point: number[] = [];
const drawn: number[] = [];
for (let i = 0; i < PAIRS; i++) {
  point.push(timeIt(() => forecast(scenario, state, { runs: RUNS, seed: 1 })).ms);
  drawn.push(timeIt(() => forecast(scenario, state, { runs: RUNS, seed: 1, ensemble })).ms);
}
const ratio = median(drawn) / median(point);
console.log(`point values: median ${fmt(median(point))} ms; ensemble: median ${fmt(median(drawn))} ms (${PAIRS} interleaved pairs)`);
console.log(`cost of the ensemble: ${fmtFixed(ratio, 2)}× the point-value forecast, loop only (+ at most ${fmtFixed(compileMs, 0)} ms of compiling, spread over the workers)   ${budget('≤ 1.25×', ratio <= 1.25)}`);
