/**
 * The out-of-sample back-test: the record is split at a date; the model forecasts the weeks after
 * it from the state the record had reached by then, and so do two naive forecasts made from the
 * weeks before it (persistence: the last weeks; climatology: the whole fit period). All three are
 * scored with proper scores against what the record shows in the test weeks.
 *
 * Weeks on the scenario's grid that end on or before the split are the *fit* weeks; the rest, up to
 * the horizon, are the *test* weeks. A week that straddles the split is a test week: the forecast is
 * made at its start, and nothing dated in it is used (the record's entries of the fit period are
 * those dated on or before the split, and they all lie in fit weeks unless one falls in that week).
 */
import { pearson } from '../engine/backtest';
import { dateOfTurn, turnOfDate } from '../engine/compile';
import type { Scenario } from '../scenario/schema';
import type { Judgement } from '../scenario/priors';
import { fitEnsemble, observedWeights, recordingShares, withSet, type FitEnsemble, type FitOptions, type Recording } from './oos-calibrate';
import {
  constantForecast,
  ensembleForecast,
  joinFutures,
  modelFutures,
  naiveOf,
  recordFacts,
  scoreForecast,
  stateAtSplit,
  type ModelOptions,
  type NaiveForecast,
  type Scores,
  type WeekFacts,
} from './oos-forecasts';

/** The split the brief sets: the record up to the end of September 2020 is the fit period. */
export const DEFAULT_SPLIT = '2020-09-30';

/** Persistence looks back this many fit weeks (two months: long enough to hold an attack rate). */
export const PERSISTENCE_WEEKS = 8;

/**
 * How the back-test's history matching runs by default: the forecast ensemble's games per draw and
 * replay bound (docs/model.md, section 8), the first 50 kept sets of at most 500 draws.
 */
export const DEFAULT_FIT: BacktestOptions['fit'] = { draws: 500, keep: 50, games: 12, minReplayR: 0.6 };

/** The record is replayed to the split with the seed of the calibration report's replay (section 1). */
export const REPLAY_SEED = 1;

/**
 * Attacks of the record that killed US or coalition personnel (the calibration's `us-killed`
 * outcomes). A history entry carries no outcome, so these come from the timeline's casualty column.
 * Not listed: 2020-11-17 (an Iraqi child killed) and 2021-03-03 (a US contractor who died of a
 * cardiac event while sheltering: a non-combat death, as `rates.md` files the US response to it).
 */
export const LETHAL_ATTACKS_ON_RECORD: readonly { readonly date: string; readonly killed: string; readonly source: string }[] = [
  { date: '2019-12-27', killed: '1 US contractor', source: 'Wikipedia: 2019 K-1 Air Base attack' },
  { date: '2020-03-11', killed: '2 US and 1 UK personnel', source: 'LA Times' },
  { date: '2021-02-15', killed: '1 non-US contractor of the coalition', source: 'VOA' },
];

export interface SplitWeeks {
  readonly split: string;
  /** Weeks 0 .. fitWeeks - 1 are the fit period; fitWeeks .. horizon - 1 the test period. */
  readonly fitWeeks: number;
  readonly horizon: number;
}

export type BacktestError = { code: 'no-record' | 'bad-split' | 'replay-ended' | 'no-fit'; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; error: BacktestError };

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The fit and test weeks of `s` for a split date (YYYY-MM-DD). */
export function splitWeeks(s: Scenario, split: string): Checked<SplitWeeks> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(split) || !Number.isFinite(Date.parse(`${split}T00:00:00Z`)) || addDays(split, 0) !== split) {
    return { ok: false, error: { code: 'bad-split', message: `the split must be a date YYYY-MM-DD, got "${split}"` } };
  }
  const fitWeeks = turnOfDate(s, addDays(split, 1));
  const horizon = s.defaultTurns;
  if (fitWeeks < PERSISTENCE_WEEKS || fitWeeks >= horizon) {
    const range = `${addDays(dateOfTurn(s, PERSISTENCE_WEEKS), -1)} to ${addDays(dateOfTurn(s, horizon), -2)}`;
    const message = `the split ${split} leaves ${Math.max(0, fitWeeks)} fit weeks of ${horizon}; it must fall from ${range} (at least ${PERSISTENCE_WEEKS} fit weeks and one test week)`;
    return { ok: false, error: { code: 'bad-split', message } };
  }
  return { ok: true, value: { split, fitWeeks, horizon } };
}

