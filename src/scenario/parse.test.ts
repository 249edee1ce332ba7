import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixture, fixtureInput } from '../test/fixture';
import { parseScenario, parseScenarioText, writeScenario, type ParseResult, type ScenarioError } from './parse';
import type { Scenario } from './schema';

/** Raw fixture input loosened for mutation: tests poke at fields the input type would forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Raw = any;

function errorsOf(result: ParseResult<Scenario>): ScenarioError[] {
  if (result.ok) throw new Error('expected the scenario to be rejected, but it parsed');
  return result.errors;
}

/** Parses the fixture after `change` and returns the errors it must produce. */
function errorsAfter(change: (input: Raw) => void): ScenarioError[] {
  const input: Raw = fixtureInput();
  change(input);
  return errorsOf(parseScenario(input));
}

function expectWellFormed(result: ParseResult<Scenario>): void {
  if (result.ok) return;
  expect(result.errors.length).toBeGreaterThan(0);
  for (const e of result.errors) {
    expect(typeof e.path).toBe('string');
    expect(typeof e.code).toBe('string');
    expect(e.code).not.toBe('');
    expect(typeof e.message).toBe('string');
    expect(e.message).not.toBe('');
  }
}

describe('parseScenario', () => {
  it('accepts the fixture and fills in the defaults', () => {
    const result = parseScenario(fixtureInput());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.id).toBe('fixture');
    expect(result.value.moves[1]!.targets).toEqual([]);
    expect(result.value.actors[0]!.defaultStrategy).toBe('doctrine');
    expect(result.value.talks.transitions[0]!.hazard).toEqual({ base: -2, terms: {}, link: 'logistic' });
  });

  it('reports a wrong type deep inside a move at its JSON path', () => {
    const errors = errorsAfter((s) => (s.moves[2].goldstein = '7'));
    expect(errors).toEqual([expect.objectContaining({ path: 'moves[2].goldstein', code: 'invalid_type' })]);
    expect(errors[0]!.message).toMatch(/expected number/);
  });

  it.each([11, -10.5])('rejects a Goldstein weight of %d, outside [-10, 10]', (goldstein) => {
    const errors = errorsAfter((s) => (s.moves[0].goldstein = goldstein));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'moves[0].goldstein', code: goldstein > 0 ? 'too_big' : 'too_small' });
    expect(errors[0]!.message).toContain('10');
  });

  it('rejects a probability term that reads an unknown variable', () => {
    const errors = errorsAfter((s) => (s.moves[6].outcomes[0].probability.terms.nope = 1));
    expect(errors).toEqual([
      { path: 'moves[6].outcomes[0].probability.terms.nope', code: 'unknown-ref', message: expect.stringContaining('unknown reference "nope"') },
    ]);
  });

  it('rejects a move whose actor is not in the scenario', () => {
    const errors = errorsAfter((s) => (s.moves[0].actor = 'green'));
    expect(errors).toEqual([{ path: 'moves[0].actor', code: 'unknown-actor', message: 'unknown actor "green"' }]);
  });

  it('rejects a duplicate move id at the second occurrence', () => {
    const errors = errorsAfter((s) => (s.moves[1].id = 'blue.strike'));
    expect(errors).toEqual([{ path: 'moves[1].id', code: 'duplicate-id', message: 'duplicate id "blue.strike"' }]);
  });

  it('rejects a duplicate actor id at the second occurrence', () => {
    const errors = errorsAfter((s) => (s.actors[1].id = 'blue'));
    expect(errors).toContainEqual({ path: 'actors[1].id', code: 'duplicate-id', message: 'duplicate id "blue"' });
    expect(errors.filter((e) => e.code === 'duplicate-id')).toHaveLength(1);
  });

  it.each(['turn', 'talks:alive', 'talks:offered', 'tension:blue:red'])('rejects an effect that targets the read-only ref "%s"', (target) => {
    const errors = errorsAfter((s) => (s.moves[0].effects[0].target = target));
    expect(errors).toEqual([{ path: 'moves[0].effects[0].target', code: 'read-only-ref', message: `"${target}" cannot be changed by an effect` }]);
  });

  it('checks the targets of delayed effects inside outcomes', () => {
    const errors = errorsAfter((s) => (s.moves[6].outcomes[0].delayed[0].effects[0].target = 'grudge:blue:nobody'));
    expect(errors).toEqual([
      { path: 'moves[6].outcomes[0].delayed[0].effects[0].target', code: 'unknown-ref', message: expect.stringContaining('unknown actor "nobody"') },
    ]);
  });

  it('rejects an actor whose every move has a precondition or a talks phase', () => {
    const errors = errorsAfter((s) => {
      s.moves = s.moves.filter((m: Raw) => m.id !== 'red.direct' && m.id !== 'red.wait');
    });
    expect(errors).toEqual([{ path: 'actors[1]', code: 'no-fallback-move', message: expect.stringContaining('"red"') }]);
  });

  it.each([
    [2, 'above max'],
    [-0.1, 'below min'],
  ])('rejects an initial value of %d (%s)', (initial) => {
    const errors = errorsAfter((s) => (s.variables[0].initial = initial));
    expect(errors).toEqual([{ path: 'variables[0].initial', code: 'out-of-range', message: `initial ${initial} is outside [0, 1]` }]);
  });

  it('rejects a variable whose max is below its min', () => {
    const errors = errorsAfter((s) => Object.assign(s.variables[3], { min: 1, max: 0, initial: 0.5 }));
    expect(errors.map((e) => [e.path, e.code])).toContainEqual(['variables[3].max', 'bad-range']);
  });

  it('rejects ladder levels that do not count from 0', () => {
    const errors = errorsAfter((s) => {
      s.ladder = s.ladder.map((r: Raw) => ({ ...r, level: r.level + 1 }));
    });
    expect(errors[0]).toEqual({ path: 'ladder[0].level', code: 'bad-ladder', message: 'rung levels must count up from 0 (expected 0)' });
    expect(errors.every((e, i) => e.path === `ladder[${i}].level`)).toBe(true);
  });

  it('rejects a gap in the ladder only at the rung that breaks the count', () => {
    const errors = errorsAfter((s) => (s.ladder[12].level = 13));
    expect(errors.map((e) => e.path)).toEqual(['ladder[12].level']);
  });

  it('rejects a talks transition into an unknown phase', () => {
    const errors = errorsAfter((s) => (s.talks.transitions[0].to = 'limbo'));
    expect(errors).toEqual([{ path: 'talks.transitions[0].to', code: 'unknown-phase', message: 'unknown talks phase "limbo"' }]);
  });

  it('rejects a talks transition out of an unknown phase', () => {
    const errors = errorsAfter((s) => s.talks.transitions[1].from.push('limbo'));
    expect(errors).toEqual([{ path: 'talks.transitions[1].from[2]', code: 'unknown-phase', message: 'unknown talks phase "limbo"' }]);
  });

  it('rejects an event dated before the start of the scenario', () => {
    const errors = errorsAfter((s) => (s.events[0].date = '2021-03-08'));
    expect(errors).toEqual([
      { path: 'events[0].date', code: 'before-start', message: 'event date 2021-03-08 is before the start date 2021-03-09' },
    ]);
  });

  it('accepts an event on the start date itself', () => {
    const input: Raw = fixtureInput();
    input.events[0].date = input.startDate;
    expect(parseScenario(input).ok).toBe(true);
  });

  it('says a missing schemaVersion is expected, before checking anything else', () => {
    const errors = errorsAfter((s) => {
      delete s.schemaVersion;
      s.moves = 'not even a list';
    });
    expect(errors).toEqual([{ path: 'schemaVersion', code: 'missing-version', message: expect.stringContaining('expected schemaVersion') }]);
  });

  it('says a newer schemaVersion is newer than this version reads', () => {
    const errors = errorsAfter((s) => (s.schemaVersion = 2));
    expect(errors).toEqual([{ path: 'schemaVersion', code: 'newer-version', message: expect.stringMatching(/schemaVersion 2 is newer .*\(1\)/) }]);
  });

  it('reports every independent error, not only the first', () => {
    const errors = errorsAfter((s) => {
      s.moves[0].actor = 'green';
      s.events[0].date = '2020-01-01';
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['events[0].date', 'moves[0].actor']);
  });
});

