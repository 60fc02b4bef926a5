// Writes a check's marks into an exceljs workbook, as the add-in writes them into Excel: the verdict of
// every row in "Kết quả kiểm tra", red or yellow fills on the cells at fault, each with the fix as its note.
// Nothing else is touched: the clerk's values, sheets, widths and dropdowns stay as they were.
import type ExcelJS from 'exceljs';
import type { Marks } from '../engine/index.js';

const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;

const noteText = (note: ExcelJS.Cell['note']): string =>
  typeof note === 'string' ? note : (note?.texts?.map((t) => t.text).join('') ?? '');

export function writeMarks(wb: ExcelJS.Workbook, marks: Marks): void {
  for (const r of marks.results) {
    const ws = wb.getWorksheet(r.sheet);
    if (!ws || r.col === undefined) continue;
    // 0-based firstRow is the header's 1-based row: the first data row is one below it.
    r.texts.forEach((text, i) => {
      const cell = ws.getCell(r.firstRow + i + 1, r.col! + 1);
      // Rows left empty lose a verdict from an earlier check; only written cells are touched.
      if (text || cell.value !== null) cell.value = text || null;
    });
  }
  for (const m of marks.cells) {
    const ws = wb.getWorksheet(m.sheet);
    if (!ws) continue;
    const cell = ws.getCell(m.row + 1, m.col + 1);
    // exceljs shares one style object among the cells read with the same style: assigning cell.fill would
    // paint them all. The cell gets a style of its own.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(m.fill) } } };
    // The fix as the cell's note, where Excel shows it on hover; a note the clerk wrote is kept above it.
    const own = noteText(cell.note);
    cell.note = own && !own.includes(m.comment) ? `${own}\n\n${m.comment}` : own || m.comment;
  }
}
