// A master worksheet as the values the Sheets API takes, and those values cut into requests that stay
// well inside the API's limits. Numbers stay numbers (leaders can sort and sum them on the phone); dates
// become the text a person reads (dd/mm/yyyy, with the time when there is one), so no spreadsheet locale
// can turn 04/05 into 5 April; text is sent RAW, so "=…" stays text.
import type ExcelJS from 'exceljs';
import { flattenCell, formatDate, tidy } from '../../engine/index.js';
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

// exceljs hands dates back as the wall-clock time stored in the workbook, expressed in UTC.
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

/** Rows frozen in the master (its frozen pane, else its repeated print rows), else the first row. */
function frozenRows(ws: ExcelJS.Worksheet, rowCount: number): number {
  const view = ws.views?.[0];
  if (view?.state === 'frozen' && view.ySplit) return view.ySplit;
  const titles = /(\d+)\s*$/.exec(ws.pageSetup?.printTitlesRow ?? '');
  if (titles) return Number(titles[1]);
  return rowCount > 1 ? 1 : 0;
}

export function sheetContent(ws: ExcelJS.Worksheet): SheetContent {
  const values: SheetValue[][] = [];
  let width = 0;
  let truncated = 0;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const line: SheetValue[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // Inside a merged range exceljs repeats the first cell's value in every cell: write it once.
      const value = cell.isMerged && cell.master !== cell ? null : flattenCell(cell.value);
      let out: SheetValue = '';
      if (typeof value === 'number') out = Number.isFinite(value) ? value : '';
      else if (typeof value === 'boolean') out = value;
      else if (value instanceof Date) out = dateText(value);
      else if (typeof value === 'string') {
        out = value;
        if (out.length > MAX_CELL_CHARS) {
          out = `${out.slice(0, MAX_CELL_CHARS - 1)}…`;
          truncated++;
        }
      }
      line.push(out);
    }
    while (line.length > 0 && line[line.length - 1] === '') line.pop();
    width = Math.max(width, line.length);
    values.push(line);
  }
  while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
  const view = ws.views?.[0];
  const frozenColumns = view?.state === 'frozen' && view.xSplit ? view.xSplit : 0;
  return {
    title: ws.name,
    values,
    width,
    frozenRows: Math.min(frozenRows(ws, values.length), Math.max(values.length, 1)),
    frozenColumns,
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
