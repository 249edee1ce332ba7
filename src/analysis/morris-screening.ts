/**
 * Morris screening of a scenario over its priors, written once for the app and the CLI. There are
 * hundreds of uncertain parameters, so they are screened in groups (Campolongo et al. 2007): one
 * factor per prior rule, and every parameter a rule governs moves with the same uniform number u,
 * each through its own prior (`fromUnit`). A factor at 0 sets each of its parameters to the bottom
 * of its prior range, at 1 to the top.
 */
import { readOutcome, headlineOutcomes } from '../engine/outcomes';
import type { ForecastSummary } from '../engine/summary';
import { withParameters } from '../scenario/parameters';
import type { ParseResult } from '../scenario/parse';
import { fromUnit, uncertain, type Judgement } from '../scenario/priors';
import type { Scenario } from '../scenario/schema';
import { designPoints, elementaryEffects, rankByMuStar, type Trajectory } from './morris';
import { provenanceCells, provenanceColumns, type RunProvenance, type Table } from './exports';

/** One Morris factor: a prior rule and the uncertain parameters it governs. */
export interface MorrisFactor {
  /** The rule's index in the scenario's `priors`. */
  readonly ruleIndex: number;
  /** The rule's path pattern, e.g. `moves.**.bias`. */
  readonly match: string;
  /** Plain words, e.g. "Move propensities (biases)". */
  readonly label: string;
  readonly members: readonly Judgement[];
}

/** Plain words for the rule patterns scenarios use; a pattern not here is named from its members. */
const RULE_WORDS: Readonly<Record<string, string>> = {
  'variables.**.initial': 'Levels at the start',
  'variables.**.drift.rate': 'Drift rates (how fast levels return to rest)',
  'variables.**.drift.toward': 'Resting levels (drift targets)',
  'variables.**.drift.terms.**': 'Weights of other levels on resting levels',
  'initialGrudges.*': 'Grudges at the start',
  'dynamics.*': 'Escalation dynamics (gains, decays, misperception)',
  'actors.*.doctrine.*': 'Doctrines (risk, reciprocity, foresight, talks)',
  'actors.*.objectives.**': 'Objective weights (what each actor wants)',
  'beliefs.**.weight': 'Firmness of beliefs (evidence weights)',
  'moves.**.bias': 'Move propensities (biases)',
  'moves.**.probability.base': 'Outcome chances of moves (logit bases)',
  'moves.**.probability.terms.**': 'What moves the outcome chances (weights)',
  'moves.**.scale': 'Weekly multipliers of moves',
  'moves.**': 'Effect sizes of moves',
  'talks.transitions.**': 'Talks hazards and what moves them',
  'events.**': 'Effect sizes of scheduled events',
};

/** `drift.terms.**` -> `Drift terms`: the pattern's named segments, for a rule with no words of its own. */
const patternWords = (match: string) => {
  const text = match
    .split('.')
    .filter((s) => s !== '*' && s !== '**')
    .join(' ')
    .replace(/[A-Z]/g, (c) => ` ${c.toLowerCase()}`);
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** A factor's plain-words label: a one-parameter rule is named by its parameter. */
export function factorLabel(match: string, members: readonly Judgement[]): string {
  if (members.length === 1) return members[0]!.label;
  return RULE_WORDS[match] ?? patternWords(match);
}

/** The scenario's factors: one per prior rule with at least one uncertain parameter, in rule order. */
export function morrisFactors(s: Scenario): MorrisFactor[] {
  const byRule = new Map<number, Judgement[]>();
  for (const j of uncertain(s)) byRule.set(j.ruleIndex, [...(byRule.get(j.ruleIndex) ?? []), j]);
  return [...byRule.entries()]
    .sort(([a], [b]) => a - b)
    .map(([ruleIndex, members]) => {
      const { match } = members[0]!.rule;
      return { ruleIndex, match, label: factorLabel(match, members), members };
    });
}

/**
 * Where a member of a factor sits at the factor's level u: at u itself, except that every second
 * member of a `shift` group runs the other way (1 - u). Shifting every move's bias by the same
 * amount changes no choice (the softmax reads only their differences), so a group moved in step
 * would screen as no effect at all; moved apart, it screens what spreading them does.
 */
export function memberLevel(j: Judgement, index: number, u: number): number {
  return j.rule.kind === 'shift' && index % 2 === 1 ? 1 - u : u;
}

/** The parameter values at a design point: factor i at level `levels[i]` in [0, 1]. */
export function pointOverrides(factors: readonly MorrisFactor[], levels: readonly number[]): Record<string, number> {
  return Object.fromEntries(factors.flatMap((f, i) => f.members.map((j, k) => [j.path, fromUnit(j, memberLevel(j, k, levels[i]!))])));
}

/** The scenario at a design point, checked again by the scenario format. */
export function pointScenario(s: Scenario, factors: readonly MorrisFactor[], levels: readonly number[]): ParseResult<Scenario> {
  return withParameters(s, pointOverrides(factors, levels));
}

/** The outcomes screened: talks alive at the end (a share) and the mean final escalation (rungs). */
export const morrisOutcomes = headlineOutcomes.filter((o) => o.id !== 'open-war');
export type MorrisOutcomeId = (typeof morrisOutcomes)[number]['id'];

export interface MorrisRow {
  /** 1 for the largest μ*. */
  readonly rank: number;
  readonly factor: MorrisFactor;
  /** In the outcome's units per unit of the factor (from the bottom of its prior range to the top). */
  readonly mu: number;
  readonly muStar: number;
  readonly sigma: number;
}

export interface MorrisOutcome {
  readonly id: MorrisOutcomeId;
  readonly label: string;
  readonly share: boolean;
  /** Every factor, ranked by μ*. */
  readonly rows: readonly MorrisRow[];
}

/** The screening's measures for each outcome, from the forecast at every design point (in `designPoints` order). */
export function morrisScreening(factors: readonly MorrisFactor[], design: readonly Trajectory[], summaries: readonly ForecastSummary[]): MorrisOutcome[] {
  if (summaries.length !== designPoints(design).length) throw new RangeError(`expected ${designPoints(design).length} forecasts, got ${summaries.length}`);
  return morrisOutcomes.map((o) => {
    const values = summaries.map((s) => readOutcome(s, o.id).value);
    const rows = rankByMuStar(elementaryEffects(design, values)).map((e, i) => ({ rank: i + 1, factor: factors[e.factor]!, mu: e.mu, muStar: e.muStar, sigma: e.sigma }));
    return { id: o.id, label: o.label, share: o.share, rows };
  });
}

/** The CSV columns of a screening: provenance first, then one row per outcome and factor. */
export const morrisColumns = [...provenanceColumns, 'method', 'trajectories', 'levels', 'outcome', 'rank', 'factor', 'rule', 'parameter_count', 'mu_star', 'mu', 'sigma'] as const;

/** The tidy table of a screening; `p.runs` is the futures per design point. */
export function morrisTable(p: RunProvenance, design: { readonly trajectories: number; readonly levels: number }, outcomes: readonly MorrisOutcome[]): Table {
  const meta = provenanceCells(p);
  return {
    columns: morrisColumns,
    rows: outcomes.flatMap((o) =>
      o.rows.map((r) => [...meta, 'morris', design.trajectories, design.levels, o.id, r.rank, r.factor.label, r.factor.match, r.factor.members.length, r.muStar, r.mu, r.sigma]),
    ),
  };
}
