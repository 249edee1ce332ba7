/** `play <scenario>`: one game with AI policies for every actor, turn by turn. */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { beliefSentences } from '../../engine/explain';
import { chooseMoves, isOver, resolveTurn, type GameLog, type TurnMoves } from '../../engine/game';
import { rungOf } from '../../engine/ladder';
import { OUTLOOK_RUNS, talksOutlook } from '../../engine/outlook';
import { initialState, type GameState } from '../../engine/state';
import { writeGameFile } from '../../scenario/game-file';
import type { Scenario, StrategyId } from '../../scenario/schema';
import { formatOption, intOption, policyOptions } from '../args';
import { renderCsv, renderJson, renderTable, type Table } from '../format';
import type { Io } from '../io';
import { loadScenario } from '../load';
import { provenance } from '../provenance';

/**
 * One row per resolved week: the moves, what the dice decided, where things stand, the weekly risk
 * that the talks collapse and, with `outlookRuns` > 0, the talks outlook (the chance they are still
 * alive `talks.outlookWeeks` weeks on, from that many futures).
 */
export function gameTable(
  scenario: Scenario,
  states: readonly GameState[],
  strategies: Readonly<Record<string, StrategyId>> = {},
  outlookRuns = 0,
): Table {
  const weeks = scenario.talks.outlookWeeks;
  const columns = [
    'week',
    'date',
    ...scenario.actors.map((a) => a.id),
    'outcomes',
    'escalation',
    'rung',
    'talks',
    'collapse risk this week',
    ...(outlookRuns > 0 ? [`talks alive in ${weeks} weeks`] : []),
  ];
  const rows = states.slice(1).map((s) => {
    const r = s.report!;
    const outcomes = r.moves.flatMap((m) => m.outcomes.map((o) => `${m.actor}:${o}`)).join(' ');
    const outlook = outlookRuns > 0 ? [talksOutlook(scenario, s, outlookRuns, strategies).alive] : [];
    return [r.turn + 1, r.date, ...r.moves.map((m) => m.move), outcomes, s.escalation, rungOf(scenario, s.escalation).name, s.talks.phase, r.talks.risk.after, ...outlook];
  });
  return { columns, rows };
}

/** Each week's sentences on the beliefs that drove a choice ("Militias held back from ..."). */
function beliefLines(scenario: Scenario, states: readonly GameState[]): string[] {
  return states.slice(1).flatMap((s) => beliefSentences(scenario, s.report!).map((line) => `week ${s.report!.turn + 1}: ${line}`));
}

/** Plays a whole game with the given strategies; returns every state and the log. */
export function playGame(scenario: Scenario, seed: number, turns: number, strategies: Readonly<Record<string, StrategyId>>) {
  const states = [initialState(scenario, seed, turns)];
  const log: TurnMoves[] = [];
  while (!isOver(states[states.length - 1]!)) {
    const state = states[states.length - 1]!;
    const moves = chooseMoves(scenario, state, strategies);
    const result = resolveTurn(scenario, state, moves);
    if (!result.ok) throw new Error(result.error.message);
    log.push(moves);
    states.push(result.state);
  }
  const game: GameLog = { scenarioId: scenario.id, seed, horizon: turns, turns: log };
  return { states, game };
}

export function play(args: readonly string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      seed: { type: 'string' },
      turns: { type: 'string' },
      policy: { type: 'string', multiple: true },
      format: { type: 'string' },
      save: { type: 'string' },
      'outlook-runs': { type: 'string' },
    },
  });
  const { scenario } = loadScenario(positionals[0] ?? 'march-2021');
  const seed = intOption(values.seed, 'seed', 1, 0, 0xffffffff);
  const turns = intOption(values.turns, 'turns', scenario.defaultTurns, 1, 520);
  const strategies = policyOptions(scenario, values.policy);
  const format = formatOption(values.format);
  const outlookRuns = intOption(values['outlook-runs'], 'outlook-runs', OUTLOOK_RUNS, 0, 100_000);
  const { states, game } = playGame(scenario, seed, turns, strategies);
  if (values.save) writeFileSync(values.save, renderJson(writeGameFile(game)));
  const table = gameTable(scenario, states, strategies, outlookRuns);
  if (format === 'csv') io.out(renderCsv(table));
  else if (format === 'json') {
    io.out(renderJson({ provenance: provenance(scenario, seed, { turns, strategies }), game: writeGameFile(game), reports: states.slice(1).map((s) => s.report) }));
  } else {
    io.out(`${scenario.title}: seed ${seed}, ${turns} weeks\n\n${renderTable(table)}\n`);
    const notes = beliefLines(scenario, states);
    if (notes.length > 0) io.out(`\nWhat the actors expected:\n${notes.map((l) => `  ${l}`).join('\n')}\n`);
    const end = states[states.length - 1]!;
    io.out(`\nEnded: ${end.ended ?? 'horizon reached'} at week ${end.turn}; escalation ${end.escalation.toFixed(2)} (${rungOf(scenario, end.escalation).name}); talks ${end.talks.phase}.\n`);
  }
  return 0;
}
