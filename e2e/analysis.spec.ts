import { expect, test, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expectRoundTicks } from './chart-ticks';

/** Picks a parameter in the searchable picker: types `search`, then picks the option named `option` with the keyboard. */
async function pickParameter(page: Page, picker: string, search: string, option: string): Promise<void> {
  const box = page.getByRole('combobox', { name: picker });
  await box.fill(search);
  const list = page.getByRole('listbox', { name: new RegExp(`^${picker}`) });
  await expect(list.getByRole('option', { name: new RegExp(`^${option}`) })).toBeVisible();
  const options = await list.getByRole('option').allTextContents();
  const at = options.findIndex((o) => o.startsWith(option));
  for (let i = 0; i < at; i++) await box.press('ArrowDown');
  await box.press('Enter');
  await expect(box).toHaveValue(option);
}

async function csvOf(page: Page, button: string): Promise<{ name: string; fields: string[]; data: Record<string, string>[] }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const csv = Papa.parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), { header: true, skipEmptyLines: true });
  expect(csv.errors).toEqual([]);
  return { name: download.suggestedFilename(), fields: csv.meta.fields ?? [], data: csv.data };
}

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
  await expect(page.locator('figure[data-chart="compare-escalation"] .plot-line')).toHaveCount(2);

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
  await pickParameter(page, 'Parameter 1', 'misperception', 'Dynamics: misperception');
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
  await pickParameter(page, 'Set-up B: parameter', 'misperception', 'Dynamics: misperception');
  await page.getByLabel('Set-up B: value').fill('7');
  await page.getByLabel('Futures per set-up').fill('300');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('dynamics.misperception');
  await page.getByLabel('Set-up B: value').fill('0.4');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('table', { name: /Outcomes at week 26/ })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/Set-up B: .*dynamics\.misperception = 0\.4/)).toBeVisible();
});

/** Opens the analysis, runs the one-at-a-time sensitivity with 100 futures a run, and returns its talks tornado. */
async function runSensitivity(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Sensitivity' }).check();
  await page.getByLabel('Futures per run').fill('100');
  await page.getByRole('button', { name: 'Run sensitivity' }).click();
  return page.locator('figure[data-chart="tornado-talks"]');
}

test('sensitivity ranks the ten parameters that move talks survival and escalation most, as tornado charts', async ({ page }) => {
  const talks = await runSensitivity(page);
  await expect(talks).toBeVisible({ timeout: 60_000 });
  await expect(talks.locator('table tbody tr')).toHaveCount(10);
  await expect(page.locator('figure[data-chart="tornado-escalation"] table tbody tr')).toHaveCount(10);
  await expect(talks.locator('.recharts-bar-rectangle').first()).toBeVisible();
  // The outcome axis steps by a round amount (45%, 50%, 55%), not from the bars' ends (40.3%, 44.7%, 49.3%).
  await expectRoundTicks(talks, 'tornado-talks');
  await expectRoundTicks(page.locator('figure[data-chart="tornado-escalation"]'), 'tornado-escalation');
});

test('on a phone (390 px) the tornado gives its bars room: the labels wrap in a narrower column', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const talks = await runSensitivity(page);
  await expect(talks.locator('.recharts-bar-rectangle').first()).toBeVisible({ timeout: 60_000 });
  const figure = (await talks.boundingBox())!;
  const axis = (await talks.locator('.recharts-xAxis .recharts-cartesian-axis-line').boundingBox())!;
  expect(axis.width / figure.width).toBeGreaterThan(0.45);
  expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(390);
});

const cli = (args: readonly string[]) => execFileSync('node_modules/.bin/tsx', ['src/cli/main.ts', ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

test('the parameter picker is searched by typing, grouped, in words, and shows the current value and prior range', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('button', { name: 'Change a parameter in Set-up B' }).click();
  const box = page.getByRole('combobox', { name: 'Set-up B: parameter' });
  await box.fill('talks collapse hazard base');
  const list = page.getByRole('listbox', { name: /^Set-up B: parameter/ });
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('group', { name: 'JCPOA talks: what moves them' })).toBeVisible();
  await expect(list.getByRole('option').first()).toContainText('JCPOA talks collapse: hazard base');
  await box.press('Enter');
  await expect(box).toHaveValue('JCPOA talks collapse: hazard base');
  const current = page.locator('.picker-current');
  await expect(current).toContainText(/Current value -?\d/);
  await expect(current).toContainText('prior range');
  await expect(current).toContainText('talks.transitions.collapse.hazard.base');
  await expect(page.getByLabel('Set-up B: value')).not.toHaveValue('');

  // The mouse picks too, and Escape closes the list without changing the choice.
  await box.fill('grudge iran israel');
  await list.getByRole('option', { name: /^Grudge of Iran against Israel at the start/ }).click();
  await expect(box).toHaveValue('Grudge of Iran against Israel at the start');
  await box.fill('reciprocity');
  await expect(list.getByRole('group')).not.toHaveCount(0);
  await box.press('Escape');
  await expect(list).toBeHidden();
  await expect(box).toHaveValue('Grudge of Iran against Israel at the start');
});

