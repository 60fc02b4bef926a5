// The master workbook (SPEC §6), written in one streaming pass: Tổng hợp, Theo đơn vị, Lỗi, Thống kê and
// one printable list per award form. The caller writes to a temporary path and renames it.
import ExcelJS from 'exceljs';
import type { MergeResult } from '../merge-model.js';
import { writeAnnex } from './annex.js';
import type { PreviousRow } from './annotations.js';
import { writeIssues } from './issues-sheet.js';
import { writeStats } from './stats.js';
import { writeTally } from './tally.js';
import { writeUnits } from './units.js';

export { readPreviousMaster, type PreviousRow, type SecretariatValues } from './annotations.js';

export async function writeMaster(
  file: string,
  result: MergeResult,
  previous: Map<string, PreviousRow>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = result.plan.issuer.agency;
  wb.created = result.generatedAt;
  writeTally(wb, result, previous);
  writeUnits(wb, result);
  writeIssues(wb, result);
  writeStats(wb, result);
  for (const form of result.plan.forms) writeAnnex(wb, result, form, previous);
  await wb.commit();
}
