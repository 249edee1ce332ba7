import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture';
import { activeBranch, branchStates } from './derive';
import { CURRENT_KEY, GAME_KEY_PREFIX, LEGACY_AUTOSAVE_KEY, SET_ASIDE_PREFIX, type KeyValueStorage } from './library';
import { createSessionStore, type Setup } from './session';

const scenario = fixture();

/** A Map-backed Web Storage; `full` makes every write fail as a full quota does. */
function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string>; full: boolean } {
  const data = new Map(Object.entries(initial));
  const storage = {
    data,
    full: false,
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => {
      if (storage.full) throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
      data.set(k, v);
    },
    removeItem: (k: string) => void data.delete(k),
    get length() {
      return data.size;
    },
    key: (i: number) => [...data.keys()][i] ?? null,
  };
  return storage;
}

const setup: Setup = { scenarioId: 'fixture', seed: 11, horizon: 10, controllers: { blue: 'human', red: 'doctrine', proxy: 'doctrine' } };

let clock = 0;
function make(storage = memoryStorage()) {
  const store = createSessionStore({ scenarios: [scenario], storage, now: () => new Date(Date.UTC(2021, 2, 9) + clock++ * 1000).toISOString() });
  return { store, storage };
}

function states(store: ReturnType<typeof make>['store']) {
  const s = store.getState().session!;
  return branchStates(scenario, s, activeBranch(s)).states;
}

function play(store: ReturnType<typeof make>['store'], moves: string[]) {
  for (const m of moves) {
    store.getState().pick('blue', m);
    store.getState().endTurn();
  }
}

const log = (store: ReturnType<typeof make>['store'], branch = 0) => store.getState().session!.branches[branch]!.log;

describe('the session store', () => {
  it('logs a week with the human pick, its note and AI moves for the rest, then clears the sealed picks', () => {
    const { store } = make();
    store.getState().start(setup);
    store.getState().note('blue', '  Answer the attack.  ');
    play(store, ['blue.strike']);
    const s = store.getState();
    expect(log(store)).toHaveLength(1);
    const week = log(store)[0]!;
    if (week.kind !== 'week') throw new Error('expected a week');
    expect(week.moves['blue']).toEqual({ move: 'blue.strike', note: 'Answer the attack.' });
    expect(Object.keys(week.moves).sort()).toEqual(['blue', 'proxy', 'red']);
    expect(s.picks).toEqual({});
    expect(s.notes).toEqual({});
    expect(states(store)).toHaveLength(2);
  });

  it('refuses to end the week until every human actor has picked', () => {
    const { store } = make();
    store.getState().start({ ...setup, controllers: { blue: 'human', red: 'human', proxy: 'doctrine' } });
    store.getState().pick('blue', 'blue.hold');
    store.getState().endTurn();
    expect(log(store)).toHaveLength(0);
    expect(store.getState().message?.text).toMatch(/red/);
  });

  it('fires an inject at the start of the next week: in that week’s story and why, undone like a week', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.hold']);
    store.getState().inject('inject.raid');
    expect(log(store).map((e) => e.kind)).toEqual(['week', 'inject']);
    expect(states(store)).toHaveLength(2);
    expect(states(store)[1]!.injects).toEqual(['inject.raid']);
    play(store, ['blue.hold']);
    const report = states(store)[2]!.report!;
    expect(report.narrative).toContain('Special forces raided a proxy depot.');
    expect(report.escalation.contributions.find((c) => c.kind === 'inject')).toMatchObject({ id: 'inject.raid', label: 'A raid on the proxy' });
    store.getState().undo();
    store.getState().undo();
    expect(log(store).map((e) => e.kind)).toEqual(['week']);
    store.getState().redoTurn();
    expect(log(store).map((e) => e.kind)).toEqual(['week', 'inject']);
    store.getState().inject('inject.nothing');
    expect(store.getState().message).toMatchObject({ kind: 'error', text: expect.stringMatching(/inject\.nothing/) });
  });

  it('undoes twice and redoes once, back to the same states', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold', 'blue.strike', 'blue.hold']);
    const four = states(store);
    store.getState().undo();
    store.getState().undo();
    expect(states(store)).toHaveLength(3);
    store.getState().redoTurn();
    expect(states(store)).toHaveLength(4);
    expect(states(store)).toStrictEqual(four.slice(0, 4));
  });

  it('forks a branch at the week in view, with the injects queued in that week, keeping the original intact', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.strike']);
    store.getState().inject('inject.raid');
    play(store, ['blue.strike', 'blue.strike']);
    const main = log(store);
    store.getState().viewTurn(2);
    store.getState().fork('Restraint');
    const s = store.getState().session!;
    expect(s.branches).toHaveLength(2);
    expect(s.active).toBe(s.branches[1]!.id);
    expect(s.branches[1]).toMatchObject({ name: 'Restraint', parent: 'main', forkTurn: 2 });
    expect(s.branches[1]!.log).toEqual(main.slice(0, 3));
    play(store, ['blue.hold']);
    expect(log(store, 0)).toEqual(main);
    expect(log(store, 1).at(-1)).toMatchObject({ kind: 'week', moves: { blue: { move: 'blue.hold' } } });
  });
});

