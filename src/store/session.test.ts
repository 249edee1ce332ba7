import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixture';
import { AUTOSAVE_KEY, SET_ASIDE_PREFIX, type KeyValueStorage } from './autosave';
import { activeBranch, branchStates } from './derive';
import { createSessionStore, type Setup } from './session';

const scenario = fixture();

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (k) => data.get(k) ?? null,
    setItem: (k, v) => void data.set(k, v),
    removeItem: (k) => void data.delete(k),
  };
}

const setup: Setup = { scenarioId: 'fixture', seed: 11, horizon: 10, controllers: { blue: 'human', red: 'doctrine', proxy: 'doctrine' } };

function make(storage = memoryStorage()) {
  const store = createSessionStore({ scenarios: [scenario], storage, now: () => '2021-03-09T00:00:00.000Z' });
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

describe('the session store', () => {
  it('plays a week with the human pick and AI moves for the rest, then clears the sealed picks', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike']);
    const s = store.getState();
    expect(s.session!.branches[0]!.turns).toHaveLength(1);
    expect(s.session!.branches[0]!.turns[0]!['blue']).toBe('blue.strike');
    expect(Object.keys(s.session!.branches[0]!.turns[0]!).sort()).toEqual(['blue', 'proxy', 'red']);
    expect(s.picks).toEqual({});
    expect(states(store)).toHaveLength(2);
  });

  it('refuses to end the week until every human actor has picked', () => {
    const { store } = make();
    store.getState().start({ ...setup, controllers: { blue: 'human', red: 'human', proxy: 'doctrine' } });
    store.getState().pick('blue', 'blue.hold');
    store.getState().endTurn();
    expect(store.getState().session!.branches[0]!.turns).toHaveLength(0);
    expect(store.getState().message?.text).toMatch(/red/);
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

  it('forks a branch at the week in view, keeping the original intact', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.strike', 'blue.strike', 'blue.strike']);
    const main = store.getState().session!.branches[0]!;
    store.getState().viewTurn(2);
    store.getState().fork('Restraint');
    const s = store.getState().session!;
    expect(s.branches).toHaveLength(2);
    expect(s.active).toBe(s.branches[1]!.id);
    expect(s.branches[1]).toMatchObject({ name: 'Restraint', parent: 'main', forkTurn: 2 });
    expect(s.branches[1]!.turns).toEqual(main.turns.slice(0, 2));
    play(store, ['blue.hold']);
    expect(store.getState().session!.branches[0]!.turns).toEqual(main.turns);
    expect(store.getState().session!.branches[1]!.turns[2]!['blue']).toBe('blue.hold');
  });

  it('autosaves every change and resumes exactly where it was', () => {
    const { store, storage } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold']);
    store.getState().pick('blue', 'blue.strike');
    const again = make(storage).store.getState();
    expect(again.session).toEqual(store.getState().session);
    expect(again.picks).toEqual({ blue: 'blue.strike' });
    expect(again.screen).toBe('play');
  });

  it('sets aside a corrupted save, reports it and starts clean', () => {
    const storage = memoryStorage({ [AUTOSAVE_KEY]: '{"version":1,"session":{"kind":"nope"}' });
    const s = make(storage).store.getState();
    expect(s.session).toBeNull();
    expect(s.message?.kind).toBe('error');
    expect(s.message?.text).toMatch(/could not be read/);
    expect(storage.data.get(`${SET_ASIDE_PREFIX}2021-03-09T00:00:00.000Z`)).toBe('{"version":1,"session":{"kind":"nope"}');
    expect(storage.data.has(AUTOSAVE_KEY)).toBe(false);
  });

  it('exports and imports a game, and rejects a bad file without touching the current game', () => {
    const { store } = make();
    store.getState().start(setup);
    play(store, ['blue.strike', 'blue.hold']);
    const text = store.getState().exportText()!;
    const before = store.getState().session;
    expect(store.getState().importText('{"kind":"deterrence-lab/session","schemaVersion":1}', 'game.json')).toBe(false);
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
});
