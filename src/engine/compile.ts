/**
 * Compiles a checked scenario into flat, index-based tables for the turn loop. Compiling assumes the
 * scenario passed `parseScenario`; a dangling reference here is a programming error, so it throws.
 */
import type { Effect, LinearTerm, Scenario } from '../scenario/schema';
import { anticipations, beliefTables, compileBeliefs, triggerIndex, type TriggerIndex } from './compile-beliefs';
import { indexScenario, type CompileIndex } from './compile-index';
import { gainTables } from './compile-gain';
import { resolveTables } from './compile-resolve';
import { actorTables, moveTables } from './compile-tables';
import { fixedOutcomeGains, isFixedOutcome, objectiveWeights, outcomeValues, staticGains } from './compile-values';
import {
  EffectOp,
  type Compiled,
  type CompiledDelayed,
  type CompiledEffect,
  type CompiledEvent,
  type CompiledInject,
  type CompiledMove,
  type CompiledOutcome,
  type CompiledTerm,
} from './compiled';
import { RefKind } from '../scenario/refs';

export * from './compiled';

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

function compileTerm(ix: CompileIndex, term: LinearTerm): CompiledTerm {
  const entries = Object.entries(term.terms);
  const kinds = new Int8Array(entries.length);
  const args = new Int32Array(entries.length);
  const coefs = new Float64Array(entries.length);
  entries.forEach(([name, coef], i) => {
    const ref = ix.ref(name);
    kinds[i] = ref.kind;
    args[i] = ref.arg;
    coefs[i] = coef;
  });
  const logistic = term.link === 'logistic';
  const fixed = entries.length > 0 ? Number.NaN : logistic ? 1 / (1 + Math.exp(-term.base)) : Math.min(1, Math.max(0, term.base));
  return { base: term.base, kinds, args, coefs, logistic, varsOnly: kinds.every((k) => k === RefKind.variable), fixed, memo: new Float64Array([Number.NaN, Number.NaN]) };
}

/**
 * A weighted sum of refs with no link, for objectives and casualty signals. Built as a literal of
 * the same shape as compileTerm's (a spread copy gets another hidden class, and the loops that
 * read both kinds of term went polymorphic).
 */
function compileSum(ix: CompileIndex, weights: Record<string, number>): CompiledTerm {
  const t = compileTerm(ix, { base: 0, terms: weights, link: 'clamp' });
  return { base: t.base, kinds: t.kinds, args: t.args, coefs: t.coefs, logistic: false, varsOnly: t.varsOnly, fixed: Number.NaN, memo: t.memo };
}

function compileEffects(ix: CompileIndex, effects: readonly Effect[]): CompiledEffect[] {
  return effects.map((e) => {
    const ref = ix.ref(e.target);
    const [op, value] =
      e.add !== undefined ? [EffectOp.add, e.add] : e.scale !== undefined ? [EffectOp.scale, e.scale] : [EffectOp.set, e.set ?? 0];
    return { kind: ref.kind, arg: ref.arg, op, value, target: e.target };
  });
}

function phaseMask(ix: CompileIndex, phases: readonly string[] | undefined): number {
  if (!phases) return ~0;
  return phases.reduce((mask, p) => mask | (1 << ix.phase(p)), 0);
}

/** Doctrine terms fixed by the move and its actor, computed in the order policies.ts documents. */
function doctrineTerms(ix: CompileIndex, m: Scenario['moves'][number]) {
  const doc = ix.scenario.actors[ix.actor(m.actor)]!.doctrine;
  const top = ix.topRung;
  const hostility = -m.goldstein / 10;
  const hostile = hostility > 0 ? hostility : 0;
  const cooperative = hostility < 0 ? -hostility : 0;
  return { hostile, escalationTerm: (doc.escalationAversion * m.rung) / top, talksTerm: doc.talksValue * (cooperative - hostile) };
}

function compileOutcome(
  ix: CompileIndex,
  m: Scenario['moves'][number],
  o: Scenario['moves'][number]['outcomes'][number],
  index: number,
  addDelayed: (prefix: string, list: Scenario['moves'][number]['delayed']) => number[],
  delayed: readonly CompiledDelayed[],
): CompiledOutcome {
  const effects = compileEffects(ix, o.effects);
  const later = addDelayed(`${m.id}/${o.id}`, o.delayed);
  const valueEffects = [...effects, ...later.flatMap((d) => delayed[d]!.effects)];
  const targets = [...o.effects, ...o.delayed.flatMap((d) => d.effects)].map((e) => e.target);
  return {
    index,
    id: o.id,
    label: o.label,
    narrative: o.narrative,
    probability: compileTerm(ix, o.probability),
    effects,
    delayed: later,
    valueEffects,
    dynamicValueEffects: valueEffects.filter((e) => e.op !== EffectOp.add),
    weighted: Uint8Array.from(ix.scenario.actors.map((a) => (targets.some((t) => a.objectives[t] !== undefined) ? 1 : 0))),
  };
}

