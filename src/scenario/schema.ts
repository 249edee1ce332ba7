/**
 * The scenario format: one zod schema is the single source of the Scenario type.
 *
 * A scenario is data only. Probabilities and hazards are linear terms passed through a logistic or a
 * clamp; effects name the variable they change. No field is ever evaluated as code.
 */
import { z } from './zod';
import {
  MAX_ACTORS,
  MAX_BELIEFS,
  MAX_CONDITIONS,
  MAX_CONTEXT,
  MAX_DELAYED,
  MAX_EFFECTS,
  MAX_EVENTS,
  MAX_HISTORY,
  MAX_INJECTS,
  MAX_MOVES,
  MAX_NARRATIVES,
  MAX_OUTCOMES,
  MAX_REF_LENGTH,
  MAX_REFS_LISTED,
  MAX_RUNGS,
  MAX_SOURCES,
  MAX_TALKS_PHASES,
  MAX_TALKS_TRANSITIONS,
  MAX_TEXT_LENGTH,
  MAX_URL_LENGTH,
  MAX_VARIABLES,
  MAX_WEEKS,
} from './limits';
import { priorsSection } from './prior-schema';
import { bounded, finite, id, isoDate, label, list, nonEmpty, nonNegative, probability, ref, text, weights } from './schema-fields';
import { calibration, calibrationTarget, contextEvent, historyEntry, source } from './schema-record';

export { ref } from './schema-fields';
export { calibration, calibrationTarget, contextEvent, historyEntry, source } from './schema-record';

/** The version written by this code; older files are migrated (see migrations.ts). */
export const SCHEMA_VERSION = 1;

export const moveCategories = ['kinetic', 'show-of-force', 'diplomatic', 'economic', 'nuclear', 'political'] as const;
export type MoveCategory = (typeof moveCategories)[number];

export const strategyIds = ['doctrine', 'tit-for-tat', 'proportional', 'grim-trigger', 'restraint', 'hawk', 'random', 'historical'] as const;
export type StrategyId = (typeof strategyIds)[number];

export const linkFunctions = ['logistic', 'clamp'] as const;

/** value = link(base + sum of coef * ref). A logistic link gives a probability in (0, 1). */
export const linearTerm = z
  .object({
    base: finite,
    terms: weights(finite).default({}),
    link: z.enum(linkFunctions).default('logistic'),
  })
  .strict();

/** A change to the state: add to, scale or set a variable, `escalation` or a `grudge:A:B`. */
export const effect = z
  .object({
    target: ref,
    add: finite.optional(),
    scale: finite.optional(),
    set: finite.optional(),
  })
  .strict()
  .refine((e) => [e.add, e.scale, e.set].filter((v) => v !== undefined).length === 1, {
    message: 'exactly one of add, scale or set',
  });

export const condition = z
  .object({
    ref,
    min: finite.optional(),
    max: finite.optional(),
  })
  .strict();

export const delayedEffect = z
  .object({
    afterTurns: z.number().int().min(1).max(52),
    narrative: text,
    effects: list(effect, MAX_EFFECTS, 'effects').min(1),
  })
  .strict();

/** A chance outcome of a move, drawn independently of the move's other outcomes. */
export const outcome = z
  .object({
    id,
    label,
    narrative: text,
    probability: linearTerm,
    effects: list(effect, MAX_EFFECTS, 'effects').default([]),
    delayed: list(delayedEffect, MAX_DELAYED, 'delayed effects').default([]),
  })
  .strict();

export const move = z
  .object({
    id,
    actor: id,
    label,
    description: text,
    category: z.enum(moveCategories),
    cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2 to 4 digits'),
    /** Goldstein conflict-cooperation weight, -10 (most hostile) .. +10 (most cooperative). */
    goldstein: finite.min(-10).max(10),
    /** Kahn's ladder rung the move belongs to, 0 .. top rung. */
    rung: z.number().int().min(0),
    /** Actors the move is aimed at: they feel its hostility or cooperation. */
    targets: list(id, MAX_ACTORS, 'targets').default([]),
    /** The AI's prior propensity for this move, in softmax score units. */
    bias: finite.default(0),
    /** Score added per unit of each ref (e.g. a militia attacks more readily with more capability). */
    propensity: weights(finite).default({}),
    preconditions: list(condition, MAX_CONDITIONS, 'preconditions').default([]),
    /** Legal only while the talks are in one of these phases (all phases when absent). */
    talksPhases: list(id, MAX_TALKS_PHASES, 'phases').optional(),
    effects: list(effect, MAX_EFFECTS, 'effects').default([]),
    /** A talks transition the move forces when the talks are in that transition's `from` phases. */
    talks: id.optional(),
    outcomes: list(outcome, MAX_OUTCOMES, 'outcomes').default([]),
    delayed: list(delayedEffect, MAX_DELAYED, 'delayed effects').default([]),
    /** What the week's narrative says; variants are used in turn. */
    narrative: list(text, MAX_NARRATIVES, 'narratives').min(1),
    /** Added when none of the move's outcomes happened (e.g. "no casualties"). */
    quietNarrative: bounded(MAX_TEXT_LENGTH).optional(),
    /** Told instead of the narrative in a week without violence, where the narrative takes violence for granted. */
    calmNarrative: bounded(MAX_TEXT_LENGTH).optional(),
  })
  .strict();

