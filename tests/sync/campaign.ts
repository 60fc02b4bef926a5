// A whole campaign as the secretariat runs it, for the tests of the papers and the award register: one
// unit's inbox, the council's decisions typed in the master, and helpers to type like a person in Excel.
import type ExcelJS from 'exceljs';
import { validRowFor } from '../../dev/sample/rows.js';
import type { MasterNomination } from '../../sync/documents/master-read.js';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import { PLAN, rowsOf } from './inbox.js';

export const [BCT, UBND, GK] = PLAN.forms as [
  (typeof PLAN.forms)[number],
  (typeof PLAN.forms)[number],
  (typeof PLAN.forms)[number],
];
const district = PLAN.groups.find((g) => g.code === 'district_office')!.label;

/** A valid nominee of a district office for `form`: an individual (`ca_nhan`) or a collective (`tap_the`). */
const nominee =
  (type: 'ca_nhan' | 'tap_the') =>
  (name: string, form: (typeof PLAN.forms)[number], extra = {}) =>
    validRowFor(PLAN, type, {
      name,
      form: form.label,
      group: district,
      outstanding: form.requiresOutstanding ? 'Có' : 'Không',
      ...extra,
    });

/** A nomination as the papers read it back from the master: an individual of Ba Tơ the council approved,
 *  every field on one line; `fields` change any of it (its file follows its unit). */
export function masterNominee(fields: Partial<MasterNomination> = {}): MasterNomination {
  const unit = fields.unit ?? 'H-BATO';
  return {
    id: `${unit}-${fields.line ?? 2}`,
    unit,
    type: 'ca_nhan',
    form: GK.code,
    name: 'Nguyễn Văn An',
    gender: 'Nam',
    birthYear: '1980',
    position: 'Chuyên viên',
    workplace: '',
    summary: '',
    group: 'district_office',
    file: `${unit}.xlsx`,
    sheet: 'Cá nhân',
    line: 2,
    codes: [],
    standing: { status: 'valid', lateOnly: false, council: 'approved' },
    ...fields,
  };
}

/** A valid individual of a district office for `form`. */
export const person = nominee('ca_nhan');
/** A valid collective of a district office for `form`. */
export const team = nominee('tap_the');

/** Types values into Tổng hợp by nominee name and column header, as the secretariat does in Excel. */
export function typeTally(wb: ExcelJS.Workbook, byName: Record<string, Record<string, unknown>>): void {
  const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
  const header = rowsOf(ws)[0]!.map(String);
  const nameCol = header.indexOf('Tên tập thể / Họ và tên') + 1;
  ws.eachRow((row, i) => {
    const typed = byName[String(row.getCell(nameCol).value)];
    if (i === 1 || !typed) return;
    for (const [h, v] of Object.entries(typed)) row.getCell(header.indexOf(h) + 1).value = v as ExcelJS.CellValue;
  });
}

/** Tổng hợp's row of a nominee, as cells by header (to read notes and styles too). */
export function tallyCells(wb: ExcelJS.Workbook, name: string): Map<string, ExcelJS.Cell> {
  const ws = wb.getWorksheet(MASTER_SHEETS.tally)!;
  const header = rowsOf(ws)[0]!.map(String);
  const nameCol = header.indexOf('Tên tập thể / Họ và tên') + 1;
  const out = new Map<string, ExcelJS.Cell>();
  ws.eachRow((row, i) => {
    if (i > 1 && row.getCell(nameCol).value === name) header.forEach((h, c) => out.set(h, row.getCell(c + 1)));
  });
  return out;
}