describe('the library of games', () => {
  it('saves every change and resumes exactly where it was, sealed pick and note included', () => {
    const { store, storage } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold']);
    store.getState().pick('blue', 'blue.strike');
    store.getState().note('blue', 'Once more.');
    const again = make(storage).store.getState();
    expect(again.session).toEqual(store.getState().session);
    expect(again.picks).toEqual({ blue: 'blue.strike' });
    expect(again.notes).toEqual({ blue: 'Once more.' });
    expect(again.screen).toBe('play');
  });

  it('keeps every game started: a new game, an import and a share link add games, and each resumes exactly', () => {
    const { store, storage } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold']);
    const first = { id: store.getState().gameId!, states: states(store) };
    const code = store.getState().shareCode()!;
    store.getState().start({ ...setup, seed: 12 });
    play(store, ['blue.hold']);
    const second = { id: store.getState().gameId!, states: states(store) };
    expect(store.getState().loadShare(code)).toBe(true);
    const third = { id: store.getState().gameId!, states: states(store) };
    expect(new Set([first.id, second.id, third.id]).size).toBe(3);
    expect(third.states).toStrictEqual(first.states);

    const reopened = make(storage).store;
    expect(reopened.getState().games.map((g) => g.id).sort()).toEqual([first.id, second.id, third.id].sort());
    expect(reopened.getState().games.find((g) => g.id === second.id)).toMatchObject({ seed: 12, weeks: 1, horizon: 10 });
    for (const g of [first, second, third]) {
      reopened.getState().resume(g.id);
      expect(reopened.getState().gameId).toBe(g.id);
      expect(states(reopened)).toStrictEqual(g.states);
    }
  });

  it('deletes a game, and brings it back on undo', () => {
    const { store, storage } = make();
    store.getState().start(setup);
    play(store, ['blue.strike']);
    const id = store.getState().gameId!;
    store.getState().leave();
    store.getState().deleteGame(id);
    expect(store.getState().games).toEqual([]);
    expect(storage.data.has(`${GAME_KEY_PREFIX}${id}`)).toBe(false);
    expect(store.getState().message).toMatchObject({ undoDelete: true });
    store.getState().undoDelete();
    expect(store.getState().games.map((g) => g.id)).toEqual([id]);
    expect(storage.data.has(`${GAME_KEY_PREFIX}${id}`)).toBe(true);
  });

  it('says at once when a save fails, keeps playing in memory, and loses nothing saved before', () => {
    const { store, storage } = make();
    store.getState().start(setup);
    play(store, ['blue.strike']);
    const id = store.getState().gameId!;
    const saved = storage.data.get(`${GAME_KEY_PREFIX}${id}`);
    storage.full = true;
    play(store, ['blue.hold']);
    expect(store.getState().message).toMatchObject({ kind: 'error', text: expect.stringMatching(/could not be saved in the browser: the browser’s storage for this site is full.*Export game/) });
    expect(states(store)).toHaveLength(3);
    expect(storage.data.get(`${GAME_KEY_PREFIX}${id}`), 'the last good save is untouched').toBe(saved);
    storage.full = false;
    expect(make(storage).store.getState().session!.branches[0]!.log).toHaveLength(1);
  });

  it('sets aside an unreadable saved game under a key of its own, reports it, and never writes over it', () => {
    const broken = '{"kind":"deterrence-lab/saved-game","schemaVersion":2,"id":"game-1"';
    const storage = memoryStorage({ [`${GAME_KEY_PREFIX}game-1`]: broken, [CURRENT_KEY]: 'game-1' });
    const { store } = make(storage);
    const s = store.getState();
    expect(s.session).toBeNull();
    expect(s.message).toMatchObject({ kind: 'error', text: expect.stringMatching(/could not be read.*kept in local storage/) });
    const aside = [...storage.data.keys()].find((k) => k.startsWith(SET_ASIDE_PREFIX))!;
    expect(storage.data.get(aside)).toBe(broken);
    store.getState().start(setup);
    play(store, ['blue.hold']);
    expect(storage.data.get(aside), 'a new game does not reuse the key').toBe(broken);
  });

  it('leaves an unreadable save in place when it cannot be copied aside, and never writes over it', () => {
    const broken = '{"kind":"deterrence-lab/saved-game"';
    const storage = memoryStorage({ [`${GAME_KEY_PREFIX}game-1`]: broken, [CURRENT_KEY]: 'game-1' });
    storage.full = true;
    const { store } = make(storage);
    expect(store.getState().message?.text).toMatch(/left in place under "deterrence-lab:game:game-1" and will not be written over/);
    storage.full = false;
    store.getState().start(setup);
    play(store, ['blue.hold', 'blue.strike']);
    expect(store.getState().gameId).not.toBe('game-1');
    expect(storage.data.get(`${GAME_KEY_PREFIX}game-1`)).toBe(broken);
  });

  it('brings the single autosave of earlier versions into the library, and removes it only once saved', () => {
    const legacy = make();
    legacy.store.getState().start(setup);
    play(legacy.store, ['blue.strike']);
    const session = legacy.store.getState().session!;
    const v1 = {
      version: 1,
      session: { ...session, schemaVersion: 1, scenarioDigest: undefined, branches: session.branches.map(({ log: l, ...b }) => ({ ...b, turns: l.map((e) => (e.kind === 'week' ? Object.fromEntries(Object.entries(e.moves).map(([a, m]) => [a, m.move])) : {})) })) },
      redo: {},
      picks: { blue: 'blue.hold' },
      view: null,
    };
    const storage = memoryStorage({ [LEGACY_AUTOSAVE_KEY]: JSON.stringify(v1) });
    const s = make(storage).store.getState();
    expect(s.session!.branches[0]!.log).toEqual(session.branches[0]!.log);
    expect(s.picks).toEqual({ blue: 'blue.hold' });
    expect(s.message?.text).toMatch(/did not record the version/);
    expect(storage.data.has(LEGACY_AUTOSAVE_KEY)).toBe(false);
    expect([...storage.data.keys()].filter((k) => k.startsWith(GAME_KEY_PREFIX))).toHaveLength(1);
  });

  it('exports and imports a game, and rejects a bad file without touching the current game', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold']);
    const text = store.getState().exportText()!;
    const before = store.getState().session;
    expect(store.getState().importText('{"kind":"deterrence-lab/session","schemaVersion":2}', 'game.json')).toBe(false);
    expect(store.getState().message?.text).toMatch(/game.json could not be read/);
    expect(store.getState().session).toBe(before);
    const other = make().store;
    expect(other.getState().importText(text, 'game.json')).toBe(true);
    expect(other.getState().session).toEqual(before);
  });

  it('opens a share link to the same game, and reports a malformed one', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold', 'blue.strike']);
    const code = store.getState().shareCode()!;
    const other = make().store;
    expect(other.getState().loadShare(code)).toBe(true);
    expect(states(other)).toStrictEqual(states(store));
    expect(other.getState().loadShare('not-a-real-link')).toBe(false);
    expect(other.getState().message?.text).toMatch(/share link/i);
    expect(states(other)).toStrictEqual(states(store));
  });

  it('says so when a game was played on another version of its scenario', () => {
    const { store, storage } = make();
    store.getState().start(setup);
    play(store, ['blue.strike']);
    const changed = { ...scenario, title: 'Fixture, revised' };
    const again = createSessionStore({ scenarios: [changed], storage, now: () => '2021-03-10T00:00:00.000Z' }).getState();
    expect(again.message?.text).toMatch(/played on another version of “Fixture, revised”/);
    expect(again.session!.branches[0]!.log).toHaveLength(1);
  });
});

