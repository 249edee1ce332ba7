/**
 * What a resolved turn reports: the narrative, and the contributions behind every change of
 * escalation and of the talks' survival probability (the "why" view).
 */

export const contributionKinds = ['move', 'outcome', 'event', 'delayed', 'decay', 'talks', 'time'] as const;
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

export interface MoveReport {
  readonly actor: string;
  readonly move: string;
  /** Ids of the chance outcomes that happened. */
  readonly outcomes: readonly string[];
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
  readonly survival: {
    readonly before: number;
    readonly after: number;
    readonly contributions: readonly Contribution[];
  };
  readonly talks: { readonly before: string; readonly after: string; readonly transition: string | null };
}
