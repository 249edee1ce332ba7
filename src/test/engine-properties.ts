/**
 * What the engine's property tests share: the March 2021 scenario as the file on disk has it (or why
 * it cannot be used), and a turn that must resolve.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { resolveTurn, type GameState, type TurnMoves } from '../engine/index';
import { parseScenarioText } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

const marchFile = fileURLToPath(new URL('../../scenarios/march-2021.json', import.meta.url));

/** The March 2021 scenario, or why it cannot be used. */
export function loadMarch(): { scenario: Scenario } | { missing: true } | { errors: string } {
  if (!existsSync(marchFile)) return { missing: true };
  const result = parseScenarioText(readFileSync(marchFile, 'utf8'));
  if (!result.ok) return { errors: result.errors.map((e) => `${e.path}: ${e.message}`).join('\n') };
  return { scenario: result.value };
}

/** The title of the property suites on the March 2021 scenario, saying so when they are skipped. */
export function marchTitle(march: ReturnType<typeof loadMarch>): string {
  return `engine properties on scenarios/march-2021.json${'missing' in march ? ' (skipped: the file does not exist yet)' : ''}`;
}

/** The state `moves` resolve `state` to; throws, naming the turn, when they do not resolve. */
export function mustResolve(scenario: Scenario, state: GameState, moves: TurnMoves): GameState {
  const r = resolveTurn(scenario, state, moves);
  if (!r.ok) throw new Error(`turn ${state.turn}: ${r.error.message}`);
  return r.state;
}
