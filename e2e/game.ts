import { expect, type Page } from '@playwright/test';

/** Starts the default set-up (the US human, the rest AI) with a fixed seed. */
export async function startDefault(page: Page, seed = '2021'): Promise<void> {
  await page.goto('/');
  await page.getByLabel('Seed', { exact: true }).fill(seed);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeVisible();
}

/** The US team picks its `choice`-th legal move and ends the turn. */
export async function playWeek(page: Page, choice: number): Promise<void> {
  await page.getByRole('group', { name: /United States: choose a move/ }).getByRole('radio').nth(choice).check();
  await page.getByRole('button', { name: 'End turn' }).click();
}

/** The heading of the week in view ("Week 3: the week to 29 March 2021"). */
export const weekHeading = (page: Page) => page.locator('#narrative-heading');
