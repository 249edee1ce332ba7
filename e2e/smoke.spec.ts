import { expect, test } from '@playwright/test';

const SCENARIO_TITLE = 'The US–Iran proxy war, March 2021';

test('the start page shows the scenario title, with no console errors', async ({ page, baseURL }) => {
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
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SCENARIO_TITLE);
  await expect(page).toHaveTitle(/Deterrence Lab/);
  await page.waitForLoadState('networkidle');

  expect(problems, 'console errors').toEqual([]);
  expect(foreignRequests, 'requests beyond the app’s own origin').toEqual([]);
});
