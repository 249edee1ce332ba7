import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { forecast, type ForecastTally } from '../engine/forecast';
import { chooseMoves, isOver, replay, resolveTurn } from '../engine/game';
import { loadScenario } from '../cli/load';
import { initialState } from '../engine/state';
import { weekOf, type GameLog } from '../scenario/log';
import { fixture } from '../test/fixture';
import { contributionLabel } from './contribution-label';
import { debrief, futuresOptions, futuresStart, futuresStrategies, positionAmong, turningPoints, type Player } from './debrief';
import { weekStory } from './week-story';
import { debriefColumns, debriefJson, debriefProvenance, debriefTable, DEBRIEF_KIND } from './debrief-exports';
import { csvText, provenanceColumns } from './exports';

const s = fixture();
const players: Record<string, Player> = { blue: 'human', red: 'human', proxy: 'hawk' };

/** Three weeks: notes from both teams, an automatic move, and an event fired before week 2. */
const game: GameLog = {
  scenarioId: s.id,
  seed: 11,
  horizon: 3,
  log: [
    weekOf({ blue: 'blue.hold', red: 'red.accept', proxy: 'proxy.rockets' }, { blue: 'Hold and wait for talks', red: ' Talk first ' }),
    { kind: 'inject', inject: 'inject.raid' },
    weekOf({ blue: 'blue.strike', red: 'red.wait', proxy: 'proxy.lie-low' }, { blue: 'Answer the rockets' }, ['red']),
    weekOf({ blue: 'blue.hold', red: 'red.direct', proxy: 'proxy.rockets' }),
  ],
};

/** A tally of one week ahead whose escalation histogram is given for week 1 (week 0: every run at the start's bin). */
function knownTally(week1: Record<number, number>): ForecastTally {
  const bins = 241;
  const runs = Object.values(week1).reduce((a, b) => a + b, 0);
  const escalation = new Array<number>(2 * bins).fill(0);
  escalation[100] = runs;
  for (const [bin, n] of Object.entries(week1)) escalation[bins + Number(bin)] = n;
  return { scenarioId: s.id, seed: 1, startTurn: 0, turns: 1, strategies: [], firstRun: 0, runs, bins, escalation, phases: [], finalRung: [], openWar: 0, endedByTalks: 0, resolvedTurns: 0, counterSums: [], counterAny: [], ensemble: null, setRuns: [], setAlive: [], setOpenWar: [], setEscalation: [], setEscalationSq: [] };
}

const small = (runs: number) => forecast(s, futuresStart(s, game), { ...futuresOptions(s, game, players), runs });

describe('the class among the futures', () => {
  it('counts the futures below, level with and above the class from the tally histogram, exact to the bin', () => {
    // 0.05-rung bins: 4.0 is bin 80, 4.02 rounds to bin 80 too, 4.1 is bin 82.
    const t = knownTally({ 60: 10, 79: 20, 80: 30, 81: 15, 82: 25 });
    expect(positionAmong(t, 1, 4.02)).toEqual({ below: 0.3, level: 0.3, above: 0.4, percentile: 45 });
    expect(positionAmong(t, 1, 4.1)).toEqual({ below: 0.75, level: 0.25, above: 0, percentile: 87.5 });
    expect(positionAmong(t, 1, 1)).toEqual({ below: 0, level: 0, above: 1, percentile: 0 });
    expect(positionAmong(t, 0, 5)).toEqual({ below: 0, level: 1, above: 0, percentile: 50 });
    expect(() => positionAmong(t, 2, 5)).toThrow(RangeError);
  });

  it('bins the class as the forecast bins a future: a future of the class’s own state is level with it', () => {
    const { states } = replay(s, game);
    for (const state of states) {
      const own = forecast(s, state, { runs: 1, seed: 3, turns: 0 });
      expect(positionAmong(own, 0, state.escalation)).toMatchObject({ below: 0, level: 1, above: 0 });
    }
  });

  it('reads each week’s percentile and the futures’ share with the talks alive', () => {
    const t = small(400);
    const d = debrief({ scenario: s, game, players, futures: t });
    expect(d.positions).toHaveLength(4);
    expect(d.positions[0]!.futures).toMatchObject({ below: 0, level: 1, above: 0, percentile: 50 });
    d.positions.forEach((p) => {
      expect(p.futures!.below + p.futures!.level + p.futures!.above).toBeCloseTo(1, 12);
      expect(p.futures!.summary.turn).toBe(p.week);
      expect(p.futures!.summary.alive.estimate).toBeGreaterThan(0);
    });
    expect(d.futures).toMatchObject({ runs: 400, seed: 11, strategies: { blue: 'doctrine', red: 'doctrine', proxy: 'hawk' } });
  });
});

