import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';

/** Records every Content-Security-Policy violation the page reports, from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return () => page.evaluate(() => (window as unknown as { violations: string[] }).violations);
}

test('the app runs under its Content-Security-Policy: play, forecast, save a chart, analyse; no violation, and an injected inline script does not run', async ({ page }) => {
  test.setTimeout(90_000);
  const violations = await watchViolations(page);
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).toContain("script-src 'self'");
  expect(policy).toContain("connect-src 'self'");
  expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);

  await page.getByLabel('Seed', { exact: true }).fill('2021');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  for (let i = 0; i < 2; i++) {
    await page.getByRole('group', { name: /United States: choose a move/ }).getByRole('radio').nth(i).check();
    await page.getByRole('button', { name: 'End turn' }).click();
  }
  await expect(page.locator('figure[data-chart="survival"] .plot-line').first()).toBeVisible({ timeout: 20_000 });
  await page.getByText('Strategies and number of futures').click();
  await page.getByLabel('Futures').fill('500');
  await page.getByRole('button', { name: 'Forecast', exact: true }).click();
  await expect(page.locator('figure[data-chart="fan"] .plot-band').first()).toBeVisible({ timeout: 20_000 });
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save escalation: the range of futures as PNG' }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  await page.getByRole('button', { name: 'Analyse strategies' }).click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.locator('figure').first()).toBeVisible({ timeout: 30_000 });
  expect(await violations()).toEqual([]);

  const ran = await page.evaluate(() => {
    const w = window as unknown as { injected?: boolean };
    const s = document.createElement('script');
    s.textContent = 'window.injected = true';
    document.body.append(s);
    return w.injected === true;
  });
  expect(ran).toBe(false);
  // One report per policy that refuses it: the page's meta tag and the server's header both do.
  await expect.poll(async () => (await violations()).length).toBeGreaterThan(0);
  for (const v of await violations()) expect(v).toMatch(/^script-src(-elem)? inline$/);
});

test('a link that would decode to millions of characters, or is too long to be a game, is refused with the reason and is not read again on reload', async ({ page }) => {
  const bomb = LZString.compressToEncodedURIComponent('a'.repeat(1_100_000));
  for (const [code, reason] of [
    [bomb, 'the link decodes to more than 1,000,000 characters'],
    ['A'.repeat(20_614), 'the link is 20,614 characters long'],
  ] as const) {
    await page.goto(`/#g=${code}`);
    await expect(page.getByRole('alert')).toContainText(`The share link could not be read — ${reason}`);
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(page.getByRole('heading', { name: 'Deterrence Lab', level: 1 })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
});

test('an address that ends in something other than a game link says so, and changes nothing', async ({ page }) => {
  for (const hash of ['#g', '#G=abc', '#x=1']) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('alert')).toContainText('is not a Deterrence Lab game');
    expect(new URL(page.url()).hash).toBe('');
  }
  await page.goto('/');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
