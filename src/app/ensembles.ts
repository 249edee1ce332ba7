/**
 * The calibrated ensembles beside the bundled scenarios, loaded when a forecast first needs one (a
 * chunk of their own: they are larger than the rest of the first view). A missing, unreadable or
 * stale ensemble (made from another version of the scenario) means the scenario's own values,
 * said once on the console; it never stops a forecast.
 */
import { forecastEnsemble } from '../analysis/ensemble';
import type { ForecastEnsemble } from '../engine/forecast';
import { parseEnsemble } from '../scenario/files/ensemble-file';
import type { Scenario } from '../scenario/schema';

const files = import.meta.glob<unknown>('../../scenarios/*.ensemble.json', { import: 'default' });
const loaded = new Map<string, Promise<ForecastEnsemble | null>>();

async function load(scenario: Scenario): Promise<ForecastEnsemble | null> {
  const file = files[`../../scenarios/${scenario.id}.ensemble.json`];
  if (!file) return null;
  const parsed = parseEnsemble(await file());
  if (!parsed.ok) {
    console.warn(`${scenario.id}.ensemble.json: ${parsed.errors[0]!.path}: ${parsed.errors[0]!.message}; forecasts use the scenario's own values`);
    return null;
  }
  const e = forecastEnsemble(parsed.value, scenario);
  if (!e.ok) console.warn(`${scenario.id}.ensemble.json: ${e.reason}; forecasts use the scenario's own values`);
  return e.ok ? e.ensemble : null;
}

/** The scenario's ensemble, or null; loaded once. */
export function ensembleFor(scenario: Scenario): Promise<ForecastEnsemble | null> {
  let p = loaded.get(scenario.id);
  if (!p) loaded.set(scenario.id, (p = load(scenario).catch(() => null)));
  return p;
}
