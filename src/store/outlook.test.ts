/**
 * The outlook store computes each state's talks outlook once, most wanted first, and keeps it by a
 * digest of the state, so the same state (reached again by replay or in another branch) costs nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ForecastOptions } from '../engine/forecast';
import { forecast } from '../engine/forecast';
import { chooseMoves, resolveTurn } from '../engine/game';
import { talksOutlook } from '../engine/outlook';
import { initialState, type GameState } from '../engine/state';
import type { Scenario } from '../scenario/schema';
import { fixture } from '../test/fixture';
import { aiStrategies, createOutlookStore, outlookKey } from './outlook';

const s = fixture();

function states(n: number): GameState[] {
  const out = [initialState(s, 4)];
  for (let i = 0; i < n; i++) {
    const r = resolveTurn(s, out.at(-1)!, chooseMoves(s, out.at(-1)!, {}));
    if (!r.ok) throw new Error(r.error.message);
    out.push(r.state);
  }
  return out;
}

/** A runner on the main thread that records which states it was asked for. */
function recording() {
  const asked: number[] = [];
  const runner = async (scenario: Scenario, state: GameState, o: ForecastOptions) => {
    asked.push(state.turn);
    return forecast(scenario, state, o);
  };
  return { asked, runner };
}

const settle = () => new Promise((r) => setTimeout(r, 0));
async function idle(store: ReturnType<typeof createOutlookStore>, count: number) {
  for (let i = 0; i < 200 && Object.keys(store.getState().results).length < count; i++) await settle();
}

describe('the outlook store', () => {
  it('computes the outlooks it is asked for, the first most urgently, each once', async () => {
    const played = states(3);
    const { asked, runner } = recording();
    const store = createOutlookStore(runner, 100);
    store.getState().want(s, [played[3]!, played[0]!], {});
    store.getState().want(s, [played[1]!, played[3]!], {});
    await idle(store, 3);
    // The first job started at once; the newer want() put week 1 ahead of week 0.
    expect(asked).toEqual([3, 1, 0]);
    const result = store.getState().results[outlookKey(s, played[1]!, {})];
    expect(result).toEqual(talksOutlook(s, played[1]!, 100));
    store.getState().want(s, played.slice(0, 2), {});
    await settle();
    expect(asked, 'known outlooks are not computed again').toEqual([3, 1, 0]);
  });

  it('tells states apart by their contents and by the strategies of the futures, not by identity', () => {
    const [a] = states(0);
    const copy = JSON.parse(JSON.stringify(a)) as GameState;
    expect(outlookKey(s, copy, {})).toBe(outlookKey(s, a!, {}));
    expect(outlookKey(s, a!, { blue: 'hawk' })).not.toBe(outlookKey(s, a!, {}));
    expect(outlookKey(s, { ...a!, escalation: a!.escalation + 0.01 }, {})).not.toBe(outlookKey(s, a!, {}));
  });

  it('reports a failed computation and carries on with the next', async () => {
    const played = states(1);
    let calls = 0;
    const store = createOutlookStore(async (scenario, state, o) => {
      calls += 1;
      if (calls === 1) throw new Error('worker died');
      return forecast(scenario, state, o);
    }, 50);
    const errors: (string | null)[] = [];
    store.subscribe((now) => errors.push(now.error));
    store.getState().want(s, played, {});
    await idle(store, 1);
    expect(Object.keys(store.getState().results)).toHaveLength(1);
    expect(errors[0], 'the failure is reported').toBe('worker died');
    expect(store.getState().error, 'and cleared by the next success').toBeNull();
  });

  it('plays people’s actors by their defaults: only AI controllers become strategies', () => {
    expect(aiStrategies({ blue: 'human', red: 'hawk', proxy: 'doctrine' })).toEqual({ red: 'hawk', proxy: 'doctrine' });
  });
});
