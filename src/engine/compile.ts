/**
 * Compiles a checked scenario into flat, index-based tables for the turn loop. Compiling assumes the
 * scenario passed `parseScenario`; a dangling reference here is a programming error, so it throws.
 */
import type { Effect, LinearTerm, Scenario } from '../scenario/schema';
import { RefKind, resolveRef, type ResolvedRef } from './refs';

export const EffectOp = { add: 0, scale: 1, set: 2 } as const;

export interface CompiledTerm {
  readonly base: number;
  readonly kinds: Int8Array;
  readonly args: Int32Array;
  readonly coefs: Float64Array;
  readonly logistic: boolean;
  /** Every ref is a variable: the predictor reads `vars[args[i]]` directly. */
  readonly varsOnly: boolean;
  /** The term's value after its link when it reads no ref (a fixed probability), else NaN. */
  readonly fixed: number;
}

export interface CompiledEffect {
  readonly kind: RefKind;
  readonly arg: number;
  readonly op: number;
  readonly value: number;
  /** Source order label for "why": the effect's target as written. */
  readonly target: string;
}

export interface CompiledDelayed {
  /** Stable id: `move` or `move/outcome`, then `#k`. */
  readonly id: string;
  readonly afterTurns: number;
  readonly narrative: string;
  readonly effects: readonly CompiledEffect[];
}

export interface CompiledOutcome {
  /** Index among all the scenario's outcomes (for the week's record of what happened). */
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly narrative: string;
  readonly probability: CompiledTerm;
  readonly effects: readonly CompiledEffect[];
  readonly delayed: readonly number[];
  /** The outcome's effects and its delayed effects: what it is worth over the next weeks (value.ts). */
  readonly valueEffects: readonly CompiledEffect[];
  /** Those of them whose value depends on the state (scale, set); `add` ones are in Compiled.outcomeValue. */
  readonly dynamicValueEffects: readonly CompiledEffect[];
  /** weighted[a] is 1 when an effect of the outcome (now or delayed) moves actor a's objective. */
  readonly weighted: Uint8Array;
}

export interface CompiledMove {
  readonly index: number;
  readonly id: string;
  readonly actor: number;
  readonly label: string;
  readonly rung: number;
  readonly goldstein: number;
  /** Signed hostility in [-1, 1]: -goldstein / 10. */
  readonly hostility: number;
  /** max(0, hostility). */
  readonly hostile: number;
  /** The actor's doctrine terms that depend only on the move (policies.ts). */
  readonly escalationTerm: number;
  readonly talksTerm: number;
  readonly targets: Int32Array;
  readonly bias: number;
  /** Score terms that read the state (`propensity`), or null when the move has none. */
  readonly propensity: CompiledTerm | null;
  /**
   * The beliefs of the move's own actor that the move can trigger: anticipatedBelief[k] is a belief
   * index, anticipatedOutcome[k] the index in `outcomes` of the triggering outcome, or -1 when the
   * move itself triggers it.
   */
  readonly anticipatedBelief: Int32Array;
  readonly anticipatedOutcome: Int32Array;
  readonly conditions: readonly { kind: RefKind; arg: number; min: number; max: number }[];
  /** Bit set of talks phases in which the move is legal. */
  readonly phaseMask: number;
  readonly effects: readonly CompiledEffect[];
  /** The effects of the move's own delayed effects, for valuing it (value.ts). */
  readonly laterEffects: readonly CompiledEffect[];
  /** Effects, now or delayed, whose value to an objective depends on the state (scale, set). */
  readonly dynamicEffects: readonly CompiledEffect[];
  readonly talks: number;
  readonly outcomes: readonly CompiledOutcome[];
  /** The outcomes whose expected value depends on the state (value.ts); the rest are in Compiled.fixedOutcomeGain. */
  readonly variableOutcomes: readonly CompiledOutcome[];
  readonly delayed: readonly number[];
  readonly narrative: readonly string[];
  readonly quietNarrative: string | undefined;
}

