// Plain cell values as both exceljs and Excel's range.values deliver them, and how to read them.

/** A cell after the adapter has flattened rich text and replaced formulas by their cached result. */
export type Cell = string | number | boolean | Date | null | undefined;

/** A sheet as a grid: rows[0] is sheet row 1, rows[r][0] is column A. */
export interface SheetGrid {
  name: string;
  rows: Cell[][];
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  /** True when the workbook uses the 1904 date system (Mac Excel's old default). */
  date1904?: boolean;
}

/**
 * Flattens the cell value objects exceljs produces (rich text, formulas with cached results, hyperlinks,
 * errors) into a plain Cell. Kept here, free of any library import, so every adapter flattens alike.
 */
export function flattenCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText))
      return v.richText.map((run) => String((run as { text?: unknown }).text ?? '')).join('');
    if ('formula' in v || 'sharedFormula' in v) return flattenCell(v.result);
    if ('text' in v) return flattenCell(v.text);
    if ('error' in v) return String(v.error);
  }
  return String(value);
}

// Excel's error values, as a cell shows them and as Excel's range.values and the file hold them.
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
  '#EXTERNAL!',
  '#PYTHON!',
]);

/** A date no calendar has: what exceljs makes of a date-formatted formula whose result is an error. */
const isInvalidDate = (value: Cell): boolean => value instanceof Date && Number.isNaN(value.getTime());

/** True when the cell shows one of Excel's error values (#VALUE!, #N/A…): a formula the clerk must fix. */
export function isErrorValue(value: Cell): boolean {
  // Every error value holds '#': other text is told apart without a trimmed, upper-cased copy of each cell.
  if (typeof value === 'string')
    return value.length <= 16 && value.includes('#') && ERROR_VALUES.has(value.trim().toUpperCase());
  return isInvalidDate(value);
}

/** The text of a cell as a person sees it (dates as dd/mm/yyyy), trimmed; '' when empty. Never throws. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  // The error behind an invalid date is lost; Excel shows #VALUE! for a date computed from bad input.
  if (value instanceof Date) return isInvalidDate(value) ? '#VALUE!' : formatDate(isoFromUtcDate(value));
  return String(value);
}

const DAY_MS = 86_400_000;
// Excel day 0 is 1899-12-30 in the 1900 system (absorbing the 1900 leap-year bug for dates after
// 1 March 1900) and 1904-01-01 in the 1904 system.
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

function isoFromUtcDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Spreadsheet column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** A1 address of a 0-based row and column. */
export const cellAddress = (row: number, col: number): string => `${columnLetter(col)}${row + 1}`;

/** 'YYYY-MM-DD' → 'dd/mm/yyyy', the way Vietnamese documents write dates. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function validIso(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return isoFromUtcDate(t);
}

export type DateRead = { kind: 'empty' } | { kind: 'ok'; date: string } | { kind: 'invalid'; text: string };

/**
 * Reads a calendar date from a cell: an Excel date (a Date at UTC midnight from exceljs), a serial number
 * from either date system, or text dd/mm/yyyy (also with - or .), or yyyy-mm-dd.
 */
export function readDate(value: Cell, date1904 = false): DateRead {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return { kind: 'empty' };
  if (value instanceof Date) {
    return Number.isNaN(value.getTime())
      ? { kind: 'invalid', text: String(value) }
      : { kind: 'ok', date: isoFromUtcDate(value) };
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 1 || value > 100_000) return { kind: 'invalid', text: String(value) };
    const t = (date1904 ? EPOCH_1904 : EPOCH_1900) + Math.floor(value) * DAY_MS;
    return { kind: 'ok', date: isoFromUtcDate(new Date(t)) };
  }
  const text = String(value).trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let iso: string | null = null;
  if (m) iso = validIso(Number(m[3]), Number(m[2]), Number(m[1]));
  else if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text))) iso = validIso(Number(m[1]), Number(m[2]), Number(m[3]));
  return iso ? { kind: 'ok', date: iso } : { kind: 'invalid', text };
}

export type YearRead = { kind: 'empty' } | { kind: 'ok'; year: number } | { kind: 'invalid'; text: string };

/** Reads a year typed as a number or as four digits of text. */
export function readYear(value: Cell): YearRead {
  if (value === null || value === undefined || (typeof value === 'string' && value.trim() === ''))
    return { kind: 'empty' };
  if (value instanceof Date) return { kind: 'invalid', text: cellText(value) };
  const text = String(value).trim();
  if (!/^\d{4}$/.test(text)) return { kind: 'invalid', text };
  return { kind: 'ok', year: Number(text) };
}
