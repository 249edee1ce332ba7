/** `play <scenario>`: one game with AI policies for every actor, turn by turn. */
import { writeFileSync } from 'node:fs';
import { beliefSentences } from '../../engine/explain';
import { chooseMoves, isOver, queueInject, resolveTurn, type GameLog } from '../../engine/game';
import { rungOf } from '../../engine/ladder';
import type { ForecastEnsemble } from '../../engine/forecast';
import { OUTLOOK_RUNS, talksOutlook } from '../../engine/outlook';
import { initialState, type GameState } from '../../engine/state';
import { writeGameFile } from '../../scenario/files/game-file';
import { MAX_SEED, MAX_WEEKS } from '../../scenario/limits';
import { weekOf, type LogEntry } from '../../scenario/log';
import type { Scenario, StrategyId } from '../../scenario/schema';
import { formatOption, intOption, policyOptions, UsageError } from '../args';
import { renderCsv, renderJson, renderTable, type Table } from '../format';
import type { Io } from '../io';
import { loadEnsemble, loadScenario } from '../load';
import { defineCommand, parseCommand } from '../options';
import { provenance } from '../../analysis/exports';
import { lastDayOfWeek, weekStory } from '../../analysis/week-story';

/**
 * One row per resolved week: the moves, what the dice decided, where things stand, the weekly risk
 * that the talks collapse and, with `outlookRuns` > 0, the talks outlook (the chance they are still
 * alive `talks.outlookWeeks` weeks on, from that many futures; drawn from `ensemble`, if given, with
 * its model range across the ensemble's sets).
 */
export function gameTable(
  scenario: Scenario,
  states: readonly GameState[],
  strategies: Readonly<Record<string, StrategyId>> = {},
  outlookRuns = 0,
  ensemble: ForecastEnsemble | null = null,
): Table {
  const weeks = scenario.talks.outlookWeeks;
  const modelColumns = ensemble ? ['model range: low (5th pct)', 'model range: high (95th pct)'] : [];
  const columns = [
    'week',
    'date',
    ...scenario.actors.map((a) => a.id),
    'outcomes',
    'escalation',
    'rung',
    'talks',
    'collapse risk this week',
    ...(outlookRuns > 0 ? [`talks alive in ${weeks} weeks`, ...modelColumns] : []),
  ];
  const rows = states.slice(1).map((s) => {
    const r = s.report!;
    const outcomes = r.moves.flatMap((m) => m.outcomes.map((o) => `${m.actor}:${o}`)).join(' ');
    const o = outlookRuns > 0 ? talksOutlook(scenario, s, outlookRuns, strategies, ensemble ?? undefined) : null;
    const outlook = o ? [o.alive, ...(ensemble ? [o.model?.lo ?? '', o.model?.hi ?? ''] : [])] : [];
    return [r.turn + 1, r.date, ...r.moves.map((m) => m.move), outcomes, s.escalation, rungOf(scenario, s.escalation).name, s.talks.phase, r.talks.risk.after, ...outlook];
  });
  return { columns, rows };
}

/** Each week's story as the app's play view tells it, under the week's heading (named by its last day). */
function storyLines(scenario: Scenario, states: readonly GameState[]): string[] {
  return states.slice(1).flatMap((s) => {
    const r = s.report!;
    return [`Week ${r.turn + 1}, to ${lastDayOfWeek(scenario, r.turn)}:`, ...weekStory({ scenario, report: r }).map((line) => `  ${line}`)];
  });
}

/** Each week's sentences on the beliefs that drove a choice ("Militias held back from ..."). */
function beliefLines(scenario: Scenario, states: readonly GameState[]): string[] {
  return states.slice(1).flatMap((s) => beliefSentences(scenario, s.report!).map((line) => `week ${s.report!.turn + 1}: ${line}`));
}

/**
 * Plays a whole game with the given strategies, firing `injects[week]` (event ids) when that many
 * weeks have been played; returns every state and the log.
 */
export function playGame(
  scenario: Scenario,
  seed: number,
  turns: number,
  strategies: Readonly<Record<string, StrategyId>>,
  injects: Readonly<Record<number, readonly string[]>> = {},
) {
  const states = [initialState(scenario, seed, turns)];
  const log: LogEntry[] = [];
  while (!isOver(states[states.length - 1]!)) {
    for (const id of injects[states.length - 1] ?? []) {
      const queued = queueInject(scenario, states[states.length - 1]!, id);
      if (!queued.ok) throw new UsageError(`--inject ${states.length - 1}=${id}: ${queued.error.message}`);
      states[states.length - 1] = queued.state;
      log.push({ kind: 'inject', inject: id });
    }
    const state = states[states.length - 1]!;
    const moves = chooseMoves(scenario, state, strategies);
    const result = resolveTurn(scenario, state, moves);
    if (!result.ok) throw new Error(result.error.message);
    log.push(weekOf(moves));
    states.push(result.state);
  }
  const game: GameLog = { scenarioId: scenario.id, seed, horizon: turns, log };
  return { states, game };
}