export interface CompiledTransition {
  readonly id: string;
  readonly label: string;
  readonly fromMask: number;
  readonly to: number;
  readonly hazard: CompiledTerm;
}

export interface CompiledEvent {
  readonly id: string;
  readonly turn: number;
  readonly label: string;
  readonly narrative: string;
  readonly effects: readonly CompiledEffect[];
  readonly talks: number;
}

export interface CompiledBelief {
  readonly id: string;
  readonly label: string;
  readonly holder: number;
  readonly about: number;
  readonly window: number;
  readonly triggerMoves: Int32Array;
  /** Global outcome indices (CompiledOutcome.index). */
  readonly triggerOutcomes: Int32Array;
  readonly responses: Int32Array;
  /** Prior pseudo-counts: [successes, failures] after a trigger, and in weeks without one. */
  readonly prior: readonly [number, number];
  readonly baseline: readonly [number, number];
}

export interface Compiled {
  readonly scenario: Scenario;
  readonly actors: number;
  readonly actorIds: readonly string[];
  readonly variableIds: readonly string[];
  readonly varMin: Float64Array;
  readonly varMax: Float64Array;
  readonly driftToward: Float64Array;
  readonly driftRate: Float64Array;
  /** The variables that drift (rate > 0), in order. */
  readonly drifting: Int32Array;
  /** Per variable, the terms that move its drift target with the state, or null. */
  readonly driftTerms: readonly (CompiledTerm | null)[];
  readonly outcomeCount: number;
  readonly beliefs: readonly CompiledBelief[];
  /** The beliefs' prior pseudo-counts, four per belief in Work.belief's order (belief.ts). */
  readonly beliefPrior: Float64Array;
  /** beliefResponse[b * moves + m] is 1 when move m counts as belief b's response. */
  readonly beliefResponse: Uint8Array;
  /** Per actor, the indices of the beliefs it holds. */
  readonly beliefsHeld: readonly Int32Array[];
  /** Per actor, the distinct response moves of the beliefs it holds (each valued once a week). */
  readonly responsesWeighed: readonly Int32Array[];
  /** Per move, the beliefs it triggers by being played; per outcome (global index), those it triggers by happening. */
  readonly beliefsTriggeredByMove: readonly Int32Array[];
  readonly beliefsTriggeredByOutcome: readonly Int32Array[];
  readonly topRung: number;
  readonly moves: readonly CompiledMove[];
  readonly movesByActor: readonly (readonly number[])[];
  readonly delayed: readonly CompiledDelayed[];
  readonly delayedIndex: ReadonlyMap<string, number>;
  readonly phaseIds: readonly string[];
  readonly phaseAlive: Uint8Array;
  readonly phaseEnds: Uint8Array;
  readonly transitions: readonly CompiledTransition[];
  readonly transitionIndex: ReadonlyMap<string, number>;
  readonly eventsByTurn: ReadonlyMap<number, readonly CompiledEvent[]>;
  readonly casualtySignal: readonly (CompiledTerm | null)[];
  readonly objectives: readonly CompiledTerm[];
  /** Per actor, the objective's weights on variables and on escalation. */
  readonly objectiveWeights: readonly ObjectiveWeights[];
  /** staticGain[a * moves + m]: the objective value to actor a of move m's `add` effects, now and delayed. */
  readonly staticGain: Float64Array;
  /** outcomeValue[a * outcomeCount + o]: the objective value to actor a of outcome o's `add` effects, now and delayed. */
  readonly outcomeValue: Float64Array;
  /**
   * fixedOutcomeGain[a * moves + m]: the expected value to actor a of move m's outcomes whose
   * probability reads no state and whose effects are all `add`s (a constant); the move's other
   * outcomes are in CompiledMove.variableOutcomes.
   */
  readonly fixedOutcomeGain: Float64Array;
  /** history[turn * actors + a]: the move the record shows for actor a in that week, or -1. */
  readonly history: Int32Array;
  readonly historyTurns: number;
  /** Per actor, the move the historical policy plays when the record shows nothing. */
  readonly quietMove: Int32Array;
  /** Scratch space for one actor's legal moves (the turn loop is single-threaded per compiled scenario). */
  readonly legalBuffer: Int32Array;
  /** Scratch: which beliefs were triggered this week, each belief's stake for its holder, each move's value to a holder. */
  readonly beliefHit: Uint8Array;
  readonly stakeBuffer: Float64Array;
  readonly responseValueBuffer: Float64Array;
}

