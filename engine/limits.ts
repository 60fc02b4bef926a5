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
} as const;

const decimal = (n: number): string => n.toFixed(1).replace('.', ',');

/** "20,0 MB", "35,2 KB", "512 byte": sizes as messages show them (Vietnamese decimal comma). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${decimal(bytes / 1024 / 1024)} MB`;
  if (bytes >= 1024) return `${decimal(bytes / 1024)} KB`;
  return `${bytes} byte`;
}
