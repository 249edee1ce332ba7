/**
 * The game log: the one typed record that the engine, the store, every file format, the CLI and
 * the classroom share. A game is a scenario, a seed and this log; every state is a fold of the
 * engine over it. Entries are a discriminated union on `kind`, defined here once:
 *
 *   - `week`: the week's moves by actor, each with an optional note ("why we chose this") and a
 *     flag when the move was chosen automatically (an AI strategy played a late or absent team);
 *   - `inject`: an event from the scenario's catalogue, fired by a facilitator; it fires at the
 *     start of the next week, like a scheduled event.
 *
 * What does not change the state (a pause, a timer, numbers revealed) is not in the game log.
 */
import { z } from './zod';
import type { ScenarioError } from './parse';
import type { Scenario } from './schema';

/** A team's note on its move, at most this many characters. */
export const NOTE_MAX_LENGTH = 500;
/** A log holds at most this many entries: weeks of the longest game and room for injects. */
export const MAX_LOG_ENTRIES = 2000;

export const playedMove = z
  .object({
    move: z.string().min(1).max(200),
    note: z.string().max(NOTE_MAX_LENGTH).optional(),
    /** The move was chosen by the actor's AI strategy because its team did not choose in time. */
    auto: z.literal(true).optional(),
  })
  .strict();

export const weekEntry = z.object({ kind: z.literal('week'), moves: z.record(z.string(), playedMove) }).strict();
export const injectEntry = z.object({ kind: z.literal('inject'), inject: z.string().min(1).max(200) }).strict();

export const logEntry = z.discriminatedUnion('kind', [weekEntry, injectEntry]);
export const gameLogSchema = z.array(logEntry).max(MAX_LOG_ENTRIES);

export type PlayedMove = z.infer<typeof playedMove>;
export type WeekEntry = z.infer<typeof weekEntry>;
export type InjectEntry = z.infer<typeof injectEntry>;
export type LogEntry = z.infer<typeof logEntry>;
/** A game: a scenario, a seed, a length in weeks and its log. Every state is a fold of the engine over it. */
export interface GameLog {
  readonly scenarioId: string;
  readonly seed: number;
  readonly horizon: number;
  readonly log: readonly LogEntry[];
}

export const logEntryKinds = ['week', 'inject'] as const satisfies readonly LogEntry['kind'][];

/** A week entry from moves by actor; `notes` and `auto` add what the teams said and who chose automatically. */
export function weekOf(moves: Readonly<Record<string, string>>, notes: Readonly<Record<string, string>> = {}, auto: readonly string[] = []): WeekEntry {
  return {
    kind: 'week',
    moves: Object.fromEntries(
      Object.entries(moves).map(([actor, move]) => {
        const note = notes[actor]?.trim();
        return [actor, { move, ...(note ? { note: note.slice(0, NOTE_MAX_LENGTH) } : {}), ...(auto.includes(actor) ? { auto: true as const } : {}) }];
      }),
    ),
  };
}

/** How many weeks a log plays. */
export function weeksIn(log: readonly LogEntry[]): number {
  return log.reduce((n, e) => n + (e.kind === 'week' ? 1 : 0), 0);
}

/**
 * The part of a log that leads to the state at the start of week `turn`: its first `turn` weeks
 * and the injects queued after the last of them (they belong to that state).
 */
export function logUntil(log: readonly LogEntry[], turn: number): LogEntry[] {
  const out: LogEntry[] = [];
  let weeks = 0;
  for (const e of log) {
    if (e.kind === 'week') {
      if (weeks === turn) break;
      weeks += 1;
    }
    out.push(e);
  }
  return out;
}

/** Checks a log's ids against a scenario: every week names one move of each actor, every inject is in the catalogue. */
export function checkLog(scenario: Scenario, log: readonly LogEntry[], horizon: number, prefix = ''): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const actorOf = new Map(scenario.moves.map((m) => [m.id, m.actor]));
  const injects = new Set(scenario.injects.map((i) => i.id));
  log.forEach((e, i) => {
    const at = `${prefix}log[${i}]`;
    if (e.kind === 'inject') {
      if (!injects.has(e.inject)) errors.push({ path: `${at}.inject`, code: 'unknown-inject', message: `"${e.inject}" is not an event in scenario "${scenario.id}"` });
      return;
    }
    for (const a of scenario.actors) {
      if (e.moves[a.id] === undefined) errors.push({ path: `${at}.moves.${a.id}`, code: 'missing-move', message: `no move for actor "${a.id}"` });
    }
    for (const [actor, m] of Object.entries(e.moves)) {
      if (!scenario.actors.some((a) => a.id === actor)) errors.push({ path: `${at}.moves.${actor}`, code: 'unknown-actor', message: `unknown actor "${actor}"` });
      else if (actorOf.get(m.move) !== actor) errors.push({ path: `${at}.moves.${actor}.move`, code: 'unknown-move', message: `"${m.move}" is not a move of "${actor}"` });
    }
  });
  const weeks = weeksIn(log);
  if (weeks > horizon) errors.push({ path: `${prefix}log`, code: 'too-long', message: `${weeks} weeks is more than the horizon of ${horizon}` });
  return errors;
}