export interface ObjectiveWeights {
  readonly vars: Float64Array;
  readonly escalation: number;
  /** The objective's value of the talks being in each phase (`talks:PHASE` and `talks:alive` weights). */
  readonly phaseValue: Float64Array;
}

const DAY_MS = 86_400_000;

/** Whole turns from the scenario's start date to `date` (both YYYY-MM-DD). */
export function turnOfDate(scenario: Scenario, date: string): number {
  const days = (Date.parse(`${date}T00:00:00Z`) - Date.parse(`${scenario.startDate}T00:00:00Z`)) / DAY_MS;
  return Math.floor(days / scenario.turnDays);
}

/** The calendar date (YYYY-MM-DD) on which `turn` starts. */
export function dateOfTurn(scenario: Scenario, turn: number): string {
  const ms = Date.parse(`${scenario.startDate}T00:00:00Z`) + turn * scenario.turnDays * DAY_MS;
  return new Date(ms).toISOString().slice(0, 10);
}

function mustResolve(scenario: Scenario, name: string): ResolvedRef {
  const result = resolveRef(scenario, name);
  if (!result.ok) throw new Error(`scenario "${scenario.id}": ${result.message}`);
  return result.ref;
}

function compileTerm(scenario: Scenario, term: LinearTerm): CompiledTerm {
  const entries = Object.entries(term.terms);
  const kinds = new Int8Array(entries.length);
  const args = new Int32Array(entries.length);
  const coefs = new Float64Array(entries.length);
  entries.forEach(([name, coef], i) => {
    const ref = mustResolve(scenario, name);
    kinds[i] = ref.kind;
    args[i] = ref.arg;
    coefs[i] = coef;
  });
  const logistic = term.link === 'logistic';
  const fixed = entries.length > 0 ? Number.NaN : logistic ? 1 / (1 + Math.exp(-term.base)) : Math.min(1, Math.max(0, term.base));
  return { base: term.base, kinds, args, coefs, logistic, varsOnly: kinds.every((k) => k === RefKind.variable), fixed };
}

/** A weighted sum of refs with no link, for objectives and casualty signals. */
function compileSum(scenario: Scenario, weights: Record<string, number>): CompiledTerm {
  return { ...compileTerm(scenario, { base: 0, terms: weights, link: 'clamp' }), logistic: false, fixed: Number.NaN };
}

function compileEffects(scenario: Scenario, effects: readonly Effect[]): CompiledEffect[] {
  return effects.map((e) => {
    const ref = mustResolve(scenario, e.target);
    const [op, value] =
      e.add !== undefined ? [EffectOp.add, e.add] : e.scale !== undefined ? [EffectOp.scale, e.scale] : [EffectOp.set, e.set ?? 0];
    return { kind: ref.kind, arg: ref.arg, op, value, target: e.target };
  });
}

function phaseMask(scenario: Scenario, phases: readonly string[] | undefined): number {
  if (!phases) return ~0;
  return phases.reduce((mask, p) => mask | (1 << scenario.talks.phases.findIndex((x) => x.id === p)), 0);
}

