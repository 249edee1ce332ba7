import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { playWeek, startDefault, weekHeading } from './game';

const timelineWeeks = (page: Page) => page.getByRole('navigation', { name: 'Timeline' }).getByRole('listitem');
const escalationLines = (page: Page) => page.locator('figure[data-chart="escalation"] .plot-line');
const branchItems = (page: Page) => page.getByRole('region', { name: 'Branches' }).getByRole('listitem');

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a new user plays five weeks, undoes, redoes, forks a what-if and finds it all after a reload', async ({ page }) => {
  await startDefault(page);
  await expect(weekHeading(page)).toHaveText(/^The start/);
  // At the start the game's one value is a dot (a line through one point shows nothing); then a line.
  const lonePoints = page.locator('figure[data-chart="escalation"] .plot-lone-point');
  await expect(lonePoints).toHaveCount(1);

  const stories: string[] = [];
  for (let week = 1; week <= 5; week++) {
    await playWeek(page, week % 3);
    await expect(weekHeading(page)).toHaveText(new RegExp(`^Week ${week}:`));
    stories.push((await page.locator('.story').innerText()).trim());
  }
  expect(new Set(stories).size, 'each week tells its own story').toBeGreaterThan(1);
  await expect(lonePoints).toHaveCount(0);
  await expect(timelineWeeks(page)).toHaveCount(6);
  await expect(escalationLines(page)).toHaveCount(1);
  await expect(page.locator('figure[data-chart="why-escalation"] .why-bar').first()).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(timelineWeeks(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(timelineWeeks(page)).toHaveCount(5);
  await expect(weekHeading(page)).toHaveText(/^Week 4:/);

  await page.getByRole('button', { name: /^Week 3,/ }).click();
  await expect(weekHeading(page)).toHaveText(/^Week 3:/);
  await page.getByRole('button', { name: 'What if?' }).click();
  await expect(branchItems(page)).toHaveCount(2);
  await playWeek(page, 1);
  await expect(escalationLines(page)).toHaveCount(2);
  const strokes = await escalationLines(page).evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')));
  expect(new Set(strokes).size, 'branches are drawn in distinct colours').toBe(2);

  const heading = await weekHeading(page).innerText();
  const story = await page.locator('.story').innerText();
  await page.reload();
  await expect(weekHeading(page)).toHaveText(heading);
  await expect.poll(() => page.locator('.story').innerText()).toBe(story);
  await expect(branchItems(page)).toHaveCount(2);
  await expect(escalationLines(page)).toHaveCount(2);
});

test('keyboard: Ctrl+Z undoes and Ctrl+Shift+Z redoes the last week', async ({ page }) => {
  await startDefault(page, '7');
  await playWeek(page, 0);
  await playWeek(page, 1);
  await expect(timelineWeeks(page)).toHaveCount(3);
  await page.locator('body').press('Control+z');
  await expect(timelineWeeks(page)).toHaveCount(2);
  await page.locator('body').press('Control+Shift+Z');
  await expect(timelineWeeks(page)).toHaveCount(3);
});

