/**
 * docs/model.md documents every number of the March 2021 scenario: every variable, move, outcome,
 * talks transition and belief is named there, and the dynamics table gives each value as the file has it.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../cli/load';

const doc = readFileSync(new URL('../../docs/model.md', import.meta.url), 'utf8');
const { scenario: s } = loadScenario('march-2021');

describe('the model document', () => {
  it('names every variable, move, outcome, transition, belief and inject of March 2021', () => {
    const ids = [
      ...s.variables.map((v) => v.id),
      ...s.moves.map((m) => m.id),
      ...s.moves.flatMap((m) => m.outcomes.map((o) => `${m.id}\` / \`${o.id}`)),
      ...s.talks.transitions.map((t) => t.id),
      ...s.beliefs.map((b) => b.id),
      ...s.injects.map((e) => e.id),
    ];
    for (const id of ids) expect(doc, `docs/model.md names \`${id}\``).toContain(`\`${id}\``);
  });

  it('gives every dynamics value, the outlook window and the initial escalation as the file has them', () => {
    for (const [k, v] of Object.entries(s.dynamics)) expect(doc, `dynamics.${k} = ${v}`).toContain(`| \`${k}\` | ${v} |`);
    expect(doc).toContain(`| \`talks.outlookWeeks\` | ${s.talks.outlookWeeks} |`);
    expect(doc).toContain(`| \`initialEscalation\` | ${s.initialEscalation} |`);
  });

  it('gives every doctrine as the file has it', () => {
    for (const a of s.actors) {
      const d = a.doctrine;
      const row = `| ${a.id} | ${d.inertia} | ${d.reciprocity} | ${d.casualtySensitivity} | ${d.casualtySignal ? `\`${d.casualtySignal}\`` : '—'} | ${d.talksValue} | ${d.escalationAversion} | ${d.objectiveWeight} | ${d.foresight} | ${d.temperature} |`;
      expect(doc.replace(/−/g, '-'), `doctrine of ${a.id}`).toContain(row);
    }
  });
});