/** Doctrine terms fixed by the move and its actor, computed in the order policies.ts documents. */
function doctrineTerms(scenario: Scenario, m: Scenario['moves'][number]) {
  const doc = scenario.actors.find((a) => a.id === m.actor)!.doctrine;
  const top = Math.max(...scenario.ladder.map((r) => r.level));
  const hostility = -m.goldstein / 10;
  const hostile = hostility > 0 ? hostility : 0;
  const cooperative = hostility < 0 ? -hostility : 0;
  return { hostile, escalationTerm: (doc.escalationAversion * m.rung) / top, talksTerm: doc.talksValue * (cooperative - hostile) };
}

function compileOutcome(
  scenario: Scenario,
  m: Scenario['moves'][number],
  o: Scenario['moves'][number]['outcomes'][number],
  index: number,
  addDelayed: (prefix: string, list: Scenario['moves'][number]['delayed']) => number[],
  delayed: readonly CompiledDelayed[],
): CompiledOutcome {
  const effects = compileEffects(scenario, o.effects);
  const later = addDelayed(`${m.id}/${o.id}`, o.delayed);
  const valueEffects = [...effects, ...later.flatMap((d) => delayed[d]!.effects)];
  const targets = [...o.effects, ...o.delayed.flatMap((d) => d.effects)].map((e) => e.target);
  return {
    index,
    id: o.id,
    label: o.label,
    narrative: o.narrative,
    probability: compileTerm(scenario, o.probability),
    effects,
    delayed: later,
    valueEffects,
    dynamicValueEffects: valueEffects.filter((e) => e.op !== EffectOp.add),
    weighted: Uint8Array.from(scenario.actors.map((a) => (targets.some((t) => a.objectives[t] !== undefined) ? 1 : 0))),
  };
}

/** The beliefs of `m`'s actor that `m` (or one of its outcomes) triggers. */
function anticipations(scenario: Scenario, m: Scenario['moves'][number]): { belief: number[]; outcome: number[] } {
  const belief: number[] = [];
  const outcome: number[] = [];
  scenario.beliefs.forEach((b, i) => {
    if (b.holder !== m.actor) return;
    for (const t of b.triggers) {
      if (t === m.id) {
        belief.push(i);
        outcome.push(-1);
      } else if (t.startsWith(`${m.id}/`)) {
        const k = m.outcomes.findIndex((o) => `${m.id}/${o.id}` === t);
        if (k >= 0) {
          belief.push(i);
          outcome.push(k);
        }
      }
    }
  });
  return { belief, outcome };
}

function compileMoves(scenario: Scenario, delayed: CompiledDelayed[]): CompiledMove[] {
  let outcomeIndex = 0;
  const actorIndex = (id: string) => scenario.actors.findIndex((a) => a.id === id);
  const transitionIndex = (id: string | undefined) =>
    id === undefined ? -1 : scenario.talks.transitions.findIndex((t) => t.id === id);
  const addDelayed = (prefix: string, list: Scenario['moves'][number]['delayed']) =>
    list.map((d, k) => {
      delayed.push({ id: `${prefix}#${k}`, afterTurns: d.afterTurns, narrative: d.narrative, effects: compileEffects(scenario, d.effects) });
      return delayed.length - 1;
    });
  return scenario.moves.map((m, index) => {
    const anticipated = anticipations(scenario, m);
    const ownDelayed = addDelayed(m.id, m.delayed);
    const effects = compileEffects(scenario, m.effects);
    const laterEffects = ownDelayed.flatMap((d) => delayed[d]!.effects);
    const outcomes = m.outcomes.map((o) => compileOutcome(scenario, m, o, outcomeIndex++, addDelayed, delayed));
    return {
      index,
      id: m.id,
      actor: actorIndex(m.actor),
      label: m.label,
      rung: m.rung,
      goldstein: m.goldstein,
      hostility: -m.goldstein / 10,
      ...doctrineTerms(scenario, m),
      targets: Int32Array.from(m.targets.map(actorIndex)),
      bias: m.bias,
      propensity: Object.keys(m.propensity).length > 0 ? compileSum(scenario, m.propensity) : null,
      anticipatedBelief: Int32Array.from(anticipated.belief),
      anticipatedOutcome: Int32Array.from(anticipated.outcome),
      conditions: m.preconditions.map((c) => {
        const ref = mustResolve(scenario, c.ref);
        return { kind: ref.kind, arg: ref.arg, min: c.min ?? -Infinity, max: c.max ?? Infinity };
      }),
      phaseMask: phaseMask(scenario, m.talksPhases),
      effects,
      laterEffects,
      dynamicEffects: [...effects, ...laterEffects].filter((e) => e.op !== EffectOp.add),
      talks: transitionIndex(m.talks),
      outcomes,
      variableOutcomes: outcomes.filter((o) => !isFixedOutcome(o)),
      delayed: ownDelayed,
      narrative: m.narrative,
      quietNarrative: m.quietNarrative,
    };
  });
}

