/**
 * `npm run bench` (2 of 4): what the deterrence model costs the Monte Carlo loop, as ratios measured
 * in this one run, on CPU time (robust to a busy machine), in interleaved pairs.
 *
 * "Before" is the engine and the March 2021 scenario as they were at commit BEFORE, the last one
 * before actors held beliefs: the bench extracts that commit's `src/` and `scenarios/` from git
 * (`git archive`) into node_modules/.cache and imports its engine beside today's. It prints
 *   - today's loop against the loop before (budget: it keeps at least 75% of the speed);
 *   - each against the hand-written limit kernel of `../shared/bench/limit-kernel.ts`;
 *   - today's engine on the scenario before (what the model, not the engine, costs);
 *   - a 10,000-future forecast on one core, both ways, and the talks outlook's cost.
 */
import { resolve } from 'node:path';
import { loadScenario } from '../src/cli/load';
import { forecastChunk } from '../src/engine/forecast';
import { talksOutlook } from '../src/engine/outlook';
import { initialState } from '../src/engine/state';
import type { Scenario } from '../src/scenario/schema';
import { commitDir, cpu, limitKernel, loopAt, type Forecast, type Loop } from './engine-at';
import { budget, fmt, fmtFixed, header, median } from './lib';

/** The last commit before the model had beliefs and foresight. */
const BEFORE = '0afc25c';
const RUNS = 3000;
const TURNS = 26;
const PAIRS = 11;

const beforeDir = commitDir(BEFORE);

/** Actor-turns per CPU second of `runs` futures of the loop. */
function rate(loop: Loop, seed: number, runs = RUNS): number {
  const r = cpu(() => loop.forecast(loop.scenario, loop.start, { runs, seed, turns: TURNS }, 0, runs));
  return (r.value.resolvedTurns * loop.scenario.actors.length) / (r.ms / 1000);
}

const quartiles = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${fmtFixed(s[Math.floor((s.length - 1) / 4)]!, 3)}–${fmtFixed(s[Math.ceil((3 * (s.length - 1)) / 4)]!, 3)}`;
};

async function main(): Promise<void> {
  const scenario = loadScenario('march-2021').scenario;
  const now: Loop = { forecast: forecastChunk as unknown as Forecast, scenario, start: initialState(scenario, 1) };
  const before = await loopAt(BEFORE);
  // The scenario before, read by today's parser (which fills in the fields it has since gained).
  const beforeScenario: Scenario | null = before ? loadScenario(resolve(beforeDir, 'scenarios/march-2021.json')).scenario : null;
  const modelOnly: Loop | null = beforeScenario ? { forecast: now.forecast, scenario: beforeScenario, start: initialState(beforeScenario, 1) } : null;
  header(`Model cost (Node): the Monte Carlo loop now, against the loop before beliefs (commit ${BEFORE}) and the limit kernel`);
  const { file: kernelFile, run: kernel } = await limitKernel();

  // Warm every loop up so that none pays for the JIT in the counted runs.
  for (const l of [now, before, modelOnly]) if (l) rate(l, 99, 1000);
  kernel?.(2000, TURNS, 99);

  const kept: number[] = [];
  const keptSameEngine: number[] = [];
  const nowOverKernel: number[] = [];
  const beforeOverKernel: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const n = rate(now, i + 1);
    if (kernel) {
      const k = cpu(() => kernel(RUNS, TURNS, i + 1));
      const kRate = (k.value.resolved * 5) / (k.ms / 1000);
      nowOverKernel.push(n / kRate);
      if (before) beforeOverKernel.push(rate(before, i + 1) / kRate);
    }
    if (before) kept.push(n / rate(before, i + 1));
    if (modelOnly) keptSameEngine.push(n / rate(modelOnly, i + 1));
  }
  const show = (xs: number[]) => (xs.length > 0 ? `${fmtFixed(median(xs), 3)} (quartiles ${quartiles(xs)})` : 'n/a');
  console.log('');
  if (before) console.log(`speed kept: the loop now / the loop before         ${show(kept)}   ${budget('>= 0.75 (loses at most 25%)', median(kept) >= 0.75)}`);
  else console.log(`speed kept: n/a (git cannot extract commit ${BEFORE})`);
  console.log(`engine / limit kernel, now                         ${show(nowOverKernel)}   ${budget('>= 0.8', nowOverKernel.length > 0 && median(nowOverKernel) >= 0.8)}`);
  console.log(`engine / limit kernel, before                      ${show(beforeOverKernel)}`);
  console.log(`today's engine: the model now / the model before   ${show(keptSameEngine)}   (what the model costs, the engine aside)`);
  if (!kernel) console.log(`(no limit kernel at ${kernelFile})`);

  const big = (l: Loop) => cpu(() => l.forecast(l.scenario, l.start, { runs: 10_000, seed: 5, turns: TURNS }, 0, 10_000)).ms;
  console.log(`forecast 10,000 futures x ${TURNS} weeks on one core: now ${fmt(big(now))} ms${before ? `, before ${fmt(big(before))} ms` : ''}`);
  const outlooks = Array.from({ length: 7 }, (_, i) => cpu(() => talksOutlook(scenario, initialState(scenario, i + 1))).ms);
  console.log(`talks outlook (1,000 futures x ${scenario.talks.outlookWeeks} weeks), one core, median ${fmt(median(outlooks))} ms`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
