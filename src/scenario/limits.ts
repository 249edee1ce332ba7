/**
 * The limits the app, the CLI and every file format share: one home, so they cannot drift apart.
 */

/** The longest game, in weeks (ten years of weekly turns). */
export const MAX_WEEKS = 520;
/** Seeds are 32-bit unsigned integers. */
export const MAX_SEED = 0xffffffff;
/** A session holds at most this many branches. */
export const MAX_BRANCHES = 50;
/** A branch's name, at most this many characters. */
export const MAX_BRANCH_NAME = 80;

/** Whether `x` is a seed the engine accepts: a whole number from 0 to MAX_SEED. */
export function isSeed(x: number): boolean {
  return Number.isInteger(x) && x >= 0 && x <= MAX_SEED;
}

/** Whether `x` is a game length the engine accepts: a whole number of weeks from 1 to MAX_WEEKS. */
export function isWeeks(x: number): boolean {
  return Number.isInteger(x) && x >= 1 && x <= MAX_WEEKS;
}

/*
 * The largest scenario the format accepts. Each limit is far above what the bundled scenarios use
 * (their largest count is in brackets) and keeps parsing, compiling and a week's play well under a
 * second. Actors are held tightest: tension and grudges are kept for every ordered pair of actors,
 * so the state grows with actors².
 */

/** Actors in a scenario [5]. */
export const MAX_ACTORS = 12;
/** State variables [32]. */
export const MAX_VARIABLES = 200;
/** Rungs of the escalation ladder [13]. */
export const MAX_RUNGS = 30;
/** Talks phases [7]: a move's legal phases are a 32-bit mask. */
export const MAX_TALKS_PHASES = 30;
/** Talks transitions [8]. */
export const MAX_TALKS_TRANSITIONS = 100;
/** Moves of all actors together [44]. */
export const MAX_MOVES = 400;
/** Chance outcomes of one move [5]. */
export const MAX_OUTCOMES = 20;
/** Effects of one move, outcome, delayed effect, event or inject [15]. */
export const MAX_EFFECTS = 50;
/** Delayed effects of one move or outcome [2]. */
export const MAX_DELAYED = 10;
/** Preconditions of one move [2]. */
export const MAX_CONDITIONS = 20;
/** Narrative variants of one move [3]. */
export const MAX_NARRATIVES = 20;
/** Refs weighed by one linear term, propensity, objective or drift, and initial grudges [14]. */
export const MAX_TERMS = 200;
/** Scheduled events, all of which may fall on one date [4]. */
export const MAX_EVENTS = 2_000;
/** Injects in the facilitator's catalogue [11]. */
export const MAX_INJECTS = 200;
/** Beliefs [7]. */
export const MAX_BELIEFS = 200;
/** Triggers or responses of one belief, and the moves or outcomes of one calibration list [3]. */
export const MAX_REFS_LISTED = 100;
/** Sources cited [36]. */
export const MAX_SOURCES = 500;
/** Entries of the historical record [28]. */
export const MAX_HISTORY = 5_000;
/** Context events before the start [14]. */
export const MAX_CONTEXT = 500;
/** Prior rules [26]. */
export const MAX_PRIORS = 500;
/** Calibration targets [4]. */
export const MAX_CALIBRATION_TARGETS = 20;
/** Characters of an id [39]. */
export const MAX_ID_LENGTH = 100;
/** Characters of a ref or a `move/outcome` id: two ids and a prefix fit [31]. */
export const MAX_REF_LENGTH = 250;
/** Characters of a name, title, label or unit [211]. */
export const MAX_LABEL_LENGTH = 500;
/** Characters of a summary, description, narrative, note or source text [563]. */
export const MAX_TEXT_LENGTH = 5_000;
/** Characters of a source's URL [none today]. */
export const MAX_URL_LENGTH = 2_000;

/** The first and last years a scenario date may fall in. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** Days in `month` (1 .. 12) of `year`, by the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Why `date` (YYYY-MM-DD) is not a date the format accepts, in plain words, or null when it is a
 * real calendar date from MIN_YEAR to MAX_YEAR. A string not shaped YYYY-MM-DD is left to the
 * format's pattern and also gives null.
 */
export function dateProblem(date: string): string | null {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) return null;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (year < MIN_YEAR || year > MAX_YEAR) return `${date} is outside the years the format accepts (${MIN_YEAR} to ${MAX_YEAR})`;
  if (month < 1 || month > 12) return `${date} is not a calendar date (there is no month ${parts[2]}; months run from 01 to 12)`;
  const days = daysInMonth(year, month);
  const monthName = `${monthNames[month - 1]} ${year}`;
  if (day < 1) return `${date} is not a calendar date (days run from 01; ${monthName} has ${days} days)`;
  if (day > days) return `${date} is not a calendar date (${monthName} has ${days} days)`;
  return null;
}
