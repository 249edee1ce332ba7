/**
 * Parse, don't trust: `parseScenario(unknown)` returns the checked scenario or every error found,
 * each with its JSON path and what was expected. It never throws.
 */
import type { z } from './zod';
import { RefKind, resolveRef, type RefResult } from './refs';
import { migrate } from './migrations';
import { scenarioSchema, type Scenario } from './schema';

export interface ScenarioError {
  /** JSON path to the offending value, e.g. `moves[3].outcomes[0].probability.terms`. */
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: ScenarioError[] };

/** Formats a path as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => {
    if (typeof key === 'number') return `${out}[${key}]`;
    const name = String(key);
    return out === '' ? name : `${out}.${name}`;
  }, '');
}

/** A check of our own may name its error (`params.code`, e.g. `bad-date`) rather than zod's `custom`. */
function issueCode(issue: z.core.$ZodIssue): string {
  const own: unknown = issue.code === 'custom' ? issue.params?.['code'] : undefined;
  return typeof own === 'string' ? own : issue.code;
}

function zodErrors(error: z.ZodError): ScenarioError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), code: issueCode(issue), message: issue.message }));
}

type AddError = (path: string, code: string, message: string) => void;

/** Beliefs name a holder and another actor, triggers that are moves or outcomes, and responses of that actor. */
function checkBeliefs(s: Scenario, add: AddError): void {
  const actorIds = new Set(s.actors.map((a) => a.id));
  const moveActor = new Map(s.moves.map((m) => [m.id, m.actor]));
  const outcomeIds = new Set(s.moves.flatMap((m) => m.outcomes.map((o) => `${m.id}/${o.id}`)));
  s.beliefs.forEach((b, i) => {
    const path = `beliefs[${i}]`;
    if (!actorIds.has(b.holder)) add(`${path}.holder`, 'unknown-actor', `unknown actor "${b.holder}"`);
    if (!actorIds.has(b.about)) add(`${path}.about`, 'unknown-actor', `unknown actor "${b.about}"`);
    else if (b.about === b.holder) add(`${path}.about`, 'self-belief', 'a belief is about another actor than its holder');
    b.triggers.forEach((t, j) => {
      if (!moveActor.has(t) && !outcomeIds.has(t)) add(`${path}.triggers[${j}]`, 'unknown-trigger', `"${t}" is neither a move id nor a "move/outcome" id`);
    });
    b.responses.forEach((r, j) => {
      if (moveActor.get(r) !== b.about) add(`${path}.responses[${j}]`, 'unknown-move', `"${r}" is not a move of "${b.about}"`);
    });
  });
}

