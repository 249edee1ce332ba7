import { expect, test } from '@playwright/test';
import { playWeek, startDefault, weekHeading } from './game';

test('once a game’s page has loaded, solo play goes on offline: weeks, a forecast, the debrief and the analysis', async ({ page, context }) => {
  test.setTimeout(90_000);
  // The debrief and the analysis are fetched ahead while the game is in play.
  const debriefFetched = page.waitForResponse(/\/assets\/debrief-view-[\w-]+\.js$/, { timeout: 20_000 });
  const analysisFetched = page.waitForResponse(/\/assets\/analysis-view-[\w-]+\.js$/, { timeout: 20_000 });
  await startDefault(page, '7');
  await Promise.all([debriefFetched, analysisFetched]);

  await context.setOffline(true);
  await playWeek(page, 1);
  await expect(weekHeading(page)).toHaveText(/^Week 1:/);
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
  await expect(page.locator('figure[data-chart="fan"]')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Debrief' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Debrief: /);
  await page.getByRole('button', { name: 'Back to the game' }).click();
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Analysis: /);
});

test('a view whose files cannot be fetched says so, keeps the game, and loads when tried again', async ({ page }) => {
  // The debrief's chunk fails to arrive, as it would with the Wi-Fi gone before it was ever fetched.
  const chunk = /\/assets\/debrief-view-[\w-]+\.js$/;
  await page.route(chunk, (route) => route.abort('internetdisconnected'));
  await startDefault(page, '7');
  await playWeek(page, 2);
  await expect(weekHeading(page)).toHaveText(/^Week 1:/);
  const week = await weekHeading(page).innerText();

  await page.getByRole('button', { name: 'Debrief' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The debrief could not be loaded');
  await expect(alert).toContainText('is the device offline');
  await expect(alert).toContainText('Your game is saved');
  await expect(page.getByRole('button', { name: 'Try again' })).toBeFocused();
  await expect(page.getByRole('heading', { name: 'Something went wrong' })).toHaveCount(0);
  // Still failing: trying again says so again.
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('alert')).toContainText('The debrief could not be loaded');

  // Back to the game, as it was.
  await page.getByRole('button', { name: 'Back to the game' }).click();
  await expect(weekHeading(page)).toHaveText(week);

  // The chunk arrives again: the debrief opens, from its button or from "Try again".
  await page.getByRole('button', { name: 'Debrief' }).click();
  await expect(page.getByRole('alert')).toContainText('The debrief could not be loaded');
  await page.unroute(chunk);
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Debrief: /);
});
