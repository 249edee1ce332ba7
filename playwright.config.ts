import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium';

/**
 * End-to-end tests in real Chromium against the production build, served by the classroom server
 * (`vite build`, then `src/server/main.ts` with its rooms in a fresh temporary folder).
 *
 * Which Chromium: $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present
 * (`apt-get install -y chromium`), else Playwright's own (`npx playwright install chromium`).
 */
const executablePath = chromiumExecutable();
const port = 4173;
const baseURL = `http://127.0.0.1:${port}`;
const isCI = Boolean(process.env.CI);
// Made once by the process that starts the server; workers evaluating this file never use it.
const roomsDir = process.env['E2E_ROOMS_DIR'] ?? (process.env['E2E_ROOMS_DIR'] = mkdtempSync(join(tmpdir(), 'deterrence-lab-e2e-rooms-')));

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  timeout: 30_000,
  reporter: isCI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          // Keep Chromium quiet on a closed network.
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: {
    // The production build, served as users get it. (Typechecking is `npm run typecheck`'s job.)
    command: `npx vite build && npx tsx src/server/main.ts --host 127.0.0.1 --port ${port} --rooms ${roomsDir}`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
