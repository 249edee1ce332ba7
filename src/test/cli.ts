/** Runs the CLI's `main` in this process with captured streams: no spawn, so a check costs milliseconds. */
import { main } from '../cli/main';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

export async function runCli(...argv: string[]): Promise<CliResult> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t), errIsTTY: false });
  return { code, out, err };
}

/** Parses output that must have succeeded. */
export async function cliOk(...argv: string[]): Promise<string> {
  const r = await runCli(...argv);
  if (r.code !== 0) throw new Error(`exit ${r.code}: ${r.err}`);
  return r.out;
}
