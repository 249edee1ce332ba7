import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

test('the headline and the forecast give the chance and the model range; the scenario’s own values give the chance only', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.getByRole('group', { name: 'Game' }).getByLabel('Seed', { exact: true }).fill('2021');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  // The headline: the chance the talks are alive in 12 weeks, and where the calibrated parameter sets put it.
  await expect(page.getByTestId('talks-outlook')).toHaveText(/^\d+%$/, { timeout: 60_000 });
  await expect(page.getByTestId('talks-outlook-model')).toHaveText(/model range (\d+)%–(\d+)%/);
  const [lo, hi] = (await page.getByTestId('talks-outlook-model').innerText()).match(/\d+/g)!.map(Number);
  const headline = Number((await page.getByTestId('talks-outlook').innerText()).replace('%', ''));
  expect(lo!).toBeLessThanOrEqual(headline);
  expect(hi!).toBeGreaterThanOrEqual(headline);

  await page.getByText('Strategies and number of futures').click();
  await page.getByLabel('Futures').fill('2000');
  await expect(page.getByRole('checkbox', { name: /Model uncertainty/ })).toBeChecked();
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
  const result = page.getByTestId('forecast-headline');
  await expect(result).toHaveText(/alive after week 26: \d+% \(chance \d+%–\d+%\) — model range \d+%–\d+% across 100 calibrated parameter sets/, { timeout: 60_000 });
  await expect(page.locator('.outcomes-table').first().getByRole('columnheader', { name: 'Model range (90%)' })).toBeVisible();
  await expect(page.locator('figure[data-chart="forecast-survival"] .chart-summary')).toContainText('model range');

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const rows = Papa.parse<Record<string, string>>(readFileSync(await csv.path(), 'utf8'), { header: true, skipEmptyLines: true }).data;
  expect(rows[0]!['ensemble']).toMatch(/^march-2021:[0-9a-f]{12}$/);
  const last = rows[rows.length - 1]!;
  expect(Number(last['talks_alive_model_lo90'])).toBeLessThan(Number(last['talks_alive']));
  expect(Number(last['talks_alive_model_hi90'])).toBeGreaterThan(Number(last['talks_alive']));

  // Unticked: the scenario's own numbers, the chance interval only.
  await page.getByRole('checkbox', { name: /Model uncertainty/ }).uncheck();
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
  await expect(result).toHaveText(/\(chance \d+%–\d+%\) with the scenario’s own numbers \(no model range\)/, { timeout: 60_000 });
  await expect(page.locator('.outcomes-table').first().getByRole('columnheader', { name: 'Model range (90%)' })).toHaveCount(0);
});