export const doctrine = z
  .object({
    /** Score bonus for repeating last week's move. */
    inertia: finite,
    /** Weight of remembered hostility from a target on hostile moves against it. */
    reciprocity: finite,
    /** Weight of `casualtySignal` on hostile moves. */
    casualtySensitivity: finite,
    casualtySignal: ref.optional(),
    /** Weight on cooperative moves while the talks are alive. */
    talksValue: finite,
    /** Penalty on hostile moves, scaled by the move's rung. */
    escalationAversion: finite,
    /** Weight of the expected one-week change in the actor's objective. */
    objectiveWeight: finite.default(1),
    /**
     * Weight of the responses the actor expects to its moves (its beliefs): 0 is myopic, 1 values an
     * expected response like a change it makes itself.
     */
    foresight: finite.min(0).default(0),
    /** Softmax temperature: lower is more calculating, higher more erratic. */
    temperature: finite.positive(),
  })
  .strict();

export const actor = z
  .object({
    id,
    name: label,
    short: z.string().min(1).max(12),
    color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #rrggbb'),
    description: text,
    defaultStrategy: z.enum(strategyIds).default('doctrine'),
    /** The move the historical policy plays in weeks the record shows nothing for this actor. */
    quietMove: id.optional(),
    doctrine,
    /** How the actor values the state: weights on refs. */
    objectives: weights(finite),
  })
  .strict();

export const variable = z
  .object({
    id,
    label,
    description: text,
    /** Units, e.g. "index 0-1" or "people". */
    unit: label,
    min: finite,
    max: finite,
    initial: finite,
    /**
     * Weekly pull toward a target by the share `rate` (rebuilding, decay of pressure). The target is
     * `toward` plus the sum of coef * ref over `terms`, kept within the variable's range.
     */
    drift: z.object({ toward: finite, rate: probability, terms: weights(finite).default({}) }).strict().optional(),
    /** Counters are reported in forecast outcome tables (casualties, attacks, strikes). */
    counter: z.boolean().default(false),
  })
  .strict();

export const rung = z
  .object({
    level: z.number().int().min(0),
    name: label,
    description: text,
  })
  .strict();

export const talksPhase = z
  .object({
    id,
    label,
    /** Whether talks in this phase count as alive (not collapsed). */
    alive: z.boolean(),
    /** The game ends when the talks reach this phase (e.g. a restored deal). */
    ends: z.boolean().default(false),
  })
  .strict();

export const talksTransition = z
  .object({
    id,
    label,
    from: list(id, MAX_TALKS_PHASES, 'phases').min(1),
    to: id,
    /** Weekly probability of the transition, from the state after the week's moves. */
    hazard: linearTerm,
  })
  .strict();

export const scheduledEvent = z
  .object({
    id,
    date: isoDate,
    label,
    narrative: text,
    source: text,
    effects: list(effect, MAX_EFFECTS, 'effects').default([]),
    talks: id.optional(),
  })
  .strict();

export const dynamics = z
  .object({
    /** Weekly share by which escalation falls back toward `escalationFloor`. */
    escalationDecay: probability,
    escalationFloor: nonNegative,
    /** Pull of a hostile move toward its rung: impulse = gain * hostility * max(0, rung - escalation). */
    escalationGain: nonNegative,
    /** Push of a cooperative move down: impulse = -gain * cooperation. */
    deescalationGain: nonNegative,
    /** Escalation at or above which the game ends in open war. */
    openWarAt: nonNegative,
    /** Weekly share of remembered hostility forgotten. */
    grudgeDecay: probability,
    /** Largest extra hostility a target may read into a move, as a share of the scale. */
    misperception: probability,
    /** Perceived hostility above which the classic strategies count a week as hostile. */
    hostilityThreshold: probability,
    /**
     * How far a week's hostility holds escalation up: the week's decay is multiplied by
     * 1 - hostileHold * (the week's largest move hostility). 0: every week decays alike.
     */
    hostileHold: probability.default(0),
    /** Weekly share of the evidence behind each belief that is kept (the rest reverts to the prior). */
    beliefMemory: probability.default(0.9),
  })
  .strict();

/** A Beta prior: a mean and how many observations' worth of evidence it carries. */
export const betaPrior = z
  .object({
    mean: finite.gt(0).lt(1),
    weight: finite.gt(0).max(1000),
  })
  .strict();

/**
 * What one actor believes about another's resolve: how likely `about` is to answer a trigger (a move
 * or a chance outcome) with one of `responses` within `window` weeks, against how often it plays
 * them anyway. Updated weekly from what happened (Beta-Bernoulli with forgetting); the holder's
 * doctrine weighs the expected response when it considers a triggering move.
 */
