/**
 * Every command's options as one table that both parses them (node:util `parseArgs` reads `type`,
 * `multiple` and `short` and ignores the rest) and writes its `--help` and the top-level usage, so
 * the help and the parser cannot drift apart. The options shared by the batch commands (forecast,
 * tournament, sweep) are declared once, in `batchOptions`.
 */
import { parseArgs } from 'node:util';
import type { Io } from './io';
import { grouped } from '../scenario/numbers';

/** One option: what `parseArgs` needs, and what the help says about it. */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly short?: string;
  /** The value's placeholder in the help (`N`, `PATH=VALUE`); only for string options. */
  readonly value?: string;
  /** What it does, with its default, in a few words. */
  readonly description: string;
}

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec<O extends OptionTable = OptionTable> {
  readonly name: string;
  /** The arguments after the name, e.g. `[scenario]` or `<file...>`. */
  readonly args: string;
  /** One line: what the command does. */
  readonly summary: string;
  readonly options: O;
  /** Paragraphs printed after the options in `--help`. */
  readonly notes?: readonly string[];
}

export const helpOption = { help: { type: 'boolean', short: 'h', description: 'print this help and exit' } } as const satisfies OptionTable;

/** A command's spec with `--help` (`-h`) added to its options. */
export function defineCommand<const O extends OptionTable>(spec: CommandSpec<O>): CommandSpec<O & typeof helpOption> {
  return { ...spec, options: { ...spec.options, ...helpOption } };
}

const formatValues = 'table|csv|json';

/**
 * The options every batch of forecasts takes (forecast, tournament, sweep), declared once; `runs`
 * is the default number of futures per forecast, `tables` the CSV tables the command writes.
 */
export function batchOptions(runs: number, tables: readonly string[]) {
  return {
    runs: { type: 'string', value: 'N', description: `futures per forecast (default ${grouped(runs)})` },
    seed: { type: 'string', value: 'N', description: 'the seed (default 1; the forecasts of a batch all use it: common random numbers)' },
    turns: { type: 'string', value: 'N', description: 'weeks ahead (default: the weeks left in the scenario)' },
    policy: { type: 'string', multiple: true, value: 'actor=strategy', description: 'an AI strategy for an actor (repeatable; default: its doctrine)' },
    set: { type: 'string', multiple: true, value: 'PATH=VALUE', description: 'change a scenario parameter (repeatable; see `params`)' },
    threads: { type: 'string', value: 'N', description: 'worker threads (default: one per core)' },
    format: { type: 'string', value: formatValues, description: 'output format (default table)' },
    table: { type: 'string', value: tables.join('|'), description: `the CSV's table: ${tables.map((t, i) => (i === 0 ? `${t} (default)` : t)).join(', ')}` },
    'no-date': { type: 'boolean', description: 'leave out when the output was made, so outputs compare byte for byte' },
  } as const satisfies OptionTable;
}

/** `--runs N`, `--policy actor=strategy ...`, `--point`: an option as the usage writes it. */
function optionWords(name: string, o: OptionSpec): string {
  const value = o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : '';
  return `--${name}${value}${o.multiple ? ' ...' : ''}`;
}

function wrap(words: readonly string[], indent: string, width = 100): string[] {
  const lines: string[] = [];
  let line = indent;
  for (const w of words) {
    if (line.length > indent.length && line.length + 1 + w.length > width) {
      lines.push(line);
      line = indent;
    }
    line += line.length > indent.length ? ` ${w}` : w;
  }
  if (line.length > indent.length) lines.push(line);
  return lines;
}

/** What `<command> --help` prints: the synopsis, the summary, every option with its description, the notes. */
export function commandHelp(spec: CommandSpec): string {
  const entries = Object.entries(spec.options).map(([name, o]) => [`${o.short ? `-${o.short}, ` : '    '}${optionWords(name, o)}`, o.description] as const);
  const width = Math.min(36, Math.max(...entries.map(([left]) => left.length)) + 2);
  const lines = entries.flatMap(([left, text]) => {
    const body = wrap(text.split(' '), ' '.repeat(2 + width), 100);
    const first = `  ${left}`;
    if (first.length + 2 <= 2 + width) return [`${first.padEnd(2 + width)}${body[0]!.trimStart()}`, ...body.slice(1)];
    return [first, ...body];
  });
  const notes = (spec.notes ?? []).flatMap((n) => ['', ...wrap(n.split(' '), '', 100)]);
  return [`Usage: deterrence-lab ${spec.name} ${spec.args ? `${spec.args} ` : ''}[options]`, '', spec.summary, '', 'Options:', ...lines, ...notes, ''].join('\n');
}

/** The command's lines in the top-level usage: its synopsis and summary, then its options in short. */
export function usageLines(spec: CommandSpec): string[] {
  const head = `  ${`${spec.name} ${spec.args}`.trim()}`;
  const summary = wrap(spec.summary.split(' '), ' '.repeat(33));
  const first = head.length < 33 ? [`${head.padEnd(33)}${summary[0]!.trimStart()}`, ...summary.slice(1)] : [head, ...summary];
  const options = Object.entries(spec.options)
    .filter(([name]) => name !== 'help')
    .map(([name, o]) => optionWords(name, o));
  return [...first, ...wrap(options, '      ')];
}

/** Is help asked for (`--help` or `-h` before any `--`)? */
function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}

/**
 * Parses a command's arguments against its table; with `--help` (or `-h`) it prints the help
 * instead and returns null, whatever else was given.
 */
export function parseCommand<const O extends OptionTable>(spec: CommandSpec<O>, args: readonly string[], io: Pick<Io, 'out'>) {
  if (wantsHelp(args)) {
    io.out(commandHelp(spec));
    return null;
  }
  return parseArgs({ args: [...args], allowPositionals: true, strict: true, options: spec.options });
}
