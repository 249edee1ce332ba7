/** UI constants: labels for controllers and categories, and the random seed for a new game. */
import type { StrategyId } from '../scenario/schema';

export const CONTROLLER_LABELS: Readonly<Record<StrategyId, string>> = {
  doctrine: 'its doctrine',
  'tit-for-tat': 'tit-for-tat',
  proportional: 'proportional response',
  'grim-trigger': 'grim trigger',
  restraint: 'restraint',
  hawk: 'hawk',
  random: 'random',
  historical: 'the historical record',
};

/** A fresh seed for a new game; the game itself never draws outside its seeded streams. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

/** Formats a probability as a whole percentage, e.g. "62%". */
export function percent(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/** Formats a signed change, e.g. "+0.42" or "−3 pts". */
export function signed(x: number, digits = 2): string {
  const s = Math.abs(x).toFixed(digits);
  // A change that rounds to nothing has no sign: "0.0", not "−0.0".
  if (Number(s) === 0) return s;
  return x > 0 ? `+${s}` : x < 0 ? `−${s}` : s;
}