/** Pseudo-counts [successes, failures] of a Beta prior given as a mean and a weight. */
function pseudoCounts(p: { mean: number; weight: number }): readonly [number, number] {
  return [p.mean * p.weight, (1 - p.mean) * p.weight];
}

function compileBeliefs(scenario: Scenario, moves: readonly CompiledMove[]): CompiledBelief[] {
  const actorIndex = (id: string) => scenario.actors.findIndex((a) => a.id === id);
  const moveIndex = new Map(moves.map((m) => [m.id, m.index]));
  const outcomeIndex = new Map<string, number>(moves.flatMap((m) => m.outcomes.map((o): [string, number] => [`${m.id}/${o.id}`, o.index])));
  return scenario.beliefs.map((b) => ({
    id: b.id,
    label: b.label,
    holder: actorIndex(b.holder),
    about: actorIndex(b.about),
    window: b.window,
    triggerMoves: Int32Array.from(b.triggers.flatMap((t) => (moveIndex.has(t) ? [moveIndex.get(t)!] : []))),
    triggerOutcomes: Int32Array.from(b.triggers.flatMap((t) => (outcomeIndex.has(t) ? [outcomeIndex.get(t)!] : []))),
    responses: Int32Array.from(b.responses.map((r) => moveIndex.get(r)!)),
    prior: pseudoCounts(b.prior),
    baseline: pseudoCounts(b.baseline),
  }));
}

function compileEvents(scenario: Scenario): Map<number, CompiledEvent[]> {
  const byTurn = new Map<number, CompiledEvent[]>();
  for (const e of scenario.events) {
    const turn = turnOfDate(scenario, e.date);
    if (turn < 0) continue;
    const compiled: CompiledEvent = {
      id: e.id,
      turn,
      label: e.label,
      narrative: e.narrative,
      effects: compileEffects(scenario, e.effects),
      talks: e.talks === undefined ? -1 : scenario.talks.transitions.findIndex((t) => t.id === e.talks),
    };
    byTurn.set(turn, [...(byTurn.get(turn) ?? []), compiled]);
  }
  return byTurn;
}

function objectiveWeights(scenario: Scenario): ObjectiveWeights[] {
  const weight = (a: Scenario['actors'][number], ref: string) => (Object.hasOwn(a.objectives, ref) ? a.objectives[ref]! : 0);
  return scenario.actors.map((a) => ({
    vars: Float64Array.from(scenario.variables.map((v) => weight(a, v.id))),
    escalation: weight(a, 'escalation'),
    phaseValue: Float64Array.from(scenario.talks.phases.map((p) => weight(a, `talks:${p.id}`) + (p.alive ? weight(a, 'talks:alive') : 0))),
  }));
}

