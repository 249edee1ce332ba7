/**
 * The Monte Carlo loop against the limit kernel (../shared/bench/limit-kernel.ts) in Chromium, as
 * bench/limit.bench.ts measures it in Node: the engine and the kernel bundled by Vite into one
 * script, run in a blank page in interleaved pairs (wall time: a page has no CPU clock), the
 * median of the pairs' ratios. For bench/browser.bench.ts.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser } from '@playwright/test';
import { build } from 'vite';
import { median } from './lib';

const PAIRS = 9;
const RUNS = 2000;

/**
 * The entry of the page's script: the engine, the kernel and (when `before` is a folder with an
 * earlier commit's sources) the engine before, by absolute path, behind one global function.
 */
function entry(root: string, kernel: string, before: string | null): string {
  const at = (dir: string, p: string) => JSON.stringify(resolve(dir, p));
  const loop = (dir: string, name: string) => `(() => {
  const parsed = ${name}.parse(inputs.${name});
  if (!parsed.ok) throw new Error('the scenario does not parse');
  const s = parsed.value;
  const start = ${name}.init(s, 1);
  return (seed, runs) => {
    const t0 = performance.now();
    const t = ${name}.forecast(s, start, { runs, seed, turns: 26 }, 0, runs);
    return (t.resolvedTurns * s.actors.length) / ((performance.now() - t0) / 1000);
  };
})()`;
  const engine = (dir: string, name: string) => `import { forecastChunk as ${name}Forecast } from ${at(dir, 'src/engine/forecast.ts')};
import { initialState as ${name}Init } from ${at(dir, 'src/engine/state.ts')};
import { parseScenario as ${name}Parse } from ${at(dir, 'src/scenario/parse.ts')};
const ${name} = { forecast: ${name}Forecast, init: ${name}Init, parse: ${name}Parse };`;
  return `${engine(root, 'now')}
${before ? engine(before, 'before') : ''}
import { makeKernel } from ${JSON.stringify(kernel)};
globalThis.__limitPairs = (inputs, pairs, runs) => {
  const loops = { now: ${loop(root, 'now')}${before ? `, before: ${loop(before, 'before')}` : ''} };
  const kernel = makeKernel(7);
  for (const l of Object.values(loops)) l(99, 1000);
  kernel(2000, 26, 99);
  const out = [];
  for (let i = 0; i < pairs; i++) {
    const pair = {};
    for (const [name, l] of Object.entries(loops)) pair[name] = l(i + 1, runs);
    const t0 = performance.now();
    const k = kernel(runs, 26, i + 1);
    pair.kernel = (k.resolved * 5) / ((performance.now() - t0) / 1000);
    out.push(pair);
  }
  return out;
};
`;
}

export interface ChromiumLimit {
  /** Median actor-turns per second. */
  readonly engine: number;
  readonly kernel: number;
  readonly before: number | null;
  /** Medians of the pairs' ratios: engine / kernel, and engine / engine before. */
  readonly ratio: number;
  readonly speedUp: number | null;
}

/**
 * The loop against the kernel in Chromium, and against the engine of the earlier commit extracted
 * into `beforeDir` (bench/engine-at.ts) when it is there; null without the kernel.
 */
export async function limitInChromium(browser: Browser, root: string, beforeDir: string): Promise<ChromiumLimit | null> {
  const kernel = resolve(root, '../shared/bench/limit-kernel.ts');
  if (!existsSync(kernel)) return null;
  const before = existsSync(join(beforeDir, 'src/engine/forecast.ts')) ? beforeDir : null;
  const dir = join(root, 'node_modules', '.cache', 'deterrence-lab-bench', 'limit-page');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(dir, 'entry.js'), entry(root, kernel, before));
  const built = await build({ configFile: false, root: dir, logLevel: 'warn', build: { write: false, minify: false, lib: { entry: join(dir, 'entry.js'), formats: ['iife'], name: 'limit' } } });
  const output = (Array.isArray(built) ? built[0] : built) as { output: { type: string; code?: string }[] };
  const code = output.output.find((o) => o.type === 'chunk')!.code!;
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addScriptTag({ content: code });
    // Each engine reads the March 2021 scenario of its own commit.
    const scenario = (dir: string) => JSON.parse(readFileSync(join(dir, 'scenarios', 'march-2021.json'), 'utf8')) as unknown;
    const inputs = { now: scenario(root), before: before ? scenario(before) : null };
    type Pair = { now: number; before?: number; kernel: number };
    const pairs = await page.evaluate(
      ([input, n, runs]) => (globalThis as unknown as { __limitPairs: (i: unknown, n: number, r: number) => Pair[] }).__limitPairs(input, n, runs),
      [inputs, PAIRS, RUNS] as const,
    );
    return {
      engine: median(pairs.map((p) => p.now)),
      kernel: median(pairs.map((p) => p.kernel)),
      before: before ? median(pairs.map((p) => p.before!)) : null,
      ratio: median(pairs.map((p) => p.now / p.kernel)),
      speedUp: before ? median(pairs.map((p) => p.now / p.before!)) : null,
    };
  } finally {
    await context.close();
  }
}
