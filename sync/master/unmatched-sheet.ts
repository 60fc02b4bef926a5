// Ghi chú không khớp (SPEC §7): the secretariat's values that no longer match exactly one row, with where
// they came from. Nothing typed is dropped: a copied row whose copies disagree, a row inserted without a
// key, a clash between the master and its Google Sheet copy, each lands here, and stays from master to
// master until the secretariat deletes it.
import type ExcelJS from 'exceljs';
import { wideTablePrint } from '../../node/print.js';
import type { TypedCell } from '../../node/xlsx-rows.js';
import type { TypedValues, Unmatched } from '../typed-values/master.js';
import { UNMATCHED_HEADERS } from '../typed-values/master.js';
import { columnOf, findHeaderRow, HEADER_SCAN_ROWS } from './header-row.js';
import { MASTER_SHEETS } from './layout.js';
import { styleHeader, WRAP_STYLE } from './styles.js';
import { addRow } from './tally.js';

const FIELDS = Object.keys(UNMATCHED_HEADERS) as (keyof typeof UNMATCHED_HEADERS)[];
const WIDTHS = [14, 7, 22, 22, 40, 40, 60, 18];
/** Its header stays in view and prints on every page, the page as wide as the table. */
const sheetOptions = (): Partial<ExcelJS.AddWorksheetOptions> => ({
  views: [{ state: 'frozen', ySplit: 1 }],
  pageSetup: wideTablePrint(),
});

const cellsOf = (u: Unmatched): Record<keyof typeof UNMATCHED_HEADERS, TypedCell> => ({
  ...u,
  key: u.key || null,
  context: u.context || null,
});

export function writeUnmatched(wb: ExcelJS.stream.xlsx.WorkbookWriter, previous: TypedValues): void {
  const ws = wb.addWorksheet(MASTER_SHEETS.unmatched, sheetOptions());
  ws.columns = WIDTHS.map((width) => ({ width }));
  styleHeader(ws.addRow(FIELDS.map((f) => UNMATCHED_HEADERS[f])));
  for (const u of previous.unmatched) {
    const cells = cellsOf(u);
    addRow(
      ws,
      FIELDS.map((f) => cells[f]),
      WRAP_STYLE,
    );
  }
  ws.commit();
}

/** Adds entries below the rows of a master's Ghi chú không khớp (made when the master has none), by header. */
export function appendUnmatched(wb: ExcelJS.Workbook, entries: Unmatched[]): void {
  if (entries.length === 0) return;
  let ws = wb.getWorksheet(MASTER_SHEETS.unmatched);
  if (!ws) {
    ws = wb.addWorksheet(MASTER_SHEETS.unmatched, sheetOptions());
    ws.columns = WIDTHS.map((width) => ({ width }));
    styleHeader(ws.addRow(FIELDS.map((f) => UNMATCHED_HEADERS[f])));
  }
  const head: unknown[][] = [];
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SCAN_ROWS); r++)
    head.push((ws.getRow(r).values as unknown[]).slice(1));
  const header = findHeaderRow(head, UNMATCHED_HEADERS.value);
  // The secretariat may have moved its columns; a column it deleted is added back at the end.
  let last = Math.max(0, ...(header ? header.headers.keys() : []));
  const col = new Map(
    FIELDS.map((f) => {
      const c = header && columnOf(header, UNMATCHED_HEADERS[f]);
      return [f, c ?? ++last] as const;
    }),
  );
  const headerRow = ws.getRow(header?.row ?? 1);
  for (const f of FIELDS)
    if (!header || !columnOf(header, UNMATCHED_HEADERS[f])) headerRow.getCell(col.get(f)!).value = UNMATCHED_HEADERS[f];
  for (const u of entries) {
    const cells = cellsOf(u);
    const values: TypedCell[] = [];
    for (const f of FIELDS) values[col.get(f)! - 1] = cells[f];
    const row = ws.addRow(values);
    row.eachCell((c) => (c.style = WRAP_STYLE));
  }
}
