// A master worksheet as the values the Sheets API takes, and those values cut into requests that stay
// well inside the API's limits. Numbers stay numbers (leaders can sort and sum them on the phone); dates
// become the text a person reads (dd/mm/yyyy, with the time when there is one), so no spreadsheet locale
// can turn 04/05 into 5 April; text is sent RAW, so "=…" stays text.
import { flattenCell, formatDate, tidy } from '../../engine/index.js';
import { parseRef } from '../../ooxml/facts.js';
import { MAX_CELL_CHARS, MAX_CELLS_PER_REQUEST, MAX_REQUEST_BYTES } from './limits.js';

export type SheetValue = string | number | boolean;

export interface SheetContent {
  title: string;
  values: SheetValue[][];
  /** Widest row, in columns. */
  width: number;
  frozenRows: number;
  frozenColumns: number;
  /** Cells cut to the Sheets limit of 50 000 characters. */
  truncated: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

// Both exceljs and our reader hand dates back as the wall-clock time stored in the workbook, expressed in UTC.
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const day = formatDate(`${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`);
  const hasTime = d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() > 0;
  return hasTime ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

/** A cell's value as the text the Sheet shows after a push: what typed values are compared by. */
export function sheetText(value: unknown): string {
  const v = flattenCell(value);
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return dateText(v);
  return tidy(String(v));
}

/** A master sheet as our own reader (node/xlsx-rows.ts) reads it, every text decoded once. */
export interface MasterSheet {
  title: string;
  /** Cells by 0-based column, at index row number − 1; holes are empty rows. */
  rows: (readonly unknown[] | undefined)[];
  /** Merged ranges ("A1:D1"). */
  merged: readonly string[];
  /** Rows and columns held by the master's frozen pane. */
  frozenRows: number;
  frozenColumns: number;
  /** The last row its print titles repeat, when it sets them. */
  printTitleRows?: number;
}

/** Rows frozen in the master (its frozen pane, else its repeated print rows), else the first row. */
const frozenRows = (sheet: MasterSheet, rowCount: number): number =>
  sheet.frozenRows || sheet.printTitleRows || (rowCount > 1 ? 1 : 0);

/** Every cell of a merged range but its first, by "row,column" (0-based): Excel shows the first cell's value
 *  over the range, so the Sheet gets it once. */
function coveredCells(merged: readonly string[]): Set<string> {
  const covered = new Set<string>();
  for (const range of merged) {
    const [from, to = from] = range.split(':');
    const { row: top, col: left } = parseRef(from ?? '');
    const { row: bottom, col: right } = parseRef(to ?? '');
    if (top === undefined || left === undefined || bottom === undefined || right === undefined) continue;
    for (let r: number = top; r <= bottom; r++)
      for (let c: number = left; c <= right; c++) if (r !== top || c !== left) covered.add(`${r},${c}`);
  }
  return covered;
}

/** A cell's value as the Sheets API takes it; long texts cut to the Sheets limit. */
function sheetValue(cell: unknown): { out: SheetValue; cut: boolean } {
  const value = flattenCell(cell);
  if (typeof value === 'number') return { out: Number.isFinite(value) ? value : '', cut: false };
  if (typeof value === 'boolean') return { out: value, cut: false };
  if (value instanceof Date) return { out: dateText(value), cut: false };
  if (typeof value !== 'string') return { out: '', cut: false };
  if (value.length <= MAX_CELL_CHARS) return { out: value, cut: false };
  return { out: `${value.slice(0, MAX_CELL_CHARS - 1)}…`, cut: true };
}

export function sheetContent(sheet: MasterSheet): SheetContent {
  const covered = coveredCells(sheet.merged);
  const values: SheetValue[][] = [];
  let width = 0;
  let truncated = 0;
  for (let r = 0; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r] ?? [];
    const line: SheetValue[] = [];
    for (let c = 0; c < cells.length; c++) {
      const { out, cut } = covered.has(`${r},${c}`) ? { out: '', cut: false } : sheetValue(cells[c]);
      if (cut) truncated++;
      line.push(out);
    }
    while (line.length > 0 && line[line.length - 1] === '') line.pop();
    width = Math.max(width, line.length);
    values.push(line);
  }
  while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
  return {
    title: sheet.title,
    values,
    width,
    frozenRows: Math.min(frozenRows(sheet, values.length), Math.max(values.length, 1)),
    frozenColumns: sheet.frozenColumns,
    truncated,
  };
}

/** A sheet name quoted as the A1 notation wants it: `'Tổng hợp'`. */
export const quoteTitle = (title: string): string => `'${title.replace(/'/g, "''")}'`;

/** `'Tổng hợp'!A5` */
export const a1 = (title: string, row = 1): string => `${quoteTitle(title)}!A${row}`;

export interface ValueRange {
  range: string;
  values: SheetValue[][];
}

export interface BatchLimits {
  cells: number;
  bytes: number;
}

/**
 * Cuts the sheets' rows into values.batchUpdate requests: each request holds at most `cells` cells and
 * about `bytes` bytes of JSON; a sheet too big for one request is split into runs of whole rows.
 */
export function valueBatches(
  sheets: SheetContent[],
  limits: BatchLimits = { cells: MAX_CELLS_PER_REQUEST, bytes: MAX_REQUEST_BYTES },
): ValueRange[][] {
  const requests: ValueRange[][] = [];
  let request: ValueRange[] = [];
  let cells = 0;
  let bytes = 0;
  const closeRequest = () => {
    if (request.length > 0) requests.push(request);
    request = [];
    cells = 0;
    bytes = 0;
  };
  for (const sheet of sheets) {
    let run: ValueRange | undefined;
    sheet.values.forEach((row, i) => {
      const rowCells = Math.max(row.length, 1);
      const rowBytes = Buffer.byteLength(JSON.stringify(row)) + 1;
      if (request.length > 0 && (cells + rowCells > limits.cells || bytes + rowBytes > limits.bytes)) {
        closeRequest();
        run = undefined;
      }
      if (!run) {
        run = { range: a1(sheet.title, i + 1), values: [] };
        request.push(run);
      }
      run.values.push(row);
      cells += rowCells;
      bytes += rowBytes;
    });
  }
  closeRequest();
  return requests;
}