describe('two tabs on one browser’s storage', () => {
  /** A second tab: a store of its own over the same storage. */
  const twoTabs = () => {
    const a = make();
    a.store.getState().start(setup);
    play(a.store, ['blue.hold']);
    const b = make(a.storage);
    expect(b.store.getState().gameId).toBe(a.store.getState().gameId);
    return { a: a.store, b: b.store, storage: a.storage };
  };
  const saved = (storage: ReturnType<typeof memoryStorage>) => [...storage.data.keys()].filter((k) => k.startsWith(GAME_KEY_PREFIX)).sort();

  it('never writes over what the other tab saved: the later tab’s version becomes a game of its own', () => {
    const { a, b, storage } = twoTabs();
    play(a, ['blue.strike']);
    const aRecord = storage.data.get(`${GAME_KEY_PREFIX}${a.getState().gameId}`);
    play(b, ['blue.hold']);
    expect(b.getState().message?.text).toMatch(/changed in another tab too.*a game of its own/);
    expect(b.getState().gameId).not.toBe(a.getState().gameId);
    expect(storage.data.get(`${GAME_KEY_PREFIX}${a.getState().gameId}`)).toBe(aRecord);
    expect(saved(storage)).toHaveLength(2);
    expect(log(b).map((e) => (e.kind === 'week' ? e.moves['blue']!.move : e.inject))).toEqual(['blue.hold', 'blue.hold']);
    expect(log(a).map((e) => (e.kind === 'week' ? e.moves['blue']!.move : e.inject))).toEqual(['blue.hold', 'blue.strike']);
    // Both stay listed in each tab once it hears of the other's save.
    a.getState().storageChanged(`${GAME_KEY_PREFIX}${b.getState().gameId}`);
    expect(a.getState().games).toHaveLength(2);
  });

  it('shows the other tab’s moves when it hears of them, and plays on from there', () => {
    const { a, b } = twoTabs();
    play(a, ['blue.strike']);
    b.getState().storageChanged(`${GAME_KEY_PREFIX}${a.getState().gameId}`);
    expect(b.getState().message?.text).toMatch(/played on in another tab/);
    expect(log(b)).toEqual(log(a));
    play(b, ['blue.hold']);
    expect(b.getState().gameId).toBe(a.getState().gameId);
    expect(b.getState().message?.text).not.toMatch(/a game of its own/);
    expect(log(b)).toHaveLength(3);
  });

  it('gives games started in two tabs at once ids of their own', () => {
    const storage = memoryStorage();
    const a = make(storage).store;
    const b = make(storage).store;
    a.getState().start(setup);
    b.getState().start({ ...setup, seed: 12 });
    expect(a.getState().gameId).not.toBe(b.getState().gameId);
    expect(saved(storage)).toHaveLength(2);
  });

  it('keeps a game deleted in another tab open here, and saves it again when played on', () => {
    const { a, b, storage } = twoTabs();
    const id = a.getState().gameId!;
    a.getState().deleteGame(id);
    b.getState().storageChanged(`${GAME_KEY_PREFIX}${id}`);
    expect(b.getState().message?.text).toMatch(/deleted in another tab/);
    play(b, ['blue.hold']);
    expect(storage.data.has(`${GAME_KEY_PREFIX}${id}`)).toBe(true);
  });
});