test('a parameter changed in set-up B only has its own column in the compare CSV, with B’s value and parameters; the outcomes CSV and the table give each paired difference', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByLabel('Set-up B: United States').selectOption('doctrine');
  await page.getByRole('button', { name: 'Change a parameter in Set-up B' }).click();
  await pickParameter(page, 'Set-up B: parameter', 'misperception', 'Dynamics: misperception');
  await page.getByLabel('Set-up B: value').fill('0.4');
  await page.getByLabel('Futures per set-up').fill('1000');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  const table = page.getByRole('table', { name: /Outcomes at week 26/ });
  await expect(table).toBeVisible({ timeout: 30_000 });
  await expect(table.getByRole('columnheader', { name: 'Talks alive: difference from Set-up A (paired 95%)' })).toBeVisible();
  await expect(table.getByRole('row', { name: /Set-up B/ })).toContainText(/pp \([−+±][\d.]+ pp to [−+±][\d.]+ pp\)/);
  await expect(page.getByText(/batches of consecutive futures .* \(batch means\)/)).toBeVisible();

  const weeks = await csvOf(page, 'Export CSV');
  expect(weeks.fields).toContain('dynamics.misperception');
  const a = weeks.data.filter((r) => r['setup'] === 'Set-up A');
  const b = weeks.data.filter((r) => r['setup'] === 'Set-up B');
  expect(new Set(a.map((r) => r['dynamics.misperception']))).toEqual(new Set(['0.1']));
  expect(new Set(b.map((r) => r['dynamics.misperception']))).toEqual(new Set(['0.4']));
  expect(new Set(b.map((r) => r['parameters']))).toEqual(new Set(['dynamics.misperception=0.4']));
  expect(new Set(a.map((r) => r['parameters']))).toEqual(new Set(['']));

  const outcomes = await csvOf(page, 'Export outcomes CSV');
  expect(outcomes.name).toBe('deterrence-lab-march-2021-compare-outcomes.csv');
  expect(outcomes.fields).toEqual(expect.arrayContaining(['setup', 'dynamics.misperception', 'measure', 'value', 'chance_lo95', 'chance_hi95', 'paired_reference', 'paired_diff', 'paired_diff_lo95', 'paired_diff_hi95']));
  const row = (setup: string, measure: string) => outcomes.data.find((r) => r['setup'] === setup && r['measure'] === measure)!;
  const alive = row('Set-up B', 'talks-alive');
  expect(alive['paired_reference']).toBe('Set-up A');
  expect(Number(alive['paired_diff'])).toBeCloseTo(Number(alive['value']) - Number(row('Set-up A', 'talks-alive')['value']), 12);
  expect(Number(alive['paired_diff_lo95'])).toBeLessThanOrEqual(Number(alive['paired_diff']));
  expect(Number(alive['paired_diff_hi95'])).toBeGreaterThanOrEqual(Number(alive['paired_diff']));
  expect(row('Set-up B', 'open-war')['paired_diff']).not.toBe('');
  expect(row('Set-up A', 'talks-alive')['paired_diff']).toBe('');
  expect(row('Set-up B', 'us.killed.mean')).toMatchObject({ kind: 'mean', 'dynamics.misperception': '0.4' });
});