/** The scenario as known on `date`: its record and calendar events after the date are dropped. */
export function knownOn(s: Scenario, date: string): Scenario {
  return { ...s, history: s.history.filter((h) => h.date <= date), events: s.events.filter((e) => e.date <= date) };
}

export interface BacktestOptions extends ModelOptions {
  /** The last day of the fit period (YYYY-MM-DD). */
  readonly split: string;
  /** The model's priors (the forecast scenario's ensemble judgements): the fit draws its sets from them. */
  readonly priors: readonly Judgement[];
  /** How the fit period's history matching runs (its seed is the back-test's). */
  readonly fit: Omit<FitOptions, 'seed'>;
  /** Called after each draw the fit evaluates, with how many it has. */
  readonly onFitDraw?: (evaluated: number) => void;
  /** Attack dates of the record that were lethal; defaults to LETHAL_ATTACKS_ON_RECORD. */
  readonly lethalDates?: readonly string[];
}

/** What each forecast scored, and what it was made from. */
export interface BacktestResult {
  readonly scenario: string;
  readonly split: string;
  readonly fitWeeks: number;
  readonly testWeeks: number;
  /** First day of the first fit week, of the first test week, and last day of the last test week. */
  readonly fitFrom: string;
  readonly testFrom: string;
  readonly testTo: string;
  readonly runs: number;
  readonly seed: number;
  /** The fit period's history matching: what it evaluated and kept. */
  readonly fit: Omit<FitEnsemble, 'sets'> & { readonly kept: number; readonly draws: readonly number[] };
  /** Kept sets left out because the record replayed with them ended before the split. */
  readonly endedSets: number;
  /** The observation model: the shares of the model's acts the record lists. */
  readonly recording: Recording;
  /** The engine's escalation at the split, from the record replayed with REPLAY_SEED: mean and range over the sets. */
  readonly startEscalation: number;
  readonly startEscalationRange: readonly [number, number];
  readonly openWar: number;
  /** Calendar events after the split, left out of the forecasts. */
  readonly droppedEvents: readonly { readonly date: string; readonly label: string }[];
  /** Record entries dated from the first test week's start to the split: known then, but scored, not used. */
  readonly straddling: number;
  /** The record's test weeks: weeks with an attack, attacks, weeks with a US strike, with a lethal attack. */
  readonly record: { readonly attackWeeks: number; readonly attacks: number; readonly strikeWeeks: number; readonly lethalWeeks: number };
  /** The model's mean attacks a week over the test weeks and futures, and how many of them the record would list. */
  readonly modelRate: number;
  readonly modelListedRate: number;
  /** Pearson's r of the model's mean escalation (not its forecast of the record) with the record's weekly intensity. */
  readonly escalationR: number;
  /** The attack rate the model is calibrated to (the calibration target `attacks-per-week`), if any. */
  readonly targetRate: number | null;
  readonly persistence: NaiveForecast;
  readonly climatology: NaiveForecast;
  readonly scores: { readonly model: Scores; readonly persistence: Scores; readonly climatology: Scores };
}

function totals(weeks: readonly WeekFacts[]): BacktestResult['record'] {
  const count = (p: (w: WeekFacts) => boolean) => weeks.filter(p).length;
  return { attackWeeks: count((w) => w.attacks > 0), attacks: weeks.reduce((n, w) => n + w.attacks, 0), strikeWeeks: count((w) => w.strike), lethalWeeks: count((w) => w.lethal) };
}

/**
 * The back-test of `s` split at `o.split`: the fit period's history matching, the model's futures
 * from each kept set's state at the split, the two naive forecasts, all scored on the test weeks.
 */