describe('the debrief of a game', () => {
  it('plays the futures with each actor’s AI strategy, and human teams with their scenario default', () => {
    expect(futuresStrategies(s, players)).toEqual({ blue: 'doctrine', red: 'doctrine', proxy: 'hawk' });
    expect(futuresOptions(s, game, players)).toMatchObject({ runs: 10_000, seed: 11, turns: 3 });
    expect(futuresStart(s, game)).toStrictEqual(initialState(s, 11, 3));
  });

  it('gives the path week by week: moves, notes, automatic moves, fired events and the narrative, at once without futures', () => {
    const d = debrief({ scenario: s, game, players, futures: null });
    const { states } = replay(s, game);
    expect(d).toMatchObject({ weeks: 3, over: true, startDate: '2021-03-09', endDate: '2021-03-29', futures: null, replayError: null });
    expect(d.path.map((r) => r.week)).toEqual([1, 2, 3]);
    expect(d.path[0]!.moves.find((m) => m.actor === 'blue')).toMatchObject({ move: 'blue.hold', label: 'Hold fire', note: 'Hold and wait for talks', auto: false, team: true });
    expect(d.path[0]!.moves.find((m) => m.actor === 'red')!.note).toBe('Talk first');
    expect(d.path[1]!.moves.find((m) => m.actor === 'red')).toMatchObject({ auto: true, note: null });
    expect(d.path[1]!.moves.find((m) => m.actor === 'proxy')).toMatchObject({ team: false, auto: false });
    expect(d.path.map((r) => r.injects.map((e) => e.label))).toEqual([[], ['A raid on the proxy'], []]);
    expect(d.path[2]!.narrative).toEqual(weekStory({ scenario: s, report: states[3]!.report! }));
    expect(d.path[2]!.escalation).toBe(states[3]!.escalation);
    expect(d.positions.every((p) => p.futures === null)).toBe(true);
  });

  it('tells each week as the play view does: the calm line in a calm week, the reason for a talks change', () => {
    const { scenario } = loadScenario('march-2021');
    const strategies = Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
    let told = 0;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      let state = initialState(scenario, seed, 10);
      const log: GameLog['log'][number][] = [];
      while (!isOver(state)) {
        const moves = chooseMoves(scenario, state, strategies);
        log.push(weekOf(moves));
        const next = resolveTurn(scenario, state, moves);
        if (!next.ok) throw new Error(next.error.message);
        state = next.state;
      }
      const played: GameLog = { scenarioId: scenario.id, seed, horizon: 10, log };
      const d = debrief({ scenario, game: played, players: strategies, futures: null });
      const reports = replay(scenario, played).states.slice(1).map((st) => st.report!);
      expect(d.path.map((r) => r.narrative)).toEqual(reports.map((report) => weekStory({ scenario, report })));
      told += reports.filter((r, i) => d.path[i]!.narrative.join('\n') !== r.narrative.join('\n')).length;
    }
    // Weeks whose story differs from the engine's raw lines: the case is not empty.
    expect(told).toBeGreaterThan(0);
  });

  it('names the three weeks with the largest single causes in “why”, each scaled by its measure’s range', () => {
    const { states } = replay(s, game);
    const expected = states.slice(1).map((st) => {
      const r = st.report!;
      const esc = r.escalation.contributions.map((c) => ({ c, w: Math.abs(c.amount) / 12 }));
      const risk = r.talks.risk.contributions.map((c) => ({ c, w: Math.abs(c.amount) }));
      return [...esc, ...risk].sort((a, b) => b.w - a.w)[0]!;
    });
    const points = turningPoints(s, states);
    expect(points.map((p) => p.week)).toEqual([1, 2, 3]);
    points.forEach((p, i) => {
      expect(p.cause).toBe(contributionLabel(s, expected[i]!.c));
      expect(p.weight).toBeCloseTo(expected[i]!.w, 12);
    });
    expect(points.map((p) => p.rank).sort()).toEqual([1, 2, 3]);
    const two = turningPoints(s, states, 2);
    const weights = expected.map((e) => e.w);
    const smallest = weights.indexOf(Math.min(...weights)) + 1;
    expect(two.map((p) => p.week)).toEqual([1, 2, 3].filter((w) => w !== smallest));
  });

  it('scores each actor’s objectives at the start and the end, and sets the weighed things beside the futures', () => {
    const t = small(300);
    const d = debrief({ scenario: s, game, players, futures: t });
    const { states } = replay(s, game);
    const end = states[3]!;
    const alive = end.talks.phase === 'collapsed' ? 0 : 1;
    const blue = d.objectives.find((o) => o.actor === 'blue')!;
    // Blue weighs killed -2, escalation -0.2 and the talks alive 1: at the start 0 killed, escalation 5, talks offered.
    expect(blue.start).toBeCloseTo(-0.2 * 5 + 1, 12);
    expect(blue.end).toBeCloseTo(-2 * end.vars['blue.killed']! - 0.2 * end.escalation + alive, 12);
    const esc = blue.terms.find((x) => x.ref === 'escalation')!;
    expect(esc.futures).toEqual({ kind: 'median', value: d.futures!.weeks[3]!.escalation.p50, game: end.escalation });
    expect(esc.better).toBe(end.escalation === esc.futures!.value ? null : end.escalation < esc.futures!.value);
    const killed = blue.terms.find((x) => x.ref === 'blue.killed')!;
    expect(killed.futures).toMatchObject({ kind: 'mean-gain', game: end.vars['blue.killed'] });
    expect(blue.terms.find((x) => x.ref === 'talks:alive')!.futures).toMatchObject({ kind: 'share', value: d.futures!.weeks[3]!.alive.estimate, game: alive });
    const red = d.objectives.find((o) => o.actor === 'red')!;
    expect(red.terms[0]).toMatchObject({ ref: 'proxy.capability', futures: null, better: null, unrecorded: 'not-recorded' });
  });

  it('compares a counter only once the game is over, since the futures count it to their end', () => {
    const early = { ...game, horizon: 6 };
    const t = forecast(s, futuresStart(s, early), { ...futuresOptions(s, early, players), runs: 100 });
    const blue = debrief({ scenario: s, game: early, players, futures: t }).objectives.find((o) => o.actor === 'blue')!;
    expect(blue.terms.find((x) => x.ref === 'blue.killed')).toMatchObject({ futures: null, unrecorded: 'not-over' });
    expect(blue.terms.find((x) => x.ref === 'escalation')!.futures).not.toBeNull();
  });

  it('refuses futures from another start', () => {
    const { states } = replay(s, game);
    const t = forecast(s, states[1]!, { runs: 10, seed: 1 });
    expect(() => debrief({ scenario: s, game, players, futures: t })).toThrow(/from week 1/);
  });
});