test('hot-seat teams seal their moves: a sealed pick is hidden until the turn resolves', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel(/^Iran \(.*: played by$/).selectOption('human');
  await page.getByRole('button', { name: 'Play' }).click();
  const end = page.getByRole('button', { name: 'End turn' });
  await expect(end).toBeDisabled();
  const us = page.getByRole('group', { name: /United States: choose a move/ });
  await us.getByRole('radio').first().check();
  await page.getByRole('button', { name: /^Seal US/ }).click();
  await expect(page.getByRole('group', { name: /United States: choose a move/ })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Teams this week' })).toContainText('US: sealed');
  await expect(end).toBeDisabled();
  await page.getByRole('button', { name: /^Show Iran’s moves/ }).click();
  const iran = page.getByRole('group', { name: /Iran \(.*: choose a move/ });
  await iran.getByRole('radio').first().check();
  await page.getByRole('button', { name: /^Seal Iran/ }).click();
  await expect(end).toBeEnabled();
  await end.click();
  await expect(weekHeading(page)).toHaveText(/^Week 1:/);
});

test('export a game, import it into a fresh browser, and get the same game', async ({ page, browser }) => {
  await startDefault(page, '99');
  for (const c of [0, 1, 2]) await playWeek(page, c);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export game' }).click()]);
  const file = await download.path();
  const saved = JSON.parse(readFileSync(file, 'utf8'));
  expect(saved).toMatchObject({ kind: 'deterrence-lab/session', schemaVersion: 2, seed: 99, scenarioId: 'march-2021' });
  expect(saved.scenarioDigest).toMatch(/^[0-9a-f]{64}$/);
  expect(saved.branches[0].log.map((e: { kind: string }) => e.kind)).toEqual(['week', 'week', 'week']);
  const heading = await weekHeading(page).innerText();
  const story = await page.locator('.story').innerText();

  const fresh = await (await browser.newContext()).newPage();
  await startDefault(fresh, '5');
  await fresh.getByTestId('import-file').setInputFiles(file);
  await expect(fresh.getByRole('status').filter({ hasText: 'Loaded the game' })).toBeVisible();
  await expect(weekHeading(fresh)).toHaveText(heading);
  await expect.poll(() => fresh.locator('.story').innerText()).toBe(story);

  await fresh.getByTestId('import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind":"deterrence-lab/session"}') });
  await expect(fresh.getByRole('alert')).toContainText('broken.json could not be read');
  await expect(weekHeading(fresh)).toHaveText(heading);
});

test('a share link opens the same game in a fresh page; a malformed link shows an error and changes nothing', async ({ page, browser }) => {
  await startDefault(page, '31');
  for (const c of [1, 0, 1, 2]) await playWeek(page, c);
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toContain('#g=');
  const heading = await weekHeading(page).innerText();
  const story = await page.locator('.story').innerText();
  const table = await page.locator('figure[data-chart="escalation"] table').innerText();

  const fresh = await (await browser.newContext()).newPage();
  await fresh.goto(link);
  await expect(weekHeading(fresh)).toHaveText(heading);
  await expect.poll(() => fresh.locator('.story').innerText()).toBe(story);
  expect(await fresh.locator('figure[data-chart="escalation"] table').innerText()).toBe(table);

  await fresh.goto('about:blank');
  await fresh.goto('/#g=this-is-not-a-game');
  await expect(fresh.getByRole('alert')).toContainText('share link');
  await expect(weekHeading(fresh)).toHaveText(heading);
});

test('the start and play views have no serious accessibility violations; screenshots at desktop and projector size', async ({ page }, testInfo) => {
  await page.goto('/');
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('start-desktop.png'), fullPage: true });
  await startDefault(page, '2021');
  for (const c of [0, 1, 2, 0]) await playWeek(page, c);
  expect(await seriousViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: testInfo.outputPath('play-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: testInfo.outputPath('play-projector-1024x768.png'), fullPage: false });
});

test('a corrupted save is reported and set aside, and the app still starts', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('deterrence-lab:autosave:v1', '{"version":1,"session":{"kind":"broken"'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('A saved game could not be read (it is not valid JSON); it was kept in local storage under');
  const keys = await page.evaluate(() => Object.keys(localStorage));
  expect(keys.some((k) => k.startsWith('deterrence-lab:unreadable-save:'))).toBe(true);
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeVisible();
});

test('the escalation chart shows the record before the start, dated and sourced, and can hide it', async ({ page }) => {
  await startDefault(page, '12');
  const chart = page.locator('figure[data-chart="escalation"]');
  await expect(chart.locator('.plot-record-point')).toHaveCount(14);
  await chart.getByText(/The record before 2021-03-09/).click();
  await expect(chart.getByRole('listitem').filter({ hasText: '2021-03-03' })).toContainText('Ain al-Asad');
  await expect(chart.getByRole('listitem').filter({ hasText: '2021-03-07' })).toContainText('DVIDS');
  await chart.getByLabel('Show the record before the start').uncheck();
  await expect(chart.locator('.plot-record-point')).toHaveCount(0);
});
