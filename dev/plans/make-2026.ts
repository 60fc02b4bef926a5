// npx tsx dev/plans/make-2026.ts: makes the 2026 example plan only through the plan workbook, as a
// secretariat would — last year's plan exported, its sheets edited, the workbook checked and imported — and
// writes both the workbook and its JSON to engine/plans/. The units are EXAMPLE DATA: plausible commune-level
// offices of the merged Quảng Ngãi province (from 1 July 2025: no district level; former Kon Tum included),
// not an official list.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { buildPlanWorkbook } from '../../node/plan-workbook.js';
import { main as planCli } from '../../templates/plan-cli.js';
import { COMMUNES, GENERAL, GROUPS, FORMS, PRIZE, REPORT_FORM, SO_UNITS, WORDING } from './plan-2026-data.js';

const PLANS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../engine/plans');
export const WORKBOOK_2026 = path.join(PLANS, 'Ke-hoach-SCT-QNG-2026.xlsx');
export const JSON_2026 = path.join(PLANS, 'sct-qng-2026-75nam.json');

/** Replaces a table sheet's rows under its header. */
function setRows(wb: ExcelJS.Workbook, sheet: string, rows: (string | number | null)[][]): void {
  const ws = wb.getWorksheet(sheet)!;
  if (ws.rowCount > 1) ws.spliceRows(2, ws.rowCount - 1);
  rows.forEach((r, i) => (ws.getRow(i + 2).values = r));
}

/** Sets the value of each key/value row by its Khóa, or adds the row; list keys are replaced whole; null
 *  removes the row (a figure the secretariat leaves blank). */
function setPairs(
  wb: ExcelJS.Workbook,
  sheet: string,
  pairs: [string, string | number | Date | string[] | null][],
): void {
  const ws = wb.getWorksheet(sheet)!;
  for (const [key, value] of pairs) {
    const rows: number[] = [];
    ws.eachRow((row, n) => row.getCell(3).text === key && rows.push(n));
    const label = rows.length ? ws.getRow(rows[0]!).getCell(1).text : key;
    for (const n of rows.reverse()) ws.spliceRows(n, 1);
    if (value === null) continue;
    for (const v of Array.isArray(value) ? value : [value]) ws.addRow([label, v, key]);
  }
}

export async function make2026(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildPlanWorkbook(DEFAULT_PLAN).xlsx.writeBuffer()) as ArrayBuffer);
  setPairs(wb, 'Thông tin chung', GENERAL);
  setRows(wb, 'Khối', GROUPS);
  setRows(wb, 'Đơn vị', [
    ...SO_UNITS.map(([code, name]) => [code, name, 'so_unit']),
    ...COMMUNES.map(([code, name]) => [code, name, 'commune_office']),
  ]);
  setRows(wb, 'Hình thức', FORMS);
  setPairs(wb, 'Văn bản', WORDING);
  setPairs(wb, 'Tiền thưởng', PRIZE);
  setPairs(wb, 'Hồ sơ', REPORT_FORM);
  await wb.xlsx.writeFile(WORKBOOK_2026);
  const checked = await planCli(['check', WORKBOOK_2026]);
  if (checked !== 0) throw new Error('Kế hoạch 2026 chưa hợp lệ');
  await planCli(['import', WORKBOOK_2026, '--out', JSON_2026]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await make2026();
