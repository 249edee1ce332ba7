/** Every command's `--help`, written from the option table that parses its arguments. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../test/cli';
import { commands, usage } from './main';
import { batchOptions, parseCommand } from './options';

const silent = { out: () => {} };

describe('--help', () => {
  it.each(commands.map((c) => [c.spec.name, c.spec] as const))('%s --help and -h exit 0 and list every option its parser accepts', async (name, spec) => {
    for (const flag of ['--help', '-h']) {
      const r = await runCli(name, flag);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expect(r.out).toContain(`Usage: deterrence-lab ${name} `);
      for (const option of Object.keys(spec.options)) expect(r.out, `${name}: --${option}`).toContain(`--${option}`);
    }
  });

  it.each(commands.map((c) => [c.spec.name, c.spec] as const))('%s parses every option its help lists, and refuses one it does not', (name, spec) => {
    for (const [option, o] of Object.entries(spec.options)) {
      if (option === 'help') continue;
      const args = o.type === 'string' ? [`--${option}`, 'x'] : [`--${option}`];
      expect(() => parseCommand(spec, args, silent), `${name} --${option}`).not.toThrow();
    }
    expect(() => parseCommand(spec, ['--no-such-option'], silent)).toThrow(/no-such-option/);
  });

  it('answers help for sweep with its own options, not the usage', async () => {
    const r = await runCli('sweep', '--help');
    expect(r.out).toMatch(/^Usage: deterrence-lab sweep \[scenario\] \[options\]/);
    expect(r.out).toContain('--param2 PATH');
    expect(r.out).not.toContain('--trajectories');
    expect((await runCli('help', 'sweep')).out).toBe(r.out);
  });

  it('answers --help even beside options it would refuse', async () => {
    const r = await runCli('sweep', '--bogus', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('--param PATH');
  });

  it('writes the top-level usage from the same tables: every command and each of its options', () => {
    for (const c of commands) {
      expect(usage).toContain(`  ${`${c.spec.name} ${c.spec.args}`.trim()}`);
      for (const option of Object.keys(c.spec.options).filter((o) => o !== 'help')) expect(usage, `${c.spec.name} --${option}`).toContain(`--${option}`);
    }
  });

  it('declares the batch options once: forecast, tournament and sweep take every one of them', () => {
    const shared = Object.keys(batchOptions(1, ['x']));
    for (const name of ['forecast', 'tournament', 'sweep']) {
      const spec = commands.find((c) => c.spec.name === name)!.spec;
      expect(Object.keys(spec.options)).toEqual(expect.arrayContaining(shared));
      expect(spec.options['policy']).toEqual(batchOptions(1, ['x']).policy);
    }
  });
});
