import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expectPrintedDebrief } from './pdf';

const WEEKS = 4;
const ACTORS = 5;

/** A hot-seat game: the United States and Iran played by two teams, the rest by the AI. */
async function startHotSeat(page: Page): Promise<void> {
  await page.goto('/');
  // The start page's own game set-up (the classroom's form has fields of the same names).
  const setup = page.getByRole('group', { name: 'Game' });
  await setup.getByLabel('Seed', { exact: true }).fill('2021');
  await setup.getByLabel('Weeks', { exact: true }).fill(String(WEEKS));
  await page.getByLabel(/^Iran \(.*: played by$/).selectOption('human');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeVisible();
}

/** Each team picks, writes its note and seals; then the week resolves. */
async function playWeek(page: Page, week: number): Promise<void> {
  const teams = [
    { group: /United States: choose a move/, note: /Why US chose this/, seal: /^Seal US/, text: `US week ${week}: show resolve, keep talks open` },
    { group: /Iran \(.*: choose a move/, note: /Why Iran chose this/, seal: /^Seal Iran/, text: `Iran week ${week}: no concessions yet` },
  ];
  for (const [i, t] of teams.entries()) {
    // Hot-seat: after the first team seals, the device is passed to the next one.
    if (i > 0) await page.getByRole('button', { name: /^Show .*’s moves$/ }).click();
    const picker = page.getByRole('group', { name: t.group });
    await picker.getByRole('radio').nth((week + i) % 3).check();
    await picker.getByLabel(t.note).fill(t.text);
    await page.getByRole('button', { name: t.seal }).click();
  }
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(page.locator('#narrative-heading')).toHaveText(new RegExp(`^Week ${week}:`));
}

/** In print, every chart of the debrief is drawn across the paper (not collapsed to nothing). */
async function expectChartsOnPaper(page: Page): Promise<void> {
  const charts = page.locator('.debrief figure.chart svg.recharts-surface');
  expect(await charts.count()).toBeGreaterThanOrEqual(3);
  for (const svg of await charts.all()) {
    const box = (await svg.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.height).toBeGreaterThan(100);
  }
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('a hot-seat game’s debrief: its path with notes, the class among 10,000 AI futures, a tidy CSV, and PDFs on A4 and Letter', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  await startHotSeat(page);
  await expect(page.getByRole('button', { name: 'Debrief', exact: true })).toBeVisible();
  for (let week = 1; week <= WEEKS; week++) await playWeek(page, week);

  // The game is over: the play view offers the debrief.
  await page.getByRole('button', { name: 'Open the debrief' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Debrief: The US–Iran proxy war, March 2021');
  await expect(page.getByText(/9 March 2021 to 5 April 2021 · 4 of 4 weeks played · seed 2021/)).toBeVisible();
  await expect(page.locator('.debrief-teams')).toContainText('Teams: United States and Iran');

  for (const name of ['The path', 'Escalation', 'The talks', 'Turning points', 'How each team did', 'The record before the start', 'Exports']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  // The tables that need no futures show at once, the teams' notes among them.
  const path = page.locator('.path-table');
  await expect(path.locator('tbody tr')).toHaveCount(WEEKS);
  await expect(path).toContainText('US week 3: show resolve, keep talks open');
  await expect(path).toContainText('Iran week 2: no concessions yet');
  await expect(page.locator('.turning-point')).toHaveCount(3);

  // The futures run off the main thread with progress, then the charts and the percentile come.
  await expect(page.getByTestId('debrief-standing')).toHaveText(new RegExp(`^In week ${WEEKS} the class was above \\d+% of the AI futures`), { timeout: 60_000 });
  await expect(page.locator('figure[data-chart="debrief-escalation"] .recharts-line')).toHaveCount(2);
  await expect(page.locator('figure[data-chart="debrief-escalation"] .chart-summary')).toContainText('10,000 AI futures');
  await expect(page.locator('figure[data-chart="debrief-standing"] .recharts-bar-rectangle').first()).toBeVisible();
  await expect(page.locator('figure[data-chart="debrief-talks"] .chart-summary')).toContainText('of the AI futures had them alive');
  await expect(page.locator('.teams-table')).toContainText('against the futures’ median');
  expect(await seriousViolations(page)).toEqual([]);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe('deterrence-lab-march-2021-seed-2021-debrief.csv');
  const parsed = Papa.parse<Record<string, string>>(readFileSync(await csv.path(), 'utf8'), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields?.slice(0, 2)).toEqual(['app_version', 'scenario']);
  expect(parsed.data).toHaveLength(WEEKS * ACTORS);
  expect(new Set(parsed.data.map((r) => `${r['week']}:${r['actor']}`)).size).toBe(WEEKS * ACTORS);
  const row = (week: number, actor: string) => parsed.data.find((r) => r['week'] === String(week) && r['actor'] === actor)!;
  expect(row(3, 'us')).toMatchObject({ played_by: 'team', note: 'US week 3: show resolve, keep talks open', automatic: 'false', seed: '2021', runs: '10000' });
  expect(row(2, 'iran')).toMatchObject({ played_by: 'team', note: 'Iran week 2: no concessions yet' });
  expect(row(1, 'militia')).toMatchObject({ played_by: 'ai', note: '' });
  expect(parsed.data.every((r) => Number(r['escalation_percentile']) >= 0 && Number(r['escalation_percentile']) <= 100 && r['escalation_percentile'] !== '')).toBe(true);

  const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the game as JSON' }).click()]);
  const exported = JSON.parse(readFileSync(await json.path(), 'utf8'));
  expect(exported).toMatchObject({ kind: 'deterrence-lab/debrief', game: { kind: 'deterrence-lab/session', seed: 2021 }, debrief: { weeks: WEEKS } });

  // Screenshots to look at: the whole page, and each section on its own (a whole page is too tall to read).
  const shoot = async (name: string) => {
    await page.screenshot({ path: testInfo.outputPath(`debrief-${name}.png`), fullPage: true });
    for (const [i, section] of (await page.locator('.debrief-header, .debrief-section').filter({ visible: true }).all()).entries()) {
      await section.screenshot({ path: testInfo.outputPath(`debrief-${name}-${i}.png`) });
    }
  };
  await page.setViewportSize({ width: 1440, height: 900 });
  await shoot('1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await shoot('390');
  await page.setViewportSize({ width: 1280, height: 900 });

  // Print: no buttons, the charts and tables still there.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Back to the game' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Exports' })).toBeHidden();
  await expect(page.locator('figure[data-chart="debrief-escalation"]')).toBeVisible();
  await expectChartsOnPaper(page);
  // About the width of an A4 page's print area (182 mm at 96 dpi).
  await page.setViewportSize({ width: 690, height: 1000 });
  await shoot('print');
  await page.setViewportSize({ width: 1280, height: 900 });
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = await page.pdf({ format, printBackground: false });
    await testInfo.attach(`debrief-${format}.pdf`, { body: pdf, contentType: 'application/pdf' });
    const text = await expectPrintedDebrief(pdf);
    expect(text).toContain('US week 3: show resolve, keep talks open');
  }
  await page.emulateMedia({ media: 'screen' });

  await page.getByRole('button', { name: 'Back to the game' }).click();
  await expect(page.locator('#narrative-heading')).toHaveText(new RegExp(`^Week ${WEEKS}:`));
});

test('the debrief opens from the play view’s header at any time, its tables at once', async ({ page }) => {
  await startHotSeat(page);
  await playWeek(page, 1);
  await page.getByRole('button', { name: 'Debrief', exact: true }).click();
  await expect(page.locator('.debrief-ending')).toHaveText('The game is still under way: this debrief covers the 1 of 4 weeks played so far.');
  await expect(page.locator('.path-table tbody tr')).toHaveCount(1);
  await expect(page.getByTestId('debrief-standing')).toHaveText(/^In week 1 the class was above \d+% of the AI futures/, { timeout: 60_000 });
});
