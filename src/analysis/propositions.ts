/**
 * The brief's claims as tested propositions (docs/propositions.md): each names the claim, quotes
 * the brief, runs seeded experiments on the March 2021 scenario from its start and holds a measured
 * effect to a band. The bands are modelling judgements, stated with their reasons in the doc.
 */
import { initialState } from '../engine/state';
import { measure, weeks, type WeeklyMeasure } from './measures';
import { strategiesFor, type Scenario, type StrategyId } from '../scenario/schema';

export interface PropositionOptions {
  /** Futures per experiment, >= 2,000 for the published table. */
  readonly runs: number;
  readonly seed: number;
  /** Experiments already run, by plan: propositions that share one run it once. */
  readonly cache?: Map<string, WeeklyMeasure>;
}

export interface Check {
  /** What is measured, in words. */
  readonly label: string;
  readonly value: number;
  /** The band: the value must lie in [lo, hi]. */
  readonly lo: number;
  readonly hi: number;
  readonly pass: boolean;
}

export interface PropositionResult {
  readonly id: string;
  readonly claim: string;
  readonly checks: readonly Check[];
  readonly pass: boolean;
}

export interface Proposition {
  readonly id: string;
  readonly claim: string;
  readonly quote: string;
  run(s: Scenario, o: PropositionOptions): Check[];
}

const TURNS = 26;
const ATTACKS = 'militia.attacks';

function check(label: string, value: number, lo: number, hi: number): Check {
  return { label, value, lo, hi, pass: value >= lo && value <= hi };
}

/** Futures from the scenario's start with moves forced in the first weeks (or every week, with `repeat`). */
function run(
  s: Scenario,
  o: PropositionOptions,
  script: readonly Record<string, string>[] | undefined,
  extra: { strategies?: Record<string, StrategyId>; repeat?: boolean; turns?: number; level?: string; moves?: string[] } = {},
): WeeklyMeasure {
  const plan = { runs: o.runs, seed: o.seed, turns: extra.turns ?? TURNS, script, repeat: extra.repeat, strategies: extra.strategies };
  const spec = { gain: ATTACKS, level: extra.level, moves: extra.moves };
  const key = JSON.stringify([plan, spec]);
  const known = o.cache?.get(key);
  if (known) return known;
  const result = measure(s, initialState(s, o.seed, TURNS), plan, spec);
  o.cache?.set(key, result);
  return result;
}

const holdFire = [{ us: 'us.hold-fire' }];

