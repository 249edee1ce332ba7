/**
 * The debrief's exports for grading: a tidy CSV with one row per week and actor, provenance first
 * as in every other export, and the whole game as JSON with the debrief beside it.
 */
import { rungOf } from '../engine/ladder';
import type { Scenario } from '../scenario/schema';
import type { Debrief } from './debrief';
import { jsonText, provenanceCells, provenanceColumns, runProvenance, type RunProvenance, type Table } from './exports';

export const DEBRIEF_KIND = 'deterrence-lab/debrief';

/**
 * The provenance of a debrief: the game's seed, and the futures set beside it (their runs, weeks,
 * start and strategies; no runs while they have not been run). `generated` is left out when the
 * output must compare byte for byte.
 */
export function debriefProvenance(scenario: Scenario, d: Debrief, generated?: string): RunProvenance {
  return runProvenance(scenario, {
    seed: d.seed,
    runs: d.futures?.runs ?? 0,
    turns: d.horizon,
    startTurn: 0,
    strategies: d.futures?.strategies ?? Object.fromEntries(d.teams.map((t) => [t.actor, t.strategy])),
    parameters: {},
    from: null,
    ...(generated === undefined ? {} : { generated }),
  });
}

export const debriefColumns = [
  'week',
  'date',
  'actor',
  'played_by',
  'move',
  'move_label',
  'note',
  'automatic',
  'outcomes',
  'injects',
  'escalation_after',
  'rung_after',
  'talks_phase_after',
  'talks_alive_after',
  'escalation_percentile',
  'futures_talks_alive',
] as const;

/**
 * One row per week and actor, provenance first: who played it (`team` or `ai`), the move, the
 * team's note, whether it was chosen automatically, its outcomes and the week's fired events, then
 * where escalation and the talks stood after the week, the class's percentile among the futures
 * (0 to 100, mid-rank) and the futures' share with the talks alive (empty until they are run).
 */
export function debriefTable(scenario: Scenario, d: Debrief, p: RunProvenance): Table {
  const meta = provenanceCells(p);
  const rows = d.path.flatMap((row) => {
    const futures = d.positions[row.week]?.futures ?? null;
    const injects = row.injects.map((e) => e.label).join('; ');
    return row.moves.map((m) => [
      ...meta,
      row.week,
      row.date,
      m.actor,
      m.team ? 'team' : 'ai',
      m.move,
      m.label,
      m.note ?? '',
      m.auto ? 'true' : 'false',
      m.outcomes.join('; '),
      injects,
      row.escalation,
      rungOf(scenario, row.escalation).level,
      row.phase,
      row.alive ? 'true' : 'false',
      futures ? futures.percentile : null,
      futures ? futures.summary.alive.estimate : null,
    ]);
  });
  return { columns: [...provenanceColumns, ...debriefColumns], rows };
}

/** The whole game (the session as played, or the bare game log) with its debrief, as one JSON file. */
export function debriefJson(d: Debrief, p: RunProvenance, game: unknown): string {
  return jsonText({ kind: DEBRIEF_KIND, provenance: p, game, debrief: d });
}
