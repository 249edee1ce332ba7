/**
 * Every persisted format still opens what this app wrote before: the committed fixtures of version 1
 * (a saved game, a session file, the single autosave, a share link, a forecast shard) load through
 * their named migrations into the same games, which replay to the states they replayed to when the
 * fixtures were written (fixtures/expected.json). And a save from another version of the scenario
 * says so.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it, vi } from 'vitest';
import { loadScenario } from '../../cli/load';
import { replay } from '../../engine/game';
import type { Scenario } from '../schema';
import { scenarioDigest } from './digest';
import { parseGameFile } from './game-file';
import { lzDecodedLength } from './lz-size';
import { parseSavedGame, savedGameFormat } from './saved-game';
import { matchScenario, scenarioNotice } from './scenario-version';
import { parseSessionText, sessionFormat, type Session } from './session-file';
import { shardFormat, parseShard } from './shard-file';
import { decodeShare, encodeShare, MAX_LINK_CHARS } from './share-link';
import { upgrade } from './versioned';

const { scenario } = loadScenario('march-2021');
const scenarioFor = (id: string): Scenario | null => (id === scenario.id ? scenario : null);
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const expected = JSON.parse(fixture('expected.json')) as {
  game: End;
  session: Record<string, End>;
};
interface End {
  weeks: number;
  escalation: number;
  phase: string;
  attacks: number;
}

function endOf(session: Session, branch: string): End {
  const b = session.branches.find((x) => x.id === branch)!;
  const r = replay(scenario, { scenarioId: session.scenarioId, seed: session.seed, horizon: session.horizon, log: b.log });
  expect(r.error).toBeNull();
  const s = r.states.at(-1)!;
  return { weeks: r.states.length - 1, escalation: s.escalation, phase: s.talks.phase, attacks: s.vars['militia.attacks']! };
}

function expectSessionAsWritten(session: Session): void {
  expect(session.schemaVersion).toBe(2);
  expect(session.scenarioDigest, 'version 1 recorded no digest').toBeNull();
  for (const [branch, end] of Object.entries(expected.session)) expect(endOf(session, branch)).toEqual(end);
}

describe('fixtures of version 1', () => {
  it('a saved game opens and replays to the same end', () => {
    const r = parseGameFile(JSON.parse(fixture('game-v1.json')), scenario);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    const states = replay(scenario, r.value.game).states;
    expect({ weeks: states.length - 1, escalation: states.at(-1)!.escalation, phase: states.at(-1)!.talks.phase, attacks: states.at(-1)!.vars['militia.attacks'] }).toEqual(expected.game);
    expect(r.value.scenarioDigest).toBeNull();
  });

  it('a session file opens with both its branches', () => {
    const r = parseSessionText(fixture('session-v1.json'), scenarioFor);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expectSessionAsWritten(r.value);
    expect(r.value.branches.map((b) => b.name)).toEqual(['Main line', 'What if we had not struck']);
  });

  it('a share link opens the same session', () => {
    const r = decodeShare(fixture('share-link-v1.txt').trim(), scenarioFor);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expectSessionAsWritten(r.value);
    const file = parseSessionText(fixture('session-v1.json'), scenarioFor);
    expect(file.ok && r.value).toEqual(file.ok ? file.value : null);
  });

  it('the single autosave becomes a saved game, with its redo stack, sealed pick and week in view', () => {
    expect(savedGameFormat.steps.map((s) => s.name)).toEqual(['the one autosaved game becomes a saved game with an id; its undone turns become log entries']);
    const r = parseSavedGame(JSON.parse(fixture('autosave-v1.json')), scenarioFor);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expectSessionAsWritten(r.value.session!);
    expect(r.value.picks).toEqual({ us: 'us.b52' });
    expect(r.value.redo['branch-1']).toEqual([{ kind: 'week', moves: expect.objectContaining({ us: { move: 'us.hold-fire' } }) }]);
    expect(r.value).toMatchObject({ id: 'game-1', createdAt: null, updatedAt: null, notes: {}, view: null });
  });

  it('a forecast shard opens, by its named steps, with its counts unchanged and no ensemble', () => {
    expect(shardFormat.steps.map((s) => s.name)).toEqual([
      'format and formatVersion become kind and schemaVersion, as in every other file',
      "the tally names its parameter ensemble (none before) and counts each set's futures",
    ]);
    const raw = JSON.parse(fixture('shard-v1.json')) as { tally: unknown };
    const r = parseShard(raw);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.value).toMatchObject({ kind: 'deterrence-lab/forecast-shard', schemaVersion: 3, shard: { index: 2, count: 3 } });
    expect(r.value.tally).toEqual({ ...(raw.tally as object), ensemble: null, setRuns: [], setAlive: [], setOpenWar: [], setEscalation: [], setEscalationSq: [] });
  });

  it('each format names its migrations from version 1', () => {
    expect(sessionFormat.steps.map((s) => s.from)).toEqual([1]);
  });
});

describe('versioned files', () => {
  it('refuse a newer version or another kind, saying which', () => {
    expect(upgrade({ kind: 'deterrence-lab/session', schemaVersion: 9 }, sessionFormat)).toMatchObject({ ok: false, errors: [{ code: 'newer-version' }] });
    expect(upgrade({ kind: 'deterrence-lab/game', schemaVersion: 2 }, sessionFormat)).toMatchObject({ ok: false, errors: [{ path: 'kind', code: 'wrong-kind' }] });
    expect(upgrade([], sessionFormat)).toMatchObject({ ok: false, errors: [{ path: '', code: 'invalid-type' }] });
  });
});

describe('saves and the version of their scenario', () => {
  it('recognise the scenario they were played on by its digest, and say plainly when it changed', () => {
    const changed = { ...scenario, title: `${scenario.title} (revised)` };
    expect(matchScenario(scenario, scenarioDigest(scenario))).toBe('same');
    expect(scenarioNotice(scenario, scenarioDigest(scenario), 'game')).toBeNull();
    expect(matchScenario(changed, scenarioDigest(scenario))).toBe('changed');
    expect(scenarioNotice(changed, scenarioDigest(scenario), 'game')).toMatch(/played on another version of “.*\(revised\)” \([0-9a-f]{12}, now [0-9a-f]{12}\); it has been replayed on the current one/);
    expect(scenarioNotice(scenario, null, 'game')).toMatch(/did not record the version/);
  });

  it('give the same digest whatever the order of a scenario’s keys, and another for any change', () => {
    const reordered = Object.fromEntries(Object.entries(scenario).reverse()) as Scenario;
    expect(scenarioDigest(reordered)).toBe(scenarioDigest(scenario));
    expect(scenarioDigest({ ...scenario, dynamics: { ...scenario.dynamics, escalationGain: 0.46 } })).not.toBe(scenarioDigest(scenario));
  });
});

describe('the decoded length of an lz-string code', () => {
  it('is the length lz-string decodes to, for any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'grapheme', maxLength: 500 }), fc.stringMatching(/^[ab]{0,5000}$/)), (text) => {
        const code = LZString.compressToEncodedURIComponent(text);
        expect(lzDecodedLength(code, Number.MAX_SAFE_INTEGER)).toBe(text === '' ? 0 : LZString.decompressFromEncodedURIComponent(code)!.length);
      }),
      { numRuns: 300 },
    );
  });

  it('stops at the cap, and calls junk malformed', () => {
    const code = LZString.compressToEncodedURIComponent('x'.repeat(10_000));
    expect(lzDecodedLength(code, 9_999)).toBe('too-large');
    expect(lzDecodedLength(code, 10_000)).toBe(10_000);
    expect(lzDecodedLength('', 10)).toBe('malformed');
    expect(lzDecodedLength('$$$$', 10)).toBe('malformed');
  });
});

describe('share links', () => {
  it('refuse a link too long to be a game before decoding it', () => {
    const r = decodeShare('A'.repeat(MAX_LINK_CHARS + 1), scenarioFor);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'link-too-long' }] });
  });

  it('refuse a short link that would decode to more than a million characters, without decoding it', { timeout: 30_000 }, () => {
    const bomb = LZString.compressToEncodedURIComponent('a'.repeat(1_100_000));
    expect(bomb.length).toBeLessThan(MAX_LINK_CHARS);
    const decode = vi.spyOn(LZString, 'decompressFromEncodedURIComponent');
    const r = decodeShare(bomb, scenarioFor);
    expect(r).toMatchObject({ ok: false, errors: [{ code: 'link-too-large', message: expect.stringContaining('1,000,000 characters') }] });
    expect(decode).not.toHaveBeenCalled();
    decode.mockRestore();
  });

  it('round-trip a session of the current version', () => {
    const r = parseSessionText(fixture('session-v1.json'), scenarioFor);
    if (!r.ok) throw new Error('fixture');
    const back = decodeShare(encodeShare(r.value), scenarioFor);
    expect(back).toEqual({ ok: true, value: r.value });
  });
});
