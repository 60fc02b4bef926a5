// The plan workbook (Kế hoạch.xlsx) on disk: written with exceljs from the engine's sheets (headers, widths,
// dropdowns, a guide), read back with the streaming grid reader and checked by the engine.
import ExcelJS from 'exceljs';
import {
  checkPlanWorkbook,
  columnLetter,
  GUIDE_SHEET_NAME,
  planWorkbookSheets,
  PLAN_WORKBOOK_SHEETS,
  problemText,
  type PlanColumnSpec,
  type ListSource,
  type Plan,
  type PlanWorkbookCheck,
  type PlanWorkbookSheet,
} from '../engine/index.js';
import { readXlsxGrid } from './xlsx-grid.js';

/** Rows below the data that still get the dropdowns, so rows the secretariat adds have them too. */
const SPARE_ROWS = 300;
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };

type RangeValidations = { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } };
const rangeRules = (ws: ExcelJS.Worksheet) => (ws as unknown as RangeValidations).dataValidations;

/** A dropdown's formula: a column of another sheet (found by its field), or fixed values. */
function listFormula(source: ListSource, sheets: PlanWorkbookSheet[]): string | undefined {
  if ('values' in source) return `"${source.values.join(',')}"`;
  const target = sheets.find((s) => s.spec.name === source.sheet);
  const col = target?.columns.findIndex((c) => c.field === source.column) ?? -1;
  if (!target || col < 0) return undefined;
  const letter = columnLetter(col);
  return `'${target.spec.name}'!$${letter}$2:$${letter}$${target.rows.length + SPARE_ROWS}`;
}

function widthOf(column: PlanColumnSpec, values: unknown[]): number {
  const longest = Math.max(column.header.length, ...values.map((v) => String(v ?? '').split('\n')[0]!.length));
  return Math.min(60, Math.max(12, longest + 2));
}

function writeSheet(wb: ExcelJS.Workbook, sheet: PlanWorkbookSheet, all: PlanWorkbookSheet[]): void {
  const ws = wb.addWorksheet(sheet.spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.rows.forEach((row) => ws.addRow(row));
  ws.columns.forEach((col, i) => {
    const spec = sheet.columns[i];
    if (!spec) return;
    col.width = widthOf(
      spec,
      sheet.rows.slice(1).map((r) => r[i]),
    );
    col.alignment = { vertical: 'top', wrapText: true };
  });
  const header = ws.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = HEADER_FILL;
  ws.eachRow((row) => row.eachCell((cell) => cell.value instanceof Date && (cell.numFmt = 'dd/mm/yyyy')));
  const last = sheet.rows.length + SPARE_ROWS;
  sheet.columns.forEach((spec, i) => {
    // A hint rides on the header as a note: it shows wherever the column is, with no rule on the cells.
    if (spec.hint) header.getCell(i + 1).note = spec.hint;
    const formula = spec.list && listFormula(spec.list, all);
    if (!formula) return;
    rangeRules(ws).add(`${columnLetter(i)}2:${columnLetter(i)}${last}`, {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: true,
      errorTitle: spec.header,
      error: 'Hãy chọn một giá trị trong danh sách.',
    });
  });
}

/** The guide: what each sheet holds, how lists and Có/Không are typed, and how to check the workbook. */
function writeGuide(wb: ExcelJS.Workbook, plan: Plan): void {
  const ws = wb.addWorksheet(GUIDE_SHEET_NAME);
  ws.columns = [{ width: 26 }, { width: 100 }];
  const lines: [string, string][] = [
    ['KẾ HOẠCH THI ĐUA, KHEN THƯỞNG', plan.title],
    ['Cách dùng', 'Sửa các sheet theo kế hoạch của năm; không đổi tên sheet và tiêu đề cột.'],
    ['', 'Kiểm tra: npm run plan -- check "Kế hoạch.xlsx" — báo lỗi theo sheet, dòng, cột.'],
    ['', 'Lập thư mục đợt thi đua: npm run campaign -- new THƯ_MỤC --plan "Kế hoạch.xlsx".'],
    ['Nhập liệu', 'Ô có danh sách chọn: chọn trong danh sách. "Có"/"Không" cho các cột có/không.'],
    ['', 'Nhiều mã trong một ô (khối): cách nhau dấu phẩy. Nhiều dòng trong một ô: Alt+Enter.'],
    ['', 'Ngày: dạng dd/mm/yyyy. Sheet dạng Mục – Nội dung: thêm một đoạn bằng cách chép cả dòng (giữ cột Khóa).'],
    [
      '',
      'Cột có tiêu đề không dấu (tên trường) là mục kế hoạch chưa có tên tiếng Việt: vẫn sửa được như các cột khác.',
    ],
    ...PLAN_WORKBOOK_SHEETS.map((s): [string, string] => [s.name, s.about]),
  ];
  lines.forEach((l) => ws.addRow(l));
  ws.getRow(1).font = { bold: true, size: 13 };
  ws.getColumn(1).font = { bold: true };
  ws.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
}

/** The plan workbook of a plan, as an exceljs workbook (guide first, then one sheet per part). */
export function buildPlanWorkbook(plan: Plan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const sheets = planWorkbookSheets(plan);
  writeGuide(wb, plan);
  for (const sheet of sheets) writeSheet(wb, sheet, sheets);
  return wb;
}

/** Reads and checks a plan workbook's bytes. */
export async function checkPlanWorkbookBytes(data: Buffer): Promise<PlanWorkbookCheck> {
  return checkPlanWorkbook(await readXlsxGrid(data));
}

/** The problems as lines, under a title naming the file. */
export function planProblemsText(file: string, check: PlanWorkbookCheck): string {
  return [
    `Tệp kế hoạch "${file}" có ${check.problems.length} lỗi:`,
    ...check.problems.map((p) => `  - ${problemText(p)}`),
  ].join('\n');
}
