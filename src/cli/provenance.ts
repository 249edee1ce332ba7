/** Where a result came from: enough to run it again. */
import pkg from '../../package.json' with { type: 'json' };
import type { Scenario } from '../scenario/schema';

export interface Provenance {
  readonly app: string;
  readonly version: string;
  readonly scenario: string;
  readonly schemaVersion: number;
  readonly seed: number;
  readonly [key: string]: unknown;
}

export function provenance(scenario: Scenario, seed: number, extra: Record<string, unknown> = {}): Provenance {
  return { app: pkg.name, version: pkg.version, scenario: scenario.id, schemaVersion: scenario.schemaVersion, seed, ...extra };
}
