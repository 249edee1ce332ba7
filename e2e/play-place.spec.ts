import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

/**
 * The play view keeps people's place (issue 13): focus after "End turn", a focus ring that can be
 * seen, hot-seat teams one at a time, a projector layout, the ladder explained, true narrative
 * lines, branches side by side, and nothing wider than a phone.
 */

async function start(page: Page, { seed = '2021', weeks = '26', iran = false } = {}): Promise<void> {
  await page.goto('/');
  const setup = page.getByRole('group', { name: 'Game' });
  await setup.getByLabel('Seed', { exact: true }).fill(seed);
  await setup.getByLabel('Weeks', { exact: true }).fill(weeks);
  if (iran) await page.getByLabel(/^Iran \(.*: played by$/).selectOption('human');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeVisible();
}

const usPicker = (page: Page) => page.getByRole('group', { name: /United States: choose a move/ });
const heading = (page: Page) => page.locator('#narrative-heading');

async function playWeek(page: Page, choice: number, week: number): Promise<void> {
  await usPicker(page).getByRole('radio').nth(choice).check();
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(heading(page)).toHaveText(new RegExp(`^Week ${week}:`));
}

/** WCAG relative luminance of an `rgb(...)`/`rgba(...)` colour. */
function luminance(css: string): number {
  const [r, g, b] = css.match(/[\d.]+/g)!.slice(0, 3).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** The focused element's outline, and the background it is drawn on (the nearest opaque one around the element). */
async function ringOf(page: Page): Promise<{ what: string; color: string; width: number; style: string; background: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    let node: HTMLElement | null = el.parentElement;
    let background = 'rgb(255, 255, 255)';
    while (node) {
      const bg = getComputedStyle(node).backgroundColor;
      if (bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) {
        background = bg;
        break;
      }
      node = node.parentElement;
    }
    return { what: `${el.tagName} ${el.textContent?.slice(0, 30) ?? ''}`, color: s.outlineColor, width: parseFloat(s.outlineWidth), style: s.outlineStyle, background };
  });
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxes(list: Locator): Promise<{ x: number; y: number; width: number; height: number }[]> {
  return list.evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
}

function expectNoOverlap(list: { x: number; y: number; width: number; height: number }[], what: string): void {
  for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) expect(overlaps(list[i]!, list[j]!), `${what} ${i} and ${j} overlap`).toBe(false);
}

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement!.scrollWidth);

test.describe.configure({ timeout: 120_000 });

test('after End turn, focus and view go to the week’s heading, dated by its last day, and one Tab reaches the next move', async ({ page }) => {
  await start(page);
  await usPicker(page).getByRole('radio').nth(1).check();
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(heading(page)).toHaveText('Week 1: the week to 15 March 2021');
  await expect(heading(page)).toBeFocused();
  await expect(heading(page)).toBeInViewport();
  await expect(heading(page)).not.toContainText('9 March 2021');

  await page.keyboard.press('Tab');
  const first = usPicker(page).getByRole('radio').first();
  await expect(first).toBeFocused();

  // Week after week, the same: one Tab from the result to the pick.
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(heading(page)).toHaveText(/^Week 2: the week to 22 March 2021$/);
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(usPicker(page).getByRole('radio').first()).toBeFocused();
});

test('the focus ring has at least 3:1 contrast against what it is drawn on, on buttons, radios, links and week buttons', async ({ page }) => {
  await start(page, { seed: '7' });
  await playWeek(page, 0, 1);
  const checked: string[] = [];
  const targets = [
    page.getByRole('button', { name: 'Projector' }),
    page.getByRole('button', { name: 'Undo' }),
    page.getByRole('navigation', { name: 'Timeline' }).getByRole('button', { name: /^Week 1,/ }),
    usPicker(page).getByRole('radio').first(),
    page.getByRole('button', { name: 'Rename Main line' }),
    page.locator('figure[data-chart="escalation"] summary').first(),
  ];
  for (const target of targets) {
    await target.focus();
    // Keyboard modality, so :focus-visible applies as it does for a keyboard user.
    await page.keyboard.press('Shift');
    const ring = await ringOf(page);
    expect(ring.style, ring.what).toBe('solid');
    expect(ring.width, ring.what).toBeGreaterThanOrEqual(2);
    expect(contrast(ring.color, ring.background), `${ring.what}: ${ring.color} on ${ring.background}`).toBeGreaterThanOrEqual(3);
    checked.push(ring.what);
  }
  expect(checked).toHaveLength(targets.length);
});

