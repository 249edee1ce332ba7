/**
 * Paired intervals for the differences between set-ups that share their random numbers (common
 * random numbers), by the batch-means method. A tally holds only counts, so the futures of each
 * set-up are cut into batches of consecutive futures; batch k of every set-up runs the same random
 * streams, so the difference of batch k's shares pairs like with like. The batches are independent
 * and alike (each a block of independent futures), so the mean of the batch differences has the
 * standard error sd / sqrt(B), and a t interval with B - 1 degrees of freedom.
 *
 * The batches come from the engine's own per-set tallies: a forecast drawing from an "ensemble" of
 * B parameter sets that change nothing gives future i of N set floor(i B / N), every future the
 * scenario's own numbers (so exactly the futures of a run without it), and counts per set.
 */
import type { ForecastEnsemble, ForecastTally } from '../engine/forecast';

/** Batches a compared set-up's futures are cut into (fewer when there are fewer futures). */
export const PAIRED_BATCHES = 20;

/** The same, in words, for the note under a table. */
export function pairedMethodNote(batches: number): string {
  return `Differences from the first set-up, with paired 95% intervals: the set-ups share their random numbers, so each one’s futures are cut into ${batches} batches of consecutive futures that face the same random numbers in every set-up, and the interval is the mean of the batch differences ± t(${batches - 1}) × their standard error (batch means).`;
}

/** An ensemble of `batches` sets that change no parameter: it only makes the engine count per batch. */
export function batchEnsemble(batches: number): ForecastEnsemble {
  return { id: `paired-batches-${batches}`, parameters: [], sets: Array.from({ length: batches }, () => []) };
}

/** The batches for a forecast of `runs` futures: at most PAIRED_BATCHES, at least one future each. */
export function batchesFor(runs: number): number {
  return Math.max(1, Math.min(PAIRED_BATCHES, Math.floor(runs)));
}

/** Per batch: its futures, those with the talks alive at the end, and those ended in open war. */
export interface BatchCounts {
  readonly runs: readonly number[];
  readonly alive: readonly number[];
  readonly openWar: readonly number[];
}

/**
 * Splits a tally run with `batchEnsemble` into the tally a run without it gives (the same futures,
 * with no per-set counts, so nothing reads the batches as model uncertainty) and its batch counts.
 */
export function splitBatches(t: ForecastTally): { tally: ForecastTally; batches: BatchCounts } {
  const n = t.setRuns.length;
  const batches = {
    runs: [...t.setRuns],
    alive: Array.from({ length: n }, (_, k) => t.setAlive[k * (t.turns + 1) + t.turns]!),
    openWar: [...t.setOpenWar],
  };
  const tally: ForecastTally = { ...t, ensemble: null, setRuns: [], setAlive: [], setOpenWar: [], setEscalation: [], setEscalationSq: [] };
  return { tally, batches };
}

/** A difference of shares (other minus reference, in [-1, 1]) with its paired 95% interval. */
export interface PairedDifference {
  readonly estimate: number;
  /** Null when there are fewer than two batches to estimate the spread from. */
  readonly lo: number | null;
  readonly hi: number | null;
  readonly batches: number;
}

/** Two-sided 95% quantiles of Student's t for 1 to 30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

export function t975(df: number): number {
  return T975[df - 1] ?? 1.96;
}

export type PairedMeasure = 'alive' | 'openWar';

/**
 * The difference in a share between two set-ups run on the same futures: the estimate is the
 * difference of the whole shares; the interval is the batch means' (see the module's comment).
 * Null when the two were not cut into the same batches (different numbers of futures).
 */
export function pairedDifference(reference: BatchCounts, other: BatchCounts, measure: PairedMeasure): PairedDifference | null {
  const b = reference.runs.length;
  if (b === 0 || other.runs.length !== b || reference.runs.some((n, k) => n !== other.runs[k])) return null;
  const total = reference.runs.reduce((a, n) => a + n, 0);
  const d = reference.runs.map((n, k) => (other[measure][k]! - reference[measure][k]!) / n);
  const estimate = (other[measure].reduce((a, x) => a + x, 0) - reference[measure].reduce((a, x) => a + x, 0)) / total;
  if (b < 2) return { estimate, lo: null, hi: null, batches: b };
  const mean = d.reduce((a, x) => a + x, 0) / b;
  const sd = Math.sqrt(d.reduce((a, x) => a + (x - mean) ** 2, 0) / (b - 1));
  const half = t975(b - 1) * (sd / Math.sqrt(b));
  return { estimate, lo: Math.max(-1, estimate - half), hi: Math.min(1, estimate + half), batches: b };
}

/** The measures compared in pairs, by the ids of the summary's outcomes and the exports' measures. */
export const pairedMeasures = [
  { id: 'talks-alive', count: 'alive' },
  { id: 'open-war', count: 'openWar' },
] as const satisfies readonly { id: string; count: PairedMeasure }[];

/** Each paired measure's difference from the reference set-up, by measure id (a measure without one is left out). */
export function differencesFrom(reference: BatchCounts, other: BatchCounts): Record<string, PairedDifference> {
  return Object.fromEntries(pairedMeasures.flatMap((m) => {
    const d = pairedDifference(reference, other, m.count);
    return d ? [[m.id, d]] : [];
  }));
}

/** Each set-up's paired differences from the first (undefined for the first and for any without batches). */
export function differencesFromFirst(batches: readonly (BatchCounts | undefined)[]): (Record<string, PairedDifference> | undefined)[] {
  const reference = batches[0];
  return batches.map((b, i) => (i > 0 && reference && b ? differencesFrom(reference, b) : undefined));
}
