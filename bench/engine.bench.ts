/**
 * `npm run bench` (1 of 3): the engine's figures against the budgets in DESIGN.md.
 *   - actor-turns resolved per second on one core (Monte Carlo path, AI choosing every move);
 *   - milliseconds for a 10,000-future, 26-week forecast on one core and across all cores;
 *   - weeks per second through the traced, immutable `resolveTurn` (the interactive path).
 * Figures are medians of several repetitions after a warm-up.
 */
import { availableParallelism } from 'node:os';
import { forecastChunk } from '../src/engine/forecast';
import { chooseMoves, resolveTurn } from '../src/engine/game';
import { initialState } from '../src/engine/state';
import { parallelForecast } from '../src/cli/parallel';
import { loadScenario } from '../src/cli/load';
import { budget, fmt, header, median, timeIt } from './lib';

const scenarioArg = process.argv[2] ?? 'march-2021';
const { scenario } = loadScenario(scenarioArg);
const start = initialState(scenario, 1);
const RUNS = 10_000;
const TURNS = 26;
const REPEATS = 5;
const ACTOR_TURNS_BUDGET = 1_000_000;

header(`Engine benchmark (Node): scenario ${scenario.id}, ${scenario.actors.length} actors, ${scenario.moves.length} moves`);

// Warm up the JIT on a smaller forecast.
forecastChunk(scenario, start, { runs: 1000, seed: 99, turns: TURNS }, 0, 1000);

const single = Array.from({ length: REPEATS }, (_, i) => timeIt(() => forecastChunk(scenario, start, { runs: RUNS, seed: i + 1, turns: TURNS }, 0, RUNS)));
const singleMs = median(single.map((r) => r.ms));
const actorTurns = median(single.map((r) => (r.value.resolvedTurns * scenario.actors.length) / (r.ms / 1000)));

const threads = availableParallelism();
const parallelMs: number[] = [];
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await parallelForecast(scenario, start, { runs: RUNS, seed: i + 1, turns: TURNS }, threads);
  parallelMs.push(performance.now() - t0);
}

// A long run shows the steady rate across cores once worker start-up is paid.
const BIG = 100_000;
const bigStart = performance.now();
await parallelForecast(scenario, start, { runs: BIG, seed: 42, turns: TURNS }, threads);
const bigSeconds = (performance.now() - bigStart) / 1000;

let state = start;
let interactive = 0;
const t0 = performance.now();
while (performance.now() - t0 < 1000) {
  const r = resolveTurn(scenario, state, chooseMoves(scenario, state, {}));
  if (!r.ok) throw new Error(r.error.message);
  state = r.state.ended || r.state.turn >= r.state.horizon ? start : r.state;
  interactive += 1;
}
const interactiveRate = interactive / ((performance.now() - t0) / 1000);

console.log('');
console.log(`actor-turns resolved per second (one core, AI choosing)   ${fmt(actorTurns)}   ${budget('>= 1,000,000', actorTurns >= ACTOR_TURNS_BUDGET)}`);
console.log(`forecast ${fmt(RUNS)} futures x ${TURNS} weeks, one core            ${fmt(singleMs)} ms`);
console.log(`forecast ${fmt(RUNS)} futures x ${TURNS} weeks, ${threads} worker thread(s) ${fmt(median(parallelMs))} ms (includes worker start-up)`);
console.log(`forecast ${fmt(BIG)} futures x ${TURNS} weeks, ${threads} worker thread(s) ${fmt(bigSeconds * 1000)} ms = ${fmt(BIG / bigSeconds)} futures per second`);
console.log(`interactive resolveTurn with "why" tracing, weeks per second ${fmt(interactiveRate)}`);
