// An .xlsx opened with exceljs to be edited and written again (the push rewrites the master this way), with
// its texts as the file holds them. exceljs decodes the XML entities of a "str" cell — every text the merge's
// streaming writer writes — a second time, so a name typed as "&amp;&lt;" would come back as "&<" and be
// written so; each text is put back from our own reader, which decodes once.
import ExcelJS from 'exceljs';
import { isFormula, readXlsxRows, type TypedCell } from './xlsx-rows.js';

function putBack(cell: ExcelJS.Cell, read: TypedCell): void {
  const v = cell.value;
  if (typeof read === 'string') {
    if (typeof v === 'string' && v !== read) cell.value = read;
  } else if (isFormula(read) && typeof read.result === 'string') {
    if (v && typeof v === 'object' && 'result' in v && typeof v.result === 'string' && v.result !== read.result)
      cell.value = { ...v, result: read.result } as ExcelJS.CellValue;
  }
}

/** The workbook at `file`, read by exceljs, its texts as written in the file. */
export async function readWorkbookForEdit(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  await readXlsxRows(file, {
    pick: (names) => names,
    onRow: ({ sheet, row, cells }) => {
      const ws = wb.getWorksheet(sheet);
      if (!ws) return;
      const line = ws.getRow(row);
      cells.forEach((read, col) => putBack(line.getCell(col + 1), read));
    },
  });
  return wb;
}