test('hot-seat: one team at a time, a pass screen between them that shows nothing of the last team’s pick, the next picker on screen at 1280×720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, { iran: true });
  const iranPicker = page.getByRole('group', { name: /Iran \(.*: choose a move/ });
  await expect(usPicker(page)).toBeVisible();
  await expect(iranPicker).toHaveCount(0);

  const choice = usPicker(page).getByRole('radio').nth(2);
  await choice.check();
  const label = await usPicker(page).locator('.move-label').nth(2).innerText();
  await usPicker(page).getByLabel(/Why US chose this/).fill('A note only the US team may read');
  await page.getByRole('button', { name: /^Seal US/ }).click();

  const pass = page.getByRole('region', { name: /^Pass the device to Iran/ });
  await expect(pass).toBeVisible();
  await expect(pass.getByRole('heading')).toBeFocused();
  await expect(usPicker(page)).toHaveCount(0);
  const text = await page.evaluate(() => document.body.textContent ?? '');
  expect(text).not.toContain(label);
  expect(text).not.toContain('A note only the US team may read');
  await expect(page.getByRole('list', { name: 'Teams this week' })).toContainText('US: sealed');
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: /^Show Iran’s moves/ }).click();
  await expect(iranPicker).toBeVisible();
  await expect(iranPicker).toBeInViewport();
  const box = (await iranPicker.boundingBox())!;
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeLessThan(720 / 4);
  await expect(iranPicker.getByRole('radio').first()).toBeInViewport();
  await expect(iranPicker.getByRole('radio').first()).toBeFocused();

  await iranPicker.getByRole('radio').first().check();
  await page.getByRole('button', { name: /^Seal Iran/ }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeFocused();
  await page.getByRole('button', { name: 'End turn' }).click();
  await expect(heading(page)).toHaveText(/^Week 1:/);
  await expect(page.locator('.week-moves')).toContainText(`US: ${label}`);
  // A new week starts with the first team's picker, one Tab from the result.
  await expect(heading(page)).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(usPicker(page).getByRole('radio').first()).toBeFocused();
});

