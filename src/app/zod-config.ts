/**
 * zod compiles fast parsers with `new Function` when it can, and probes for it once; under the app's
 * Content-Security-Policy (no 'unsafe-eval') the probe is refused and reported as a violation. The
 * app parses little (scenarios at start, files and links when opened), so it parses without.
 * Imported first by the entry point, before anything parses.
 */
import { z } from 'zod';

z.config({ jitless: true });
