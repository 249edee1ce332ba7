/**
 * Scenario parameters by name: every numeric tunable of a scenario has a stable dotted path built
 * from ids, not array positions, so a path keeps naming the same number when moves, outcomes or
 * transitions are reordered. Examples:
 *
 *     dynamics.misperception
 *     actors.us.doctrine.reciprocity
 *     actors.iran.objectives.escalation
 *     variables.militia.capability.initial
 *     moves.militia.rockets.bias
 *     moves.militia.rockets.outcomes.us-killed.probability.terms.militia.capability
 *     talks.transitions.collapse.hazard.base
 *     beliefs.militia.us-strikes-syria.prior.mean
 *
 * Ids and ref keys may contain dots. Paths are matched whole against the paths this scenario
 * actually has, so `moves.militia.rockets.bias` resolves to the move `militia.rockets`.
 *
 * Left out: structure rather than calibration (turn length, ladder and move rungs, variable bounds,
 * Goldstein weights, which come with the CAMEO code), delayed effects (a list with no ids), and an
 * effect whose target appears twice in one list (it has no stable name).
 */
import { formatPath, parseScenario, type ParseResult } from './parse';
import { actorShort, capitalised, joinLabels, refWords } from './parameter-words';
import type { Effect, LinearTerm, Scenario } from './schema';

export interface Parameter {
  /** The stable dotted path, e.g. `dynamics.misperception`. */
  readonly path: string;
  readonly value: number;
  /** A readable name for pickers and tables, in words (no raw ids), e.g. "US doctrine: reciprocity". */
  readonly label: string;
  /** What it belongs to, for grouping in pickers: "Dynamics", "Moves of the United States", … */
  readonly group: string;
}

type Key = string | number;

/** Where a parameter lives: its path, its label and group, and its keys in the scenario object. */
interface Slot {
  readonly path: string;
  readonly label: string;
  readonly group: string;
  readonly at: readonly Key[];
}

const effectOps = ['add', 'scale', 'set'] as const;
const effectWords: Readonly<Record<(typeof effectOps)[number], string>> = { add: 'adds to', scale: 'scales', set: 'sets' };

/** `escalationGain` -> `escalation gain`. */
const words = (key: string) => key.replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);

function numericKeys(o: object): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'number' ? [k] : []));
}

function termSlots(s: Scenario, t: LinearTerm, path: string, at: readonly Key[], label: string, group: string): Slot[] {
  return [
    { path: `${path}.base`, label: `${label} base`, group, at: [...at, 'base'] },
    ...Object.keys(t.terms).map((k) => ({ path: `${path}.terms.${k}`, label: `${label} weight of ${refWords(s, k)}`, group, at: [...at, 'terms', k] })),
  ];
}

function effectSlots(s: Scenario, effects: readonly Effect[], path: string, at: readonly Key[], label: string, group: string): Slot[] {
  const count = new Map<string, number>();
  effects.forEach((e) => count.set(e.target, (count.get(e.target) ?? 0) + 1));
  return effects.flatMap((e, i) => {
    const op = effectOps.find((o) => e[o] !== undefined);
    if (op === undefined || count.get(e.target) !== 1) return [];
    return [{ path: `${path}.effects.${e.target}.${op}`, label: `${label}: ${effectWords[op]} ${refWords(s, e.target)}`, group, at: [...at, 'effects', i, op] }];
  });
}

function actorSlots(s: Scenario): Slot[] {
  return s.actors.flatMap((a, i) => {
    const group = `${a.name}: doctrine and objectives`;
    return [
      ...numericKeys(a.doctrine).map((k) => ({ path: `actors.${a.id}.doctrine.${k}`, label: `${a.short} doctrine: ${words(k)}`, group, at: ['actors', i, 'doctrine', k] })),
      ...Object.keys(a.objectives).map((k) => ({
        path: `actors.${a.id}.objectives.${k}`,
        label: `${a.short} objective: weight of ${refWords(s, k)}`,
        group,
        at: ['actors', i, 'objectives', k],
      })),
    ];
  });
}

