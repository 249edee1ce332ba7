import { expect, type Locator } from '@playwright/test';

/** Round steps a chart's value axis may take: 1, 2, 2.5 or 5 times a power of ten. */
const ROUND_STEPS = [1, 2, 2.5, 5].flatMap((k) => [-3, -2, -1, 0, 1, 2].map((e) => k * 10 ** e));

/**
 * Expects the x-axis of the recharts chart in `figure` to step by one round amount from a multiple
 * of it (45%, 50%, 55%; 0, 10, 20 pp), not from the data's ends (40.3%, 44.7%, 49.3%); returns the ticks.
 */
export async function expectRoundTicks(figure: Locator, name: string): Promise<number[]> {
  const ticks = (await figure.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()).map((t) => parseFloat(t));
  expect(ticks.length, name).toBeGreaterThanOrEqual(3);
  const step = ticks[1]! - ticks[0]!;
  expect(ROUND_STEPS.some((r) => Math.abs(r - step) < 1e-9), `${name} steps by ${step}`).toBe(true);
  for (let i = 1; i < ticks.length; i++) expect(ticks[i]! - ticks[i - 1]!, `${name}: ${ticks.join(', ')}`).toBeCloseTo(step, 6);
  for (const t of ticks) expect(Math.abs(t / step - Math.round(t / step)), `${name}: ${t} is a multiple of ${step}`).toBeLessThan(1e-6);
  return ticks;
}
