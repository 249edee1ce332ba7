import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

test('compare two strategies side by side, each with its interval, and export the rows', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await expect(page.getByRole('heading', { name: /^Analysis:/ })).toBeVisible();
  await page.getByLabel('Set-up B: United States').selectOption('hawk');
  await page.getByLabel('Futures per set-up').fill('1000');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const table = page.getByRole('table', { name: /Outcomes at week 26/ });
  await expect(table).toBeVisible({ timeout: 20_000 });
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row', { name: /Set-up B/ })).toContainText('%');
  await expect(page.locator('figure[data-chart="compare-escalation"] .recharts-line')).toHaveCount(2);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
  const csv = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  expect(csv.data).toHaveLength(2 * 27);
  expect(csv.data[0]).toMatchObject({ scenario: 'march-2021', runs: '1000', setup: 'Set-up A', week: '0' });
  expect(csv.data[27]).toMatchObject({ setup: 'Set-up B', strategy_us: 'hawk' });
  expect(Object.keys(csv.data[0]!)).toEqual(expect.arrayContaining(['app_version', 'schema_version', 'seed', 'strategies', 'generated', 'talks_alive_lo95']));
});

test('a small tournament fills a heatmap of talks survival and of escalation', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Tournament' }).check();
  const us = page.getByRole('group', { name: 'US strategies (rows)' });
  const iran = page.getByRole('group', { name: 'Iran strategies (columns)' });
  for (const name of ['tit-for-tat', 'proportional response', 'grim trigger', 'random', 'its doctrine']) {
    await us.getByLabel(name).uncheck();
    await iran.getByLabel(name).uncheck();
  }
  await page.getByLabel('Futures per cell').fill('300');
  await expect(page.getByText('4 cells, 1,200 futures')).toBeVisible();
  await page.getByRole('button', { name: 'Run tournament' }).click();
  const survival = page.getByRole('table', { name: /Talks alive at the end/ });
  await expect(survival.locator('td strong')).toHaveCount(4, { timeout: 20_000 });
  await expect(survival.getByRole('row', { name: /^hawk/ }).locator('td').first()).toHaveAttribute('title', /95% interval/);
  await expect(page.getByRole('table', { name: /Mean escalation at the end/ }).locator('td strong')).toHaveCount(4);
});
