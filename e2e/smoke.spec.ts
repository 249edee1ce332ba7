import { expect, test } from '@playwright/test';

const SCENARIO_TITLE = 'The US–Iran proxy war, March 2021';

test('the start page lists the scenario, with no console errors and no foreign requests', async ({ page, baseURL }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));

  const foreignRequests: string[] = [];
  const origin = new URL(baseURL ?? '').origin;
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) foreignRequests.push(request.url());
  });

  await page.goto('/');

  await expect(page.getByRole('main')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deterrence Lab');
  await expect(page.getByRole('radio', { name: SCENARIO_TITLE })).toBeChecked();
  await expect(page).toHaveTitle(/Deterrence Lab/);
  await page.waitForLoadState('networkidle');

  expect(problems, 'console errors').toEqual([]);
  expect(foreignRequests, 'requests beyond the app’s own origin').toEqual([]);
});

test('the first view loads at most 200 KB of gzipped JavaScript, without the charts', async ({ page }) => {
  const { gzipSync } = await import('node:zlib');
  const scripts: { url: string; gzipped: number }[] = [];
  page.on('response', async (response) => {
    if (!response.url().endsWith('.js')) return;
    scripts.push({ url: response.url(), gzipped: gzipSync(await response.body(), { level: 9 }).length });
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  await page.waitForLoadState('networkidle');
  const total = scripts.reduce((sum, s) => sum + s.gzipped, 0);
  console.log(`first view: ${scripts.length} scripts, ${(total / 1024).toFixed(1)} KB gzipped`);
  expect(scripts.some((s) => /charts-/.test(s.url)), 'recharts stays off the first view').toBe(false);
  expect(total).toBeLessThanOrEqual(200 * 1024);
});
