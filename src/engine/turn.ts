/**
 * Resolves one week on the working state, in place. The order is fixed:
 *   1. the turn's generator hands over the next turn's state, then the policies' draws;
 *   2. each actor's move resolves in scenario order: effects, forced talks transition, escalation
 *      impulse, chance outcomes, delayed effects queued, hostility perceived by its targets;
 *   3. open war if escalation peaked at or above its threshold; otherwise memory fades and variables
 *      drift (grudges, rebuilding, decay of escalation), beliefs learn from the week, and the
 *      talks' competing hazards are drawn from the phase the moves left them in;
 *   4. the week advances: scheduled events and due delayed effects fire; end conditions are checked.
 * Every chance draw is made whether or not it can matter, so a change of one parameter does not
 * shift the random numbers of everything after it (common random numbers across set-ups).
 */
import { observeBeliefs } from './belief';
import type { Compiled, CompiledEffect, CompiledEvent, CompiledMove } from './compile';
import { RefKind } from '../scenario/refs';
import type { StrategyId } from '../scenario/schema';
import { chooseAll, chooseAllFrom, type StateChoices } from './policies';
import { drawStateInto, uniform } from './rng';
import { applyTransition, drawTransition } from './talks';
import type { Trace } from './trace';
import { impulse, impulseOf } from './value';
import { applyEffect, applyEffectAt, EndReason, isLegal, termPredictor, termProbability, type Work } from './work';

function clampEscalation(c: Compiled, x: number): number {
  return x < 0 ? 0 : x > c.topRung ? c.topRung : x;
}

function applyEffects(c: Compiled, w: Work, effects: readonly CompiledEffect[], trace: Trace | null): void {
  for (let i = 0; i < effects.length; i++) {
    const e = effects[i]!;
    const delta = applyEffect(c, w, e);
    if (trace && e.kind === RefKind.escalation) trace.escalate(delta);
  }
}

/** Applies the effects [from, to) of the resolve tables' pool, in order. */
function applyEffectRange(c: Compiled, w: Work, from: number, to: number, trace: Trace | null): void {
  for (let i = from; i < to; i++) {
    const delta = applyEffectAt(c, w, i);
    if (trace && c.resolve.effects.kind[i] === RefKind.escalation) trace.escalate(delta);
  }
}

/** Queues the delayed effects delayedPool[from .. to) of the resolve tables. */
function queueDelayed(c: Compiled, w: Work, from: number, to: number, actor: number): void {
  const r = c.resolve;
  for (let i = from; i < to; i++) {
    const d = r.delayedPool[i]!;
    w.pending.push({ due: w.turn + r.delayedAfter[d]!, delayed: d, actor });
  }
}

/** Marks the beliefs in `list` as triggered this week. */
function markTriggered(c: Compiled, list: Int32Array): void {
  for (let i = 0; i < list.length; i++) c.beliefHit[list[i]!] = 1;
}

/** Traces a move's opening (only interactive play traces). */
function traceMove(c: Compiled, w: Work, a: number, m: CompiledMove, trace: Trace): void {
  trace.begin('move', m.id, c.actorIds[a]!, m.label);
  trace.say(m.narrative[w.turn % m.narrative.length]!);
}

/** Actor `a` plays move `m` (by index): its effects, forced talks, pull on escalation, chance outcomes, delayed effects, hostility perceived. */
function resolveMove(c: Compiled, w: Work, a: number, m: number, trace: Trace | null): void {
  const rng = w.rng;
  const r = c.resolve;
  markTriggered(c, c.beliefsTriggeredByMove[m]!);
  const n = c.actors;
  if (trace) traceMove(c, w, a, c.moves[m]!, trace);
  applyEffectRange(c, w, r.moveEffFrom[m]!, r.moveEffTo[m]!, trace);
  const talks = r.moveTalks[m]!;
  if (talks >= 0) applyTransition(c, w, talks);
  const before = w.escalation;
  w.escalation = clampEscalation(c, before + impulseOf(c.moveTables, w, m));
  trace?.escalate(w.escalation - before);
  trace?.settle();
  let quiet = true;
  for (let o = r.moveOutFrom[m]!, end = r.moveOutTo[m]!; o < end; o++) {
    const happens = uniform(rng) < termProbability(c, w, o);
    if (!happens) continue;
    quiet = false;
    markTriggered(c, c.beliefsTriggeredByOutcome[o]!);
    if (trace) traceOutcome(c, a, c.moves[m]!, o, trace);
    applyEffectRange(c, w, r.outEffFrom[o]!, r.outEffTo[o]!, trace);
    queueDelayed(c, w, r.outDelayedFrom[o]!, r.outDelayedTo[o]!, a);
    trace?.settle();
  }
  if (trace && quiet && c.moves[m]!.quietNarrative) trace.say(c.moves[m]!.quietNarrative!);
  queueDelayed(c, w, r.moveDelayedFrom[m]!, r.moveDelayedTo[m]!, a);
  const misperception = c.scenario.dynamics.misperception;
  const hostility = r.hostility[m]!;
  const { targetFrom, targetTo, targets } = c.moveTables;
  const received = w.received;
  for (let i = targetFrom[m]!, end = targetTo[m]!; i < end; i++) {
    const perceived = Math.min(1, hostility + misperception * uniform(rng));
    const cell = targets[i]! * n + a;
    received[cell] = received[cell]! + perceived;
  }
  w.lastMove[a] = m;
}

