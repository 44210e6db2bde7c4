// The Annex A upload's limits in one place. A council's lists for 18 months run to a few megabytes
// per 50,000 children (the demo's sample is 3 MB, 27 MB unpacked); these leave room for the largest
// English councils while refusing a zip bomb or a file that is not a case list.
export const MAX_ANNEX_A_BYTES = 30 * 1024 * 1024;
/** Room for the multipart boundaries and the date fields around the largest workbook. */
export const MAX_ANNEX_A_BODY_BYTES = MAX_ANNEX_A_BYTES + 64 * 1024;
export const ANNEX_A_LIMITS = {
  /** What the workbook's parts may claim to unpack to, together. */
  unpackedBytes: 600 * 1024 * 1024,
  /** Rows per sheet (a large council's List 1 over 18 months is about 300,000). */
  maxRows: 1_000_000,
  /** Ofsted's List 8 has about 40 columns; councils add their own. */
  maxColumns: 250,
  maxEntries: 500,
} as const;
/** Positions of invalid values kept per list for the report: past this, only counted. */
export const MAX_LISTED_PROBLEMS = 5_000;