export function oosBacktest(s: Scenario, o: BacktestOptions): Checked<BacktestResult> {
  const cal = s.calibration;
  if (!cal || s.history.length === 0) return { ok: false, error: { code: 'no-record', message: `scenario "${s.id}" has no record (history) and calibration block` } };
  const weeks = splitWeeks(s, o.split);
  if (!weeks.ok) return weeks;
  const { fitWeeks, horizon } = weeks.value;
  const lethalDates = o.lethalDates ?? LETHAL_ATTACKS_ON_RECORD.map((l) => l.date);
  // Everything the forecasts see comes from the scenario as known on the split date.
  const known = knownOn(s, o.split);
  const fitFacts = recordFacts(known, cal, horizon, lethalDates.filter((d) => d <= o.split)).slice(0, fitWeeks);
  const test = recordFacts(s, cal, horizon, lethalDates).slice(fitWeeks);
  const fitRecord: Scenario = { ...known, defaultTurns: fitWeeks };
  const fit = fitEnsemble(fitRecord, o.priors, { ...o.fit, seed: o.seed }, o.onFitDraw);
  if (fit.sets.length === 0) return { ok: false, error: { code: 'no-fit', message: `no draw of ${fit.evaluated} passed history matching on the ${fitWeeks} fit weeks: widen the priors or draw more (--draws)` } };
  const recording = recordingShares(fitRecord, cal, fit.sets, o.seed);
  if (!recording) return { ok: false, error: { code: 'no-record', message: `scenario "${s.id}" has no attacks-per-week target to count the record's attacks against` } };
  const weights = observedWeights(known, cal, recording);
  const starts = fit.sets.map((set) => {
    const scenario = withSet(known, set);
    return { scenario, start: stateAtSplit(scenario, fitWeeks, REPLAY_SEED) };
  });
  const used = starts.filter((x) => x.start.ended === null);
  if (used.length === 0) return { ok: false, error: { code: 'replay-ended', message: `the record replayed (seed ${REPLAY_SEED}) ended before the split with every kept set` } };
  // Set k runs the futures [floor(k N / K), floor((k + 1) N / K)): each on its own stream, as a forecast draws from an ensemble.
  let done = 0;
  const edge = (k: number) => Math.floor((k * o.runs) / used.length);
  const futures = joinFutures(
    used.map(({ scenario, start }, k) =>
      modelFutures(scenario, cal, start, o.seed, { first: edge(k), count: edge(k + 1) - edge(k) }, weights, () => o.onProgress?.((done += 1))),
    ),
  );
  const persistence = naiveOf(fitFacts.slice(-PERSISTENCE_WEEKS));
  const climatology = naiveOf(fitFacts);
  const escalations = used.map((x) => x.start.escalation);
  const meanOf = (xs: readonly number[]) => xs.reduce((n, x) => n + x, 0) / xs.length;
  const modelRate = futures.facts.flat().reduce((n, w) => n + w.attacks, 0) / (o.runs * test.length);
  const { sets: _sets, ...fitSummary } = fit;
  const value: BacktestResult = {
    scenario: s.id,
    split: o.split,
    fitWeeks,
    testWeeks: test.length,
    fitFrom: s.startDate,
    testFrom: dateOfTurn(s, fitWeeks),
    testTo: addDays(dateOfTurn(s, horizon), -1),
    runs: o.runs,
    seed: o.seed,
    fit: { ...fitSummary, kept: fit.sets.length, draws: fit.sets.map((x) => x.draw) },
    endedSets: starts.length - used.length,
    recording,
    startEscalation: meanOf(escalations),
    startEscalationRange: [Math.min(...escalations), Math.max(...escalations)],
    openWar: futures.openWar,
    droppedEvents: s.events.filter((e) => e.date > o.split).map((e) => ({ date: e.date, label: e.label })),
    straddling: s.history.filter((h) => h.date >= dateOfTurn(s, fitWeeks) && h.date <= o.split).length,
    record: totals(test),
    modelRate,
    modelListedRate: modelRate * recording.attacks,
    escalationR: pearson(futures.escalation.map(meanOf), test.map((w) => w.intensity)),
    targetRate: cal.targets.find((x) => x.id === 'attacks-per-week')?.value ?? null,
    persistence,
    climatology,
    scores: {
      model: scoreForecast(ensembleForecast(futures, recording.attacks), test),
      persistence: scoreForecast(constantForecast(persistence, test.length), test),
      climatology: scoreForecast(constantForecast(climatology, test.length), test),
    },
  };
  return { ok: true, value };
}

/** How a score ranks forecasts: lower or higher is better, or nearest a nominal coverage. */
type Better = 'lower' | 'higher' | number;

