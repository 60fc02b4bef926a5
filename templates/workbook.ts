// The unit nomination workbook (template version 1), built with exceljs from the plan.
import ExcelJS from 'exceljs';
import { GUIDE_SHEET, INFO_LABELS, INFO_SHEET, sheetColumns, type Plan } from '../engine/index.js';

/** A blank nomination workbook for one unit of the plan. */
export function buildTemplate(plan: Plan, unitCode: string): ExcelJS.Workbook {
  const unit = plan.units.find((u) => u.code === unitCode);
  if (!unit) throw new Error(`Mã đơn vị "${unitCode}" không có trong kế hoạch ${plan.id}`);
  const wb = new ExcelJS.Workbook();
  const info = wb.addWorksheet(INFO_SHEET);
  const values: Record<string, string | number> = {
    [INFO_LABELS.planId]: plan.id,
    [INFO_LABELS.templateVersion]: plan.templateVersion,
    [INFO_LABELS.unitCode]: unit.code,
    [INFO_LABELS.unitName]: unit.name,
  };
  for (const label of Object.values(INFO_LABELS)) info.addRow([label, values[label] ?? null]);
  for (const t of plan.nomineeTypes) {
    const ws = wb.addWorksheet(t.sheet);
    ws.addRow(sheetColumns(plan, t.code).map((c) => c.header));
  }
  wb.addWorksheet(GUIDE_SHEET);
  return wb;
}
