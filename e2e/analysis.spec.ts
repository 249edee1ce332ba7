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

test('a one-parameter sweep draws the outcome against the parameter; a bad range is refused', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Sweep a parameter' }).check();
  await page.getByLabel('Parameter 1', { exact: true }).selectOption('dynamics.misperception');
  await page.getByLabel('Parameter 1 from').fill('0');
  await page.getByLabel('Parameter 1 to').fill('oops');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  await expect(page.getByRole('alert')).toContainText('must be numbers');
  await page.getByLabel('Parameter 1 to').fill('0.6');
  await page.getByLabel('Parameter 1 steps').fill('3');
  await page.getByLabel('Futures per point').fill('300');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const figure = page.locator('figure[data-chart="sweep"]');
  await expect(figure.locator('.recharts-line')).toHaveCount(1, { timeout: 20_000 });
  await expect(figure.locator('table tbody tr')).toHaveCount(3);
  await expect(figure.locator('table tbody tr').first()).toContainText('0');
  await expect(figure.locator('table tbody tr').last()).toContainText('0.6');
});

test('a set-up can change a scenario parameter, and an out-of-range value is named', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('button', { name: 'Change a parameter in Set-up B' }).click();
  await page.getByLabel('Set-up B: parameter').selectOption('dynamics.misperception');
  await page.getByLabel('Set-up B: value').fill('7');
  await page.getByLabel('Futures per set-up').fill('300');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('dynamics.misperception');
  await page.getByLabel('Set-up B: value').fill('0.4');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('table', { name: /Outcomes at week 26/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Set-up B: .*dynamics\.misperception = 0\.4/)).toBeVisible();
});

test('sensitivity ranks the ten parameters that move talks survival and escalation most, as tornado charts', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Sensitivity' }).check();
  await page.getByLabel('Futures per run').fill('100');
  await page.getByRole('button', { name: 'Run sensitivity' }).click();
  const talks = page.locator('figure[data-chart="tornado-talks"]');
  await expect(talks).toBeVisible({ timeout: 60_000 });
  await expect(talks.locator('table tbody tr')).toHaveCount(10);
  await expect(page.locator('figure[data-chart="tornado-escalation"] table tbody tr')).toHaveCount(10);
  await expect(talks.locator('.recharts-bar-rectangle').first()).toBeVisible();
});