/** Runs the checks that span fields: unknown names, duplicate ids, dangling references. */
function crossCheck(s: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const add = (path: string, code: string, message: string) => errors.push({ path, code, message });
  const actorIds = new Set(s.actors.map((a) => a.id));
  const phaseIds = new Set(s.talks.phases.map((p) => p.id));
  const transitionIds = new Set(s.talks.transitions.map((t) => t.id));
  const moveActor = new Map(s.moves.map((m) => [m.id, m.actor]));
  // Thousands of effects name the same few refs; resolving each name once keeps the checks linear.
  const resolved = new Map<string, RefResult>();
  const resolve = (name: string): RefResult => {
    let r = resolved.get(name);
    if (!r) {
      r = resolveRef(s, name);
      resolved.set(name, r);
    }
    return r;
  };

  const unique = (list: readonly { id: string }[], path: string) => {
    const seen = new Set<string>();
    list.forEach((x, i) => {
      if (seen.has(x.id)) add(`${path}[${i}].id`, 'duplicate-id', `duplicate id "${x.id}"`);
      seen.add(x.id);
    });
  };
  unique(s.actors, 'actors');
  unique(s.variables, 'variables');
  unique(s.moves, 'moves');
  unique(s.events, 'events');
  unique(s.sources, 'sources');
  unique(s.talks.phases, 'talks.phases');
  unique(s.talks.transitions, 'talks.transitions');
  s.moves.forEach((m, i) => unique(m.outcomes, `moves[${i}].outcomes`));
  unique(s.beliefs, 'beliefs');
  unique(s.injects, 'injects');

  const checkRef = (name: string, path: string, writable = false) => {
    const r = resolve(name);
    if (!r.ok) add(path, 'unknown-ref', r.message);
    else if (writable && !r.ref.writable) add(path, 'read-only-ref', `"${name}" cannot be changed by an effect`);
  };
  const checkTerm = (t: Scenario['moves'][number]['outcomes'][number]['probability'], path: string) =>
    Object.keys(t.terms).forEach((k) => checkRef(k, `${path}.terms.${k}`));
  const checkEffects = (effects: readonly { target: string }[], path: string) =>
    effects.forEach((e, i) => checkRef(e.target, `${path}[${i}].target`, true));
  const checkPhase = (id: string, path: string) => {
    if (!phaseIds.has(id)) add(path, 'unknown-phase', `unknown talks phase "${id}"`);
  };
  const checkTransition = (id: string | undefined, path: string) => {
    if (id !== undefined && !transitionIds.has(id)) add(path, 'unknown-transition', `unknown talks transition "${id}"`);
  };

  s.variables.forEach((v, i) => {
    if (v.min > v.max) add(`variables[${i}].max`, 'bad-range', `max ${v.max} is below min ${v.min}`);
    if (v.initial < v.min || v.initial > v.max) add(`variables[${i}].initial`, 'out-of-range', `initial ${v.initial} is outside [${v.min}, ${v.max}]`);
    if (v.drift && (v.drift.toward < v.min || v.drift.toward > v.max)) add(`variables[${i}].drift.toward`, 'out-of-range', `drift target ${v.drift.toward} is outside [${v.min}, ${v.max}]`);
    Object.keys(v.drift?.terms ?? {}).forEach((k) => checkRef(k, `variables[${i}].drift.terms.${k}`));
  });
  const top = s.ladder.reduce((most, r) => Math.max(most, r.level), -Infinity);
  s.ladder.forEach((r, i) => {
    if (r.level !== i) add(`ladder[${i}].level`, 'bad-ladder', `rung levels must count up from 0 (expected ${i})`);
  });
  if (s.initialEscalation > top) add('initialEscalation', 'out-of-range', `initial escalation ${s.initialEscalation} is above the top rung ${top}`);
  if (s.dynamics.openWarAt > top) add('dynamics.openWarAt', 'out-of-range', `openWarAt ${s.dynamics.openWarAt} is above the top rung ${top}`);
  Object.keys(s.initialGrudges).forEach((k) => {
    const r = resolve(k);
    if (!r.ok || r.ref.kind !== RefKind.grudge) add(`initialGrudges.${k}`, 'unknown-ref', `expected "grudge:A:B" with two actor ids, got "${k}"`);
  });

  const valued: readonly number[] = [RefKind.variable, RefKind.escalation, RefKind.talksPhase, RefKind.talksAlive];
  const withFallback = new Set(s.moves.filter((m) => m.preconditions.length === 0 && m.talksPhases === undefined).map((m) => m.actor));
  s.actors.forEach((a, i) => {
    Object.keys(a.objectives).forEach((k) => {
      const r = resolve(k);
      if (!r.ok) add(`actors[${i}].objectives.${k}`, 'unknown-ref', r.message);
      else if (!valued.includes(r.ref.kind)) {
        add(`actors[${i}].objectives.${k}`, 'unvalued-ref', `objectives weigh variables, "escalation" and "talks:*" only, not "${k}"`);
      }
    });
    if (a.doctrine.casualtySignal) checkRef(a.doctrine.casualtySignal, `actors[${i}].doctrine.casualtySignal`);
    if (!withFallback.has(a.id)) {
      add(`actors[${i}]`, 'no-fallback-move', `actor "${a.id}" needs at least one move with no preconditions, so it always has a legal move`);
    }
  });

  checkPhase(s.talks.initialPhase, 'talks.initialPhase');
  if (s.talks.onOpenWar !== undefined) checkPhase(s.talks.onOpenWar, 'talks.onOpenWar');
  s.talks.transitions.forEach((t, i) => {
    t.from.forEach((p, j) => checkPhase(p, `talks.transitions[${i}].from[${j}]`));
    checkPhase(t.to, `talks.transitions[${i}].to`);
    checkTerm(t.hazard, `talks.transitions[${i}].hazard`);
  });

  s.moves.forEach((m, i) => {
    const path = `moves[${i}]`;
    if (!actorIds.has(m.actor)) add(`${path}.actor`, 'unknown-actor', `unknown actor "${m.actor}"`);
    m.targets.forEach((t, j) => {
      if (!actorIds.has(t)) add(`${path}.targets[${j}]`, 'unknown-actor', `unknown actor "${t}"`);
      else if (t === m.actor) add(`${path}.targets[${j}]`, 'self-target', 'a move cannot target its own actor');
    });
    if (m.rung > top) add(`${path}.rung`, 'out-of-range', `rung ${m.rung} is above the top rung ${top}`);
    m.preconditions.forEach((c, j) => checkRef(c.ref, `${path}.preconditions[${j}].ref`));
    Object.keys(m.propensity).forEach((k) => checkRef(k, `${path}.propensity.${k}`));
    m.talksPhases?.forEach((p, j) => checkPhase(p, `${path}.talksPhases[${j}]`));
    checkTransition(m.talks, `${path}.talks`);
    checkEffects(m.effects, `${path}.effects`);
    m.delayed.forEach((d, j) => checkEffects(d.effects, `${path}.delayed[${j}].effects`));
    m.outcomes.forEach((o, j) => {
      checkTerm(o.probability, `${path}.outcomes[${j}].probability`);
      checkEffects(o.effects, `${path}.outcomes[${j}].effects`);
      o.delayed.forEach((d, k) => checkEffects(d.effects, `${path}.outcomes[${j}].delayed[${k}].effects`));
    });
  });

  s.actors.forEach((a, i) => {
    if (a.quietMove === undefined) return;
    if (moveActor.get(a.quietMove) !== a.id) add(`actors[${i}].quietMove`, 'unknown-move', `"${a.quietMove}" is not a move of "${a.id}"`);
  });
  s.history.forEach((h, i) => {
    if (!actorIds.has(h.actor)) add(`history[${i}].actor`, 'unknown-actor', `unknown actor "${h.actor}"`);
    else if (moveActor.get(h.move) !== h.actor) add(`history[${i}].move`, 'unknown-move', `"${h.move}" is not a move of "${h.actor}"`);
    if (h.date < s.startDate) add(`history[${i}].date`, 'before-start', `history date ${h.date} is before the start date ${s.startDate}`);
  });
  s.context.forEach((e, i) => {
    if (e.date >= s.startDate) add(`context[${i}].date`, 'not-before-start', `context events come before the start date ${s.startDate}, got ${e.date}`);
    if (e.rung > top) add(`context[${i}].rung`, 'out-of-range', `rung ${e.rung} is above the top rung ${top}`);
  });

  if (s.calibration) {
    const moveIds = new Set(s.moves.map((m) => m.id));
    const outcomeIds = new Set(s.moves.flatMap((m) => m.outcomes.map((o) => `${m.id}/${o.id}`)));
    const cal = s.calibration;
    cal.attackMoves.forEach((m, i) => moveIds.has(m) || add(`calibration.attackMoves[${i}]`, 'unknown-move', `unknown move "${m}"`));
    cal.strikeMoves.forEach((m, i) => moveIds.has(m) || add(`calibration.strikeMoves[${i}]`, 'unknown-move', `unknown move "${m}"`));
    cal.lethalOutcomes.forEach((o, i) => outcomeIds.has(o) || add(`calibration.lethalOutcomes[${i}]`, 'unknown-outcome', `unknown outcome "${o}" (expected move/outcome)`));
    if (!s.variables.some((v) => v.id === cal.attackCounter && v.counter)) {
      add('calibration.attackCounter', 'unknown-counter', `"${cal.attackCounter}" is not a counter variable`);
    }
  }

  checkBeliefs(s, add);
  s.injects.forEach((e, i) => {
    if (e.rung > top) add(`injects[${i}].rung`, 'out-of-range', `rung ${e.rung} is above the top rung ${top}`);
    checkEffects(e.effects, `injects[${i}].effects`);
    checkTransition(e.talks, `injects[${i}].talks`);
  });

  s.events.forEach((e, i) => {
    if (e.date < s.startDate) add(`events[${i}].date`, 'before-start', `event date ${e.date} is before the start date ${s.startDate}`);
    checkEffects(e.effects, `events[${i}].effects`);
    checkTransition(e.talks, `events[${i}].talks`);
  });
  return errors;
}

/** Checks raw input (parsed JSON) against the scenario format. Never throws. */
export function parseScenario(raw: unknown): ParseResult<Scenario> {
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated;
  const result = scenarioSchema.safeParse(migrated.value);
  if (!result.success) return { ok: false, errors: zodErrors(result.error) };
  const errors = crossCheck(result.data);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: result.data };
}

/** Parses scenario text (JSON); a syntax error is reported at the root path. */
export function parseScenarioText(text: string): ParseResult<Scenario> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [{ path: '', code: 'invalid-json', message: `not valid JSON: ${(e as Error).message}` }] };
  }
  return parseScenario(raw);
}

/** Writes a scenario as the JSON a file holds (the parser's inverse). */
export function writeScenario(s: Scenario): string {
  return `${JSON.stringify(s, null, 2)}\n`;
}