export const propositions: readonly Proposition[] = [
  {
    id: 'a-strikes-do-not-suppress',
    claim: 'Strikes and overflights alone do not suppress militia attacks for long: attacks dip after a strike and recover as the militias rebuild.',
    quote: 'Air strikes and U.S. bomber overflights alone are not likely to succeed in suppressing the operations of Iran-backed Iraqi militias. The armed groups are able to rebuild facilities and replace members who might be killed.',
    run(s, o) {
      const hold = run(s, o, holdFire, { turns: 10 });
      const strike = run(s, o, [{ us: 'us.strike-syria' }], { turns: 10 });
      const doctrine = run(s, o, undefined);
      const hawk = run(s, o, undefined, { strategies: { us: 'hawk' } });
      return [
        check('attacks in weeks 1–2 after a strike in Syria, as a share of those after holding fire (the dip)', weeks(strike.gain, 1, 2) / weeks(hold.gain, 1, 2), 0, 0.92),
        check('the same in weeks 5–8 (the recovery)', weeks(strike.gain, 5, 8) / weeks(hold.gain, 5, 8), 0.95, 1.1),
        check('attacks in weeks 14–26 with a US strike every week, as a share of those under the US doctrine', weeks(hawk.gain, 14, 26) / weeks(doctrine.gain, 14, 26), 0.6, 1.5),
      ];
    },
  },
  {
    id: 'b-cycle-derails-jcpoa',
    claim: 'The cycle of attacks and retaliation can derail the return to the JCPOA: US restraint keeps the talks alive far more often than a US hawk.',
    quote: 'Iran-backed attacks on U.S. forces in Iraq threaten to derail the intended U.S. return to the 2015 multilateral Iran nuclear pact (JCPOA). … the cycle of violence could derail U.S. re-entry into the pact.',
    run(s, o) {
      const alive = strategiesFor(s)
        .filter((st) => st !== 'historical')
        .map((st) => ({ st, alive: run(s, o, undefined, { strategies: { us: st } }).alive }));
      const of = (st: StrategyId) => alive.find((x) => x.st === st)!.alive;
      const values = alive.map((x) => x.alive);
      return [
        check('talks alive at week 26: US restraint minus US hawk (Iran on its doctrine)', of('restraint') - of('hawk'), 0.1, 1),
        check('talks alive at week 26: the widest gap between the US strategies', Math.max(...values) - Math.min(...values), 0.1, 1),
      ];
    },
  },
  {
    id: 'c-only-iraqi-state-power',
    claim: 'Only Iraqi state power ends militia autonomy: sustained Iraqi integration and arrests lower attacks more than any US strategy, with a backlash.',
    quote: 'Only the successful exercise of Iraqi state power will be able to end militia autonomy and halt the “proxy war” inside Iraq between the United States and Iran.',
    run(s, o) {
      const iraqi = run(s, o, [{ iraq: 'iraq.integrate' }, { iraq: 'iraq.arrest' }], { repeat: true, moves: ['militia.political-pressure'] });
      const baseline = run(s, o, undefined, { moves: ['militia.political-pressure'] });
      const byUs = strategiesFor(s)
        .filter((st) => st !== 'historical')
        .map((st) => weeks(run(s, o, undefined, { strategies: { us: st } }).gain, 14, 26));
      // (The same runs as proposition b's, which the cache shares.)
      const pressure = (m: WeeklyMeasure) => weeks(m.moves, 1, TURNS);
      return [
        check('attacks in weeks 14–26 under sustained Iraqi integration and arrests, as a share of the lowest any US strategy reaches', weeks(iraqi.gain, 14, 26) / Math.min(...byUs), 0, 0.85),
        check('the militias’ political pressure on Baghdad under that policy, as a share of it under the Iraqi doctrine (the backlash)', pressure(iraqi) / pressure(baseline), 1.1, 10),
      ];
    },
  },
  {
    id: 'd-syria-strategic-depth',
    claim: 'Syria gives the militias strategic depth: strikes in Syria degrade them less durably than strikes in Iraq, but cost less in Iraqi politics.',
    quote: 'Such access to Syrian territory gives the Iraqi militias, to some extent, “strategic depth” against their adversaries within Iraq.',
    run(s, o) {
      const opts = { turns: 8, level: 'militia.capability' };
      const hold = run(s, o, holdFire, opts);
      const syria = run(s, o, [{ us: 'us.strike-syria' }], opts);
      const iraq = run(s, o, [{ us: 'us.strike-iraq' }], opts);
      const deficit = (m: WeeklyMeasure) => weeks(hold.level, 3, 8) - weeks(m.level, 3, 8);
      const pressure = (m: WeeklyMeasure) => m.level;
      const politics = { turns: 2, level: 'iraq.expulsion-pressure' };
      const syriaPolitics = pressure(run(s, o, [{ us: 'us.strike-syria' }], politics));
      const iraqPolitics = pressure(run(s, o, [{ us: 'us.strike-iraq' }], politics));
      return [
        check('militia capability lost in weeks 3–8 after a strike in Iraq, as a multiple of the loss after a strike in Syria', deficit(iraq) / deficit(syria), 1.25, 100),
        check('Iraqi pressure to expel US forces two weeks after a strike in Iraq, minus that after a strike in Syria', iraqPolitics[2]! - syriaPolitics[2]!, 0.1, 1),
      ];
    },
  },
  {
    id: 'e-overflights-do-not-deter',
    claim: 'Overflights do not deter the militias.',
    quote: 'A few days later, as an intended “deterrent” to Iran, the United States conducted another overflight of the Gulf by U.S.-based B-52 bomber aircraft.',
    run(s, o) {
      const hold = run(s, o, holdFire, { turns: 4 });
      const b52 = run(s, o, [{ us: 'us.b52' }], { turns: 4 });
      const everyHold = run(s, o, holdFire, { repeat: true });
      const everyB52 = run(s, o, [{ us: 'us.b52' }], { repeat: true });
      return [
        check('attacks in weeks 1–4 after a B-52 overflight, as a share of those after holding fire', weeks(b52.gain, 1, 4) / weeks(hold.gain, 1, 4), 0.95, 1.1),
        check('attacks over 26 weeks with an overflight every week, as a share of those with none', weeks(everyB52.gain, 1, TURNS) / weeks(everyHold.gain, 1, TURNS), 0.95, 1.2),
      ];
    },
  },
  {
    id: 'f-no-direct-war',
    claim: 'Neither Washington nor Tehran wants direct war: with every actor on its doctrine, open war is rare.',
    quote: 'The U.S. military’s mission does not include offensive combat against the Iran-backed militias.',
    run(s, o) {
      return [check('futures in open war within 26 weeks, every actor on its doctrine', run(s, o, undefined).openWar, 0, 0.05)];
    },
  },
];

/** Runs every proposition; scenarios other than March 2021 have none. */
export function testPropositions(s: Scenario, o: PropositionOptions): PropositionResult[] {
  if (s.id !== 'march-2021') return [];
  const shared = { ...o, cache: o.cache ?? new Map<string, WeeklyMeasure>() };
  return propositions.map((p) => {
    const checks = p.run(s, shared);
    return { id: p.id, claim: p.claim, checks, pass: checks.every((c) => c.pass) };
  });
}
