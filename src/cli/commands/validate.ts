/** `validate <file>`: every error with its path; exit code 1 on errors. */
import { formatErrors, InputError, loadScenario } from '../load';
import type { Io } from '../io';
import { defineCommand, parseCommand } from '../options';

export const validateSpec = defineCommand({
  name: 'validate',
  args: '<file...>',
  summary: 'check scenario files; prints every error with its path (exit 1 on errors)',
  options: {},
});

export function validate(args: readonly string[], io: Io): number {
  const parsed = parseCommand(validateSpec, args, io);
  if (!parsed) return 0;
  const files = parsed.positionals;
  if (files.length === 0) {
    io.err('validate: give one or more scenario files\n');
    return 2;
  }
  let failed = 0;
  for (const f of files) {
    try {
      const { scenario, file } = loadScenario(f);
      io.out(`${file}: ok (${scenario.id}: ${scenario.actors.length} actors, ${scenario.moves.length} moves, ${scenario.events.length} events)\n`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      failed += 1;
      io.out(`${formatErrors(e.file, e.errors)}\n`);
      io.err(`${e.file}: ${e.errors.length} error(s)\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