test('a tournament takes any two actors: militias against Israel, the others fixed', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Tournament' }).check();
  await page.getByLabel('Rows:').selectOption('militia');
  await page.getByLabel('Columns:').selectOption('israel');
  await expect(page.getByRole('heading', { name: /^Tournament: Iran-backed Iraqi militias .* against Israel$/ })).toBeVisible();
  const rows = page.getByRole('group', { name: 'Militias strategies (rows)' });
  const cols = page.getByRole('group', { name: 'Israel strategies (columns)' });
  for (const name of ['tit-for-tat', 'proportional response', 'grim trigger', 'random', 'its doctrine']) {
    await rows.getByLabel(name).uncheck();
    await cols.getByLabel(name).uncheck();
  }
  await expect(page.getByLabel('Fixed strategy: United States')).toBeVisible();
  await expect(page.getByLabel('Fixed strategy: Israel')).toHaveCount(0);
  await page.getByLabel('Futures per cell').fill('200');
  await page.getByRole('button', { name: 'Run tournament' }).click();
  const survival = page.getByRole('table', { name: /Talks alive at the end/ });
  await expect(survival.locator('td strong')).toHaveCount(4, { timeout: 30_000 });
  await expect(survival.getByRole('columnheader').first()).toHaveText('Militias ↓ / Israel →');
  const csv = await csvOf(page, 'Export outcomes CSV');
  expect(csv.fields).toEqual(expect.arrayContaining(['strategy_militia', 'strategy_israel', 'measure']));
  expect(new Set(csv.data.map((r) => `${r['strategy_militia']} ${r['strategy_israel']}`))).toEqual(new Set(['hawk hawk', 'hawk restraint', 'restraint hawk', 'restraint restraint']));
});

test('a sweep’s open war is read back from its own outcomes CSV, and its y-axis labels are whole', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('radio', { name: 'Sweep a parameter' }).check();
  await pickParameter(page, 'Parameter 1', 'misperception', 'Dynamics: misperception');
  await page.getByLabel('Parameter 1 from').fill('0');
  await page.getByLabel('Parameter 1 to').fill('0.6');
  await page.getByLabel('Parameter 1 steps').fill('3');
  await page.getByLabel('Outcome').selectOption('talks-alive');
  await page.getByLabel('Futures per point').fill('300');
  await page.getByRole('button', { name: 'Run sweep' }).click();
  const figure = page.locator('figure[data-chart="sweep"]');
  await expect(figure.locator('table tbody tr')).toHaveCount(3, { timeout: 30_000 });

  // Every tick label lies inside the chart: none is cut at the left edge.
  const ticks = figure.locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
  await expect(ticks.first()).toBeVisible();
  const svgLeft = (await figure.locator('svg.recharts-surface').boundingBox())!.x;
  for (const tick of await ticks.all()) {
    await expect(tick).toHaveText(/^\d+\.\d%$/);
    expect((await tick.boundingBox())!.x).toBeGreaterThanOrEqual(svgLeft);
  }

  await page.getByLabel('Outcome').selectOption('open-war');
  const shown = await figure.locator('table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
  const csv = await csvOf(page, 'Export outcomes CSV');
  const war = csv.data.filter((r) => r['measure'] === 'open-war');
  expect(war.map((r) => r['dynamics.misperception'])).toEqual(['0', '0.3', '0.6']);
  const pct = (x: string) => `${(Number(x) * 100).toFixed(1)}%`;
  expect(war.map((r) => [r['dynamics.misperception'], pct(r['value']!), `${pct(r['chance_lo95']!)} – ${pct(r['chance_hi95']!)}`])).toEqual(shown);
  expect(war.map((r) => r['parameters'])).toEqual(['dynamics.misperception=0', 'dynamics.misperception=0.3', 'dynamics.misperception=0.6']);
});

test('the tornado downloads as the CLI’s CSV, and its labels never repeat a word', async ({ page }) => {
  // About 200 forecasts in the page, then the same in the CLI: generous on a busy 2-core machine.
  test.setTimeout(360_000);
  const talks = await runSensitivity(page);
  await expect(talks).toBeVisible({ timeout: 240_000 });
  const labels = await talks.locator('table tbody th').allTextContents();
  expect(labels).toHaveLength(10);
  for (const label of labels) expect(label, label).not.toMatch(/\b(\w+)\W+\1\b/i);

  const csv = await csvOf(page, 'Download tornado CSV');
  expect(csv.name).toBe('deterrence-lab-march-2021-tornado.csv');
  const fromCli = Papa.parse<Record<string, string>>(cli(['sensitivity', 'march-2021', '--method', 'tornado', '--runs', '100', '--seed', '1', '--threads', '2', '--format', 'csv', '--no-date']), { header: true, skipEmptyLines: true });
  expect(csv.fields).toEqual(fromCli.meta.fields);
  const same = (rows: Record<string, string>[]) => rows.map(({ generated: _generated, ...rest }) => rest);
  expect(same(csv.data)).toEqual(same(fromCli.data));
  expect(csv.data[0]!['generated']).toMatch(/^\d{4}-\d\d-\d\dT/);
});
