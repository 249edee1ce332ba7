import { expect, test, type Page } from '@playwright/test';

const weekHeading = (page: Page) => page.locator('#narrative-heading');
const games = (page: Page) => page.getByRole('region', { name: 'Your games' }).getByRole('listitem');

/** Starts March 2021 from the start page (the US human, the rest AI) with a seed. */
async function startNew(page: Page, seed: string): Promise<void> {
  const newGame = page.getByRole('button', { name: 'New game' });
  await expect(page.getByLabel('Seed', { exact: true }).or(newGame)).toBeVisible();
  if (await newGame.isVisible()) await newGame.click();
  await page.getByLabel('Seed', { exact: true }).fill(seed);
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'End turn' })).toBeVisible();
}

async function playWeek(page: Page, choice: number, note?: string): Promise<void> {
  const picker = page.getByRole('group', { name: /United States: choose a move/ });
  await picker.getByRole('radio').nth(choice).check();
  if (note) await picker.getByLabel(/Why US chose this/).fill(note);
  await page.getByRole('button', { name: 'End turn' }).click();
}

/** What identifies a game on screen: its week heading, story and escalation table. */
async function snapshot(page: Page): Promise<string[]> {
  await expect(weekHeading(page)).toBeVisible();
  return [await weekHeading(page).innerText(), await page.locator('.story').innerText(), await page.locator('figure[data-chart="escalation"] table').innerText()];
}

test('every game is kept: a game, a share link opened in the same browser and a new game are all listed and each resumes exactly', async ({ page, browser }) => {
  test.setTimeout(90_000);
  // A share link made elsewhere.
  const other = await (await browser.newContext()).newPage();
  await other.goto('/');
  await startNew(other, '501');
  for (const c of [1, 2, 0]) await playWeek(other, c);
  await other.getByRole('button', { name: 'Copy share link' }).click();
  const link = await other.getByLabel('Share link').inputValue();
  const shared = await snapshot(other);

  await page.goto('/');
  await startNew(page, '500');
  await playWeek(page, 0);
  await playWeek(page, 6);
  const first = await snapshot(page);

  // The link is pasted into this tab while the app is open: it opens as a new game.
  await page.evaluate((hash) => (location.hash = hash), new URL(link).hash);
  await expect(page.getByRole('status').filter({ hasText: 'Opened the shared game as a new game' })).toBeVisible();
  expect(await snapshot(page)).toEqual(shared);
  expect(page.url()).not.toContain('#g=');

  await startNew(page, '502');
  await playWeek(page, 3);
  const third = await snapshot(page);

  await page.getByRole('button', { name: 'New game' }).click();
  await expect(games(page)).toHaveCount(3);
  await page.reload();
  await page.getByRole('button', { name: 'New game' }).click();
  await expect(games(page)).toHaveCount(3);
  for (const [seed, expected] of [['500', first], ['501', shared], ['502', third]] as const) {
    await page.getByRole('button', { name: new RegExp(`^Resume The US–Iran proxy war, March 2021, seed ${seed},`) }).click();
    expect(await snapshot(page), `game of seed ${seed}`).toEqual(expected);
    await page.getByRole('button', { name: 'New game' }).click();
  }

  // Delete one, then undo.
  await page.getByRole('button', { name: /^Delete The US–Iran proxy war, March 2021, seed 502,/ }).click();
  await expect(games(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(games(page)).toHaveCount(3);
});

test('a save from another version of the scenario says so, and replays on the current one', async ({ page }) => {
  await page.goto('/');
  await startNew(page, '77');
  await playWeek(page, 1);
  await playWeek(page, 0);
  const before = await snapshot(page);
  // Mark the saved game as played on another version of the scenario.
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage).filter((k) => k.startsWith('deterrence-lab:game:'))) {
      const game = JSON.parse(localStorage.getItem(key)!);
      game.session.scenarioDigest = 'f'.repeat(64);
      localStorage.setItem(key, JSON.stringify(game));
    }
  });
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: /was played on another version of “The US–Iran proxy war, March 2021” \(ffffffffffff, now [0-9a-f]{12}\); it has been replayed on the current one/ })).toBeVisible();
  expect(await snapshot(page)).toEqual(before);
});

