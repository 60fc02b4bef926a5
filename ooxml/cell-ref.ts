// Cell references ("AB12"): column letters ↔ 0-based column numbers. Letters are read in either case, as
// Excel reads them; they are written upper-case.

/** 0-based column → "A", "Z", "AA", … */
export function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "AB12" → 0-based column and row; undefined parts when absent or malformed. */
export function parseRef(ref: string): { col?: number; row?: number } {
  let i = 0;
  let col = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  const row = Number(ref.slice(i));
  return { col: i > 0 ? col - 1 : undefined, row: i < ref.length && Number.isInteger(row) ? row - 1 : undefined };
}

/** 0-based row and column → "AB12". */
export const cellRef = (row: number, col: number): string => `${columnName(col)}${row + 1}`;