describe('parseScenarioText', () => {
  it('gives one error at the root for broken JSON', () => {
    const errors = errorsOf(parseScenarioText('{"schemaVersion": 1,'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: '', code: 'invalid-json' });
    expect(errors[0]!.message).toMatch(/^not valid JSON: /);
  });

  it('parses the text of a valid scenario', () => {
    expect(parseScenarioText(JSON.stringify(fixtureInput()))).toEqual({ ok: true, value: fixture() });
  });
});

describe('writeScenario', () => {
  it('writes a scenario that parses back to the same scenario', () => {
    const scenario = fixture();
    const text = writeScenario(scenario);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseScenarioText(text)).toStrictEqual({ ok: true, value: scenario });
  });

  it('is stable: writing the re-parsed scenario gives the same text', () => {
    const text = writeScenario(fixture());
    const again = parseScenarioText(text);
    expect(again.ok && writeScenario(again.value)).toBe(text);
  });
});

/** Paths to every node below the root of a JSON value, as lists of keys. */
function nodePaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...nodePaths(v, [...prefix, i])]);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...nodePaths(v, [...prefix, k])]);
  }
  return [];
}

type Mutation = { pick: number; action: 'replace'; value: unknown } | { pick: number; action: 'delete' };

/** Replaces or deletes one node of `input` (chosen by `pick`), in place. */
function mutate(input: Raw, m: Mutation): void {
  const paths = nodePaths(input);
  if (paths.length === 0) return;
  const path = paths[m.pick % paths.length]!;
  const parent = path.slice(0, -1).reduce((node: Raw, key) => node[key], input);
  const key = path[path.length - 1]!;
  if (m.action === 'replace') parent[key] = m.value;
  else if (Array.isArray(parent)) parent.splice(key as number, 1);
  else delete parent[key];
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ pick: fc.nat(), action: fc.constant('replace' as const), value: fc.jsonValue({ maxDepth: 2 }) }),
  fc.record({ pick: fc.nat(), action: fc.constant('delete' as const) }),
);