function variableSlots(s: Scenario): Slot[] {
  const group = 'Levels and how they drift';
  return s.variables.flatMap((v, i) => [
    { path: `variables.${v.id}.initial`, label: `${v.label}: initial value`, group, at: ['variables', i, 'initial'] },
    ...(v.drift
      ? [
          { path: `variables.${v.id}.drift.toward`, label: `${v.label}: drift target`, group, at: ['variables', i, 'drift', 'toward'] },
          { path: `variables.${v.id}.drift.rate`, label: `${v.label}: weekly drift rate`, group, at: ['variables', i, 'drift', 'rate'] },
          ...Object.keys(v.drift.terms).map((k) => ({
            path: `variables.${v.id}.drift.terms.${k}`,
            label: `${v.label}: drift target's weight of ${refWords(s, k)}`,
            group,
            at: ['variables', i, 'drift', 'terms', k],
          })),
        ]
      : []),
  ]);
}

const beliefWords = { prior: 'prior', baseline: 'rate without a trigger' } as const;

function beliefSlots(s: Scenario): Slot[] {
  return s.beliefs.flatMap((b, i) =>
    (['prior', 'baseline'] as const).flatMap((which) =>
      (['mean', 'weight'] as const).map((k) => ({
        path: `beliefs.${b.id}.${which}.${k}`,
        label: `${actorShort(s, b.holder)} belief in ${b.label}: ${beliefWords[which]}, ${k}`,
        group: 'Beliefs',
        at: ['beliefs', i, which, k],
      })),
    ),
  );
}

function moveSlots(s: Scenario): Slot[] {
  return s.moves.flatMap((m, i) => {
    const path = `moves.${m.id}`;
    const at = ['moves', i];
    const group = `Moves of ${s.actors.find((a) => a.id === m.actor)?.name ?? m.actor}`;
    const move = `${actorShort(s, m.actor)}: ${m.label}`;
    return [
      { path: `${path}.bias`, label: `${move}: AI bias`, group, at: [...at, 'bias'] },
      ...Object.keys(m.propensity).map((k) => ({ path: `${path}.propensity.${k}`, label: `${move}: AI propensity per unit of ${refWords(s, k)}`, group, at: [...at, 'propensity', k] })),
      ...effectSlots(s, m.effects, path, at, move, group),
      ...m.outcomes.flatMap((o, j) => {
        const oPath = `${path}.outcomes.${o.id}`;
        const oAt = [...at, 'outcomes', j];
        const label = `${move}: ${o.label}`;
        return [...termSlots(s, o.probability, `${oPath}.probability`, [...oAt, 'probability'], `${label}: probability`, group), ...effectSlots(s, o.effects, oPath, oAt, label, group)];
      }),
    ];
  });
}

function talksSlots(s: Scenario): Slot[] {
  const group = `${s.talks.label}: what moves them`;
  return s.talks.transitions.flatMap((t, i) =>
    termSlots(s, t.hazard, `talks.transitions.${t.id}.hazard`, ['talks', 'transitions', i, 'hazard'], `${capitalised(joinLabels(s.talks.label, t.label))}: hazard`, group),
  );
}

function scenarioSlots(s: Scenario): Slot[] {
  const start = 'At the start';
  return [
    { path: 'initialEscalation', label: 'Initial escalation (rung units)', group: start, at: ['initialEscalation'] },
    ...Object.keys(s.initialGrudges).map((k) => ({ path: `initialGrudges.${k}`, label: `${capitalised(refWords(s, k))} at the start`, group: start, at: ['initialGrudges', k] })),
    ...numericKeys(s.dynamics).map((k) => ({ path: `dynamics.${k}`, label: `Dynamics: ${words(k)}`, group: 'Dynamics', at: ['dynamics', k] })),
    ...actorSlots(s),
    ...variableSlots(s),
    ...moveSlots(s),
    ...talksSlots(s),
    ...beliefSlots(s),
    ...s.events.flatMap((e, i) => effectSlots(s, e.effects, `events.${e.id}`, ['events', i], e.label, 'Scheduled events')),
  ];
}

const cache = new WeakMap<Scenario, Map<string, Slot>>();

/** The scenario's parameters by path; a path two numbers could claim names neither. */
function slotsOf(s: Scenario): Map<string, Slot> {
  const cached = cache.get(s);
  if (cached) return cached;
  const all = scenarioSlots(s);
  const seen = new Map<string, number>();
  all.forEach((x) => seen.set(x.path, (seen.get(x.path) ?? 0) + 1));
  const slots = new Map(all.filter((x) => seen.get(x.path) === 1).map((x) => [x.path, x]));
  cache.set(s, slots);
  return slots;
}

