/** The scenarios the classroom server offers: every scenario file in a folder that parses. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isScenarioFileName } from '../scenario/files/bundled';
import { parseScenarioText } from '../scenario/parse';
import type { Scenario } from '../scenario/schema';

/** The scenarios in `dir`, by file name; one that does not parse is named in a warning and left out. */
export function scenariosIn(dir: string, log: (line: string) => void): Scenario[] {
  const out: Scenario[] = [];
  for (const name of readdirSync(dir).filter(isScenarioFileName).sort()) {
    const r = parseScenarioText(readFileSync(join(dir, name), 'utf8'));
    if (r.ok) out.push(r.value);
    else log(`warning: scenarios/${name} does not parse (${r.errors[0]!.path}: ${r.errors[0]!.message}); it is not offered`);
  }
  return out;
}