describe('parseScenario on arbitrary input', () => {
  it('never throws on any JSON value, and explains every rejection', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const result = parseScenario(raw);
        expect(result.ok).toBe(false);
        expectWellFormed(result);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on a versioned object of arbitrary fields', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })), (fields) => {
        const result = parseScenario({ ...fields, schemaVersion: 1 });
        expectWellFormed(result);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws on the fixture with random nodes replaced or deleted, and round-trips whatever it accepts', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (mutations) => {
        const input: Raw = fixtureInput();
        for (const m of mutations) mutate(input, m);
        const result = parseScenario(input);
        expectWellFormed(result);
        // A file holds JSON, which has no -0 (a random mutation can produce one): compare with what a file can say.
        if (result.ok) expect(parseScenarioText(writeScenario(result.value))).toStrictEqual({ ok: true, value: JSON.parse(JSON.stringify(result.value)) });
      }),
      { numRuns: 400 },
    );
  });
});

describe('the record and its context', () => {
  it('accepts history entries of real moves and context events before the start', () => {
    const input: Raw = fixtureInput();
    input.history = [{ date: '2021-03-16', actor: 'proxy', move: 'proxy.rockets', source: 'record' }];
    input.context = [{ date: '2021-03-03', label: 'Rockets on a base', rung: 8, source: 'record' }];
    input.actors[2].quietMove = 'proxy.lie-low';
    const result = parseScenario(input);
    expect(result.ok && result.value.history).toEqual(input.history);
  });

  it('names a history entry whose move is not its actor’s, or that predates the start', () => {
    const errors = errorsAfter((s) => {
      s.history = [
        { date: '2021-03-16', actor: 'proxy', move: 'blue.strike', source: 'record' },
        { date: '2021-03-01', actor: 'blue', move: 'blue.strike', source: 'record' },
      ];
    });
    expect(errors.map((e) => e.path)).toEqual(['history[0].move', 'history[1].date']);
  });

  it('names a context event dated on or after the start, or above the top rung', () => {
    const errors = errorsAfter((s) => {
      s.context = [{ date: '2021-03-09', label: 'x', rung: 13, source: 'record' }];
    });
    expect(errors.map((e) => e.path).sort()).toEqual(['context[0].date', 'context[0].rung']);
  });

  it('names a quiet move that belongs to another actor', () => {
    const errors = errorsAfter((s) => {
      s.actors[0]!.quietMove = 'proxy.lie-low';
    });
    expect(errors.map((e) => e.path)).toEqual(['actors[0].quietMove']);
  });

  it('names a belief whose actors, triggers or responses do not fit', () => {
    const errors = errorsAfter((s) => {
      s.beliefs = [
        {
          id: 'b',
          label: 'x',
          holder: 'proxy',
          about: 'proxy',
          triggers: ['proxy.rockets', 'proxy.rockets/nothing', 'no.move'],
          responses: ['blue.strike'],
          window: 2,
          prior: { mean: 0.5, weight: 1 },
          baseline: { mean: 0.5, weight: 1 },
          source: 'test',
        },
        {
          id: 'c',
          label: 'x',
          holder: 'nobody',
          about: 'blue',
          triggers: ['proxy.rockets/killed'],
          responses: ['red.wait'],
          window: 2,
          prior: { mean: 0.5, weight: 1 },
          baseline: { mean: 0.5, weight: 1 },
          source: 'test',
        },
      ];
    });
    expect(errors.map((e) => e.path).sort()).toEqual([
      'beliefs[0].about',
      'beliefs[0].responses[0]',
      'beliefs[0].triggers[1]',
      'beliefs[0].triggers[2]',
      'beliefs[1].holder',
      'beliefs[1].responses[0]',
    ]);
  });

  it('names a belief prior that is not a probability, and refs to unknown beliefs', () => {
    const errors = errorsAfter((s) => {
      s.beliefs = [{ id: 'b', label: 'x', holder: 'proxy', about: 'blue', triggers: ['proxy.rockets'], responses: ['blue.strike'], window: 2, prior: { mean: 1, weight: 1 }, baseline: { mean: 0.5, weight: 1 }, source: 'test' }];
    });
    expect(errors.map((e) => e.path)).toEqual(['beliefs[0].prior.mean']);
    const refs = errorsAfter((s) => {
      s.moves[0]!.propensity = { 'belief:nothing': 1 };
      s.variables[0]!.drift = { toward: 0.7, rate: 0.2, terms: { 'no.such': 1 } };
    });
    expect(refs.map((e) => e.path).sort()).toEqual(['moves[0].propensity.belief:nothing', 'variables[0].drift.terms.no.such']);
  });
});

