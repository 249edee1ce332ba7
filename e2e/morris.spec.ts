import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expectRoundTicks } from './chart-ticks';

const cli = (args: readonly string[]) => execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('a small Morris screening over the priors ranks the factors by μ*, in workers with progress, and its CSV is the CLI’s', async ({ page }) => {
  // 44 forecasts in the page, then the same screening in the CLI: generous on a busy 2-core machine.
  test.setTimeout(180_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Sensitivity' }).check();
  await page.getByRole('radio', { name: 'Global (Morris)' }).check();
  await page.getByLabel('Trajectories').fill('2');
  await page.getByLabel('Futures per point').fill('100');
  const points = page.getByText(/^\d+ points, [\d,]+ futures$/);
  await expect(points).toBeVisible();
  const k = Number((await points.textContent())!.split(' ')[0]) / 2 - 1;
  expect(k).toBeGreaterThan(15);

  await page.getByRole('button', { name: 'Run Morris screening' }).click();
  await expect(page.getByRole('progressbar', { name: 'Analysis progress' })).toBeVisible();
  const talks = page.locator('figure[data-chart="morris-talks-alive"]');
  await expect(talks).toBeVisible({ timeout: 120_000 });
  await expect(talks.getByRole('heading', { name: 'Talks alive at the end: Morris μ*' })).toBeVisible();
  await expect(talks.locator('.recharts-bar-rectangle').first()).toBeVisible();
  await expect(talks.locator('.recharts-yAxis-tick-labels')).toContainText('Talks hazards and what moves them');
  // μ* from zero by a round step (0, 10, 20 pp), not recharts' own (0, 17, 34 pp).
  expect((await expectRoundTicks(talks, 'morris-talks-alive'))[0]).toBe(0);
  const rows = talks.locator('table tbody tr');
  await expect(rows).toHaveCount(k);
  const ranks = await rows.locator('th').allTextContents();
  expect(ranks).toEqual(Array.from({ length: k }, (_, i) => String(i + 1)));
  const muStar = (await rows.locator('td:nth-of-type(4)').allTextContents()).map((t) => Number(t.replace(' pp', '')));
  expect(muStar).toEqual([...muStar].sort((a, b) => b - a));
  await expect(page.locator('figure[data-chart="morris-escalation"] table tbody tr')).toHaveCount(k);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('deterrence-lab-march-2021-morris.csv');
  const app = Papa.parse<string[]>(readFileSync(await download.path(), 'utf8'), { skipEmptyLines: true });
  const fromCli = Papa.parse<string[]>(cli(['sensitivity', 'march-2021', '--trajectories', '2', '--runs', '100', '--seed', '1', '--threads', '1', '--format', 'csv', '--no-date']), { skipEmptyLines: true });
  expect(app.errors).toEqual([]);
  const [head, ...appRows] = app.data;
  const [cliHead, ...cliRows] = fromCli.data;
  expect(head).toEqual(cliHead);
  expect(head).toEqual(expect.arrayContaining(['app_version', 'scenario', 'seed', 'runs', 'generated', 'method', 'outcome', 'rank', 'factor', 'rule', 'mu_star', 'mu', 'sigma']));
  expect(appRows).toHaveLength(2 * k);
  // The same rows but for when the file was made (the CLI was asked for no date).
  const generated = head!.indexOf('generated');
  const same = (rows: string[][]) => rows.map((r) => r.filter((_, i) => i !== generated));
  expect(same(appRows)).toEqual(same(cliRows));
  expect(appRows[0]![generated]).toMatch(/^\d{4}-\d\d-\d\dT/);
});
