/**
 * What a resolved turn reports: the narrative, the contributions behind every change of escalation
 * and of the talks' weekly risk of dying (the "why" view), and the beliefs that weighed on choices.
 */

export const contributionKinds = ['move', 'outcome', 'event', 'inject', 'delayed', 'decay', 'talks'] as const;
export type ContributionKind = (typeof contributionKinds)[number];

/** One cause of a change: `amount` is in the changed quantity's units (rung units or probability). */
export interface Contribution {
  readonly kind: ContributionKind;
  /** The move, outcome, event or transition id; empty for decay and time. */
  readonly id: string;
  /** The acting actor's id, where there is one. */
  readonly actor: string | null;
  readonly label: string;
  readonly amount: number;
}

/** A belief that weighed on one of its holder's legal moves this week (explain.ts). */
export interface BeliefNote {
  /** The holder. */
  readonly actor: string;
  readonly belief: string;
  /** What the holder expects, e.g. "a US strike in Syria after an attack". */
  readonly label: string;
  /** The holder's estimate of the response rate after a trigger, and in weeks without one. */
  readonly expects: number;
  readonly otherwise: number;
  /** The move it weighed on, and whether the holder played it. */
  readonly move: string;
  readonly played: boolean;
  /** What the expected response added to the move's score (softmax units): negative deters. */
  readonly weight: number;
}

export interface MoveReport {
  readonly actor: string;
  readonly move: string;
  /** Ids of the chance outcomes that happened. */
  readonly outcomes: readonly string[];
}

/** A talks transition at the moment it was drawn (TurnReport.talks.drawn). */
export interface TalksDraw {
  readonly chance: number;
  readonly terms: readonly { readonly ref: string; readonly amount: number }[];
}

export interface TurnReport {
  /** The week that was resolved (0 = the scenario's first week). */
  readonly turn: number;
  readonly date: string;
  readonly moves: readonly MoveReport[];
  /** Plain-language lines, in the order things happened. */
  readonly narrative: readonly string[];
  readonly escalation: {
    readonly before: number;
    readonly after: number;
    readonly contributions: readonly Contribution[];
  };
  readonly talks: {
    readonly before: string;
    readonly after: string;
    readonly transition: string | null;
    /** The weekly probability that the talks die (collapse), at the start of the week and at its end, with its causes. */
    readonly risk: { readonly before: number; readonly after: number; readonly contributions: readonly Contribution[] };
    /**
     * The transition drawn, as it was drawn: its weekly hazard (after its link) and what each ref of
     * its hazard term added to the predictor (coefficient times the ref's value then); null when none was.
     */
    readonly drawn: TalksDraw | null;
  };
  /** Beliefs that weighed on the actors' legal moves, largest weight first. */
  readonly beliefs: readonly BeliefNote[];
}
