/** A cause is named behind a talks transition when it added at least this much to its weekly chance (clamp link: probability; logistic: log-odds). */
export const MIN_CAUSE = { clamp: 0.005, logistic: 0.05 } as const;

/** At most this many causes are named. */
export const MAX_CAUSES = 3;