function compileMoves(ix: CompileIndex, triggers: TriggerIndex, delayed: CompiledDelayed[]): CompiledMove[] {
  let outcomeIndex = 0;
  const addDelayed = (prefix: string, list: Scenario['moves'][number]['delayed']) =>
    list.map((d, k) => {
      delayed.push({ id: `${prefix}#${k}`, afterTurns: d.afterTurns, narrative: d.narrative, effects: compileEffects(ix, d.effects) });
      return delayed.length - 1;
    });
  return ix.scenario.moves.map((m, index) => {
    const anticipated = anticipations(ix.scenario, triggers, m);
    const ownDelayed = addDelayed(m.id, m.delayed);
    const effects = compileEffects(ix, m.effects);
    const laterEffects = ownDelayed.flatMap((d) => delayed[d]!.effects);
    const outcomes = m.outcomes.map((o) => compileOutcome(ix, m, o, outcomeIndex++, addDelayed, delayed));
    return {
      index,
      id: m.id,
      actor: ix.actor(m.actor),
      label: m.label,
      rung: m.rung,
      goldstein: m.goldstein,
      hostility: -m.goldstein / 10,
      ...doctrineTerms(ix, m),
      targets: Int32Array.from(m.targets.map(ix.actor)),
      bias: m.bias,
      propensity: Object.keys(m.propensity).length > 0 ? compileSum(ix, m.propensity) : null,
      anticipatedBelief: Int32Array.from(anticipated.belief),
      anticipatedOutcome: Int32Array.from(anticipated.outcome),
      conditions: m.preconditions.map((c) => {
        const ref = ix.ref(c.ref);
        return { kind: ref.kind, arg: ref.arg, min: c.min ?? -Infinity, max: c.max ?? Infinity };
      }),
      phaseMask: phaseMask(ix, m.talksPhases),
      effects,
      laterEffects,
      dynamicEffects: [...effects, ...laterEffects].filter((e) => e.op !== EffectOp.add),
      talks: ix.transition(m.talks),
      outcomes,
      variableOutcomes: outcomes.filter((o) => !isFixedOutcome(o)),
      delayed: ownDelayed,
      narrative: m.narrative,
      quietNarrative: m.quietNarrative,
    };
  });
}

function compileEvents(ix: CompileIndex): Map<number, CompiledEvent[]> {
  const byTurn = new Map<number, CompiledEvent[]>();
  for (const e of ix.scenario.events) {
    const turn = turnOfDate(ix.scenario, e.date);
    if (turn < 0) continue;
    const compiled: CompiledEvent = {
      id: e.id,
      turn,
      label: e.label,
      narrative: e.narrative,
      effects: compileEffects(ix, e.effects),
      talks: ix.transition(e.talks),
    };
    // Appended in place: copying the turn's list for each event made many events on one date quadratic.
    const list = byTurn.get(turn);
    if (list) list.push(compiled);
    else byTurn.set(turn, [compiled]);
  }
  return byTurn;
}

function eventsByTurnArray(byTurn: ReadonlyMap<number, readonly CompiledEvent[]>): (readonly CompiledEvent[] | undefined)[] {
  const last = Math.max(-1, ...byTurn.keys());
  return Array.from({ length: last + 1 }, (_, turn) => byTurn.get(turn));
}

function compileInjects(ix: CompileIndex): CompiledInject[] {
  return ix.scenario.injects.map((e, index) => ({
    index,
    id: e.id,
    label: e.label,
    narrative: e.narrative,
    effects: compileEffects(ix, e.effects),
    talks: ix.transition(e.talks),
    hostility: -e.goldstein / 10,
    rung: e.rung,
  }));
}

function compileHistory(ix: CompileIndex): { history: Int32Array; historyTurns: number } {
  const scenario = ix.scenario;
  const n = scenario.actors.length;
  const turnOf = scenario.history.map((h) => turnOfDate(scenario, h.date));
  const turns = turnOf.reduce((most, t) => Math.max(most, t + 1), 0);
  const history = new Int32Array(turns * n).fill(-1);
  scenario.history.forEach((h, i) => {
    const cell = turnOf[i]! * n + ix.actor(h.actor);
    // The first entry of a week wins: the record lists an actor's most telling act first.
    if (history[cell] === -1) history[cell] = ix.move(h.move);
  });
  return { history, historyTurns: turns };
}

