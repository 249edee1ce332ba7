import { expect, test } from '@playwright/test';

test('the road to March 2021 replays history, and a human US can take a different path', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('radio', { name: /The road to March 2021/ }).check();
  await page.getByLabel('United States: played by').selectOption('historical');
  await page.getByLabel('Seed', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Play' }).click();
  await page.getByRole('button', { name: 'End turn' }).click();
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(page.locator('.story')).toContainText('A US drone strike at Baghdad airport killed the commander of the IRGC-Qods Force');
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(page.locator('.story')).toContainText('Iran fired a salvo of ballistic missiles at Ain al-Asad');

  // What if the US had held fire? Take the US over from the start.
  await page.getByRole('button', { name: 'New game' }).click();
  await page.getByRole('radio', { name: /The road to March 2021/ }).check();
  await page.getByLabel('Seed', { exact: true }).fill('1');
  await page.getByRole('button', { name: 'Play' }).click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole('group', { name: /United States: choose a move/ }).getByRole('radio', { name: /^Hold fire/ }).check();
    await page.getByRole('button', { name: 'End turn' }).click();
  }
  await expect(page.locator('.story')).not.toContainText('killed the commander of the IRGC-Qods Force');
  await expect(page.locator('.story')).toContainText(/held fire/);
});
