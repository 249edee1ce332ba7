/**
 * `npm run bench` (2 of 3): a peer comparison. The March 2021 turn loop driven three ways, same
 * scenario, AI choosing every actor's move each week:
 *   - through boardgame.io's headless client (the obvious off-the-shelf engine for a turn-based JS
 *     game): a Game whose G is our GameState and whose one move, `resolveWeek`, returns the next state;
 *   - through our own `chooseMoves` + `resolveTurn` loop, with the same seeds (the interactive path);
 *   - through our Monte Carlo path, `forecastChunk` (mutable working state, no "why" tracing).
 * Prints weeks (and actor-turns) per second for each, the ratios, and whether boardgame.io reaches
 * the same final state as the direct loop for every seed. Medians of several rounds after a warm-up.
 */
import { isDeepStrictEqual } from 'node:util';
import type { Game } from 'boardgame.io';
import { forecastChunk } from '../src/engine/forecast';
import { chooseMoves, isOver, resolveTurn } from '../src/engine/game';
import { initialState, type GameState } from '../src/engine/state';
import { loadScenario } from '../src/cli/load';
import { fmt, fmtFixed, header, median, timeIt } from './lib';

// boardgame.io reads NODE_ENV once, when it loads: in development it logs every action and checks
// after every move that G is JSON-serialisable. Measure it as an app would ship it, unless told otherwise.
process.env.NODE_ENV ??= 'production';
const { Client } = await import('boardgame.io/client');
const bgioVersion = ((await import('boardgame.io/package.json', { with: { type: 'json' } })) as { default: { version: string } }).default.version;

const { scenario } = loadScenario(process.argv[2] ?? 'march-2021');
/** Games per round; each runs to its end (open war, a restored deal, or the 26-week horizon). */
const GAMES = 100;
const ROUNDS = 5;
/** Monte Carlo futures per round: many more, since that path is much faster. */
const FUTURES = 5_000;
const SEED0 = 1000;

/** Milliseconds spent inside `resolveWeek`, to split boardgame.io's time from our engine's. */
let inMoveMs = 0;

/** One game of our scenario as a boardgame.io Game: G is our immutable, serialisable state. */
function bgioGame(seed: number): Game<GameState> {
  return {
    name: `deterrence-lab-${scenario.id}`,
    setup: () => initialState(scenario, seed),
    moves: {
      // boardgame.io hands the move an immer draft of G; returning a new object replaces G.
      resolveWeek: ({ G }) => {
        const t0 = performance.now();
        const result = resolveTurn(scenario, G, chooseMoves(scenario, G, {}));
        if (!result.ok) throw new Error(`resolveTurn failed at week ${G.turn}: ${result.error.message}`);
        inMoveMs += performance.now() - t0;
        return result.state;
      },
    },
    turn: { minMoves: 1, maxMoves: 1 },
    endIf: ({ G }) => (isOver(G) ? { reason: G.ended ?? 'horizon' } : undefined),
  };
}

function playBgio(seed: number): GameState {
  const client = Client({ game: bgioGame(seed), numPlayers: 1, debug: false });
  client.start();
  try {
    for (let moves = 0; ; moves++) {
      const state = client.getState();
      if (!state) throw new Error('boardgame.io client has no state');
      if (state.ctx.gameover) return state.G;
      if (moves > state.G.horizon) throw new Error(`boardgame.io game with seed ${seed} did not end after ${moves} moves`);
      client.moves.resolveWeek!();
    }
  } finally {
    client.stop();
  }
}

function playDirect(seed: number): GameState {
  let state = initialState(scenario, seed);
  while (!isOver(state)) {
    const result = resolveTurn(scenario, state, chooseMoves(scenario, state, {}));
    if (!result.ok) throw new Error(`resolveTurn failed at week ${state.turn}: ${result.error.message}`);
    state = result.state;
  }
  return state;
}

/** Plays GAMES games with seeds SEED0.. and returns their final states. */
const round = (play: (seed: number) => GameState): GameState[] => Array.from({ length: GAMES }, (_, i) => play(SEED0 + i));
const weeksOf = (finals: readonly GameState[]): number => finals.reduce((sum, s) => sum + s.turn, 0);

header(`Peer comparison (Node): boardgame.io ${bgioVersion} headless client vs our engine, scenario ${scenario.id}`);
console.log(`boardgame.io NODE_ENV=${process.env.NODE_ENV}; ${GAMES} games per round (seeds ${SEED0}..${SEED0 + GAMES - 1}), ${ROUNDS} rounds, medians after a warm-up round`);

// Warm up every path once; the warm-up also gives the final states to compare.
const bgioFinals = round(playBgio);
const directFinals = round(playDirect);
const start = initialState(scenario, 1);
forecastChunk(scenario, start, { runs: FUTURES, seed: 1 }, 0, FUTURES);

const sameCount = bgioFinals.filter((s, i) => isDeepStrictEqual(s, directFinals[i]) && JSON.stringify(s) === JSON.stringify(directFinals[i])).length;
const weeks = weeksOf(directFinals);
if (weeksOf(bgioFinals) !== weeks) console.log(`note: boardgame.io played ${fmt(weeksOf(bgioFinals))} weeks, the direct loop ${fmt(weeks)}`);

const bgioRates: number[] = [];
const bgioInMove: number[] = [];
const directRates: number[] = [];
const mcRates: number[] = [];
let mcWeeks = 0;
for (let r = 0; r < ROUNDS; r++) {
  inMoveMs = 0;
  const b = timeIt(() => round(playBgio));
  bgioRates.push(weeksOf(b.value) / (b.ms / 1000));
  bgioInMove.push(inMoveMs / b.ms);
  const d = timeIt(() => round(playDirect));
  directRates.push(weeksOf(d.value) / (d.ms / 1000));
  const m = timeIt(() => forecastChunk(scenario, start, { runs: FUTURES, seed: r + 1 }, 0, FUTURES));
  mcWeeks = m.value.resolvedTurns;
  mcRates.push(m.value.resolvedTurns / (m.ms / 1000));
}
const bgio = median(bgioRates);
const direct = median(directRates);
const mc = median(mcRates);
const actors = scenario.actors.length;
const x = (n: number) => `${fmtFixed(n, 1)}×`;

console.log('');
console.log(`weeks per round: ${fmt(weeks)} (${GAMES} games of up to ${start.horizon} weeks); Monte Carlo: ${fmt(mcWeeks)} weeks (${fmt(FUTURES)} futures)`);
console.log(`boardgame.io headless client: ${fmt(bgio)} weeks/s (${fmt(bgio * actors)} actor-turns/s) = ${x(direct / bgio)} slower than resolveTurn directly`);
console.log(
  `  of which ${fmt(100 * median(bgioInMove))}% inside resolveWeek (our chooseMoves + resolveTurn, reading G through immer's draft), ` +
    `the rest in boardgame.io itself (immer, redux, its log, getState, client start-up)`,
);
console.log(`resolveTurn directly (chooseMoves + resolveTurn, traced): ${fmt(direct)} weeks/s (${fmt(direct * actors)} actor-turns/s)`);
console.log(`Monte Carlo path (forecastChunk): ${fmt(mc)} weeks/s (${fmt(mc * actors)} actor-turns/s) = ${x(mc / direct)} faster than resolveTurn, ${x(mc / bgio)} faster than boardgame.io`);
console.log(`same final state: ${sameCount === GAMES ? 'yes' : 'no'} (boardgame.io and the direct loop agree on ${sameCount} of ${GAMES} games)`);
