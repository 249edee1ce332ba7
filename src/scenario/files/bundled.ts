/**
 * Which files in a scenarios folder are scenarios: not the format's JSON Schema
 * (`*.schema.json`), nor the calibrated ensemble kept beside a scenario (`<id>.ensemble.json`).
 */
export function isScenarioFileName(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json') && !name.endsWith('.ensemble.json');
}