test('a facilitator fires an event: it shows in the next week’s story and why; a team’s note is kept with its move', async ({ page }) => {
  await page.goto('/');
  await startNew(page, '2021');
  await page.getByText('Facilitator: fire an event').click();
  await page.getByRole('combobox', { name: 'Event', exact: true }).selectOption({ label: 'Rockets at the US Embassy' });
  await page.getByRole('button', { name: 'Fire at the start of next week' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Next week begins with: Rockets at the US Embassy.' })).toBeVisible();
  await playWeek(page, 6, 'We hold fire and watch.');
  await expect(page.locator('.story')).toContainText("Rockets struck near the US Embassy in Baghdad's Green Zone.");
  await expect(page.locator('figure[data-chart="why-escalation"] .chart-summary')).toContainText('Fired event: Rockets at the US Embassy');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export game' }).click()]);
  const saved = JSON.parse(await (await download.createReadStream()).toArray().then((b) => Buffer.concat(b).toString('utf8')));
  expect(saved.branches[0].log).toEqual([
    { kind: 'inject', inject: 'inject.embassy-rockets' },
    { kind: 'week', moves: expect.objectContaining({ us: { move: expect.any(String), note: 'We hold fire and watch.' } }) },
  ]);

  // Undo takes the week back, then the event.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Next week begins with: Rockets at the US Embassy.' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Next week begins with:')).toHaveCount(0);
});

test('when the browser’s storage is full the app says so at once, and the games saved before are still there', async ({ page }) => {
  await page.goto('/');
  await startNew(page, '600');
  await playWeek(page, 1);
  const saved = await snapshot(page);

  // Fill the storage: from now on every write fails as a full quota does.
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await playWeek(page, 2);
  await expect(page.getByRole('alert').filter({ hasText: 'This game could not be saved in the browser: the browser’s storage for this site is full' })).toBeVisible();
  await startNew(page, '601');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be saved' })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: /^Week 1:/ })).toBeVisible();
  expect(await snapshot(page)).toEqual(saved);
  await page.getByRole('button', { name: 'New game' }).click();
  await expect(games(page)).toHaveCount(1);
});

test('two tabs on one game: each shows the other’s moves, and when both play at once neither game is lost', async ({ context }) => {
  const a = await context.newPage();
  await a.goto('/');
  await startNew(a, '700');
  await playWeek(a, 0);
  const b = await context.newPage();
  // Lets the test make tab b deaf to a's saves, as when both play within the same moment.
  await b.addInitScript(() => {
    const w = window as unknown as { deaf: boolean };
    w.deaf = false;
    window.addEventListener('storage', (e) => {
      if (w.deaf) e.stopImmediatePropagation();
    });
  });
  await b.goto('/');
  await expect(weekHeading(b)).toHaveText(/^Week 1:/);

  await playWeek(a, 1);
  await expect(b.getByRole('status').filter({ hasText: 'This game was played on in another tab' })).toBeVisible();
  await expect(weekHeading(b)).toHaveText(/^Week 2:/);
  expect(await snapshot(b)).toEqual(await snapshot(a));

  // Tab b stops hearing of a's saves, then both play.
  await b.evaluate(() => ((window as unknown as { deaf: boolean }).deaf = true));
  await playWeek(a, 2);
  const aWeek3 = await snapshot(a);
  await playWeek(b, 0);
  await expect(b.getByRole('status').filter({ hasText: 'this tab’s version is now a game of its own' })).toBeVisible();
  await expect(weekHeading(b)).toHaveText(/^Week 3:/);
  const bWeek3 = await snapshot(b);
  expect(bWeek3).not.toEqual(aWeek3);

  await a.getByRole('button', { name: 'New game' }).click();
  await expect(games(a)).toHaveCount(2);
  await a.reload();
  await a.getByRole('button', { name: 'New game' }).click();
  await expect(games(a)).toHaveCount(2);
  const resumes = games(a).getByRole('button', { name: /^Resume/ });
  const seen: string[][] = [];
  for (let i = 0; i < 2; i++) {
    await resumes.nth(i).click();
    seen.push(await snapshot(a));
    await a.getByRole('button', { name: 'New game' }).click();
  }
  expect(seen).toEqual(expect.arrayContaining([aWeek3, bWeek3]));
});
