/**
 * The priors of a scenario's modelling judgements, as the file states them: rules that match
 * parameter paths (src/scenario/parameters.ts) and say how far each number could be from its value.
 * The first rule that matches a path is its prior. Kinds:
 *   - `factor` [a, b]: the value times a factor drawn log-uniformly from [a, b] (0 < a <= 1 <= b);
 *     for gains, weights, sizes and rates whose sign is part of the judgement;
 *   - `shift` [a, b]: the value plus a number drawn uniformly from [a, b] (a <= 0 <= b); for logit
 *     bases and biases, which live on a scale where adding is the natural change;
 *   - `uniform` [a, b]: a number drawn uniformly from [a, b], whatever the value (a <= value <= b);
 *     for bounded numbers such as a share kept each week;
 *   - `fixed`: not a judgement (counted from the record, or structure): the value as it is.
 */
import { z } from './zod';
import { MAX_LABEL_LENGTH, MAX_PRIORS, MAX_TEXT_LENGTH } from './limits';

export const priorKinds = ['factor', 'shift', 'uniform', 'fixed'] as const;
export type PriorKind = (typeof priorKinds)[number];

const finite = z.number().finite();

/**
 * A path pattern: dot-separated segments, `*` for one whole segment, `**` for any number of them
 * (ids may hold dots, so `**` is what matches a move id such as `militia.rockets`).
 */
const pattern = z
  .string()
  .min(1)
  .max(MAX_LABEL_LENGTH, { error: `at most ${MAX_LABEL_LENGTH} characters` })
  .regex(/^(\*\*|\*|[A-Za-z0-9:_-]+)(\.(\*\*|\*|[A-Za-z0-9:_-]+))*$/, 'a parameter path pattern: segments of letters, digits, ":", "_" or "-", or "*" (one segment) or "**" (any)');

const reason = z.string().min(1).max(MAX_TEXT_LENGTH, { error: `at most ${MAX_TEXT_LENGTH} characters` });

const range = z.tuple([finite, finite]).refine(([a, b]) => a <= b, 'a range [low, high] with low <= high');

export const priorRule = z.discriminatedUnion('kind', [
  z.strictObject({
    match: pattern,
    kind: z.literal('factor'),
    range: range.refine(([a, b]) => a > 0 && a <= 1 && b >= 1, 'factors [a, b] with 0 < a <= 1 <= b'),
    reason,
  }),
  z.strictObject({ match: pattern, kind: z.literal('shift'), range: range.refine(([a, b]) => a <= 0 && b >= 0, 'shifts [a, b] with a <= 0 <= b'), reason }),
  z.strictObject({ match: pattern, kind: z.literal('uniform'), range, reason }),
  z.strictObject({ match: pattern, kind: z.literal('fixed'), reason }),
]);
export type PriorRule = z.infer<typeof priorRule>;

export const priorsSection = z.array(priorRule).max(MAX_PRIORS, { error: (issue) => `at most ${MAX_PRIORS} prior rules, got ${(issue.input as readonly unknown[]).length}` });
