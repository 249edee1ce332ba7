import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

const cli = (args: readonly string[]) => execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

async function downloaded(page: Page, button: string): Promise<{ path: string; name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await download.path();
  return { path, name: download.suggestedFilename(), bytes: readFileSync(path) };
}

/** A forecast of 2,000 futures from the start of a game with seed 2021. */
async function forecastFromStart(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Seed', { exact: true }).fill('2021');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByText('Strategies and number of futures').click();
  await page.getByLabel('Futures').fill('2000');
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '2,000 futures from week 0' })).toBeVisible({ timeout: 30_000 });
}

const pngSize = (bytes: Buffer) => ({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) });

test('the fan chart has a legend for its bands, and all the forecast’s charts save as one PNG with them', async ({ page }) => {
  test.setTimeout(90_000);
  await forecastFromStart(page);
  const legend = page.getByRole('list', { name: 'Legend: Escalation: the range of futures' });
  await expect(legend).toBeVisible();
  await expect(legend.getByRole('listitem')).toHaveText(['90% of futures', '50% of futures', 'median', 'this game']);
  await expect(page.getByRole('list', { name: /^Legend: JCPOA talks/ }).getByRole('listitem')).toContainText(['alive (share of futures)', '95% interval (chance)', 'model range (90% of parameter sets)']);
  await expect(page.locator('figure[data-chart="final-rungs"] .plot-bar').first()).toBeVisible();

  const one = await downloaded(page, 'Save escalation: the range of futures as PNG');
  const all = await downloaded(page, 'Save all charts as PNG');
  expect(all.name).toBe('deterrence-lab-march-2021-forecast-week-0-seed-2021-charts.png');
  expect([...all.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Three charts one under the other: well over twice as tall as the fan chart alone.
  expect(pngSize(all.bytes).height).toBeGreaterThan(2.5 * pngSize(one.bytes).height);
});

test('the forecast exports its outcomes as a second tidy CSV, the same as the CLI’s --table outcomes', async ({ page }) => {
  test.setTimeout(120_000);
  await forecastFromStart(page);
  const game = await downloaded(page, 'Export game');
  const app = Papa.parse<string[]>((await downloaded(page, 'Export outcomes CSV')).bytes.toString('utf8'), { skipEmptyLines: true });
  expect(app.errors).toEqual([]);
  const [head, ...rows] = app.data;
  expect(head).toEqual(expect.arrayContaining(['app_version', 'seed', 'ensemble', 'measure', 'label', 'value', 'chance_lo95', 'chance_hi95', 'model_lo90', 'model_hi90']));
  const measure = head!.indexOf('measure');
  expect(rows.map((r) => r[measure])).toEqual(expect.arrayContaining(['open-war', 'talks-alive', 'talks-deal', 'us.killed.mean', 'militia.attacks.mean', 'us.strikes.mean', 'escalation-mean']));

  const fromCli = Papa.parse<string[]>(cli(['forecast', 'march-2021', '--from', game.path, '--runs', '2000', '--seed', '2021', '--no-date', '--format', 'csv', '--table', 'outcomes']), { skipEmptyLines: true });
  const [cliHead, ...cliRows] = fromCli.data;
  expect(head).toEqual(cliHead);
  const differ = ['from', 'generated'].map((c) => head!.indexOf(c));
  const same = (list: string[][]) => list.map((r) => r.filter((_, i) => !differ.includes(i)));
  expect(same(rows)).toEqual(same(cliRows));
});