/** The actor's `quietMove`, or else its always-legal move nearest to neutral (Goldstein 0, then lowest rung). */
function quietMoves(ix: CompileIndex): Int32Array {
  const scenario = ix.scenario;
  return Int32Array.from(
    scenario.actors.map((a) => {
      if (a.quietMove !== undefined) return ix.move(a.quietMove);
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

/** Per actor, its moves' indices in order. */
function movesByActor(actors: number, moves: readonly CompiledMove[]): number[][] {
  const byActor = Array.from({ length: actors }, (): number[] => []);
  for (const m of moves) byActor[m.actor]!.push(m.index);
  return byActor;
}

function build(scenario: Scenario): Compiled {
  const ix = indexScenario(scenario);
  const delayed: CompiledDelayed[] = [];
  const moves = compileMoves(ix, triggerIndex(scenario), delayed);
  const weights = objectiveWeights(scenario);
  const vars = scenario.variables;
  const phases = scenario.talks.phases;
  const beliefs = compileBeliefs(scenario, ix.actor, moves);
  const outcomeCount = moves.reduce((n, m) => n + m.outcomes.length, 0);
  const outcomeValue = outcomeValues(moves, weights, outcomeCount);
  const staticGain = staticGains(scenario, moves, weights);
  const fixedOutcomeGain = fixedOutcomeGains(moves, weights, outcomeValue, outcomeCount);
  const byActor = movesByActor(scenario.actors.length, moves);
  const eventsByTurn = compileEvents(ix);
  const transitions = scenario.talks.transitions.map((t) => ({
    id: t.id,
    label: t.label,
    fromMask: phaseMask(ix, t.from),
    to: ix.phase(t.to),
    hazard: compileTerm(ix, t.hazard),
  }));
  const driftTerms = vars.map((v) => (v.drift && Object.keys(v.drift.terms).length > 0 ? compileSum(ix, v.drift.terms) : null));
  // Spread into the literal below, the tables' fields ended up outside the object (one more load each): listed instead.
  const { beliefAbout, beliefWindow, beliefResponseFrom, beliefResponseTo, beliefResponses, beliefPrior, beliefResponse, beliefsHeld, responsesWeighed, beliefsTriggeredByMove, beliefsTriggeredByOutcome } = beliefTables(beliefs, scenario.actors.length, moves.length, outcomeCount);
  const { resolve, terms } = resolveTables(moves, delayed, transitions, outcomeCount, driftTerms);
  const { history, historyTurns } = compileHistory(ix);
  const casualtySignal = scenario.actors.map((a) => (a.doctrine.casualtySignal ? compileSum(ix, { [a.doctrine.casualtySignal]: 1 }) : null));
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
    driftTerms,
    outcomeCount,
    beliefs,
    beliefAbout, beliefWindow, beliefResponseFrom, beliefResponseTo, beliefResponses, beliefPrior, beliefResponse, beliefsHeld, responsesWeighed, beliefsTriggeredByMove, beliefsTriggeredByOutcome,
    topRung: ix.topRung,
    moves,
    movesByActor: byActor,
    moveTables: moveTables(scenario, moves, byActor),
    actorTables: actorTables(scenario, casualtySignal.map((t) => (t ? { kind: t.kinds[0]!, arg: t.args[0]! } : null))),
    delayed,
    delayedIndex: new Map(delayed.map((d, i) => [d.id, i])),
    phaseIds: phases.map((p) => p.id),
    phaseAlive: Uint8Array.from(phases.map((p) => (p.alive ? 1 : 0))),
    phaseEnds: Uint8Array.from(phases.map((p) => (p.ends ? 1 : 0))),
    transitions,
    exits: phases.map((_, p) => Int32Array.from(transitions.flatMap((t, i) => ((t.fromMask & (1 << p)) !== 0 && t.to !== p ? [i] : [])))),
    transitionIndex: new Map(scenario.talks.transitions.map((t, i) => [t.id, i])),
    eventsByTurn,
    eventsAt: eventsByTurnArray(eventsByTurn),
    injects: compileInjects(ix),
    injectIndex: new Map(scenario.injects.map((e, i) => [e.id, i])),
    casualtySignal,
    objectives: scenario.actors.map((a) => compileSum(ix, a.objectives)),
    objectiveWeights: weights,
    staticGain,
    outcomeValue,
    fixedOutcomeGain,
    gain: gainTables(moves, weights, { staticGain, fixedOutcomeGain, outcomeValue, outcomeCount }),
    outcomeTerms: moves.flatMap((m) => m.outcomes.map((o) => o.probability)),
    resolve,
    terms,
    week: { now: new Int32Array(1), stamp: new Int32Array(outcomeCount).fill(-1), probability: new Float64Array(outcomeCount) },
    legalBuffer: new Int32Array(Math.max(1, moves.length)),
    beliefHit: new Uint8Array(beliefs.length),
    stakeBuffer: new Float64Array(beliefs.length),
    responseValueBuffer: new Float64Array(moves.length),
    history,
    historyTurns,
    quietMove: quietMoves(ix),
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
