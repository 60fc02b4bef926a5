// The master workbook (SPEC §6, §7), written in one streaming pass: Tổng hợp, Theo đơn vị, Lỗi, Thống kê,
// Ghi chú không khớp and one printable list per award form. The caller writes to a temporary path and
// renames it. What the secretariat typed into the previous master is read back first.
import ExcelJS from 'exceljs';
import { formatLocalTime } from '../../engine/index.js';
import type { MergeResult } from '../merge-model.js';
import { writeAnnex } from './annex.js';
import { readAnnotations, type PreviousMaster } from './annotations.js';
import { writeIssues } from './issues-sheet.js';
import { MASTER_SHEETS } from './layout.js';
import { writeStats } from './stats.js';
import { TALLY_ANNOTATIONS, writeTally } from './tally.js';
import { UNITS_ANNOTATIONS, writeUnits } from './units.js';
import { writeUnmatched } from './unmatched-sheet.js';

export { emptyPrevious, type PreviousMaster } from './annotations.js';

/** The secretariat's values in the master at `file` (nothing when there is no file yet). */
export const readPreviousMaster = (file: string, now: Date, timeZone: string): Promise<PreviousMaster> =>
  readAnnotations(
    file,
    [TALLY_ANNOTATIONS, UNITS_ANNOTATIONS],
    MASTER_SHEETS.unmatched,
    formatLocalTime(now, timeZone),
  );

export async function writeMaster(file: string, result: MergeResult, previous: PreviousMaster): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = result.plan.issuer.agency;
  wb.created = result.generatedAt;
  writeTally(wb, result, previous);
  writeUnits(wb, result, previous);
  writeIssues(wb, result);
  writeStats(wb, result);
  writeUnmatched(wb, previous);
  for (const form of result.plan.forms) writeAnnex(wb, result, form, previous);
  await wb.commit();
}
