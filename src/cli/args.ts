/** Shared option parsing for the CLI commands. */
import { strategyIds, type Scenario, type StrategyId } from '../scenario/schema';
import { formats, type Format } from './format';

export class UsageError extends Error {}

export function intOption(value: string | undefined, name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} expects a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

export function formatOption(value: string | undefined): Format {
  if (value === undefined) return 'table';
  if (!(formats as readonly string[]).includes(value)) throw new UsageError(`--format expects one of ${formats.join(', ')}, got "${value}"`);
  return value as Format;
}

/** `--policy actor=strategy`, repeatable; every actor not named keeps its scenario default. */
export function policyOptions(scenario: Scenario, values: readonly string[] | undefined): Record<string, StrategyId> {
  const out: Record<string, StrategyId> = Object.fromEntries(scenario.actors.map((a) => [a.id, a.defaultStrategy]));
  for (const v of values ?? []) {
    const [actor, strategy] = v.split('=');
    if (!actor || !strategy) throw new UsageError(`--policy expects actor=strategy, got "${v}"`);
    if (!scenario.actors.some((a) => a.id === actor)) {
      throw new UsageError(`--policy: unknown actor "${actor}"; actors are ${scenario.actors.map((a) => a.id).join(', ')}`);
    }
    if (!(strategyIds as readonly string[]).includes(strategy)) {
      throw new UsageError(`--policy: unknown strategy "${strategy}"; strategies are ${strategyIds.join(', ')}`);
    }
    out[actor] = strategy as StrategyId;
  }
  return out;
}
