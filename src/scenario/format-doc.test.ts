/**
 * docs/scenario-format.md teaches by a worked example: the scenario in its ```json scenario block
 * must validate and play, so the document cannot drift from the format.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chooseMoves, isOver, resolveTurn } from '../engine/game';
import { initialState } from '../engine/state';
import { parseScenario } from './parse';

const doc = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8');

describe('the scenario format guide', () => {
  it('has a worked example that validates and plays to its horizon', () => {
    const block = /```json scenario\n([\s\S]*?)\n```/.exec(doc);
    expect(block, 'a ```json scenario block in docs/scenario-format.md').not.toBeNull();
    const parsed = parseScenario(JSON.parse(block![1]!));
    if (!parsed.ok) throw new Error(`the worked example does not validate: ${JSON.stringify(parsed.errors, null, 1)}`);
    const s = parsed.value;
    let state = initialState(s, 7);
    while (!isOver(state)) {
      const r = resolveTurn(s, state, chooseMoves(s, state, {}));
      if (!r.ok) throw new Error(r.error.message);
      state = r.state;
    }
    expect(state.turn).toBeGreaterThan(0);
    expect(state.report!.narrative.length).toBeGreaterThan(0);
  });

  it('describes every top-level field of the format', () => {
    const fields = Object.keys((JSON.parse(readFileSync(new URL('../../scenarios/scenario.schema.json', import.meta.url), 'utf8')) as { properties: object }).properties);
    for (const f of fields.filter((f) => f !== '$schema')) expect(doc, `docs/scenario-format.md mentions \`${f}\``).toContain(`\`${f}\``);
  });
});
