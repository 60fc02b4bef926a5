// The master's visible sheets as a push publishes them, read by our own reader (node/xlsx-rows.ts) from the
// file the push has just saved: every text is decoded once, as typed ("&amp;&lt;" stays so), where exceljs
// would decode it a second time. exceljs still opens the master to write it back; from it come only which
// sheets are visible and the rows their print titles repeat.
import type ExcelJS from 'exceljs';
import { readXlsxRows } from '../../node/xlsx-rows.js';
import { sheetContent, type MasterSheet, type SheetContent } from './sheet-values.js';

/** The last row a sheet's print titles repeat ("$1:$3" → 3), when it sets them. */
function printTitleRows(ws: ExcelJS.Worksheet): number | undefined {
  const titles = /(\d+)\s*$/.exec(ws.pageSetup?.printTitlesRow ?? '');
  return titles ? Number(titles[1]) : undefined;
}

/** The visible sheets of the master at `file`, in workbook order, as the values the Sheet gets. */
export async function publishedSheets(file: string, wb: ExcelJS.Workbook): Promise<SheetContent[]> {
  const sheets = new Map<string, MasterSheet>();
  for (const ws of wb.worksheets.filter((w) => w.state === 'visible'))
    sheets.set(ws.name, {
      title: ws.name,
      rows: [],
      merged: [],
      frozenRows: 0,
      frozenColumns: 0,
      printTitleRows: printTitleRows(ws),
    });
  await readXlsxRows(file, {
    pick: (names) => names.filter((name) => sheets.has(name)),
    onRow: ({ sheet, row, cells }) => {
      sheets.get(sheet)!.rows[row - 1] = cells;
    },
    onLayout: ({ sheet, ...layout }) => void Object.assign(sheets.get(sheet)!, layout),
  });
  return [...sheets.values()].map(sheetContent);
}