const ROWS: readonly { readonly key: keyof Scores; readonly short: string; readonly label: string; readonly better: Better }[] = [
  { key: 'brierAttack', short: 'attack-week Brier', label: 'Brier: a week with at least one militia attack (lower is better)', better: 'lower' },
  { key: 'brierStrike', short: 'US-strike Brier', label: 'Brier: a week with a US strike (lower is better)', better: 'lower' },
  { key: 'brierLethal', short: 'lethal-attack Brier', label: 'Brier: a week with a lethal attack (lower is better)', better: 'lower' },
  { key: 'crps', short: 'attack-count CRPS', label: 'CRPS: the weekly attack count, in attacks (lower is better)', better: 'lower' },
  { key: 'cover50', short: '50% coverage', label: 'Test weeks inside the 50% interval of the attack count (nominal 0.50)', better: 0.5 },
  { key: 'cover90', short: '90% coverage', label: 'Test weeks inside the 90% interval of the attack count (nominal 0.90)', better: 0.9 },
  { key: 'r', short: "Pearson's r", label: "Pearson's r with the record's weekly intensity (model: its forecast of that intensity; higher is better)", better: 'higher' },
  { key: 'mse', short: 'intensity error', label: "Mean squared error of the weekly intensity, in the record's units (lower is better)", better: 'lower' },
];

const NAMES = ['model', 'persistence', 'climatology'] as const;
const f3 = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');
/** Scores to four decimals: the Brier scores of the rare events differ only in the third or fourth. */
const f4 = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : 'n/a (constant)');

/** The sentence naming the best forecast on one score, ties (at three decimals) named together. */
type Row = (typeof ROWS)[number];

/** The forecasts with a score on `row`, and those best on it (a tie shares it). */
function rank(r: BacktestResult, row: Row) {
  const scored = NAMES.map((name) => ({ name, x: r.scores[name][row.key] })).filter((s) => Number.isFinite(s.x));
  // Ties are exact (two constant forecasts, or equal shares of weeks), up to rounding noise.
  const badness = (x: number) => Number((row.better === 'lower' ? x : row.better === 'higher' ? -x : Math.abs(x - row.better)).toFixed(10));
  const best = Math.min(...scored.map((s) => badness(s.x)));
  return { scored, best, winners: scored.filter((s) => badness(s.x) === best).map((s) => s.name) };
}

const lead = (row: Row) => row.label.replace(/ \(.*\)$/, '');
const andList = (xs: readonly string[]) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}` : (xs[0] ?? ''));

/** The sentence naming the best forecast on one score. */
function verdict(r: BacktestResult, row: Row): string {
  const { scored, best, winners } = rank(r, row);
  if (scored.length === 0) return `${lead(row)}: no forecast has a score (a single test week or constant forecasts).`;
  if (scored.length === 1) return `${lead(row)}: only the ${scored[0]!.name}'s forecast changes from week to week (${f4(scored[0]!.x)}); the others are constant, so they have no correlation to score.`;
  const who = winners.length > 1 ? `${andList(winners)} tie` : `${winners[0]} wins`;
  const how = typeof row.better === 'number' ? `, ${winners.length > 1 ? 'each ' : ''}${best.toFixed(4)} from the nominal ${row.better.toFixed(2)}` : '';
  return `${lead(row)}: **${who}**${how} (${scored.map((s) => `${s.name} ${f4(s.x)}`).join(', ')}).`;
}

/** How the model fares over the scores that rank all three forecasts. */
function tally(r: BacktestResult): string {
  const ranked = ROWS.map((row) => ({ row, ...rank(r, row) })).filter((x) => x.scored.length === NAMES.length);
  const group = (p: (w: readonly string[]) => boolean) => ranked.filter((x) => p(x.winners)).map((x) => x.row.short);
  const alone = group((w) => w.length === 1 && w[0] === 'model');
  const shared = group((w) => w.length > 1 && w.includes('model'));
  const beaten = group((w) => !w.includes('model'));
  const on = (n: readonly string[]) => (n.length > 0 ? `on ${n.length} (${andList(n)})` : 'on none');
  return `Of the ${ranked.length} scores that rank all three forecasts, the model beats both naive forecasts ${on(alone)}, shares the best score ${on(shared)} and is beaten ${on(beaten)}.`;
}

