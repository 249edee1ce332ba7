/**
 * Shard files: one machine's part of a forecast, as the raw tally (integer counts) with the
 * provenance needed to check it belongs with the others. `forecast --shard i/n` writes one; `merge`
 * reads them as untrusted input, checks they are parts of one forecast that cover every run exactly
 * once, and adds them up: the result is exactly the tally of the forecast run in one go.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { ForecastTally } from '../engine/forecast';
import type { GameState } from '../engine/state';
import { formatPath, type ScenarioError } from '../scenario/parse';
import { strategyIds, type Scenario } from '../scenario/schema';
import { renderJson } from './format';
import { InputError } from './load';
import type { RunProvenance } from './provenance';

export const SHARD_FORMAT = 'deterrence-lab-forecast-tally';
export const SHARD_VERSION = 1;

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
    format: z.literal(SHARD_FORMAT),
    formatVersion: z.literal(SHARD_VERSION),
    provenance: provenanceSchema,
    shard: z.object({ index: z.number().int().min(1), count: z.number().int().min(1) }).strict(),
    /** SHA-256 of the scenario (with its parameter overrides) and of the start state, as JSON. */
    digests: z.object({ scenario: z.string(), start: z.string() }).strict(),
    tally: tallySchema,
  })
  .strict();

export type ShardFile = z.infer<typeof shardSchema>;

export function digestOf(value: Scenario | GameState): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

/** The text of a shard file. */
export function writeShard(p: RunProvenance, shard: ShardFile['shard'], digests: ShardFile['digests'], tally: ForecastTally): string {
  const file: ShardFile = { format: SHARD_FORMAT, formatVersion: SHARD_VERSION, provenance: p, shard, digests, tally };
  // Thousands of counts one per line would bury the provenance: keep each array of counts on one line.
  return renderJson(file).replace(/\[\s+(-?\d[-\d,\s]*?)\s+\]/g, (_, body: string) => `[${body.replace(/\s+/g, '')}]`);
}

/** Reads and checks one shard file; every problem names the file and the path inside it. */
export function readShard(file: string): ShardFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InputError(file, [{ path: '', code: 'unreadable', message: (e as Error).message }]);
  }
  const r = shardSchema.safeParse(raw);
  if (!r.success) throw new InputError(file, r.error.issues.map((i) => ({ path: formatPath(i.path), code: i.code, message: i.message })));
  const { provenance: p, tally: t } = r.data;
  const errors: ScenarioError[] = [];
  const differ = (path: string, what: string) => errors.push({ path, code: 'inconsistent', message: `the tally's ${what} differs from the provenance` });
  if (t.scenarioId !== p.scenario) differ('tally.scenarioId', 'scenario');
  if (t.seed !== p.seed) differ('tally.seed', 'seed');
  if (t.turns !== p.turns) differ('tally.turns', 'weeks');
  if (t.startTurn !== p.startTurn) differ('tally.startTurn', 'start week');
  if (t.strategies.join() !== Object.values(p.strategies).join()) differ('tally.strategies', 'strategies');
  if (t.firstRun + t.runs > p.runs) errors.push({ path: 'tally.runs', code: 'out-of-range', message: `runs [${t.firstRun}, ${t.firstRun + t.runs}) go past the forecast's ${p.runs}` });
  if (errors.length > 0) throw new InputError(file, errors);
  return r.data;
}
