/**
 * The headless CLI: `deterrence-lab <command>` (or `npm run cli -- <command>`).
 * Commands route to engine functions; they hold no model logic of their own.
 */
import { fileURLToPath } from 'node:url';
import { z } from '../scenario/zod';
import { scenarioSchema } from '../scenario/schema';
import { UsageError } from './args';
import { backtestCommand } from './commands/backtest';
import { calibrateCommand } from './commands/calibrate';
import { ensembleCommand } from './commands/ensemble';
import { forecastCommand } from './commands/forecast';
import { mergeCommand } from './commands/merge';
import { paramsCommand } from './commands/params';
import { play } from './commands/play';
import { replayCommand } from './commands/replay';
import { sensitivityCommand } from './commands/sensitivity';
import { sweepCommand } from './commands/sweep';
import { tournamentCommand } from './commands/tournament';
import { validate } from './commands/validate';
import { renderJson } from './format';
import { formatErrors, InputError } from './load';
import { processIo, type Io } from './io';

export const usage = `Usage: deterrence-lab <command> [options]

Commands:
  validate <file...>             check scenario files; prints every error with its path (exit 1 on errors)
  play [scenario]                play one game with AI policies, turn by turn
      --seed N --turns N --policy actor=strategy ... --format table|csv|json --save game.json
  forecast [scenario]            Monte Carlo summary of many futures
      --runs N (10000) --seed N --turns N --policy actor=strategy ... --set PATH=VALUE ...
      --threads N --from game.json --format table|csv|json --out file --no-date
      --shard i/n                run only the i-th of n chunks of the runs; writes its tally (JSON) for merge
  merge <shard.json...>          add up the shards of one forecast; prints what forecast prints
      --scenario file --format table|csv|json|tally --no-date
  tournament [scenario]          every strategy of one actor against every strategy of another
      --us a,b,... --iran x,y,... (or --strategies actor=a,b,... twice; default: the first two
      actors, every strategy) --runs N (1000) --seed N --turns N --policy actor=strategy ...
      --set PATH=VALUE ... --threads N --format table|csv|json --no-date
  sweep [scenario]               forecasts over a grid of one or two parameters
      --param PATH --from A --to B --steps N (5) [--param2 PATH --from2 A --to2 B --steps2 N]
      --runs N (1000) --seed N --turns N --policy actor=strategy ... --set PATH=VALUE ...
      --threads N --format table|csv|json --no-date
  sensitivity [scenario]         which judgements move the outcomes most: Morris screening over the
      scenario's priors, one factor per prior rule, ranked by mu* (mean |elementary effect|)
      --method morris|tornado (morris) --trajectories R (10) --runs N (300 futures per point)
      --seed N --turns N --policy actor=strategy ... --threads N --format table|csv|json --no-date
  params [scenario]              list the parameter paths --set and --param accept, with their values
      --format table|csv|json
  replay <game.json>             replay a saved game and print its final state
      --scenario file --format table|csv|json
  schema                         print the scenario format as JSON Schema
  calibrate [scenario]           the calibration report: the record replayed (correlation), base rates
      of AI games against the record's (pass/fail), and a sensitivity ranking (default scenario:
      road-to-march-2021) --games N (500) --seed N --forecast scenario (march-2021)
      --sensitivity-runs N (400; 0 skips it) --threads N --out report.md --svg chart.svg
      --morris-trajectories N (8; 0 skips the Morris screening over the priors)
  backtest [scenario]            the out-of-sample back-test: the record split at a date; the model's
      AI futures and two naive forecasts (persistence, climatology) made from the weeks before it,
      scored on the weeks after it (Brier, CRPS, coverage; default scenario: road-to-march-2021)
      --runs N (2000) --seed N (1) --split YYYY-MM-DD (2020-09-30) --format table|json
      (section 7 of the calibrate report; calibrate --backtest-runs N (2000; 0 skips it))
  ensemble [scenario]            the calibrated ensemble: parameter sets drawn from the scenario's
      priors, kept where the record and the rates before the start are reproduced (history
      matching) --record scenario (road-to-march-2021) --draws N (1500) --games N (12) --seed N
      (2021) --min-replay-r R (0.6) --keep N (100: the first N kept) --threads N --out file
      --shard i/n                judge only the i-th of n parts of the draws; writes them for --merge
      --merge <shard.json...>    put the parts together: the file one run writes, byte for byte

A scenario is a file path or a bundled scenario id (default: march-2021).
Strategies: doctrine, tit-for-tat, proportional, grim-trigger, restraint, hawk, random
(and historical, where the scenario has a record).
Parameters are dotted paths by id, e.g. dynamics.misperception, actors.us.doctrine.reciprocity,
moves.militia.rockets.outcomes.us-killed.probability.base (see params).
CSV output repeats the provenance (version, scenario, seed, runs, strategies, parameters, date) as
leading columns on every row; JSON output carries it as a provenance block. --no-date leaves the
date out, for output that compares byte for byte.
`;

/** The scenario format as JSON Schema, for editors. */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}

export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'validate':
        return validate(rest, io);
      case 'play':
        return play(rest, io);
      case 'forecast':
        return await forecastCommand(rest, io);
      case 'ensemble':
        return await ensembleCommand(rest, io);
      case 'merge':
        return mergeCommand(rest, io);
      case 'tournament':
        return await tournamentCommand(rest, io);
      case 'sweep':
        return await sweepCommand(rest, io);
      case 'sensitivity':
        return await sensitivityCommand(rest, io);
      case 'params':
        return paramsCommand(rest, io);
      case 'replay':
        return replayCommand(rest, io);
      case 'schema':
        io.out(renderJson(scenarioJsonSchema()));
        return 0;
      case 'calibrate':
        return await calibrateCommand(rest, io);
      case 'backtest':
        return backtestCommand(rest, io);
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(usage);
        return command === undefined ? 2 : 0;
      default:
        io.err(`unknown command "${command}"\n\n${usage}`);
        return 2;
    }
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