function read(root: unknown, at: readonly Key[]): unknown {
  return at.reduce<unknown>((o, k) => (o as Record<Key, unknown> | undefined)?.[k], root);
}

/** Every numeric tunable of the scenario with its current value, in the scenario's own order. */
export function listParameters(s: Scenario): Parameter[] {
  return [...slotsOf(s).values()].map((x) => ({ path: x.path, value: read(s, x.at) as number, label: x.label, group: x.group }));
}

/** The value at `path`, or undefined when the scenario has no such parameter. */
export function getParameter(s: Scenario, path: string): number | undefined {
  const slot = slotsOf(s).get(path);
  return slot ? (read(s, slot.at) as number) : undefined;
}

/**
 * A new scenario with `overrides` (path -> value) applied, checked again by `parseScenario`: a value
 * out of range gives that parser's error at the parameter's path. An unknown path gives an error
 * with code `unknown-parameter`. The scenario passed in is never changed.
 */
export function withParameters(s: Scenario, overrides: Readonly<Record<string, number>>): ParseResult<Scenario> {
  const slots = slotsOf(s);
  const paths = Object.keys(overrides);
  const unknown = paths.filter((p) => !slots.has(p));
  if (unknown.length > 0) {
    return { ok: false, errors: unknown.map((p) => ({ path: p, code: 'unknown-parameter', message: `unknown parameter "${p}"` })) };
  }
  // A scenario is plain JSON data, so a JSON round trip is a deep copy.
  const copy = JSON.parse(JSON.stringify(s)) as unknown;
  for (const p of paths) {
    const at = slots.get(p)!.at;
    (read(copy, at.slice(0, -1)) as Record<Key, unknown>)[at[at.length - 1]!] = overrides[p];
  }
  const result = parseScenario(copy);
  if (result.ok) return result;
  // Name the parameter as the caller did, not by the array positions the schema saw.
  const byPlace = new Map(paths.map((p) => [formatPath(slots.get(p)!.at), p]));
  return { ok: false, errors: result.errors.map((e) => ({ ...e, path: byPlace.get(e.path) ?? e.path })) };
}

/**
 * A new scenario with `overrides` applied and *not* checked again: only for values that were checked
 * against this very scenario before (an ensemble's sets, which were parsed when the ensemble was
 * made from the scenario of the same digest). Unknown paths still throw. Much faster than
 * `withParameters` (no parse), which is what a worker compiling a hundred sets needs.
 */
export function withCheckedParameters(s: Scenario, overrides: Readonly<Record<string, number>>): Scenario {
  const slots = slotsOf(s);
  // Only the objects on the way to a changed number are copied; the rest is shared with `s`, which
  // no one changes (a worker keeps a hundred sets compiled: whole copies cost time and memory).
  const copies = new Set<unknown>();
  const copyOf = (o: unknown): Record<Key, unknown> => {
    const c = (Array.isArray(o) ? [...(o as unknown[])] : { ...(o as object) }) as Record<Key, unknown>;
    copies.add(c);
    return c;
  };
  const root = copyOf(s);
  for (const [p, value] of Object.entries(overrides)) {
    const slot = slots.get(p);
    if (!slot) throw new Error(`unknown parameter "${p}"`);
    let node = root;
    for (const k of slot.at.slice(0, -1)) {
      if (!copies.has(node[k])) node[k] = copyOf(node[k]);
      node = node[k] as Record<Key, unknown>;
    }
    node[slot.at[slot.at.length - 1]!] = value;
  }
  return root as unknown as Scenario;
}

/**
 * A sweep's values of one parameter: `steps` evenly spaced from `from` to `to`, both included (just
 * `from` for one step). The app and the CLI both sweep over these, so they run the same values.
 */
export function sweepValues(from: number, to: number, steps: number): number[] {
  // Twelve significant digits hide the binary noise of the division (0.1 * 3 = 0.30000000000000004).
  return Array.from({ length: steps }, (_, i) => (i === steps - 1 && steps > 1 ? to : Number((from + ((to - from) * i) / Math.max(1, steps - 1)).toPrecision(12))));
}
