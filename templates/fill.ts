// Writes a unit's answers into a template workbook: Thông tin values by label, nomination rows by header.
// Used by the demo's sample inbox and by test fixtures; clerks fill workbooks in Excel.
import type ExcelJS from 'exceljs';
import { INFO_LABELS, INFO_SHEET, matchKey, sheetColumns, type Cell, type ColumnKey, type InfoKey, type NomineeTypeCode, type Plan } from '../engine/index.js';

export interface FillRow {
  type: NomineeTypeCode;
  values: Partial<Record<ColumnKey, Cell>>;
}

export interface FillData {
  info?: Partial<Record<InfoKey, Cell>>;
  rows?: FillRow[];
}

export function fillWorkbook(wb: ExcelJS.Workbook, plan: Plan, data: FillData): ExcelJS.Workbook {
  const info = wb.getWorksheet(INFO_SHEET);
  if (info && data.info) {
    const rowOf = new Map<string, number>();
    info.eachRow((row, r) => rowOf.set(matchKey(String(row.getCell(1).value ?? '')), r));
    for (const [key, value] of Object.entries(data.info) as [InfoKey, Cell][]) {
      const r = rowOf.get(matchKey(INFO_LABELS[key]));
      if (r) info.getCell(r, 2).value = value ?? null;
    }
  }
  for (const t of plan.nomineeTypes) {
    const ws = wb.getWorksheet(t.sheet);
    const rows = (data.rows ?? []).filter((r) => r.type === t.code);
    if (!ws || !rows.length) continue;
    const specs = sheetColumns(plan, t.code);
    rows.forEach((r, i) => {
      ws.addRow(specs.map((s) => (s.key === 'seq' ? i + 1 : (r.values[s.key] ?? null))));
    });
  }
  return wb;
}
