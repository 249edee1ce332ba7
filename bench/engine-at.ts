/**
 * The engine and scenarios of an earlier commit, beside today's, for benches that measure a change
 * as a ratio in one run: the commit's `src/` and `scenarios/` are extracted from git (`git archive`)
 * into node_modules/.cache/deterrence-lab-bench/before-COMMIT once, and imported from there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export type Forecast = (s: unknown, state: unknown, o: { runs: number; seed: number; turns: number }, first: number, count: number) => { resolvedTurns: number };

/** A Monte Carlo loop to time: a forecast function, its scenario and a start state. */
export interface Loop {
  readonly forecast: Forecast;
  readonly scenario: { actors: unknown[] };
  readonly start: unknown;
}

/** The last commit before the round of speed work on the engine for issue 13 (bench/limit.bench.ts, bench/browser.bench.ts). */
export const BEFORE_SPEED_WORK = '096431d';

/** Where the commit's files are extracted. */
export function commitDir(commit: string): string {
  return resolve(process.cwd(), 'node_modules/.cache/deterrence-lab-bench', `before-${commit}`);
}

/** Extracts the commit's `src/` and `scenarios/` (once); returns their folder, or null when git cannot. */
export function extractCommit(commit: string): string | null {
  const dir = commitDir(commit);
  try {
    if (!existsSync(resolve(dir, 'src/engine/forecast.ts'))) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const archive = execFileSync('git', ['archive', '--format=tar', commit, 'src', 'scenarios'], { maxBuffer: 64 << 20, stdio: ['ignore', 'pipe', 'ignore'] });
      execFileSync('tar', ['-x', '-C', dir], { input: archive });
      // As in the project: ES modules (a folder under node_modules would otherwise be read as CommonJS).
      writeFileSync(resolve(dir, 'package.json'), '{ "type": "module" }\n');
    }
    return dir;
  } catch {
    return null;
  }
}

/** The March 2021 loop of the engine at `commit` (with that commit's scenario), or null when git cannot extract it. */
export async function loopAt(commit: string, scenarioId = 'march-2021'): Promise<Loop | null> {
  const dir = extractCommit(commit);
  if (!dir) return null;
  try {
    const at = (p: string) => pathToFileURL(resolve(dir, p)).href;
    const { forecastChunk: forecast } = (await import(at('src/engine/forecast.ts'))) as { forecastChunk: Forecast };
    const { initialState: init } = (await import(at('src/engine/state.ts'))) as { initialState: (s: unknown, seed: number) => unknown };
    const { loadScenario: load } = (await import(at('src/cli/load.ts'))) as { loadScenario: (p: string) => { scenario: { actors: unknown[] } } };
    const { scenario } = load(resolve(dir, `scenarios/${scenarioId}.json`));
    return { forecast, scenario, start: init(scenario, 1) };
  } catch {
    return null;
  }
}

/** The limit kernel of `../shared/bench/limit-kernel.ts`, or null when that folder is not beside the project. */
export async function limitKernel(): Promise<{ file: string; run: ((runs: number, turns: number, seed: number) => { resolved: number }) | null }> {
  const file = resolve(process.cwd(), '../shared/bench/limit-kernel.ts');
  if (!existsSync(file)) return { file, run: null };
  const { makeKernel } = (await import(pathToFileURL(file).href)) as { makeKernel: (seed: number) => (runs: number, turns: number, seed: number) => { resolved: number } };
  return { file, run: makeKernel(7) };
}

/** CPU time (user + system) of `f`, robust to a busy machine in a way wall time is not. */
export function cpu<T>(f: () => T): { ms: number; value: T } {
  const c0 = process.cpuUsage();
  const value = f();
  const c = process.cpuUsage(c0);
  return { ms: (c.user + c.system) / 1000, value };
}
