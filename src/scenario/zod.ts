/**
 * zod, set up once for every module that builds a schema: without its JIT. zod compiles fast object
 * parsers with `new Function` when it may, and probes for that when the first object schema is
 * built; under the app's Content-Security-Policy (no 'unsafe-eval') the probe is refused and
 * reported as a violation. Every schema module imports zod from here, so the setting comes first
 * however a bundler orders the modules. Parsing is never on a hot path (files, links, messages).
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
