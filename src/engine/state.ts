/**
 * The public game state: plain, immutable, JSON-serialisable numbers and ids. The RNG's state lives
 * here too, so every state is a pure function of the scenario, the seed and the moves so far.
 */
import type { Scenario } from '../scenario/schema';
import { compile, type Compiled } from './compile';
import type { TurnReport } from './report';
import { resolveRef } from '../scenario/refs';
import { rngFromState, seededRng, type RngState } from './rng';
import { openWeek } from './turn';
import { BeliefSlot, EndReason, makeWork, type Work } from './work';

export type EndState = null | 'open-war' | 'talks';

/** One belief: Beta pseudo-counts after a trigger and in weeks without one, and the weeks since a trigger whose answer is still awaited. */
export interface BeliefState {
  /** [responses, no response] after a trigger. */
  readonly resolve: readonly [number, number];
  /** [responses, no response] in weeks with no trigger to answer. */
  readonly baseline: readonly [number, number];
  /** Weeks since the trigger whose response is awaited, or null. */
  readonly open: number | null;
}

export interface PendingEffect {
  readonly due: number;
  /** The delayed effect's id: `move#k` or `move/outcome#k`. */
  readonly id: string;
  readonly actor: string;
}

export interface GameState {
  readonly scenarioId: string;
  /** Weeks resolved so far; the state describes the start of week `turn`. */
  readonly turn: number;
  /** The game's length in weeks: talks survival is estimated to this week. */
  readonly horizon: number;
  /** The generator state for this week (four 32-bit words). */
  readonly rng: RngState;
  readonly vars: Readonly<Record<string, number>>;
  /** Escalation index on the ladder's scale, 0 .. top rung. */
  readonly escalation: number;
  /** grudges[a][b]: a's remembered hostility from b (>= 0). */
  readonly grudges: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** received[a][b]: the hostility a perceived from b last week. */
  readonly received: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly talks: { readonly phase: string; readonly since: number };
  readonly lastMoves: Readonly<Record<string, string | null>>;
  /** Actors whose grim trigger has fired. */
  readonly triggered: readonly string[];
  readonly pending: readonly PendingEffect[];
  /** What each actor believes about the others' resolve, by belief id. */
  readonly beliefs: Readonly<Record<string, BeliefState>>;
  /** Injects from the log, queued: they fire at the start of the next week. */
  readonly injects: readonly string[];
  readonly ended: EndState;
  /** What happened in the week that led to this state (null for the initial state). */
  readonly report: TurnReport | null;
}

const endNames: readonly EndState[] = [null, 'open-war', 'talks'];

function matrixToRecord(c: Compiled, m: Float64Array): Record<string, Record<string, number>> {
  const n = c.actors;
  return Object.fromEntries(
    c.actorIds.map((a, i) => [a, Object.fromEntries(c.actorIds.flatMap((b, j) => (i === j ? [] : [[b, m[i * n + j]!]])))]),
  );
}

function recordToMatrix(c: Compiled, r: GameState['grudges']): Float64Array {
  const n = c.actors;
  const m = new Float64Array(n * n);
  c.actorIds.forEach((a, i) => c.actorIds.forEach((b, j) => (m[i * n + j] = r[a]?.[b] ?? 0)));
  return m;
}

function beliefsToArrays(c: Compiled, beliefs: GameState['beliefs']): { belief: Float64Array; beliefOpen: Int32Array } {
  const belief = new Float64Array(c.beliefs.length * BeliefSlot.size);
  const beliefOpen = new Int32Array(c.beliefs.length).fill(-1);
  c.beliefs.forEach((b, i) => {
    const s = beliefs[b.id];
    const at = i * BeliefSlot.size;
    belief.set(s ? [...s.resolve, ...s.baseline] : [...b.prior, ...b.baseline], at);
    beliefOpen[i] = s?.open ?? -1;
  });
  return { belief, beliefOpen };
}

