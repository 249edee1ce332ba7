/**
 * Numbers as the app, the CLI and the files write them. `toLocaleString('en-US')` writes the same,
 * but its first call in a page loads the browser's locale data (10–30 ms on a 2-core machine, in
 * the task of the click that starts a forecast): whole numbers are grouped here instead.
 */

/** A whole number with a comma every three digits: 10000 → "10,000", -1234567 → "-1,234,567". */
export function grouped(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = out.length; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return n < 0 ? `-${out}` : out;
}
