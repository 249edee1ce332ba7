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
import { dateOfTurn, turnOfDate } from '../engine/compile';
import type { Scenario } from '../scenario/schema';
import {
  constantForecast,
  ensembleForecast,
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

export type BacktestError = { code: 'no-record' | 'bad-split' | 'replay-ended'; message: string };
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
  /** The engine's escalation at the split, from the record replayed with REPLAY_SEED. */
  readonly startEscalation: number;
  readonly openWar: number;
  /** Calendar events after the split, left out of the forecasts. */
  readonly droppedEvents: readonly { readonly date: string; readonly label: string }[];
  /** Record entries dated from the first test week's start to the split: known then, but scored, not used. */
  readonly straddling: number;
  /** The record's test weeks: weeks with an attack, attacks, weeks with a US strike, with a lethal attack. */
  readonly record: { readonly attackWeeks: number; readonly attacks: number; readonly strikeWeeks: number; readonly lethalWeeks: number };
  /** The model's mean attacks a week over the test weeks and futures. */
  readonly modelRate: number;
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

/** The back-test of `s` split at `o.split`: the model's futures and the two naive forecasts, scored. */
export function oosBacktest(s: Scenario, o: BacktestOptions): Checked<BacktestResult> {
  const cal = s.calibration;
  if (!cal || s.history.length === 0) return { ok: false, error: { code: 'no-record', message: `scenario "${s.id}" has no record (history) and calibration block` } };
  const weeks = splitWeeks(s, o.split);
  if (!weeks.ok) return weeks;
  const { fitWeeks, horizon } = weeks.value;
  const lethalDates = o.lethalDates ?? LETHAL_ATTACKS_ON_RECORD.map((l) => l.date);
  // Everything the forecasts see comes from the scenario as known on the split date.
  const known = knownOn(s, o.split);
  const fit = recordFacts(known, cal, horizon, lethalDates.filter((d) => d <= o.split)).slice(0, fitWeeks);
  const test = recordFacts(s, cal, horizon, lethalDates).slice(fitWeeks);
  const start = stateAtSplit(known, fitWeeks, REPLAY_SEED);
  if (start.ended !== null) return { ok: false, error: { code: 'replay-ended', message: `the record replayed (seed ${REPLAY_SEED}) ended in ${start.ended} at week ${start.turn}, before the split` } };
  const futures = modelFutures(known, cal, start, o);
  const persistence = naiveOf(fit.slice(-PERSISTENCE_WEEKS));
  const climatology = naiveOf(fit);
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
    startEscalation: start.escalation,
    openWar: futures.openWar,
    droppedEvents: s.events.filter((e) => e.date > o.split).map((e) => ({ date: e.date, label: e.label })),
    straddling: s.history.filter((h) => h.date >= dateOfTurn(s, fitWeeks) && h.date <= o.split).length,
    record: totals(test),
    modelRate: futures.facts.flat().reduce((n, w) => n + w.attacks, 0) / (o.runs * test.length),
    targetRate: cal.targets.find((x) => x.id === 'attacks-per-week')?.value ?? null,
    persistence,
    climatology,
    scores: {
      model: scoreForecast(ensembleForecast(futures), test),
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
  { key: 'r', short: "Pearson's r", label: "Pearson's r with the record's weekly intensity (model: its mean escalation; higher is better)", better: 'higher' },
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
  const target = r.targetRate === null ? '' : `, against about ${r.targetRate} a week in the calibration target (\`rates.md\`'s AFP count), the rate the model's AI is calibrated to (section 2)`;
  const lethal = LETHAL_ATTACKS_ON_RECORD.filter((l) => l.date >= r.fitFrom && l.date <= r.testTo).map((l) => `${l.date} (${l.killed}; ${l.source})`);
  return [
    '**Reading the scores.**',
    '',
    `* *What the record counts.* The scenario's history lists the acts the timeline records, not every attack: ${plural(fitAttacks, 'attack')} in the ${r.fitWeeks} fit weeks (${r.climatology.rate.toFixed(3)} a week) and ${r.record.attacks} in the ${r.testWeeks} test weeks${target}. The naive forecasts learn the history's rate and are scored on the same history; the model forecasts the rate it is calibrated to. The attack scores (Brier, CRPS, coverage) therefore measure above all that the two count different things, and so does the intensity's squared error (the model's actors act every week: force protection, patrols, holding fire; the history lists only the acts on the timeline). A weekly count of every attack would be needed to test the model's attack forecasts; the data give only totals.`,
    '* *Not out of sample in its numbers.* The doctrines, biases, outcome probabilities and dynamics are those of March 2021, set with the whole record to 2021-03-09 in view ([history.md](history.md), section 2.3), and the moves added for later acts (the Majlis law, the IAEA understanding, the acceptance of talks) are in the futures\' move lists. Only the state the futures start from and the record the naive forecasts learn from stop at the split.',
    `* *One replay's dice.* The record fixes moves, not their outcomes, so the state at the split is that of one replay (seed ${REPLAY_SEED}), dice included: it draws a commander killed by the US strike of 2020-03-12, which the record does not show ([history.md](history.md), section 1.9), and so starts Iran's revenge motive higher than the record implies.`,
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
    `* **Model**: the record replayed (every actor on \`historical\`, seed ${REPLAY_SEED}, as in section 1) through the fit weeks, which leaves the escalation index at ${r.startEscalation.toFixed(2)}; then ${r.runs.toLocaleString('en-US')} futures from that state to ${r.testTo} with every actor on its doctrine (seed ${r.seed}, one independent stream each). A week's attacks are the gain of the calibration's attack counter, its US strike and lethal attack the calibration block's moves and outcomes, its intensity the sum of -Goldstein/10 over the moves played. ${plural(r.openWar, 'future')} (${pct(r.openWar)}) ${r.openWar === 1 ? 'ends' : 'end'} in open war and then ${r.openWar === 1 ? 'holds its' : 'hold their'} last state.`,
    naiveLine('Persistence', `the last ${PERSISTENCE_WEEKS} fit weeks`, r.persistence),
    naiveLine('Climatology', `the average of all ${r.fitWeeks} fit weeks`, r.climatology),
    '',
    `The record's test weeks hold ${plural(r.record.attacks, 'attack')} in ${plural(r.record.attackWeeks, 'week')}, ${plural(r.record.strikeWeeks, 'week')} with a US strike and ${plural(r.record.lethalWeeks, 'week')} with a lethal attack; the model forecasts ${r.modelRate.toFixed(2)} attacks a week.`,
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
