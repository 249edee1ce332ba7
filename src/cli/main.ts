/**
 * The headless CLI: `deterrence-lab <command>` (or `npm run cli -- <command>`).
 * Commands route to engine functions; they hold no model logic of their own.
 */
import { fileURLToPath } from 'node:url';
import { z } from '../scenario/zod';
import { scenarioSchema } from '../scenario/schema';
import { UsageError } from './args';
import { backtestCommand, backtestSpec } from './commands/backtest';
import { calibrateCommand, calibrateSpec } from './commands/calibrate';
import { ensembleCommand, ensembleSpec } from './commands/ensemble';
import { forecastCommand, forecastSpec } from './commands/forecast';
import { mergeCommand, mergeSpec } from './commands/merge';
import { paramsCommand, paramsSpec } from './commands/params';
import { play, playSpec } from './commands/play';
import { replayCommand, replaySpec } from './commands/replay';
import { sensitivityCommand, sensitivitySpec } from './commands/sensitivity';
import { sweepCommand, sweepSpec } from './commands/sweep';
import { tournamentCommand, tournamentSpec } from './commands/tournament';
import { validate, validateSpec } from './commands/validate';
import { renderJson } from './format';
import { formatErrors, InputError } from './load';
import { processIo, type Io } from './io';
import { commandHelp, defineCommand, parseCommand, usageLines, type CommandSpec } from './options';

const schemaSpec = defineCommand({ name: 'schema', args: '', summary: 'print the scenario format as JSON Schema', options: {} });

function schemaCommand(args: readonly string[], io: Io): number {
  if (!parseCommand(schemaSpec, args, io)) return 0;
  io.out(renderJson(scenarioJsonSchema()));
  return 0;
}

interface Command {
  readonly spec: CommandSpec;
  run(args: readonly string[], io: Io): number | Promise<number>;
}

/** Every command with its option table (which parses its arguments and writes its help), in the usage's order. */
export const commands: readonly Command[] = [
  { spec: validateSpec, run: validate },
  { spec: playSpec, run: play },
  { spec: forecastSpec, run: forecastCommand },
  { spec: mergeSpec, run: mergeCommand },
  { spec: tournamentSpec, run: tournamentCommand },
  { spec: sweepSpec, run: sweepCommand },
  { spec: sensitivitySpec, run: sensitivityCommand },
  { spec: paramsSpec, run: paramsCommand },
  { spec: replaySpec, run: replayCommand },
  { spec: schemaSpec, run: schemaCommand },
  { spec: calibrateSpec, run: calibrateCommand },
  { spec: backtestSpec, run: backtestCommand },
  { spec: ensembleSpec, run: ensembleCommand },
];

/** The top-level help, written from the commands' option tables. */
export const usage = [
  'Usage: deterrence-lab <command> [options]',
  '       deterrence-lab <command> --help     every option of a command, with what it does',
  '',
  'Commands:',
  ...commands.flatMap((c) => usageLines(c.spec)),
  '',
  'A scenario is a file path or a bundled scenario id (default: march-2021).',
  'Strategies: doctrine, tit-for-tat, proportional, grim-trigger, restraint, hawk, random',
  '(and historical, where the scenario has a record).',
  'Parameters are dotted paths by id, e.g. dynamics.misperception, actors.us.doctrine.reciprocity,',
  'moves.militia.rockets.outcomes.us-killed.probability.base (see params).',
  'CSV output repeats the provenance (version, scenario, seed, runs, strategies, parameters, date) as',
  'leading columns on every row; JSON output carries it as a provenance block. --no-date leaves the',
  'date out, for output that compares byte for byte.',
  '',
].join('\n');

/** The scenario format as JSON Schema, for editors. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      const topic = command === 'help' ? commands.find((c) => c.spec.name === rest[0]) : undefined;
      io.out(topic ? commandHelp(topic.spec) : usage);
      return command === undefined ? 2 : 0;
    }
    const found = commands.find((c) => c.spec.name === command);
    if (found) return await found.run(rest, io);
    io.err(`unknown command "${command}"\n\n${usage}`);
    return 2;
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`${formatErrors(e.file, e.errors)}\n`);
      return 1;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${command}: ${(e as Error).message}\n`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.exitCode = await main(process.argv.slice(2));
}
