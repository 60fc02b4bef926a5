// exceljs → engine grid: every sheet as plain cell values from A1, rich text flattened and formulas
// replaced by their cached result.
import ExcelJS from 'exceljs';
import { flattenCell, type Cell, type WorkbookGrid } from '../engine/index.js';

export function workbookToGrid(wb: ExcelJS.Workbook): WorkbookGrid {
  const sheets = wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const line: Cell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        line[c - 1] = flattenCell(cell.value);
      });
      rows[r - 1] = line;
    });
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    return { name: ws.name, rows };
  });
  return { sheets, date1904: Boolean((wb.properties as { date1904?: boolean }).date1904) };
}

export async function readXlsxGrid(data: Buffer | ArrayBuffer): Promise<WorkbookGrid> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as ArrayBuffer);
  return workbookToGrid(wb);
}
