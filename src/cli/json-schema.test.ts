import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioSchema } from '../scenario/schema';
import { scenariosDir } from './load';
import { scenarioJsonSchema } from './main';

const committed = join(scenariosDir, 'scenario.schema.json');

describe('the exported JSON Schema', () => {
  it('is the one the scenario format generates now', () => {
    const onDisk: unknown = JSON.parse(readFileSync(committed, 'utf8'));
    expect(onDisk, 'scenarios/scenario.schema.json is out of date: run `npm run schema` and commit the result').toEqual(
      scenarioJsonSchema(),
    );
  });

  it('describes every top-level field of a scenario, and requires the ones without defaults', () => {
    const schema = scenarioJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(scenarioSchema.shape).sort());
    expect(schema.required).toContain('schemaVersion');
    expect(schema.required).not.toContain('events');
  });
});
