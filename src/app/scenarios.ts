/**
 * The bundled scenarios, parsed at start-up like any other input: one that fails to parse is
 * listed with its errors instead of crashing the app.
 */
import { isScenarioFileName } from '../scenario/files/bundled';
import { parseScenario, type ScenarioError } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

// Scenarios only: their ensembles (`*.ensemble.json`) are large and load when a forecast needs them (ensembles.ts).
const files = import.meta.glob<unknown>(['../../scenarios/*.json', '!../../scenarios/*.ensemble.json', '!../../scenarios/*.schema.json'], { eager: true, import: 'default' });

export interface Catalogue {
  readonly scenarios: readonly Scenario[];
  readonly broken: readonly { file: string; errors: readonly ScenarioError[] }[];
}

export function loadCatalogue(raw: Record<string, unknown> = files): Catalogue {
  const scenarios: Scenario[] = [];
  const broken: { file: string; errors: readonly ScenarioError[] }[] = [];
  for (const [path, json] of Object.entries(raw)) {
    if (!isScenarioFileName(path)) continue;
    const result = parseScenario(json);
    if (result.ok) scenarios.push(result.value);
    else broken.push({ file: path.split('/').pop() ?? path, errors: result.errors });
  }
  // The most recent crisis first: it is the one most people come for.
  scenarios.sort((a, b) => b.startDate.localeCompare(a.startDate));
  return { scenarios, broken };
}
