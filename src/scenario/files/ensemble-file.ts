/**
 * Ensemble files: the parameter sets of a scenario that history matching kept (src/analysis/
 * ensemble.ts), beside the scenario as `scenarios/<id>.ensemble.json`, with how they were made.
 * Shards (`deterrence-lab ensemble --shard i/n`) hold every draw of their part, kept or not, so
 * that `ensemble --merge` can check the parts cover the draws once and rebuild exactly one run's file.
 */
import { z } from '../zod';
import type { ParseResult } from '../parse';
import { check, upgrade, type FileFormat } from './versioned';

export const ENSEMBLE_KIND = 'deterrence-lab/ensemble';
export const ENSEMBLE_SHARD_KIND = 'deterrence-lab/ensemble-shard';
export const ENSEMBLE_VERSION = 1;

/** At most this many sets in an ensemble and draws in a run (a file is read as untrusted input). */
export const MAX_ENSEMBLE_SETS = 10_000;
export const MAX_ENSEMBLE_DRAWS = 10_000_000;
export const MAX_ENSEMBLE_PARAMETERS = 2_000;

export const verdicts = ['kept', 'format', 'replay', 'record-rates', 'start-rates'] as const;

const whole = (min = 0) => z.number().int().min(min);

export const ensembleMethod = z.strictObject({
  name: z.literal('history matching'),
  /** The scenario whose record the sets were matched against. */
  record: z.string().min(1).max(100),
  seed: whole(),
  /** Draws [0, draws) from the priors were judged. */
  draws: whole(1).max(MAX_ENSEMBLE_DRAWS),
  /** AI games per scenario and draw. */
  games: whole(1),
  /** At most this many of the kept draws (the first, by draw) make the ensemble. */
  keep: whole(1).max(MAX_ENSEMBLE_SETS),
  minReplayR: z.number().min(-1).max(1),
  /** The last day of the record the calibration used. */
  dataThrough: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type EnsembleMethod = z.infer<typeof ensembleMethod>;

const counts = z.strictObject(Object.fromEntries(verdicts.map((v) => [v, whole()])) as Record<(typeof verdicts)[number], ReturnType<typeof whole>>);

const header = {
  schemaVersion: z.literal(ENSEMBLE_VERSION),
  scenarioId: z.string().min(1).max(100),
  /** The digest of the scenario (priors included) the draws were made from. */
  scenarioDigest: z.string().regex(/^[0-9a-f]{64}$/),
  method: ensembleMethod,
  /** The parameters each set gives values for, in order. */
  parameters: z.array(z.string().min(1).max(500)).min(1).max(MAX_ENSEMBLE_PARAMETERS),
};

const set = z.strictObject({ draw: whole(), values: z.array(z.number().finite()) });

export const ensembleSchema = z
  .strictObject({
    kind: z.literal(ENSEMBLE_KIND),
    ...header,
    /** How many draws met each verdict. */
    verdicts: counts,
    sets: z.array(set).min(1).max(MAX_ENSEMBLE_SETS),
  })
  .superRefine((f, ctx) => {
    f.sets.forEach((s, i) => {
      if (s.values.length !== f.parameters.length) ctx.addIssue({ code: 'custom', path: ['sets', i, 'values'], message: `expected ${f.parameters.length} values (one per parameter), got ${s.values.length}` });
      if (s.draw >= f.method.draws) ctx.addIssue({ code: 'custom', path: ['sets', i, 'draw'], message: `draw ${s.draw} is not among the ${f.method.draws} draws` });
      if (i > 0 && s.draw <= f.sets[i - 1]!.draw) ctx.addIssue({ code: 'custom', path: ['sets', i, 'draw'], message: 'sets must be in increasing draw order, each once' });
    });
    const expected = Math.min(f.verdicts.kept, f.method.keep);
    if (expected !== f.sets.length) ctx.addIssue({ code: 'custom', path: ['sets'], message: `${f.verdicts.kept} draws were kept (at most ${f.method.keep} used), but the file has ${f.sets.length} sets` });
  });
export type EnsembleFile = z.infer<typeof ensembleSchema>;

export const ensembleShardSchema = z.strictObject({
  kind: z.literal(ENSEMBLE_SHARD_KIND),
  ...header,
  shard: z.strictObject({ first: whole(), count: whole(1) }),
  /** Every draw of the shard: its verdict and, when kept, its values. */
  draws: z.array(z.strictObject({ draw: whole(), verdict: z.enum(verdicts), values: z.array(z.number().finite()).optional() })).max(MAX_ENSEMBLE_DRAWS),
});
export type EnsembleShard = z.infer<typeof ensembleShardSchema>;

const formatOf = (kind: string, noun: string): FileFormat => ({ kind, noun, version: ENSEMBLE_VERSION, kindSince: 1, steps: [] });

export function parseEnsemble(raw: unknown): ParseResult<EnsembleFile> {
  const upgraded = upgrade(raw, formatOf(ENSEMBLE_KIND, 'ensemble file'));
  return upgraded.ok ? check(ensembleSchema, upgraded.value) : upgraded;
}

export function parseEnsembleShard(raw: unknown): ParseResult<EnsembleShard> {
  const upgraded = upgrade(raw, formatOf(ENSEMBLE_SHARD_KIND, 'ensemble shard'));
  return upgraded.ok ? check(ensembleShardSchema, upgraded.value) : upgraded;
}

/** A set's values by parameter path. */
export function setValues(f: Pick<EnsembleFile, 'parameters'>, values: readonly number[]): Record<string, number> {
  return Object.fromEntries(f.parameters.map((p, i) => [p, values[i]!]));
}
