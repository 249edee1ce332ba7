/**
 * Sensitivity analysis: which parameters move the outcomes most. Each candidate parameter is set
 * `share` below and above its value (the same seeded futures every time), and parameters are
 * ranked by the larger of the two swings: the data of a tornado chart.
 */
import { readOutcome } from '../engine/outcomes';
import type { ForecastSummary } from '../engine/summary';
import { listParameters, withParameters } from '../scenario/parameters';
import type { Scenario } from '../scenario/schema';
import { provenanceCells, provenanceColumns, type RunProvenance, type Table } from './exports';

export interface Perturbation {
  readonly path: string;
  readonly label: string;
  readonly base: number;
  readonly low: number;
  readonly high: number;
}

/** The calibration parameters worth a tornado: dynamics, doctrines, move biases, outcome and hazard bases. */
const CANDIDATE = /^(dynamics\.|actors\.[^.]+\.doctrine\.|moves\..+\.bias$|moves\..+\.probability\.base$|talks\.transitions\..+\.hazard\.base$|initialEscalation$)/;

/** Candidate parameters with their low and high values; parameters at 0 have no relative swing and are left out. */
export function perturbations(scenario: Scenario, share = 0.2): Perturbation[] {
  return listParameters(scenario)
    .filter((p) => CANDIDATE.test(p.path) && p.value !== 0)
    .map((p) => ({ path: p.path, label: p.label, base: p.value, low: p.value * (1 - share), high: p.value * (1 + share) }));
}

export interface TornadoBar {
  readonly path: string;
  readonly label: string;
  /** Outcome at the low and high values, and at the base. */
  readonly low: number;
  readonly high: number;
  readonly base: number;
  /** max(|low - base|, |high - base|): the bar's reach, for ranking. */
  readonly swing: number;
}

export type OutcomeReader = (s: ForecastSummary) => number;

/** Talks alive at the last week, and mean escalation at the last week: the two outcomes ranked. */
export const talksAlive: OutcomeReader = (s) => readOutcome(s, 'talks-alive').value;
export const finalEscalation: OutcomeReader = (s) => readOutcome(s, 'escalation').value;

/** Ranks parameters by swing, largest first, keeping the `top` largest. */
export function tornado(
  base: ForecastSummary,
  runs: readonly { p: Perturbation; low: ForecastSummary; high: ForecastSummary }[],
  read: OutcomeReader,
  top = 10,
): TornadoBar[] {
  const b = read(base);
  return runs
    .map(({ p, low, high }) => {
      const lo = read(low);
      const hi = read(high);
      return { path: p.path, label: p.label, low: lo, high: hi, base: b, swing: Math.max(Math.abs(lo - b), Math.abs(hi - b)) };
    })
    .sort((x, y) => y.swing - x.swing || x.path.localeCompare(y.path))
    .slice(0, top);
}

/** One side of a perturbation that the scenario format accepts: the scenario with that value. */
export interface TornadoSide {
  readonly p: Perturbation;
  readonly side: 'low' | 'high';
  readonly scenario: Scenario;
}

/**
 * The forecasts of a tornado besides the base: each candidate 20% lower and higher, in order. A
 * side the format refuses (a probability above 1) is left out, and reads as the base.
 */
export function tornadoSides(scenario: Scenario, list: readonly Perturbation[] = perturbations(scenario)): TornadoSide[] {
  return list.flatMap((p) =>
    (['low', 'high'] as const).flatMap((side) => {
      const r = withParameters(scenario, { [p.path]: p[side] });
      return r.ok ? [{ p, side, scenario: r.value }] : [];
    }),
  );
}

/** The two outcomes a tornado ranks by, from the base forecast and one per side (`sides` order). */
export function tornadoOutcomes(list: readonly Perturbation[], sides: readonly TornadoSide[], base: ForecastSummary, summaries: readonly ForecastSummary[]) {
  const at = new Map(sides.map((x, i) => [`${x.p.path} ${x.side}`, summaries[i]!]));
  const pairs = list.map((p) => ({ p, low: at.get(`${p.path} low`) ?? base, high: at.get(`${p.path} high`) ?? base }));
  return [
    { id: 'talks-alive', label: 'Talks alive at the end', share: true, bars: tornado(base, pairs, talksAlive) },
    { id: 'escalation', label: 'Mean final escalation', share: false, bars: tornado(base, pairs, finalEscalation) },
  ] as const;
}

export type TornadoOutcome = ReturnType<typeof tornadoOutcomes>[number];

export const tornadoColumns = [...provenanceColumns, 'method', 'outcome', 'rank', 'parameter', 'label', 'value_low', 'value_base', 'value_high', 'outcome_low', 'outcome_base', 'outcome_high', 'swing'] as const;

/** The tidy table of a tornado, the same in the app and the CLI: one row per outcome and bar, provenance first. */
export function tornadoTable(p: RunProvenance, list: readonly Perturbation[], outcomes: readonly TornadoOutcome[]): Table {
  const byPath = new Map(list.map((x) => [x.path, x]));
  const meta = provenanceCells(p);
  return {
    columns: tornadoColumns,
    rows: outcomes.flatMap((o) =>
      o.bars.map((b, i) => {
        const x = byPath.get(b.path)!;
        return [...meta, 'tornado', o.id, i + 1, b.path, b.label, x.low, x.base, x.high, b.low, b.base, b.high, b.swing];
      }),
    ),
  };
}