function beliefsToRecord(c: Compiled, w: Work): Record<string, BeliefState> {
  return Object.fromEntries(
    c.beliefs.map((b, i) => {
      const at = i * BeliefSlot.size;
      const v = w.belief;
      const open = w.beliefOpen[i]!;
      return [b.id, { resolve: [v[at]!, v[at + 1]!], baseline: [v[at + 2]!, v[at + 3]!], open: open >= 0 ? open : null }];
    }),
  );
}

/** The working form of a state, for the turn loop. */
export function toWork(c: Compiled, s: GameState): Work {
  const moveIndex = new Map(c.moves.map((m) => [m.id, m.index]));
  return makeWork({
    turn: s.turn,
    horizon: s.horizon,
    rng: rngFromState(s.rng),
    vars: Float64Array.from(c.variableIds.map((v) => s.vars[v] ?? 0)),
    escalation: s.escalation,
    grudge: recordToMatrix(c, s.grudges),
    received: recordToMatrix(c, s.received),
    phase: c.phaseIds.indexOf(s.talks.phase),
    phaseSince: s.talks.since,
    lastMove: Int32Array.from(c.actorIds.map((a) => moveIndex.get(s.lastMoves[a] ?? '') ?? -1)),
    triggered: Uint8Array.from(c.actorIds.map((a) => (s.triggered.includes(a) ? 1 : 0))),
    pending: s.pending.map((p) => ({ due: p.due, delayed: c.delayedIndex.get(p.id) ?? 0, actor: c.actorIds.indexOf(p.actor) })),
    ended: endNames.indexOf(s.ended),
    ...beliefsToArrays(c, s.beliefs ?? {}),
    injects: (s.injects ?? []).flatMap((id) => (c.injectIndex.has(id) ? [c.injectIndex.get(id)!] : [])),
  });
}

/** The public form of a working state. */
export function fromWork(c: Compiled, w: Work, report: TurnReport | null): GameState {
  return {
    scenarioId: c.scenario.id,
    turn: w.turn,
    horizon: w.horizon,
    rng: [...w.rng.getState()],
    vars: Object.fromEntries(c.variableIds.map((v, i) => [v, w.vars[i]!])),
    escalation: w.escalation,
    grudges: matrixToRecord(c, w.grudge),
    received: matrixToRecord(c, w.received),
    talks: { phase: c.phaseIds[w.phase]!, since: w.phaseSince },
    lastMoves: Object.fromEntries(c.actorIds.map((a, i) => [a, w.lastMove[i]! >= 0 ? c.moves[w.lastMove[i]!]!.id : null])),
    triggered: c.actorIds.filter((_, i) => w.triggered[i]),
    pending: w.pending.map((p) => ({ due: p.due, id: c.delayed[p.delayed]!.id, actor: c.actorIds[p.actor]! })),
    beliefs: beliefsToRecord(c, w),
    injects: w.injects.map((i) => c.injects[i]!.id),
    ended: endNames[w.ended] ?? null,
    report,
  };
}

/** The working state at the scenario's start, with the first week's scheduled events fired. */
export function initialWork(scenario: Scenario, seed: number, horizon: number): Work {
  const c = compile(scenario);
  const n = c.actors;
  const grudge = new Float64Array(n * n);
  for (const [name, value] of Object.entries(scenario.initialGrudges)) {
    const ref = resolveRef(scenario, name);
    if (ref.ok) grudge[ref.ref.arg] = value;
  }
  const w = makeWork({
    turn: 0,
    horizon,
    rng: seededRng(seed),
    vars: Float64Array.from(scenario.variables.map((v) => v.initial)),
    escalation: scenario.initialEscalation,
    grudge,
    received: new Float64Array(n * n),
    phase: c.phaseIds.indexOf(scenario.talks.initialPhase),
    phaseSince: 0,
    lastMove: new Int32Array(n).fill(-1),
    triggered: new Uint8Array(n),
    pending: [],
    ended: EndReason.none,
    ...beliefsToArrays(c, {}),
    injects: [],
  });
  openWeek(c, w, null);
  return w;
}

/** The state at the scenario's start, for a game of `horizon` weeks (the scenario's default if absent). */
export function initialState(scenario: Scenario, seed: number, horizon = scenario.defaultTurns): GameState {
  return fromWork(compile(scenario), initialWork(scenario, seed, horizon), null);
}
