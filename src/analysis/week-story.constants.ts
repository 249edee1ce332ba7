/**
 * Narrative lines that take violence for granted, with what to say instead in a week without any,
 * by move id. They belong in the scenario files (a move's narrative for a calm week), but a change
 * there changes the scenario's digest, which pins the calibrated ensemble built from it; until the
 * next recalibration they live here.
 */
export const CALM_WEEK_LINES: Readonly<Record<string, string>> = {
  'iraq.wait': 'Baghdad called for calm and took no action.',
};

/** A cause is named behind a talks transition when it added at least this much to its weekly chance (clamp link: probability; logistic: log-odds). */
export const MIN_CAUSE = { clamp: 0.005, logistic: 0.05 } as const;

/** At most this many causes are named. */
export const MAX_CAUSES = 3;