function naiveLine(name: string, from: string, n: NaiveForecast): string {
  return (
    `* **${name}**: every test week is forecast like ${from}: a week with an attack ${f3(n.pAttack)}, attacks a week ${f3(n.rate)} ` +
    `(the count as Poisson with that mean), a US strike ${f3(n.pStrike)}, a lethal attack ${f3(n.pLethal)}, intensity ${f3(n.intensity)}.`
  );
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** What the scores can and cannot say: what the record counts, what is not out of sample. */
function caveats(r: BacktestResult): string[] {
  const fitAttacks = Math.round(r.climatology.rate * r.fitWeeks);
  const target = r.targetRate === null ? '' : `, against about ${r.targetRate} a week in \`rates.md\`'s AFP count, the rate the model's AI is calibrated to (section 2)`;
  const lethal = LETHAL_ATTACKS_ON_RECORD.filter((l) => l.date >= r.fitFrom && l.date <= r.testTo).map((l) => `${l.date} (${l.killed}; ${l.source})`);
  return [
    '**Reading the scores.**',
    '',
    `* *What the record counts.* The history lists the acts the timeline records, not every attack: ${plural(fitAttacks, 'attack')} in the ${r.fitWeeks} fit weeks and ${r.record.attacks} in the ${r.testWeeks} test weeks${target}. The observation model bridges the two with shares measured on the fit weeks, but a forecast of a thinned record is scored on a handful of events: ${plural(r.record.attackWeeks, 'week')} with a listed attack, ${plural(r.record.strikeWeeks, 'week')} with a US strike and ${plural(r.record.lethalWeeks, 'week')} with a lethal attack in ${r.testWeeks}. On so few, a forecast that varies from week to week and a constant one differ by what one or two weeks decide. A weekly count of every attack (the AFP count week by week, or an event dataset) would let the model's attack forecasts be scored as they are made, without the thinning; \`data/\` gives that count only as totals.`,
    '* *Only partly out of sample in its numbers.* The fit keeps parameter sets by the fit weeks alone, but the priors are centred on point values set with the whole record to 2021-03-09 in view ([history.md](history.md), section 2.3), the base-rate targets come from an AFP count of October 2019 to November 2020 (two of its fourteen months are test weeks; no monthly breakdown is given to take them out), and the moves added for later acts (the Majlis law, the IAEA understanding, the acceptance of talks) are in the futures\' move lists.',
    `* *Each set's own replay.* The record fixes moves, not their outcomes, so each set's state at the split is that of one replay (seed ${REPLAY_SEED}), dice included; the sets' escalation at the split spans ${r.startEscalationRange[0].toFixed(2)} to ${r.startEscalationRange[1].toFixed(2)}.`,
    `* *Rare events.* The test weeks hold ${plural(r.record.strikeWeeks, 'week')} with a US strike and ${plural(r.record.lethalWeeks, 'week')} with a lethal attack: the Brier scores of these events differ by what a single week decides.`,
    `* *Lethal attacks.* A history entry carries no outcome, so the lethal attacks are taken from the timeline's casualty column: ${lethal.join(', ')}. The rockets of 2021-03-03, after which a US contractor died of a cardiac event while sheltering, are not counted (\`rates.md\` files it as a non-combat death); counting them would add a second lethal test week.`,
    '* *No talks score.* The record has no talks before 2021-02-18 (the talks are `none` through the whole fit period), so a naive forecast of the talks has nothing to learn from and no talks score is reported.',
    '',
  ];
}

/** Section 7 of the calibration report (docs/calibration.md), as markdown lines. */
export function backtestSection(r: BacktestResult): string[] {
  const pct = (x: number) => `${((100 * x) / r.runs).toFixed(1)}%`;
  const unused = r.straddling === 0 ? `nothing on the record is dated from ${r.testFrom} to the split` : `${r.straddling === 1 ? '1 record entry' : `${r.straddling} record entries`} dated from ${r.testFrom} to the split ${r.straddling === 1 ? 'is' : 'are'} scored, not used`;
  const dropped = r.droppedEvents.length > 0 ? ` (${r.droppedEvents.map((e) => `${e.date}: ${e.label}`).join('; ')})` : '';
  const straddle = r.testFrom <= r.split ? ` The week of ${r.testFrom} straddles the split: the forecasts are made at its start and it is a test week (${unused}).` : '';
  return [
    '## 7. Out-of-sample back-test',
    '',
    `Written by \`npm run calibrate\` (\`--backtest-runs N\`, 0 leaves it out), which regenerates it; \`npm run cli -- backtest --runs ${r.runs} --seed ${r.seed} --split ${r.split}\` prints the same section.`,
    '',
    `The record is split at **${r.split}**. The fit period is the ${plural(r.fitWeeks, 'week')} from ${r.fitFrom} to ${addDays(r.testFrom, -1)}; the test period the ${plural(r.testWeeks, 'week')} from ${r.testFrom} to ${r.testTo}.${straddle} Every forecast is made from the scenario as known on the split date: its record entries after it are dropped, and so are its calendar events after it${dropped}, as what they would bring was not known then.`,
    '',
    `* **Model**, calibrated on the fit weeks alone: ${r.fit.evaluated.toLocaleString('en-US')} parameter sets drawn from the model's priors (docs/model.md, section 8; seed ${r.seed}, draw *i* from stream *i*) and judged as the forecast's ensemble is, but by the fit weeks of the record only: the record replayed through them (every actor \`historical\`) correlates with their weekly series at r ≥ ${r.fit.options.minReplayR}, and ${r.fit.options.games} AI games of them reproduce the base rates of section 2 within their bands (the 2021 rate, after the split, is not used). ${r.fit.kept} ${r.fit.kept === 1 ? 'was' : 'were'} kept (${r.fit.verdicts.replay} failed the replay, ${r.fit.verdicts['record-rates']} the base rates, ${r.fit.verdicts.format} the format)${r.fit.kept >= r.fit.options.keep ? `, the first ${r.fit.options.keep} sought` : ''}${r.endedSets > 0 ? `; ${plural(r.endedSets, 'set')} whose replay ended before the split ${r.endedSets === 1 ? 'is' : 'are'} left out` : ''}. Each set replays the record through the fit weeks (seed ${REPLAY_SEED}; escalation at the split ${r.startEscalation.toFixed(2)} on average) and runs its share of ${r.runs.toLocaleString('en-US')} futures from there to ${r.testTo}, every actor on its doctrine (seed ${r.seed}, one stream each). ${plural(r.openWar, 'future')} (${pct(r.openWar)}) ${r.openWar === 1 ? 'ends' : 'end'} in open war and then ${r.openWar === 1 ? 'holds its' : 'hold their'} last state.`,
    `* **What the record lists** (the observation model, from the fit weeks): the record names ${plural(r.recording.recordAttacks, 'attack')} in ${r.recording.fitWeeks} weeks where the count the model is calibrated to has ${r.recording.targetRate} a week, so each attack of a future is on the record with probability ${f3(r.recording.attacks)} (independently: the listed count is binomial); other acts (neither an attack, a US strike nor an actor's quiet move, which the replay plays for "nothing on the record") are on it with probability ${f3(r.recording.others)} (the record's ${r.recording.recordOthers} against the kept sets' AI games' ${r.recording.modelOthers.toFixed(2)} a week); US strikes and lethal attacks are all on it. A week's intensity is then the sum of -Goldstein/10 over its acts, each weighed by its share.`,
    naiveLine('Persistence', `the last ${PERSISTENCE_WEEKS} fit weeks`, r.persistence),
    naiveLine('Climatology', `the average of all ${r.fitWeeks} fit weeks`, r.climatology),
    '',
    `The record's test weeks hold ${plural(r.record.attacks, 'attack')} in ${plural(r.record.attackWeeks, 'week')}, ${plural(r.record.strikeWeeks, 'week')} with a US strike and ${plural(r.record.lethalWeeks, 'week')} with a lethal attack; the model forecasts ${r.modelRate.toFixed(2)} attacks a week, ${r.modelListedRate.toFixed(3)} of them on the record. Pearson's r of the model's mean escalation (rather than its forecast of the record's intensity, scored below) with the record's weekly intensity is ${f3(r.escalationR)}.`,
    '',
    '| score | model | persistence | climatology |',
    '|---|---|---|---|',
    ...ROWS.map((row) => `| ${row.label} | ${NAMES.map((n) => f4(r.scores[n][row.key])).join(' | ')} |`),
    '',
    ...ROWS.map((row) => `* ${verdict(r, row)}`),
    '',
    tally(r),
    '',
    ...caveats(r),
  ];
}