export const belief = z
  .object({
    id,
    /** What is believed, as a phrase that completes "they expect ...", e.g. "a US strike after an attack". */
    label,
    holder: id,
    about: id,
    /** Move ids, or `move/outcome` ids, whose happening opens a window for a response. */
    triggers: list(nonEmpty(MAX_REF_LENGTH), MAX_REFS_LISTED, 'triggers').min(1),
    /** Moves of `about` that count as the response. */
    responses: list(id, MAX_REFS_LISTED, 'responses').min(1),
    /** Weeks after a trigger within which a response counts. */
    window: z.number().int().min(1).max(8),
    /** The response rate after a trigger, before the start. */
    prior: betaPrior,
    /** The weekly rate of the responses in weeks with no trigger to answer, before the start. */
    baseline: betaPrior,
    source: text,
  })
  .strict();

/**
 * An event a facilitator can fire into a game (the log's `inject` entry): it fires at the start of
 * the next week, like a scheduled event, and pulls escalation toward its rung as a move would.
 */
export const inject = z
  .object({
    id,
    label,
    description: text,
    narrative: text,
    category: z.enum(moveCategories),
    cameo: z.string().regex(/^\d{2,4}$/, 'a CAMEO code of 2 to 4 digits'),
    goldstein: finite.min(-10).max(10),
    rung: z.number().int().min(0),
    effects: list(effect, MAX_EFFECTS, 'effects').default([]),
    /** A talks transition it forces when the talks are in that transition's `from` phases. */
    talks: id.optional(),
    /** The kind of event in the record it is modelled on. */
    source: text,
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: bounded(MAX_URL_LENGTH).optional(),
    schemaVersion: z.literal(SCHEMA_VERSION),
    id,
    title: label,
    summary: text,
    startDate: isoDate,
    turnDays: z.number().int().min(1).max(31),
    defaultTurns: z.number().int().min(1).max(MAX_WEEKS),
    sources: list(source, MAX_SOURCES, 'sources').min(1),
    actors: list(actor, MAX_ACTORS, 'actors').min(2),
    variables: list(variable, MAX_VARIABLES, 'variables'),
    ladder: list(rung, MAX_RUNGS, 'rungs').min(2),
    initialEscalation: nonNegative,
    /** Remembered hostility at the start, as `grudge:A:B` -> value. */
    initialGrudges: weights(nonNegative).default({}),
    dynamics,
    talks: z
      .object({
        label,
        initialPhase: id,
        /** The phase the talks fall into if the game ends in open war. */
        onOpenWar: id.optional(),
        phases: list(talksPhase, MAX_TALKS_PHASES, 'phases').min(2),
        transitions: list(talksTransition, MAX_TALKS_TRANSITIONS, 'transitions').min(1),
        /** Weeks ahead of the talks outlook: "the chance the talks are still alive N weeks from now". */
        outlookWeeks: z.number().int().min(1).max(52).default(12),
      })
      .strict(),
    moves: list(move, MAX_MOVES, 'moves').min(1),
    /** What the actors believe about each other's resolve, with priors from the record. */
    beliefs: list(belief, MAX_BELIEFS, 'beliefs').default([]),
    /** Events a facilitator can fire into a game. */
    injects: list(inject, MAX_INJECTS, 'injects').default([]),
    events: list(scheduledEvent, MAX_EVENTS, 'events').default([]),
    /** The record, played by the `historical` strategy. */
    history: list(historyEntry, MAX_HISTORY, 'history entries').default([]),
    /** Real events before the start, for the escalation chart's history overlay. */
    context: list(contextEvent, MAX_CONTEXT, 'context events').default([]),
    /** How the back-tests read this scenario's games (npm run calibrate). */
    calibration: calibration.optional(),
    /** The prior of every modelling judgement (prior-schema.ts): what the calibrated ensemble is drawn from. */
    priors: priorsSection.optional(),
  })
  .strict();

/** A checked scenario: what `parseScenario` returns. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as written in a file, before defaults are filled in. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Move = z.infer<typeof move>;
export type Outcome = z.infer<typeof outcome>;
export type Effect = z.infer<typeof effect>;
export type LinearTerm = z.infer<typeof linearTerm>;
export type Actor = z.infer<typeof actor>;
export type Doctrine = z.infer<typeof doctrine>;
export type Variable = z.infer<typeof variable>;
export type TalksPhase = z.infer<typeof talksPhase>;
export type TalksTransition = z.infer<typeof talksTransition>;
export type ScheduledEvent = z.infer<typeof scheduledEvent>;
export type Dynamics = z.infer<typeof dynamics>;
export type DelayedEffect = z.infer<typeof delayedEffect>;
export type HistoryEntry = z.infer<typeof historyEntry>;
export type ContextEvent = z.infer<typeof contextEvent>;
export type Calibration = z.infer<typeof calibration>;
export type Belief = z.infer<typeof belief>;
export type Inject = z.infer<typeof inject>;
export type CalibrationTarget = z.infer<typeof calibrationTarget>;

/** The strategies that make sense for a scenario: `historical` only where it has a record. */
export function strategiesFor(s: Scenario): StrategyId[] {
  return strategyIds.filter((id) => id !== 'historical' || s.history.length > 0);
}
