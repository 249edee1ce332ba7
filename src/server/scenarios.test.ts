import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenariosIn } from './scenarios';

const bundled = join(__dirname, '..', '..', 'scenarios');

describe('the scenarios the classroom server offers', () => {
  it('are every bundled scenario, read without a warning: the schema and the ensembles beside them are not scenarios', () => {
    const lines: string[] = [];
    const ids = scenariosIn(bundled, (l) => lines.push(l)).map((s) => s.id);
    expect(readdirSync(bundled)).toContain('march-2021.ensemble.json');
    expect(lines).toEqual([]);
    expect(ids).toContain('march-2021');
    expect(ids.length).toBe(readdirSync(bundled).filter((n) => /^[^.]+\.json$/.test(n)).length);
  });

  it('leave out a scenario that does not parse, naming its file and what is wrong', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dl-scenarios-'));
    writeFileSync(join(dir, 'good.json'), readFileSync(join(bundled, 'march-2021.json')));
    writeFileSync(join(dir, 'bad.json'), '{"id": 3}');
    writeFileSync(join(dir, 'good.ensemble.json'), '{"kind": "deterrence-lab/ensemble"}');
    const lines: string[] = [];
    expect(scenariosIn(dir, (l) => lines.push(l)).map((s) => s.id)).toEqual(['march-2021']);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^warning: scenarios\/bad\.json does not parse \(.+\); it is not offered$/);
  });
});
