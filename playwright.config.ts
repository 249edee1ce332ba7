import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumExecutable } from './e2e/chromium';

/**
 * End-to-end tests in real Chromium against the production build (`vite build` + `vite preview`).
 *
 * Which Chromium: $CHROMIUM_PATH if set, else Debian's /usr/bin/chromium if present
 * (`apt-get install -y chromium`), else Playwright's own (`npx playwright install chromium`).
 */
const executablePath = chromiumExecutable();
const port = 4173;
const baseURL = `http://127.0.0.1:${port}`;
const isCI = Boolean(process.env.CI);

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
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: baseURL,
    reuseExistingServer: !isCI,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