describe('dates and links', () => {
  it.each<[string, (s: Raw) => void]>([
    ['startDate', (s) => (s.startDate = '2021-02-30')],
    ['events[0].date', (s) => (s.events[0].date = '2021-02-30')],
    ['history[0].date', (s) => (s.history = [{ date: '2021-02-30', actor: 'blue', move: 'blue.hold', source: 'test' }])],
    ['context[0].date', (s) => (s.context = [{ date: '2021-02-30', label: 'Before', rung: 3, source: 'test' }])],
  ])('refuses a day that is not in the calendar at %s, saying why', (path, change) => {
    expect(errorsAfter(change)).toEqual([{ path, code: 'bad-date', message: '2021-02-30 is not a calendar date (February 2021 has 28 days)' }]);
  });

  it('accepts 29 February in a leap year, and refuses it in another', () => {
    const leap: Raw = { ...fixtureInput(), startDate: '2020-02-29' };
    expect(parseScenario(leap).ok).toBe(true);
    expect(errorsAfter((s) => (s.startDate = '2021-02-29'))).toEqual([expect.objectContaining({ path: 'startDate', code: 'bad-date' })]);
  });

  it.each(['2021-13-01', '2021-00-10', '2021-03-99', '0000-00-00'])('refuses the start date %s at startDate', (date) => {
    const errors = errorsAfter((s) => (s.startDate = date));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ path: 'startDate', code: 'bad-date' });
    expect(errors[0]!.message).toMatch(new RegExp(`^${date} is (not a calendar date|outside the years the format accepts \\(1900 to 2200\\))`));
  });

  it('still says a date is not shaped YYYY-MM-DD, and only that', () => {
    expect(errorsAfter((s) => (s.startDate = '9 March 2021'))).toEqual([{ path: 'startDate', code: 'invalid_format', message: 'a date as YYYY-MM-DD' }]);
  });

  it.each(['https://example.org/report.pdf', 'http://example.org'])('accepts the source URL %s', (url) => {
    const input: Raw = fixtureInput();
    input.sources[0].url = url;
    expect(parseScenario(input).ok).toBe(true);
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'file:///etc/passwd', 'ftp://example.org/a', 'http:example.org', 'example.org'])(
    'refuses the source URL %s: only http(s) links',
    (url) => {
      expect(errorsAfter((s) => (s.sources[0].url = url))).toEqual([{ path: 'sources[0].url', code: 'invalid_format', message: 'an http or https URL' }]);
    },
  );
});