/** `--inject WEEK=ID` (repeatable): fire the event ID once WEEK weeks have been played (0: before the first). */
function injectOptions(scenario: Scenario, values: readonly string[] | undefined, turns: number): Record<number, string[]> {
  const out: Record<number, string[]> = {};
  for (const v of values ?? []) {
    const m = /^(\d+)=(.+)$/.exec(v);
    if (!m) throw new UsageError(`--inject expects WEEK=ID (e.g. 3=inject.embassy-rockets), got "${v}"`);
    const week = Number(m[1]);
    if (week >= turns) throw new UsageError(`--inject ${v}: week ${week} is not before the game's last week (${turns})`);
    if (!scenario.injects.some((e) => e.id === m[2])) {
      throw new UsageError(`--inject ${v}: "${m[2]}" is not an event of ${scenario.id}; it has ${scenario.injects.map((e) => e.id).join(', ') || 'none'}`);
    }
    (out[week] ??= []).push(m[2]!);
  }
  return out;
}

export const playSpec = defineCommand({
  name: 'play',
  args: '[scenario]',
  summary: 'play one game with AI policies, turn by turn',
  options: {
    seed: { type: 'string', value: 'N', description: 'the game\'s seed (default 1)' },
    turns: { type: 'string', value: 'N', description: "weeks to play (default: the scenario's length)" },
    policy: { type: 'string', multiple: true, value: 'actor=strategy', description: 'an AI strategy for an actor (repeatable; default: its doctrine)' },
    format: { type: 'string', value: 'table|csv|json', description: 'output format (default table)' },
    save: { type: 'string', value: 'game.json', description: "save the game's log" },
    inject: { type: 'string', multiple: true, value: 'WEEK=ID', description: "fire the scenario's event ID once WEEK weeks have been played (repeatable)" },
    'outlook-runs': { type: 'string', value: 'N', description: `futures for each week's talks outlook (default ${OUTLOOK_RUNS}; 0 leaves it out)` },
    point: { type: 'boolean', description: "the outlook's futures on the scenario's own values, not the calibrated ensemble (no model range)" },
    story: { type: 'boolean', description: "after the table, each week's story as the app tells it (the week, its date, what happened and why the talks moved)" },
  },
});

export function play(args: readonly string[], io: Io): number {
  const parsed = parseCommand(playSpec, args, io);
  if (!parsed) return 0;
  const { values, positionals } = parsed;
  const loaded = loadScenario(positionals[0] ?? 'march-2021');
  const { scenario } = loaded;
  const seed = intOption(values.seed, 'seed', 1, 0, MAX_SEED);
  const turns = intOption(values.turns, 'turns', scenario.defaultTurns, 1, MAX_WEEKS);
  const strategies = policyOptions(scenario, values.policy);
  const format = formatOption(values.format);
  const outlookRuns = intOption(values['outlook-runs'], 'outlook-runs', OUTLOOK_RUNS, 0, 100_000);
  const { states, game } = playGame(scenario, seed, turns, strategies, injectOptions(scenario, values.inject, turns));
  if (values.save) writeFileSync(values.save, renderJson(writeGameFile(game, scenario)));
  // The outlook's futures draw their numbers from the calibrated ensemble, as the app's do, unless --point.
  const { ensemble, notice } = values.point || outlookRuns === 0 ? { ensemble: null, notice: null } : loadEnsemble(scenario, loaded.file);
  if (notice) io.err(`${notice}\n`);
  const table = gameTable(scenario, states, strategies, outlookRuns, ensemble);
  if (format === 'csv') io.out(renderCsv(table));
  else if (format === 'json') {
    const reports = states.slice(1).map((s) => ({ ...s.report!, story: weekStory({ scenario, report: s.report! }) }));
    io.out(renderJson({ provenance: provenance(scenario, seed, { turns, strategies, ...(ensemble ? { ensemble: ensemble.id } : {}) }), game: writeGameFile(game, scenario), reports }));
  } else {
    io.out(`${scenario.title}: seed ${seed}, ${turns} weeks\n\n${renderTable(table)}\n`);
    if (values.story) io.out(`\n${storyLines(scenario, states).join('\n')}\n`);
    const notes = beliefLines(scenario, states);
    if (notes.length > 0) io.out(`\nWhat the actors expected:\n${notes.map((l) => `  ${l}`).join('\n')}\n`);
    const end = states[states.length - 1]!;
    io.out(`\nEnded: ${end.ended ?? 'horizon reached'} at week ${end.turn}; escalation ${end.escalation.toFixed(2)} (${rungOf(scenario, end.escalation).name}); talks ${end.talks.phase}.\n`);
    if (outlookRuns > 0 && states.length > 1) {
      const o = talksOutlook(scenario, end, outlookRuns, strategies, ensemble ?? undefined);
      const pct = (x: number) => `${Math.round(100 * x)}%`;
      const range = o.model ? ` — model range ${pct(o.model.lo)}–${pct(o.model.hi)} across ${ensemble!.sets.length} calibrated parameter sets` : " (the scenario's own values: no model range)";
      io.out(`Talks outlook: ${pct(o.alive)} chance they are still alive in ${o.weeks} weeks${range}.\n`);
    }
  }
  return 0;
}