describe('the debrief’s exports', () => {
  it('writes a tidy CSV with one row per week and actor, provenance first, with notes and automatic flags', () => {
    const d = debrief({ scenario: s, game, players, futures: small(200) });
    const text = csvText(debriefTable(s, d, debriefProvenance(s, d)));
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.meta.fields).toEqual([...provenanceColumns, ...debriefColumns]);
    expect(parsed.data).toHaveLength(3 * 3);
    expect(parsed.data.map((r) => `${r['week']}:${r['actor']}`)).toEqual(['1:blue', '1:red', '1:proxy', '2:blue', '2:red', '2:proxy', '3:blue', '3:red', '3:proxy']);
    const row = (week: number, actor: string) => parsed.data.find((r) => r['week'] === String(week) && r['actor'] === actor)!;
    expect(row(1, 'blue')).toMatchObject({ played_by: 'team', move: 'blue.hold', move_label: 'Hold fire', note: 'Hold and wait for talks', automatic: 'false', seed: '11', runs: '200' });
    expect(row(2, 'red')).toMatchObject({ automatic: 'true', note: '' });
    expect(row(2, 'proxy')).toMatchObject({ played_by: 'ai', injects: 'A raid on the proxy' });
    expect(Number(row(3, 'blue')['escalation_after'])).toBe(d.path[2]!.escalation);
    expect(Number(row(3, 'blue')['escalation_percentile'])).toBe(d.positions[3]!.futures!.percentile);
    expect(parsed.data.every((r) => r['generated'] === '')).toBe(true);
  });

  it('leaves the futures’ columns empty until they are run, and writes the game and the debrief as JSON', () => {
    const d = debrief({ scenario: s, game, players, futures: null });
    const p = debriefProvenance(s, d, '2024-01-01T00:00:00.000Z');
    const rows = debriefTable(s, d, p).rows;
    expect(rows.every((r) => r.at(-1) === null && r.at(-2) === null)).toBe(true);
    const json = JSON.parse(debriefJson(d, p, game));
    expect(json).toMatchObject({ kind: DEBRIEF_KIND, provenance: { seed: 11, runs: 0, generated: '2024-01-01T00:00:00.000Z' }, game: { seed: 11, horizon: 3 } });
    expect(json.game.log).toHaveLength(4);
    expect(json.debrief.path).toHaveLength(3);
  });
});
