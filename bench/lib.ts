/** Small helpers shared by the benchmarks: statistics, number formats and budget lines. */
import { availableParallelism, cpus, loadavg } from 'node:os';

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of no values');
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function timeIt<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

/** A whole number with thousands separators: 1,234,567. */
export const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A number with `digits` decimals and thousands separators. */
export const fmtFixed = (n: number, digits: number): string =>
  n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The budget's text, followed by "MISSED" when the measured figure misses it. */
export function budget(text: string, met: boolean): string {
  return met ? `budget ${text}` : `budget ${text}   MISSED`;
}

/** A clear header for one benchmark script's output. */
export function header(title: string): void {
  const line = '='.repeat(Math.max(60, title.length));
  console.log('');
  console.log(line);
  console.log(title);
  console.log(line);
  const cores = availableParallelism();
  const load = loadavg()[0] ?? 0;
  console.log(`machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${cores} core(s), Node ${process.version}, load average ${load.toFixed(2)}`);
  if (load > cores / 2) console.log('note: the machine is busy (load average above half its cores): figures may be low and noisy');
}