/** Traces a chance outcome that happened (`o` its global index). */
function traceOutcome(c: Compiled, a: number, m: CompiledMove, o: number, trace: Trace): void {
  const outcome = m.outcomes[o - m.outcomes[0]!.index]!;
  trace.outcomes[a]!.push(outcome.id);
  trace.begin('outcome', `${m.id}/${outcome.id}`, c.actorIds[a]!, outcome.label);
  trace.say(outcome.narrative);
}

/** Where variable `v` drifts toward this week: its target plus any terms of the state, within its range. */
function driftTarget(c: Compiled, w: Work, v: number): number {
  const terms = c.resolve.driftTerm[v]!;
  if (terms < 0) return c.driftToward[v]!;
  const x = c.driftToward[v]! + termPredictor(c, w, terms);
  return x < c.varMin[v]! ? c.varMin[v]! : x > c.varMax[v]! ? c.varMax[v]! : x;
}

/**
 * Remembered hostility fades, variables drift, escalation decays toward its floor. A hostile week
 * holds escalation up: its decay shrinks by `hostileHold` times the week's largest hostility.
 * Actors who perceived more than the threshold of hostility this week never forget it (grim trigger).
 */
function fade(c: Compiled, w: Work, hostility: number, trace: Trace | null): void {
  const d = c.scenario.dynamics;
  trace?.begin('decay', '', null, 'Time passing: tempers cool, the militias rebuild, memories fade');
  fadeGrudges(c, w, 1 - d.grudgeDecay, d.hostilityThreshold);
  const { drifting, driftRate, driftToward } = c;
  const driftTerm = c.resolve.driftTerm;
  const vars = w.vars;
  for (let i = 0; i < drifting.length; i++) {
    const v = drifting[i]!;
    const target = driftTerm[v]! < 0 ? driftToward[v]! : driftTarget(c, w, v);
    vars[v] = vars[v]! + driftRate[v]! * (target - vars[v]!);
  }
  const before = w.escalation;
  const decay = d.escalationDecay * (1 - d.hostileHold * hostility);
  w.escalation = clampEscalation(c, before - decay * (before - d.escalationFloor));
  trace?.escalate(w.escalation - before);
  trace?.settle();
}

/** Grudges keep `keep` of themselves plus the week's perceived hostility; past `threshold`, an actor is triggered for good. */
function fadeGrudges(c: Compiled, w: Work, keep: number, threshold: number): void {
  const n = c.actors;
  const grudge = w.grudge;
  const received = w.received;
  for (let a = 0; a < n; a++) {
    for (let i = a * n, end = i + n; i < end; i++) {
      const r = received[i]!;
      const g = keep * grudge[i]! + r;
      grudge[i] = g > 0 ? g : 0;
      if (r > threshold) w.triggered[a] = 1;
    }
  }
}

/** The week's talks hazards, drawn from the phase the talks are in after the moves (a move may have moved them). */
function drawTalks(c: Compiled, w: Work, scratch: Float64Array, trace: Trace | null): number {
  const u = uniform(w.rng);
  if (c.phaseEnds[w.phase]) return -1;
  const t = drawTransition(c, w, u, scratch);
  if (t < 0) return -1;
  trace?.drew(t);
  applyTransition(c, w, t);
  const transition = c.transitions[t]!;
  trace?.begin('talks', transition.id, null, `Talks: ${transition.label}`);
  trace?.say(`Talks: ${transition.label}.`);
  trace?.settle();
  return t;
}

const NO_EVENTS: readonly CompiledEvent[] = [];

/** Fires the injects the log queued, in order, as events that also pull escalation like a move. */
function fireInjects(c: Compiled, w: Work, trace: Trace | null): void {
  if (w.injects.length === 0) return;
  for (const i of w.injects) {
    const e = c.injects[i]!;
    trace?.begin('inject', e.id, null, e.label);
    trace?.say(e.narrative);
    applyEffects(c, w, e.effects, trace);
    const before = w.escalation;
    w.escalation = clampEscalation(c, before + impulse(c, w, e.hostility, e.rung));
    trace?.escalate(w.escalation - before);
    if (e.talks >= 0) applyTransition(c, w, e.talks);
    trace?.settle();
  }
  w.injects.length = 0;
}