/** The value to an objective of the `add` effects in `effects`. */
function addValue(w: ObjectiveWeights, effects: readonly CompiledEffect[]): number {
  let gain = 0;
  for (const e of effects) {
    if (e.op !== EffectOp.add) continue;
    if (e.kind === RefKind.variable) gain += w.vars[e.arg]! * e.value;
    else if (e.kind === RefKind.escalation) gain += w.escalation * e.value;
  }
  return gain;
}

/** An outcome whose expected value is a constant: a fixed probability and `add` effects only. */
function isFixedOutcome(o: CompiledOutcome): boolean {
  return o.probability.fixed === o.probability.fixed && o.dynamicValueEffects.length === 0;
}

function fixedOutcomeGains(moves: readonly CompiledMove[], weights: readonly ObjectiveWeights[], values: Float64Array, count: number): Float64Array {
  const gains = new Float64Array(weights.length * moves.length);
  weights.forEach((_, a) => {
    for (const m of moves) {
      let gain = 0;
      for (const o of m.outcomes) if (isFixedOutcome(o) && o.weighted[a]) gain += o.probability.fixed * values[a * count + o.index]!;
      gains[a * moves.length + m.index] = gain;
    }
  });
  return gains;
}

function outcomeValues(moves: readonly CompiledMove[], weights: readonly ObjectiveWeights[], count: number): Float64Array {
  const values = new Float64Array(weights.length * count);
  weights.forEach((w, a) => {
    for (const m of moves) for (const o of m.outcomes) values[a * count + o.index] = addValue(w, o.valueEffects);
  });
  return values;
}

function staticGains(scenario: Scenario, moves: readonly CompiledMove[], weights: readonly ObjectiveWeights[]): Float64Array {
  const gains = new Float64Array(scenario.actors.length * moves.length);
  weights.forEach((w, a) => {
    for (const m of moves) gains[a * moves.length + m.index] = addValue(w, [...m.effects, ...m.laterEffects]);
  });
  return gains;
}

function compileHistory(scenario: Scenario): { history: Int32Array; historyTurns: number } {
  const n = scenario.actors.length;
  const turns = Math.max(0, ...scenario.history.map((h) => turnOfDate(scenario, h.date) + 1));
  const history = new Int32Array(turns * n).fill(-1);
  for (const h of scenario.history) {
    const cell = turnOfDate(scenario, h.date) * n + scenario.actors.findIndex((a) => a.id === h.actor);
    // The first entry of a week wins: the record lists an actor's most telling act first.
    if (history[cell] === -1) history[cell] = scenario.moves.findIndex((m) => m.id === h.move);
  }
  return { history, historyTurns: turns };
}

/** The actor's `quietMove`, or else its always-legal move nearest to neutral (Goldstein 0, then lowest rung). */
function quietMoves(scenario: Scenario): Int32Array {
  return Int32Array.from(
    scenario.actors.map((a) => {
      if (a.quietMove !== undefined) return scenario.moves.findIndex((m) => m.id === a.quietMove);
      let best = -1;
      scenario.moves.forEach((m, i) => {
        if (m.actor !== a.id || m.preconditions.length > 0 || m.talksPhases !== undefined) return;
        const b = scenario.moves[best];
        if (!b || Math.abs(m.goldstein) < Math.abs(b.goldstein) || (Math.abs(m.goldstein) === Math.abs(b.goldstein) && m.rung < b.rung)) best = i;
      });
      return best;
    }),
  );
}

