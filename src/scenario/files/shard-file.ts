/**
 * Forecast shards: one machine's part of a forecast, as the raw tally (integer counts) with the
 * provenance needed to check it belongs with the others. `forecast --shard i/n` writes one; `merge`
 * reads them as untrusted input.
 *
 * Versions: 1 named its kind and version `format` and `formatVersion`; 2 uses `kind` and
 * `schemaVersion` like every other file.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import type { ParseResult, ScenarioError } from '../parse';
import { strategyIds, type Scenario } from '../schema';
import { check, upgrade, type FileFormat } from './versioned';

export const SHARD_KIND = 'deterrence-lab/forecast-shard';
export const SHARD_VERSION = 2;

export const shardFormat: FileFormat = {
  kind: SHARD_KIND,
  noun: 'forecast shard',
  version: SHARD_VERSION,
  legacyVersionKey: 'formatVersion',
  kindSince: 2,
  steps: [
    {
      from: 1,
      name: 'format and formatVersion become kind and schemaVersion, as in every other file',
      up: ({ format: _format, ...rest }) => rest,
    },
  ],
};

const count = z.number().int().min(0);
const counts = z.array(count);

const tallySchema = z
  .object({
    scenarioId: z.string().min(1),
    seed: count,
    startTurn: count,
    turns: count,
    strategies: z.array(z.enum(strategyIds)).readonly(),
    firstRun: count,
    runs: z.number().int().min(1),
    bins: z.number().int().min(1),
    escalation: counts,
    phases: counts,
    finalRung: counts,
    openWar: count,
    endedByTalks: count,
    resolvedTurns: count,
    counterSums: z.array(z.number().int()),
    counterAny: counts,
  })
  .strict()
  .superRefine((t, ctx) => {
    const bad = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const weeks = t.turns + 1;
    if (t.escalation.length !== weeks * t.bins) bad('escalation', `expected ${weeks} weeks of ${t.bins} bins`);
    if (t.phases.length % weeks !== 0) bad('phases', `expected ${weeks} weeks of phase counts`);
    for (let k = 0; k < weeks && t.escalation.length === weeks * t.bins; k++) {
      const sum = t.escalation.slice(k * t.bins, (k + 1) * t.bins).reduce((a, b) => a + b, 0);
      if (sum !== t.runs) bad('escalation', `week ${k} counts ${sum} futures, not ${t.runs}`);
    }
    if (t.finalRung.reduce((a, b) => a + b, 0) !== t.runs) bad('finalRung', `expected counts adding up to ${t.runs}`);
    if (t.counterSums.length !== t.counterAny.length) bad('counterAny', 'expected one count per counter sum');
  });

const provenanceSchema = z
  .object({
    app: z.string(),
    version: z.string(),
    scenario: z.string().min(1),
    schemaVersion: z.number().int().min(1),
    seed: count,
    runs: z.number().int().min(1),
    turns: count,
    startTurn: count,
    strategies: z.record(z.string(), z.enum(strategyIds)),
    parameters: z.record(z.string(), z.number().finite()),
    from: z.string().nullable(),
    generated: z.string().optional(),
  })
  .strict();

export const shardSchema = z
  .object({
    kind: z.literal(SHARD_KIND),
    schemaVersion: z.literal(SHARD_VERSION),
    provenance: provenanceSchema,
    shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).strict(),
    /** SHA-256 of the scenario (with its parameter overrides) and of the start state, as JSON. */
    digests: z.object({ scenario: z.string(), start: z.string() }).strict(),
    tally: tallySchema,
  })
  .strict();

export type ShardFile = z.infer<typeof shardSchema>;

/** SHA-256 of a value's JSON, as hex: how shards tell that they start from the same scenario and state. */
export function digestOf(value: Scenario | object): string {
  return bytesToHex(sha256(utf8ToBytes(JSON.stringify(value))));
}

/** Parses a shard of any version and checks that its tally agrees with its provenance. Never throws. */
export function parseShard(raw: unknown): ParseResult<ShardFile> {
  const upgraded = upgrade(raw, shardFormat);
  if (!upgraded.ok) return upgraded;
  const r = check(shardSchema, upgraded.value);
  if (!r.ok) return r;
  const { provenance: p, tally: t } = r.value;
  const errors: ScenarioError[] = [];
  const differ = (path: string, what: string) => errors.push({ path, code: 'inconsistent', message: `the tally's ${what} differs from the provenance` });
  if (t.scenarioId !== p.scenario) differ('tally.scenarioId', 'scenario');
  if (t.seed !== p.seed) differ('tally.seed', 'seed');
  if (t.turns !== p.turns) differ('tally.turns', 'weeks');
  if (t.startTurn !== p.startTurn) differ('tally.startTurn', 'start week');
  if (t.strategies.join() !== Object.values(p.strategies).join()) differ('tally.strategies', 'strategies');
  if (t.firstRun + t.runs > p.runs) errors.push({ path: 'tally.runs', code: 'out-of-range', message: `runs [${t.firstRun}, ${t.firstRun + t.runs}) go past the forecast's ${p.runs}` });
  return errors.length > 0 ? { ok: false, errors } : r;
}

/** The JSON of a shard file (the parser's inverse), before its layout. */
export function shardFile(p: ShardFile['provenance'], shard: ShardFile['shard'], digests: ShardFile['digests'], tally: ShardFile['tally']): ShardFile {
  return { kind: SHARD_KIND, schemaVersion: SHARD_VERSION, provenance: p, shard, digests, tally };
}
