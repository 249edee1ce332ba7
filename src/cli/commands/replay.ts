/** `replay <game.json>`: replays a saved game's log and prints its final state. */
import { replay } from '../../engine/game';
import { rungOf } from '../../engine/ladder';
import { formatOption } from '../args';
import { renderCsv, renderJson, renderTable, type Table } from '../format';
import type { Io } from '../io';
import { loadGame } from '../load';
import { defineCommand, parseCommand } from '../options';
import { gameTable } from './play';

export const replaySpec = defineCommand({
  name: 'replay',
  args: '<game.json>',
  summary: 'replay a saved game and print its final state',
  options: {
    scenario: { type: 'string', value: 'FILE', description: 'the scenario file to replay on (default: the bundled scenario the game names)' },
    format: { type: 'string', value: 'table|csv|json', description: 'output format (default table)' },
  },
});

export function replayCommand(args: readonly string[], io: Io): number {
  const parsed = parseCommand(replaySpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const file = positionals[0];
  if (!file) {
    io.err('replay: give a saved game file (made by `play --save game.json`)\n');
    return 2;
  }
  const { game, scenario, notice } = loadGame(file, values.scenario);
  if (notice) io.err(`${file}: ${notice}\n`);
  const format = formatOption(values.format);
  const { states, error } = replay(scenario, game);
  if (error) {
    io.err(`${file}: log[${error.entry}]: week ${error.turn + 1}: ${error.message}\n`);
    return 1;
  }
  const end = states[states.length - 1]!;
  const vars: Table = { columns: ['variable', 'value'], rows: Object.entries(end.vars).map(([k, v]) => [k, v]) };
  if (format === 'json') io.out(renderJson(end));
  else if (format === 'csv') io.out(renderCsv(vars));
  else {
    io.out(`${scenario.title}: seed ${game.seed}, ${states.length - 1} weeks replayed\n\n${renderTable(gameTable(scenario, states))}\n\n`);
    io.out(`Final state at week ${end.turn}: escalation ${end.escalation.toFixed(3)} (${rungOf(scenario, end.escalation).name}), talks ${end.talks.phase}, ended: ${end.ended ?? 'no'}\n\n`);
    io.out(`${renderTable(vars)}\n`);
  }
  return 0;
}