test('the projector layout at 1280×720: at least 18 px for ticks, labels, moves and descriptions, and nothing overlapping', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await start(page, { seed: '5', weeks: '12' });
  for (const [week, choice] of [[1, 3], [2, 0], [3, 3]] as const) await playWeek(page, choice, week);
  const toggle = page.getByRole('button', { name: 'Projector' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Projector' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.projector-layout')).toBeVisible();

  const sizes = (list: Locator) => list.evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
  // Each chart's tick labels: those on its x-axis (weeks, or the why chart's amounts) and on its y-axis (rungs, shares; the why chart's causes).
  const axes = [
    { chart: 'escalation', x: '.plot-x-axis text', y: '.plot-y-axis text' },
    { chart: 'survival', x: '.plot-x-axis text', y: '.plot-y-axis text' },
    { chart: 'why-escalation', x: '.why-tick', y: '.why-cause' },
  ];
  for (const { chart, x, y } of axes) {
    const figure = page.locator(`figure[data-chart="${chart}"]`);
    for (const [axis, selector] of [['x', x], ['y', y]] as const) {
      const ticks = figure.locator(selector);
      await expect(ticks.first()).toBeVisible();
      const px = await sizes(ticks);
      expect(px.length, `${chart} ${axis}-axis`).toBeGreaterThanOrEqual(axis === 'x' ? 3 : 2);
      for (const size of px) expect(size, `${chart} ${axis}-axis tick`).toBeGreaterThanOrEqual(18);
      expectNoOverlap(await boxes(ticks), `${chart} ${axis}-axis ticks`);
    }
  }
  for (const size of await sizes(page.locator('.rung-band-label'))) expect(size, 'rung label').toBeGreaterThanOrEqual(18);
  for (const size of await sizes(page.locator('.move-description'))) expect(size, 'move description').toBeGreaterThanOrEqual(18);
  for (const size of await sizes(page.locator('.move-label'))) expect(size, 'move name').toBeGreaterThanOrEqual(18);
  for (const size of await sizes(page.locator('figure[data-chart="survival"] .phase-legend li'))) expect(size, 'talks phase label').toBeGreaterThanOrEqual(18);
  expectNoOverlap(await boxes(page.locator('figure[data-chart="survival"] .phase-legend li')), 'talks phase labels');
  // The axis title sits clear of the week ticks.
  const title = await boxes(page.locator('figure[data-chart="escalation"] text.plot-axis-title').filter({ hasText: /^week$/ }));
  expect(title).toHaveLength(1);
  for (const tick of await boxes(page.locator('figure[data-chart="escalation"] .plot-x-axis text'))) expect(overlaps(title[0]!, tick)).toBe(false);
  expect(await scrollWidth(page)).toBeLessThanOrEqual(1280);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the ladder explains itself: a rung’s description on hover and on focus, and a glossary of every rung; the why view in plain words', async ({ page }) => {
  await start(page, { seed: '3' });
  await playWeek(page, 0, 1);
  // The narrative says what the rung in view means.
  const rungLine = page.locator('.narrative .status').getByRole('definition').first();
  await expect(rungLine.locator('.rung-description')).not.toBeEmpty();
  const described = (await rungLine.locator('.rung-description').innerText()).trim();

  const summary = page.locator('figure[data-chart="escalation"] .chart-summary');
  const term = summary.getByRole('button');
  const tip = summary.getByRole('tooltip', { includeHidden: true });
  await expect(tip).toBeHidden();
  await term.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(described);
  await page.mouse.move(0, 0);
  await expect(tip).toBeHidden();

  await term.focus();
  await expect(tip).toBeVisible();
  await expect(term).toHaveAccessibleDescription(new RegExp(described.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();

  const glossary = page.locator('figure[data-chart="escalation"] .ladder-glossary');
  await glossary.locator('summary').click();
  await expect(glossary.locator('dt')).toHaveCount(13);
  await expect(glossary.locator('div').filter({ hasText: /^7\. "Legal" harassment – retortions/ }).locator('dd')).toHaveText(/^Hostile acts within the law/);
  for (const dd of await glossary.locator('dd').all()) await expect(dd).not.toBeEmpty();

  const why = await page.locator('.why').innerText();
  for (const jargon of ['Weekly decay', 'Net change', ' pts', 'belief 0.', 'without one']) expect(why, jargon).not.toContain(jargon);
  expect(why).toMatch(/Escalation (rose|fell) by \d|Escalation held steady/);
});

test('branches side by side: the moves where they differ, escalation and talks per week, beside the overlaid lines', async ({ page }) => {
  await start(page, { seed: '11' });
  for (const [week, choice] of [[1, 0], [2, 1], [3, 2]] as const) await playWeek(page, choice, week);
  await expect(page.getByRole('region', { name: 'Branches side by side' })).toHaveCount(0);
  await page.getByRole('button', { name: /^Week 1,/ }).click();
  await page.getByRole('button', { name: 'What if?' }).click();
  await playWeek(page, 4, 2);
  await playWeek(page, 4, 3);

  const section = page.getByRole('region', { name: 'Branches side by side' }).first();
  await expect(section).toBeVisible();
  const table = section.getByRole('table');
  await expect(table.getByRole('columnheader', { name: 'Main line' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: /What if/ })).toBeVisible();
  await expect(section).toContainText('Weeks 1–1 are the same in every branch');
  const week2 = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
  const differ = week2.getByRole('cell').last();
  await expect(differ).toContainText('US');
  await expect(differ).toContainText('Main line — ');
  await expect(differ).toContainText('What if');

  // The table's escalation agrees with the chart's own data table, branch by branch.
  await page.locator('figure[data-chart="escalation"] .chart-table summary').click();
  const chartRow = page.locator('figure[data-chart="escalation"] .chart-table tbody tr').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
  const chartCells = await chartRow.getByRole('cell').allInnerTexts();
  const tableCells = await week2.getByRole('cell').allInnerTexts();
  expect(tableCells[0]).toBe(chartCells[1]);
  expect(tableCells[2]).toBe(chartCells[2]);
  await expect(page.locator('figure[data-chart="escalation"] .plot-line')).toHaveCount(2);
  expect(await seriousViolations(page)).toEqual([]);
});

test('at 390 px nothing scrolls sideways: the start page, the play view with branches, and the analysis with a tournament result', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/');
  await expect(page.getByRole('group', { name: 'Who plays whom' })).toBeVisible();
  expect(await scrollWidth(page), 'start').toBeLessThanOrEqual(390);

  await start(page, { seed: '4' });
  await playWeek(page, 0, 1);
  await playWeek(page, 1, 2);
  await page.getByRole('button', { name: /^Week 1,/ }).click();
  await page.getByRole('button', { name: 'What if?' }).click();
  await playWeek(page, 2, 2);
  await expect(page.getByRole('region', { name: 'Branches side by side' }).first()).toBeVisible();
  expect(await scrollWidth(page), 'play').toBeLessThanOrEqual(390);
  // The title has the width to itself, above the buttons; the rung names leave the narrow chart to its lines.
  const title = (await page.getByRole('heading', { level: 1 }).boundingBox())!;
  expect(title.width).toBeGreaterThan(300);
  await expect(page.locator('.rung-band-label').first()).toBeHidden();

  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Tournament' }).check();
  await page.getByLabel(/Futures per cell/).fill('100');
  await page.getByRole('button', { name: 'Run tournament' }).click();
  const survival = page.getByRole('table', { name: /Talks alive at the end/ });
  await expect(survival.locator('td strong').first()).toBeVisible({ timeout: 90_000 });
  await expect(survival.locator('td', { hasText: '…' })).toHaveCount(0, { timeout: 90_000 });
  expect(await scrollWidth(page), 'analysis with a tournament').toBeLessThanOrEqual(390);
});
