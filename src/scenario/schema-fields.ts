/**
 * The fields every part of the scenario format is made of: bounded strings, ids, dates, finite
 * numbers, capped lists, refs into the game state and weights on them (schema.ts).
 */
import { z } from './zod';
import { MAX_ID_LENGTH, MAX_LABEL_LENGTH, MAX_REF_LENGTH, MAX_TERMS, MAX_TEXT_LENGTH, dateProblem } from './limits';

/** A string of at most `max` characters; the error says how long it is. */
export function bounded(max: number) {
  return z.string().max(max, { error: (issue) => `at most ${max} characters, got ${(issue.input as string).length}` });
}

/** A non-empty string of at most `max` characters. */
export const nonEmpty = (max: number) => bounded(max).min(1);
/** A name, title, label or unit. */
export const label = nonEmpty(MAX_LABEL_LENGTH);
/** A summary, description, narrative or source. */
export const text = nonEmpty(MAX_TEXT_LENGTH);

/**
 * A list of at most `max` items, `what` named in the error. The caps keep a hostile or generated file
 * from making parsing and compiling slow (limits.ts).
 */
export function list<T extends z.ZodType>(item: T, max: number, what: string) {
  return z.array(item).max(max, { error: (issue) => `at most ${max} ${what}, got ${(issue.input as readonly unknown[]).length}` });
}

export const id = bounded(MAX_ID_LENGTH)
  .regex(/^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/, 'an id of lower-case letters, digits, "-" and "."')
  .refine((s) => !(s in Object.prototype), 'an id that is not a built-in name such as "constructor"');
/** A real calendar date, YYYY-MM-DD: the pattern alone would let 2021-02-30 through to the engine. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .superRefine((date, ctx) => {
    const problem = dateProblem(date);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'bad-date' } });
  });
export const finite = z.number().finite();
export const probability = finite.min(0).max(1);
export const nonNegative = finite.min(0);

/**
 * A reference to a number in the game state, read by linear terms and conditions:
 * a variable id, `escalation`, `turn`, `tension:A:B` (dyad tension), `grudge:A:B` (A's remembered
 * hostility from B), `talks:PHASE` (1 while the talks are in that phase, else 0) or `talks:alive`.
 */
export const ref = nonEmpty(MAX_REF_LENGTH);

/** Weights on refs (coefficients, objectives, grudges), at most MAX_TERMS of them. */
export function weights<V extends z.ZodType>(value: V) {
  return z.record(ref, value).refine((r) => Object.keys(r).length <= MAX_TERMS, {
    error: (issue) => `at most ${MAX_TERMS} refs, got ${Object.keys(issue.input as object).length}`,
    params: { code: 'too_big' },
  });
}
