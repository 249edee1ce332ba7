/** The CLI's side of provenance: the date stamp. What a provenance holds is in scenario/exports.ts. */

/** The date stamp for `generated`: now, unless `--no-date` asked for output that compares byte for byte. */
export function generatedDate(noDate: boolean | undefined): { generated?: string } {
  return noDate ? {} : { generated: new Date().toISOString() };
}
