/**
 * Sensitivity analysis: which parameters move the outcomes most. Each candidate parameter is set
 * `share` below and above its value (the same seeded futures every time), and parameters are
 * ranked by the larger of the two swings: the data of a tornado chart.
 */
import { readOutcome } from '../engine/outcomes';
import type { ForecastSummary } from '../engine/summary';
import { listParameters } from '../scenario/parameters';
import type { Scenario } from '../scenario/schema';

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
