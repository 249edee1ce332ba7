/**
 * Experiments: seeded futures from a state with some moves forced (an intervention such as "the US
 * strikes in week 0" or "Iraq integrates the militias every week"), observed week by week. Runs
 * use the same independent streams as a forecast with the same seed, so two experiments that
 * differ only in their script face the same random numbers (common random numbers).
 */
import type { StrategyId } from '../scenario/schema';
import type { Scenario } from '../scenario/schema';
import { compile, type Compiled } from './compile';
import { rngFromState, streamStates } from './rng';
import { toWork, type GameState } from './state';
import { playWork } from './turn';
import { cloneWork, EndReason, type Work } from './work';

export interface ExperimentPlan {
  readonly runs: number;
  readonly seed: number;
  /** Weeks simulated. */
  readonly turns: number;
  /** Strategy per actor id; actors not named use their scenario default. */
  readonly strategies?: Readonly<Record<string, StrategyId>>;
  /**
   * Moves forced week by week: script[k][actor] is the move the actor plays in week k (from the
   * state), where it is legal; otherwise its strategy chooses.
   */
  readonly script?: readonly Readonly<Record<string, string>>[];
  /** Repeat the script from its start once it runs out (a standing order). */
  readonly repeat?: boolean;
}

/** What an observer sees after each simulated week: read-only accessors on the working state. */
export interface WeekView {
  readonly run: number;
  /** Weeks simulated so far, 1 .. turns. */
  readonly week: number;
  readonly c: Compiled;
  readonly w: Readonly<Work>;
  /** The move each actor played this week, by actor index. */
  readonly moves: Int32Array;
}

function scriptIndices(c: Compiled, script: ExperimentPlan['script']): Int32Array[] {
  const index = new Map(c.moves.map((m) => [m.id, m.index]));
  return (script ?? []).map((week) =>
    Int32Array.from(c.actorIds.map((a) => {
      const id = week[a];
      if (id === undefined) return -1;
      const m = index.get(id);
      if (m === undefined || c.moves[m]!.actor !== c.actorIds.indexOf(a)) throw new Error(`experiment script: "${id}" is not a move of "${a}"`);
      return m;
    })),
  );
}

/** Runs the plan's futures from `state`, calling `observe` after every simulated week of every run. */
export function runExperiment(scenario: Scenario, state: GameState, plan: ExperimentPlan, observe: (view: WeekView) => void): void {
  const c = compile(scenario);
  const base = toWork(c, state);
  const strategies = c.scenario.actors.map((a) => plan.strategies?.[a.id] ?? a.defaultStrategy);
  const script = scriptIndices(c, plan.script);
  const moves = new Int32Array(c.actors);
  const scores = new Float64Array(c.moves.length);
  const scratch = new Float64Array(c.transitions.length);
  const starts = streamStates(plan.seed, 0, plan.runs);
  for (let run = 0; run < plan.runs; run++) {
    const w = cloneWork(base);
    w.rng = rngFromState(starts[run]!);
    for (let k = 1; k <= plan.turns; k++) {
      if (w.ended === EndReason.none) {
        const forced = script.length === 0 ? undefined : plan.repeat ? script[(k - 1) % script.length] : script[k - 1];
        playWork(c, w, strategies, moves, scores, scratch, forced);
      } else {
        moves.fill(-1);
      }
      observe({ run, week: k, c, w, moves });
    }
  }
}