function build(scenario: Scenario): Compiled {
  const delayed: CompiledDelayed[] = [];
  const moves = compileMoves(scenario, delayed);
  const weights = objectiveWeights(scenario);
  const vars = scenario.variables;
  const phases = scenario.talks.phases;
  const beliefs = compileBeliefs(scenario, moves);
  const outcomeCount = moves.reduce((n, m) => n + m.outcomes.length, 0);
  const outcomeValue = outcomeValues(moves, weights, outcomeCount);
  return {
    scenario,
    actors: scenario.actors.length,
    actorIds: scenario.actors.map((a) => a.id),
    variableIds: vars.map((v) => v.id),
    varMin: Float64Array.from(vars.map((v) => v.min)),
    varMax: Float64Array.from(vars.map((v) => v.max)),
    driftToward: Float64Array.from(vars.map((v) => v.drift?.toward ?? 0)),
    driftRate: Float64Array.from(vars.map((v) => v.drift?.rate ?? 0)),
    drifting: Int32Array.from(vars.flatMap((v, i) => ((v.drift?.rate ?? 0) > 0 ? [i] : []))),
    driftTerms: vars.map((v) => (v.drift && Object.keys(v.drift.terms).length > 0 ? compileSum(scenario, v.drift.terms) : null)),
    outcomeCount,
    beliefs,
    beliefPrior: Float64Array.from(beliefs.flatMap((b) => [...b.prior, ...b.baseline])),
    beliefResponse: Uint8Array.from(beliefs.flatMap((b) => moves.map((m) => (b.responses.includes(m.index) ? 1 : 0)))),
    beliefsHeld: scenario.actors.map((_, a) => Int32Array.from(beliefs.flatMap((b, i) => (b.holder === a ? [i] : [])))),
    responsesWeighed: scenario.actors.map((_, a) => Int32Array.from(new Set(beliefs.filter((b) => b.holder === a).flatMap((b) => [...b.responses])))),
    beliefsTriggeredByMove: moves.map((m) => Int32Array.from(beliefs.flatMap((b, i) => (b.triggerMoves.includes(m.index) ? [i] : [])))),
    beliefsTriggeredByOutcome: Array.from({ length: outcomeCount }, (_, o) => Int32Array.from(beliefs.flatMap((b, i) => (b.triggerOutcomes.includes(o) ? [i] : [])))),
    topRung: Math.max(...scenario.ladder.map((r) => r.level)),
    moves,
    movesByActor: scenario.actors.map((_, a) => moves.filter((m) => m.actor === a).map((m) => m.index)),
    delayed,
    delayedIndex: new Map(delayed.map((d, i) => [d.id, i])),
    phaseIds: phases.map((p) => p.id),
    phaseAlive: Uint8Array.from(phases.map((p) => (p.alive ? 1 : 0))),
    phaseEnds: Uint8Array.from(phases.map((p) => (p.ends ? 1 : 0))),
    transitions: scenario.talks.transitions.map((t) => ({
      id: t.id,
      label: t.label,
      fromMask: phaseMask(scenario, t.from),
      to: phases.findIndex((p) => p.id === t.to),
      hazard: compileTerm(scenario, t.hazard),
    })),
    transitionIndex: new Map(scenario.talks.transitions.map((t, i) => [t.id, i])),
    eventsByTurn: compileEvents(scenario),
    casualtySignal: scenario.actors.map((a) =>
      a.doctrine.casualtySignal ? compileSum(scenario, { [a.doctrine.casualtySignal]: 1 }) : null,
    ),
    objectives: scenario.actors.map((a) => compileSum(scenario, a.objectives)),
    objectiveWeights: weights,
    staticGain: staticGains(scenario, moves, weights),
    outcomeValue,
    fixedOutcomeGain: fixedOutcomeGains(moves, weights, outcomeValue, outcomeCount),
    legalBuffer: new Int32Array(Math.max(1, moves.length)),
    beliefHit: new Uint8Array(beliefs.length),
    stakeBuffer: new Float64Array(beliefs.length),
    responseValueBuffer: new Float64Array(moves.length),
    ...compileHistory(scenario),
    quietMove: quietMoves(scenario),
  };
}

const cache = new WeakMap<Scenario, Compiled>();

/** The compiled form of a checked scenario, built once per scenario object. */
export function compile(scenario: Scenario): Compiled {
  let compiled = cache.get(scenario);
  if (!compiled) {
    compiled = build(scenario);
    cache.set(scenario, compiled);
  }
  return compiled;
}
