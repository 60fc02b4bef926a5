// What every reader and writer of xlsx here must agree on, in one place: cell references (column letters read
// in either case, as Excel reads them, written upper-case), which number formats show a date, and how a
// serial number becomes a date in the 1900 and 1904 systems.

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
  // Plain digits read in place (a sheet has one reference per cell); anything else as Number reads it.
  let row = 0;
  let k = i;
  for (; k < ref.length; k++) {
    const digit = ref.charCodeAt(k) - 0x30;
    if (digit < 0 || digit > 9) break;
    row = row * 10 + digit;
  }
  if (k < ref.length) row = Number(ref.slice(i));
  return { col: i > 0 ? col - 1 : undefined, row: i < ref.length && Number.isInteger(row) ? row - 1 : undefined };
}

/** 0-based row and column → "AB12". */
export const cellRef = (row: number, col: number): string => `${columnName(col)}${row + 1}`;

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30), with the East Asian ones WPS and
 *  Excel in Chinese, Japanese and Korean write: 27–36 and 50–58. */
export const BUILTIN_DATE_FORMATS: ReadonlySet<number> = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** A custom format shows a date when it has day, month, year, hour, second or Buddhist-year codes outside
 *  quoted text, [brackets] (colours, locales, conditions), escaped characters and padding. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\.|_.|\*./g, '');
  return /[dmyhsb]/i.test(bare);
}

/** Whether a cell format's number format shows a date: its custom code when it has one, else the built-ins. */
export const showsDate = (numFmtId: number, custom: ReadonlyMap<number, string>): boolean => {
  const code = custom.get(numFmtId);
  return code === undefined ? BUILTIN_DATE_FORMATS.has(numFmtId) : isDateFormat(code);
};

const DAY_MS = 86_400_000;
/** Dates JavaScript can represent (±100,000,000 days from 1970). */
const MAX_DATE_MS = 8.64e15;
/** Days from the serial system's day 0 to 1970-01-01: 1899-12-30 in the 1900 system, 1904-01-01 in 1904's. */
const EPOCH_DAYS = { 1900: 25569, 1904: 24107 };

/** An Excel serial as the date it shows, its wall-clock time expressed in UTC (as exceljs gives it); null when
 *  no date has that serial. */
export function serialToDate(serial: number, date1904: boolean): Date | null {
  const ms = Math.round((serial - EPOCH_DAYS[date1904 ? 1904 : 1900]) * DAY_MS);
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_DATE_MS ? new Date(ms) : null;
}
