import { expect, test, type Page } from '@playwright/test';
import { playWeek } from './game';

/** Starts March 2021 (the US human, the rest AI) with a seed and a game length. */
async function start(page: Page, seed: string, weeks: string): Promise<void> {
  await page.goto('/');
  // A game in progress opens where it was left: start a new one from the start page.
  const newGame = page.getByRole('button', { name: 'New game' });
  await expect(page.getByLabel('Seed', { exact: true }).or(newGame)).toBeVisible();
  if (await newGame.isVisible()) await newGame.click();
  await page.getByLabel('Seed', { exact: true }).fill(seed);
  await page.getByRole('group', { name: 'Game' }).getByRole('spinbutton', { name: 'Weeks' }).fill(weeks);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeVisible();
}

const headline = (page: Page) => page.getByTestId('talks-outlook');

/** The headline once its futures are in (it reads "…" while they run). */
async function settledHeadline(page: Page): Promise<string> {
  await expect(headline(page)).toHaveText(/^\d+%$/);
  return headline(page).innerText();
}

test('the talks headline is the chance they are alive 12 weeks on, the same in a 10-week and a 26-week game', async ({ page }) => {
  test.setTimeout(90_000);
  const picks = [1, 6, 3];
  const read = async (weeks: string) => {
    await start(page, '77', weeks);
    const seen = [await settledHeadline(page)];
    for (const choice of picks) {
      await playWeek(page, choice);
      await expect(page.locator('#narrative-heading')).toHaveText(new RegExp(`^Week ${seen.length}:`));
      seen.push(await settledHeadline(page));
    }
    await expect(page.getByText(/chance they are still alive in 12 weeks \(by /)).toBeVisible();
    return seen;
  };
  const short = await read('10');
  const long = await read('26');
  expect(long).toEqual(short);
  expect(new Set(short).size, 'the headline moves with what happens').toBeGreaterThan(1);

  // The chart draws the week-by-week outlook ahead of the week in view, and a reload keeps the headline.
  await expect(page.locator('figure[data-chart="survival"] .plot-line')).toHaveCount(2);
  await page.reload();
  expect(await settledHeadline(page)).toBe(long.at(-1));
});

test('the why view names the weekly collapse risk by cause and the beliefs behind the AI’s choices', async ({ page }) => {
  await start(page, '2021', '26');
  await playWeek(page, 6);
  const why = page.locator('.why');
  await expect(why.getByRole('heading', { name: /what moved the chance they collapse in a week/ })).toBeVisible();
  await expect(why.locator('figure[data-chart="why-risk"] .chart-summary')).toHaveText(/^The chance of a collapse within a week (rose by \d|fell by \d|held steady)/);
  const expected = why.getByRole('region', { name: 'What the AI actors expected' });
  await expect(expected.getByRole('listitem').filter({ hasText: /^Israel held back from “Sabotage/ })).toHaveText(
    /they expect an Iranian nuclear step after sabotage \(\d+% likely, against \d+% otherwise\)\.$/,
  );
  // The US is played by a person here: the AI's reasons are not put in its mouth.
  await expect(expected.getByText(/^US /)).toHaveCount(0);
});