/** Fires what is scheduled for the week that has just begun: calendar events, then delayed effects. */
export function openWeek(c: Compiled, w: Work, trace: Trace | null): void {
  const events = w.turn < c.eventsAt.length ? (c.eventsAt[w.turn] ?? NO_EVENTS) : NO_EVENTS;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    trace?.begin('event', e.id, null, e.label);
    trace?.say(e.narrative);
    applyEffects(c, w, e.effects, trace);
    if (e.talks >= 0) applyTransition(c, w, e.talks);
    trace?.settle();
  }
  fireInjects(c, w, trace);
  const pending = w.pending;
  if (pending.length === 0) return;
  // Fire the due effects in queue order and keep the rest, compacting the queue in place.
  let kept = 0;
  for (let i = 0; i < pending.length; i++) {
    const p = pending[i]!;
    if (p.due !== w.turn) {
      pending[kept++] = p;
      continue;
    }
    if (trace) {
      const d = c.delayed[p.delayed]!;
      trace.begin('delayed', d.id, c.actorIds[p.actor]!, d.narrative);
      trace.say(d.narrative);
    }
    applyEffectRange(c, w, c.resolve.delayedEffFrom[p.delayed]!, c.resolve.delayedEffTo[p.delayed]!, trace);
    trace?.settle();
  }
  pending.length = kept;
}

function endInWar(c: Compiled, w: Work): void {
  w.ended = EndReason.openWar;
  const onWar = c.scenario.talks.onOpenWar;
  if (onWar !== undefined && w.phase !== c.phaseIds.indexOf(onWar)) {
    w.phase = c.phaseIds.indexOf(onWar);
    w.phaseSince = w.turn;
  }
}

/** Ends the game on open war (events or delayed effects can cause it too) or on a talks phase that ends it. */
export function checkEnd(c: Compiled, w: Work): void {
  if (w.escalation >= c.scenario.dynamics.openWarAt) endInWar(c, w);
  else if (c.phaseEnds[w.phase]) w.ended = EndReason.talks;
}

/**
 * The next week's generator state, drawn as a week opens and set once it has resolved. One for the
 * module: a week resolves to its end before another begins (nothing in it starts another week).
 */
const nextState = new Int32Array(4);

/**
 * Resolves the week `w.turn` with one move index per actor (already checked legal), in place.
 * `scratch` holds one number per talks transition. Returns the talks transition drawn, or -1.
 */
export function stepWork(c: Compiled, w: Work, moves: ArrayLike<number>, scratch: Float64Array, trace: Trace | null): number {
  const next = nextState;
  drawStateInto(w.rng, next);
  for (let a = 0; a < c.actors; a++) uniform(w.rng);
  return resolveWeek(c, w, moves, scratch, trace, next);
}

/**
 * The Monte Carlo week: draws the next week's state, lets every actor choose from the week's
 * policy draws (as `chooseAll` would from a copy), and resolves the week. The same draws as
 * `chooseAll` then `stepWork`, without copying the generator. `choices`, when given, were made in
 * this state (policies.ts `stateChoices`).
 */
export function playWork(
  c: Compiled,
  w: Work,
  strategies: readonly StrategyId[],
  moves: Int32Array,
  scores: Float64Array,
  scratch: Float64Array,
  forced?: Int32Array,
  choices?: StateChoices,
): number {
  const next = nextState;
  drawStateInto(w.rng, next);
  if (choices) chooseAllFrom(c, w, strategies, choices, moves, scores, w.rng);
  else chooseAll(c, w, strategies, moves, scores, w.rng);
  if (forced) for (let a = 0; a < c.actors; a++) if (forced[a]! >= 0 && isLegal(c, w, forced[a]!)) moves[a] = forced[a]!;
  return resolveWeek(c, w, moves, scratch, null, next);
}

/** The week after its draws: the moves resolve, then fading, beliefs, the talks, the next week's opening. */
function resolveWeek(c: Compiled, w: Work, moves: ArrayLike<number>, scratch: Float64Array, trace: Trace | null, next: Int32Array): number {
  // Loops rather than fill(): these arrays are short, and a builtin call costs more than the loop.
  const received = w.received;
  for (let i = 0; i < received.length; i++) received[i] = 0;
  const hit = c.beliefHit;
  for (let i = 0; i < hit.length; i++) hit[i] = 0;
  let hostility = 0;
  const hostile = c.moveTables.hostile;
  for (let a = 0; a < c.actors; a++) {
    const m = moves[a]!;
    if (hostile[m]! > hostility) hostility = hostile[m]!;
    resolveMove(c, w, a, m, trace);
  }
  // Open war is judged on the week's peak, before the week's decay.
  const war = w.escalation >= c.scenario.dynamics.openWarAt;
  let transition = -1;
  if (!war) {
    fade(c, w, hostility, trace);
    observeBeliefs(c, w, moves);
    transition = drawTalks(c, w, scratch, trace);
  }
  w.turn += 1;
  w.rng.setState(next);
  if (war) {
    endInWar(c, w);
    trace?.begin('talks', 'open-war', null, 'Open war');
    trace?.say('The crisis escalated into open war.');
    trace?.settle();
    return transition;
  }
  openWeek(c, w, trace);
  checkEnd(c, w);
  if (trace && w.ended === EndReason.openWar) {
    trace.begin('talks', 'open-war', null, 'Open war');
    trace.say('The crisis escalated into open war.');
    trace.settle();
  }
  return transition;
}
