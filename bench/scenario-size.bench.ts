/**
 * `npx tsx bench/scenario-size.bench.ts`: what a large scenario costs to load, as a hostile or
 * generated file would make it. It prints
 *   - how fast a file of 40,000 events on one date is refused (JSON text to errors);
 *   - parse, compile and one week's play with N events on one date, for N up to MAX_EVENTS:
 *     compiling is linear, so doubling N should about double the time, not quadruple it.
 * Figures are medians of several repetitions; each compile is of a freshly parsed scenario.
 */
import { compile } from '../src/engine/compile';
import { chooseMoves, resolveTurn } from '../src/engine/game';
import { initialState } from '../src/engine/state';
import { MAX_EVENTS } from '../src/scenario/limits';
import { parseScenarioText } from '../src/scenario/parse';
import { fixtureInput } from '../src/test/fixture';
import { budget, fmt, fmtFixed, header, median, timeIt } from './lib';

const REPEATS = 7;

/** The fixture's scenario as file text, with `n` events on the date of its second week. */
function withEvents(n: number): string {
  const input = fixtureInput();
  input.events = Array.from({ length: n }, (_, i) => ({ id: `e${i}`, date: '2021-03-16', label: 'E', narrative: `Event ${i}.`, source: 'calendar', effects: [{ target: 'escalation', add: 0 }] }));
  return JSON.stringify(input);
}

function loadAndPlay(text: string): { parse: number; compile: number; week: number } {
  const parsed = timeIt(() => parseScenarioText(text));
  if (!parsed.value.ok) throw new Error(parsed.value.errors[0]!.message);
  const s = parsed.value.value;
  const compiled = timeIt(() => compile(s));
  const week = timeIt(() => {
    const start = initialState(s, 1);
    const r = resolveTurn(s, start, chooseMoves(s, start, {}));
    if (!r.ok) throw new Error(r.error.message);
  });
  return { parse: parsed.ms, compile: compiled.ms, week: week.ms };
}

header('Scenario size benchmark (Node): refusing a huge file, loading one at the maxima');

const huge = withEvents(40_000);
const refused = Array.from({ length: REPEATS }, () => timeIt(() => parseScenarioText(huge)));
const first = refused[0]!.value;
if (first.ok) throw new Error('40,000 events should be refused');
const refusedMs = median(refused.map((r) => r.ms));
console.log(`40,000 events (${fmt(huge.length / 1024)} KiB): refused in ${fmtFixed(refusedMs, 1)} ms with "${first.errors[0]!.path}: ${first.errors[0]!.message}"   ${budget('< 1,000 ms', refusedMs < 1000)}`);

loadAndPlay(withEvents(100)); // warm-up
for (const n of [MAX_EVENTS / 4, MAX_EVENTS / 2, MAX_EVENTS]) {
  const text = withEvents(n);
  const runs = Array.from({ length: REPEATS }, () => loadAndPlay(text));
  const [parse, comp, week] = [median(runs.map((r) => r.parse)), median(runs.map((r) => r.compile)), median(runs.map((r) => r.week))];
  const total = parse + comp + week;
  console.log(
    `${fmt(n).padStart(5)} events on one date: parse ${fmtFixed(parse, 1)} ms, compile ${fmtFixed(comp, 1)} ms, first week ${fmtFixed(week, 1)} ms   ${budget('< 1,000 ms in all', total < 1000)}`,
  );
}
