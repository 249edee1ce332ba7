/**
 * What a scenario's priors say about each of its parameters: which rule governs it, the range it
 * may take, and the value a uniform number in [0, 1) maps to (the inverse of the prior's CDF), so
 * that samplers of every kind (random sets, Morris trajectories, Sobol points) share one mapping.
 */
import { listParameters, type Parameter } from './parameters';
import type { PriorRule } from './prior-schema';
import type { Scenario } from './schema';

/** A parameter with the rule that is its prior. */
export interface Judgement extends Parameter {
  readonly rule: PriorRule;
  /** The index of the rule in the scenario's `priors`. */
  readonly ruleIndex: number;
  /** The smallest and largest value the prior allows (both the value itself for `fixed`). */
  readonly low: number;
  readonly high: number;
}

/** Does `pattern` (segments, `*` one, `**` any number) match the dotted `path`? */
export function matchesPath(pattern: string, path: string): boolean {
  const p = pattern.split('.');
  const s = path.split('.');
  // Matching with memo over (pattern index, segment index): ** may take any number of segments.
  const memo = new Map<number, boolean>();
  const at = (i: number, j: number): boolean => {
    const key = i * (s.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let ok: boolean;
    if (i === p.length) ok = j === s.length;
    else if (p[i] === '**') ok = at(i + 1, j) || (j < s.length && at(i, j + 1));
    else ok = j < s.length && (p[i] === '*' || p[i] === s[j]) && at(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  return at(0, 0);
}

function rangeOf(rule: PriorRule, value: number): readonly [number, number] {
  switch (rule.kind) {
    case 'fixed':
      return [value, value];
    case 'uniform':
      return rule.range;
    case 'shift':
      return [value + rule.range[0], value + rule.range[1]];
    case 'factor': {
      const [a, b] = [value * rule.range[0], value * rule.range[1]];
      return a <= b ? [a, b] : [b, a];
    }
  }
}

/** Every parameter of the scenario with its prior; a parameter no rule matches is left out (see `unjudged`). */
export function judgements(s: Scenario): Judgement[] {
  const rules = s.priors ?? [];
  return listParameters(s).flatMap((p) => {
    const ruleIndex = rules.findIndex((r) => matchesPath(r.match, p.path));
    if (ruleIndex < 0) return [];
    const rule = rules[ruleIndex]!;
    const [low, high] = rangeOf(rule, p.value);
    return [{ ...p, rule, ruleIndex, low, high }];
  });
}

/** The parameters that no prior rule matches: a scenario with priors must have none. */
export function unjudged(s: Scenario): Parameter[] {
  const rules = s.priors ?? [];
  return listParameters(s).filter((p) => !rules.some((r) => matchesPath(r.match, p.path)));
}

/** The judgements that vary (every rule but `fixed`, and ranges wider than a point). */
export function uncertain(s: Scenario): Judgement[] {
  return judgements(s).filter((j) => j.rule.kind !== 'fixed' && j.high > j.low);
}

/** The value the prior gives the uniform number `u` in [0, 1]: its inverse CDF. */
export function fromUnit(j: Judgement, u: number): number {
  const { rule } = j;
  switch (rule.kind) {
    case 'fixed':
      return j.value;
    case 'factor': {
      const [a, b] = rule.range;
      return j.value * Math.exp(Math.log(a) + u * (Math.log(b) - Math.log(a)));
    }
    case 'shift':
    case 'uniform':
      return j.low + u * (j.high - j.low);
  }
}

/** The place of `value` within the prior, in [0, 1] (the prior's CDF): `fromUnit`'s inverse. */
export function toUnit(j: Judgement, value: number): number {
  const { rule } = j;
  if (rule.kind === 'fixed' || j.high === j.low) return 0.5;
  if (rule.kind === 'factor') {
    const [a, b] = rule.range;
    return (Math.log(value / j.value) - Math.log(a)) / (Math.log(b) - Math.log(a));
  }
  return (value - j.low) / (j.high - j.low);
}
