/**
 * The compiled form of a scenario: flat, index-based tables the turn loop reads without looking up
 * strings (built by compile.ts).
 */
import type { Scenario } from '../scenario/schema';
import type { RefKind } from '../scenario/refs';

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
  /**
   * The last predictor a logistic term was evaluated at and its value ([x, p]; NaN at first): the
   * same predictor gives the same probability, and states repeat it often (a variable held at its
   * bound, a probability weighed while choosing and again as the move resolves).
   */
  readonly memo: Float64Array;
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

export interface CompiledInject {
  readonly index: number;
  readonly id: string;
  readonly label: string;
  readonly narrative: string;
  readonly effects: readonly CompiledEffect[];
  /** A talks transition it forces, or -1. */
  readonly talks: number;
  /** Signed hostility in [-1, 1] (-goldstein / 10) and rung: its pull on escalation, as a move's. */
  readonly hostility: number;
  readonly rung: number;
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
  /** Per belief, the actor it is about and its window in weeks (CompiledBelief's), for the weekly update. */
  readonly beliefAbout: Int32Array;
  readonly beliefWindow: Int32Array;
  /** Per belief, its response moves: beliefResponses[beliefResponseFrom[b] .. beliefResponseTo[b]). */
  readonly beliefResponseFrom: Int32Array;
  readonly beliefResponseTo: Int32Array;
  readonly beliefResponses: Int32Array;
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
  /** Per talks phase, the transitions out of it (from it, to another phase), in index order. */
  readonly exits: readonly Int32Array[];
  readonly eventsByTurn: ReadonlyMap<number, readonly CompiledEvent[]>;
  /** The same, as an array by turn (undefined: none), up to the last turn with events. */
  readonly eventsAt: readonly (readonly CompiledEvent[] | undefined)[];
  /** The scenario's catalogue of injects, and their indices by id. */
  readonly injects: readonly CompiledInject[];
  readonly injectIndex: ReadonlyMap<string, number>;
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
  /** The moves' and actors' numbers for the turn loop (compile-tables.ts). */
  readonly moveTables: MoveTables;
  readonly actorTables: ActorTables;
  /** The tables expectedGain reads (compile-gain.ts). */
  readonly gain: GainTables;
  /** The probability term of each outcome, by its index among all the scenario's outcomes. */
  readonly outcomeTerms: readonly CompiledTerm[];
  /** The terms and effects a week's resolution reads, as structures of arrays (compile-resolve.ts). */
  readonly terms: TermTables;
  readonly resolve: ResolveTables;
  /** The outcome probabilities of the state the actors are choosing from, each computed once (week.ts). */
  readonly week: WeekCache;
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

/**
 * expectedGain's tables for pair p = a * moves + m (actor a valuing move m), pruned of what adds
 * nothing: the constant part, then the effects in `eff*[effFrom[p] .. effTo[p])` whose value reads
 * the state, then the chance outcomes in `out*[outFrom[p] .. outTo[p])` the actor weighs.
 */
export interface GainTables {
  /** The number of moves (pairs are a * moves + m). */
  readonly moves: number;
  /** staticGain + fixedOutcomeGain. */
  readonly base: Float64Array;
  /** 1 when the pair has terms that read the state (effects, outcomes or a forced talks transition). */
  readonly stateful: Uint8Array;
  readonly effFrom: Int32Array;
  readonly effTo: Int32Array;
  readonly outFrom: Int32Array;
  readonly outTo: Int32Array;
  /** Per weighed outcome: its global index, the value of its `add` effects, and its state-dependent effects. */
  readonly outIndex: Int32Array;
  readonly outValue: Float64Array;
  readonly outEffFrom: Int32Array;
  readonly outEffTo: Int32Array;
  /** Effects (scale or set, on a variable or escalation): the ref, 1 for a scale, value (value - 1 for a scale), the objective's weight. */
  readonly effKind: Int8Array;
  readonly effArg: Int32Array;
  readonly effScale: Uint8Array;
  readonly effValue: Float64Array;
  readonly effWeight: Float64Array;
  /** Per move, the talks transition it forces, or -1. */
  readonly talks: Int32Array;
  /** Per actor, its objective's weight on escalation. */
  readonly escalationWeight: Float64Array;
}

/**
 * Linear terms as a structure of arrays (compile-resolve.ts says which term is which): term t is
 * base[t] + sum of coef[i] * ref(kind[i], arg[i]) over i in [from[t], to[t]), through a logistic
 * when logistic[t] is 1, else clamped to [0, 1] as a probability. fixed[t] is its value when it
 * reads no ref (NaN otherwise); memo[2t], memo[2t + 1] the last predictor a logistic term was
 * evaluated at and its value (CompiledTerm.memo).
 */
export interface TermTables {
  readonly base: Float64Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  readonly kind: Int8Array;
  readonly arg: Int32Array;
  readonly coef: Float64Array;
  readonly logistic: Uint8Array;
  readonly varsOnly: Uint8Array;
  readonly fixed: Float64Array;
  readonly memo: Float64Array;
}

/** Effects as a structure of arrays: the ref (kind, arg), the op (EffectOp) and its value. */
export interface EffectTables {
  readonly kind: Int8Array;
  readonly arg: Int32Array;
  readonly op: Int8Array;
  readonly value: Float64Array;
}

/**
 * What a week's resolution reads, by index. Per move m: its effects are effects[moveEffFrom[m] ..
 * moveEffTo[m]), its outcomes the global indices [moveOutFrom[m], moveOutTo[m]) (outcome o's
 * probability is term o), its delayed effects delayedPool[moveDelayedFrom[m] .. moveDelayedTo[m]).
 * Per outcome o the same with out*; per delayed effect d its effects and its delay in weeks.
 */
export interface ResolveTables {
  readonly effects: EffectTables;
  readonly moveEffFrom: Int32Array;
  readonly moveEffTo: Int32Array;
  /** The talks transition the move forces, or -1. */
  readonly moveTalks: Int32Array;
  /** Signed hostility in [-1, 1] (CompiledMove.hostility). */
  readonly hostility: Float64Array;
  readonly moveOutFrom: Int32Array;
  readonly moveOutTo: Int32Array;
  readonly moveDelayedFrom: Int32Array;
  readonly moveDelayedTo: Int32Array;
  readonly outEffFrom: Int32Array;
  readonly outEffTo: Int32Array;
  readonly outDelayedFrom: Int32Array;
  readonly outDelayedTo: Int32Array;
  readonly delayedPool: Int32Array;
  readonly delayedEffFrom: Int32Array;
  readonly delayedEffTo: Int32Array;
  readonly delayedAfter: Int32Array;
  /** Per transition, the term of its hazard. */
  readonly hazardTerm: Int32Array;
  /** Per variable, the term of its drift terms, or -1. */
  readonly driftTerm: Int32Array;
}

/** Scratch: outcome probabilities valid while `stamp[o] === now[0]`. */
export interface WeekCache {
  readonly now: Int32Array;
  readonly stamp: Int32Array;
  readonly probability: Float64Array;
}

/** Per move (by index), its numbers; its lists as ranges [from, to) of pools. */
export interface MoveTables {
  /** Per actor, its moves in order: own[ownFrom[a] .. ownTo[a]). */
  readonly ownFrom: Int32Array;
  readonly ownTo: Int32Array;
  readonly own: Int32Array;
  readonly bias: Float64Array;
  readonly hostile: Float64Array;
  readonly escalationTerm: Float64Array;
  readonly talksTerm: Float64Array;
  /** The move's propensity terms, or null. */
  readonly propensity: readonly (CompiledTerm | null)[];
  /** Its pull on escalation (value.ts impulse): 1 when it pulls toward its rung, the gain times its hostility, the rung. */
  readonly pullsUp: Uint8Array;
  readonly impulseGain: Float64Array;
  readonly rung: Float64Array;
  /** 1 when the move is legal only in some talks phases or under preconditions. */
  readonly restricted: Uint8Array;
  readonly phaseMask: Int32Array;
  readonly targetFrom: Int32Array;
  readonly targetTo: Int32Array;
  readonly targets: Int32Array;
  /** Preconditions on variables (the common case, read without a kind): the variable and its bounds. */
  readonly varConditionFrom: Int32Array;
  readonly varConditionTo: Int32Array;
  readonly varConditionArg: Int32Array;
  readonly varConditionMin: Float64Array;
  readonly varConditionMax: Float64Array;
  /** Preconditions on other refs: the ref and its bounds. */
  readonly refConditionFrom: Int32Array;
  readonly refConditionTo: Int32Array;
  readonly refConditionKind: Int8Array;
  readonly refConditionArg: Int32Array;
  readonly refConditionMin: Float64Array;
  readonly refConditionMax: Float64Array;
  /** The beliefs of the move's actor it can trigger, and the global index of the triggering outcome (-1: the move itself). */
  readonly anticipatedFrom: Int32Array;
  readonly anticipatedTo: Int32Array;
  readonly anticipatedBelief: Int32Array;
  readonly anticipatedOutcome: Int32Array;
}

/** Per actor, its doctrine's numbers, and its casualty signal's ref (kind -1: none). */
export interface ActorTables {
  readonly inertia: Float64Array;
  readonly reciprocity: Float64Array;
  readonly casualtySensitivity: Float64Array;
  readonly objectiveWeight: Float64Array;
  readonly foresight: Float64Array;
  readonly temperature: Float64Array;
  readonly casualtyKind: Int8Array;
  readonly casualtyArg: Int32Array;
}
