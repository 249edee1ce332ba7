/**
 * Shard files on disk: `forecast --shard i/n` writes one; `merge` reads them, checks they are parts
 * of one forecast that cover every run exactly once, and adds them up (the format and its checks:
 * src/scenario/files/shard-file.ts).
 */
import { readFileSync } from 'node:fs';
import type { ForecastTally } from '../engine/forecast';
import { parseShard, shardFile, type ShardFile } from '../scenario/files/shard-file';
import { renderJson } from './format';
import { InputError } from './load';
import type { RunProvenance } from '../analysis/exports';

export { digestOf, type ShardFile } from '../scenario/files/shard-file';

/** The text of a shard file. */
export function writeShard(p: RunProvenance, shard: ShardFile['shard'], digests: ShardFile['digests'], tally: ForecastTally): string {
  const file = shardFile(p as ShardFile['provenance'], shard, digests, tally as ShardFile['tally']);
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
  const r = parseShard(raw);
  if (!r.ok) throw new InputError(file, r.errors);
  return r.value;
}
