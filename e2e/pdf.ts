import { expect } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';

/** The debrief's section headings, as a printed page must carry them. */
export const PRINTED_SECTIONS = ['The path', 'Escalation', 'The talks', 'Turning points', 'How each team did'] as const;

/**
 * Reads a printed debrief back as a PDF reader would: it has pages, every section's heading, the
 * charts' captions, and no buttons. Returns the text, for the test's own checks.
 */
export async function expectPrintedDebrief(pdf: Buffer): Promise<string> {
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { totalPages, text: lines } = await extractText(doc, { mergePages: true });
  // Lines wrapped on paper read as one run of words.
  const text = lines.replace(/\s+/g, ' ');
  expect(totalPages).toBeGreaterThanOrEqual(2);
  expect(text).toMatch(/^Debrief: /);
  for (const heading of PRINTED_SECTIONS) expect(text).toContain(heading);
  // The charts drew their axes and the futures' summary (recharts' SVG text is real text in the PDF).
  expect(text).toContain('10,000 AI futures');
  expect(text).not.toContain('Download CSV');
  expect(text).not.toContain('Back to the game');
  return text;
}
