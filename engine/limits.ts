// Size limits for a unit's workbook. A real one is well under 1 MB; these leave room for pictures and
// long summaries while keeping a run's memory bounded whatever arrives in the inbox.
export const LIMITS = {
  /** Bytes on disk (also what a Drive pull refuses before downloading). */
  fileBytes: 20 * 1024 * 1024,
  /** Bytes all entries of the zip may inflate to, declared and actual. */
  totalInflatedBytes: 200 * 1024 * 1024,
  /** Bytes one entry (one sheet's XML) may inflate to. */
  entryInflatedBytes: 150 * 1024 * 1024,
  entries: 2_000,
  /** Cells holding a value, over the sheets read: a unit's real workbook has a few thousand. */
  cells: 300_000,
  /** Characters Excel holds in one cell; longer text is cut wherever it is written. */
  cellChars: 32_767,
} as const;

const decimal = (n: number): string => n.toFixed(1).replace('.', ',');

/** 300000 → "300.000": counts as messages show them (Vietnamese thousands separator). */
export const formatCount = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, '.');

/** "20,0 MB", "35,2 KB", "512 byte": sizes as messages show them (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${decimal(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${decimal(bytes / 1024)} KB`;
  return `${bytes} byte`;
}

/** Appended to a text cut to fit one cell, so whoever reads it sees it is not whole. */
export const CUT_MARKER = ` …[đã cắt bớt: ô dài quá ${formatCount(LIMITS.cellChars)} ký tự]`;

/** Text that fits in one Excel cell: as it is, or cut with the visible marker at the end. */
export function fitCell(text: string): string {
  return text.length <= LIMITS.cellChars ? text : text.slice(0, LIMITS.cellChars - CUT_MARKER.length) + CUT_MARKER;
}
