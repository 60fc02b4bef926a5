// Reads every count a reader sees in a master workbook, sheet by sheet, for the council tests.
import type ExcelJS from 'exceljs';
import { ID_HEADER, LISTED_HEADER, MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { DOCUMENTS_SHEET } from '../../sync/master/documents-sheet.js';
import { STATS_FORM_HEADERS } from '../../sync/master/stats.js';
import { COUNT_HEADERS } from '../../sync/master/units.js';
import { PLAN, rowsOf } from './inbox.js';

const FULL_NAMES = PLAN.units.map((u) => u.letterhead?.fullName ?? u.name);
/** A listed name as the unit typed it: a collective is printed with its unit ("Tổ …, Phòng Kinh tế …"). */
export function typedName(listed: string): string {
  const unit = FULL_NAMES.find((f) => listed.endsWith(`, ${f}`));
  return unit ? listed.slice(0, -(unit.length + 2)) : listed;
}

/** Names (as typed) in a form's list, in order, and the counts printed in its part headings and total line. */
export function listOf(wb: ExcelJS.Workbook, sheet: string) {
  const rows = rowsOf(wb.getWorksheet(sheet)!);
  const names = rows.filter((r) => typeof r[0] === 'number').map((r) => typedName(String(r[1])));
  const parts = rows
    .map((r) => /^[IV]+\. .* \((\d+)\)$/.exec(String(r[0] ?? ''))?.[1])
    .filter(Boolean)
    .map(Number);
  const total = rows.map((r) => /^Tổng cộng: (\d+)/.exec(String(r[0] ?? ''))?.[1]).find(Boolean);
  return { names, parts, total: Number(total), text: rows.flat().map((v) => String(v ?? '')) };
}

/** Thống kê's per-form table: form label → header → number. */
export function statsByForm(wb: ExcelJS.Workbook): Map<string, Record<string, number>> {
  const rows = rowsOf(wb.getWorksheet(MASTER_SHEETS.stats)!);
  const h = rows.findIndex((r) => r.includes(STATS_FORM_HEADERS.valid) && r.includes(STATS_FORM_HEADERS.listed));
  const header = rows[h]!;
  const out = new Map<string, Record<string, number>>();
  for (const r of rows.slice(h + 1)) {
    if (typeof r[1] !== 'number') break;
    out.set(String(r[0]), Object.fromEntries(header.slice(1).map((k, i) => [String(k), r[i + 1] as number])));
  }
  return out;
}

/** Theo đơn vị's total row: header → number. */
export function unitTotals(wb: ExcelJS.Workbook): Record<string, number> {
  const rows = rowsOf(wb.getWorksheet(MASTER_SHEETS.units)!);
  const header = rows[0]!;
  const total = rows.find((r) => r[0] === 'Tổng cộng')!;
  return Object.fromEntries(Object.values(COUNT_HEADERS).map((k) => [k, total[header.indexOf(k)] as number]));
}

/** Tổng hợp as records by header. */
export function tallyRecords(wb: ExcelJS.Workbook): Record<string, unknown>[] {
  const rows = rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!);
  const header = rows[0]!.map(String);
  return rows.slice(1).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? null])));
}

/** Types council results into Tổng hợp by name, as the secretariat does in Excel. */
export function typeCouncil(wb: ExcelJS.Workbook, byName: Record<string, string>): void {
  const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
  const header = rowsOf(ws)[0]!;
  const nameCol = header.indexOf('Tên tập thể / Họ và tên') + 1;
  const councilCol = header.indexOf(TALLY_TYPED_HEADERS.council) + 1;
  ws.eachRow((row, i) => {
    const v = byName[String(row.getCell(nameCol).value)];
    if (i > 1 && v !== undefined) row.getCell(councilCol).value = v;
  });
}

export { ID_HEADER, LISTED_HEADER, PLAN };

/** Types values into the Văn bản sheet by code (column C value, column D date), as the secretariat does. */
export function typeRegister(wb: ExcelJS.Workbook, byCode: Record<string, { value?: unknown; date?: Date }>): void {
  const ws = wb.getWorksheet(DOCUMENTS_SHEET)!;
  ws.eachRow((row) => {
    const v = byCode[String(row.getCell(1).value)];
    if (!v) return;
    if (v.value !== undefined) row.getCell(3).value = v.value as ExcelJS.CellValue;
    if (v.date !== undefined) row.getCell(4).value = v.date;
  });
}
