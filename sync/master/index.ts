// The master workbook (SPEC §6, §7), written in one streaming pass: Tổng hợp, Văn bản (the secretariat's
// document numbers), Thống kê (the tab it opens on), Theo đơn vị, Lỗi, Ghi chú không khớp and one printable
// list per award form. The caller writes to a temporary path and renames it. What the secretariat typed
// into the previous master is read back first.
import ExcelJS from 'exceljs';
import { formatLocalTime, type Plan } from '../../engine/index.js';
import { setDefaultFont } from '../../node/xlsx-default-font.js';
import { addCharts, type ColumnChart } from '../../node/xlsx-chart.js';
import { openPackageFile, savePackageFile } from '../../node/zip-codec.js';
import type { MergeResult } from '../merge-model.js';
import { writeAnnex } from './annex.js';
import { readTypedValues, type TypedValues } from '../typed-values/master.js';
import { writeIssues } from './issues-sheet.js';
import { MASTER_SHEETS } from './layout.js';
import { DOCUMENTS_TYPED, documentsSheetFrom, writeDocumentsSheet } from './documents-sheet.js';
import { writeStats } from './stats.js';
import { MASTER_FONT } from './styles.js';
import { TALLY_TYPED, tallyColumns, writeTally } from './tally.js';
import { unitsTyped, writeUnits } from './units.js';
import { writeUnmatched } from './unmatched-sheet.js';

export { noTypedValues, type TypedValues } from '../typed-values/master.js';
export { documentsApprovedOnly, documentsSheetFrom, type DocumentsSheet } from './documents-sheet.js';

/** The secretariat's values in the master at `file` (nothing when there is no file yet). */
export const readPreviousMaster = (file: string, now: Date, plan: Plan): Promise<TypedValues> =>
  readTypedValues(
    file,
    [{ ...TALLY_TYPED, computed: tallyColumns(plan).map((c) => c.header) }, unitsTyped(plan), DOCUMENTS_TYPED],
    MASTER_SHEETS.unmatched,
    formatLocalTime(now, plan.timeZone),
  );

export async function writeMaster(file: string, result: MergeResult, previous: TypedValues): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  wb.creator = result.plan.issuer.agency;
  wb.created = result.generatedAt;
  // Leaders open the master on Thống kê; the sheets below are written in MASTER_SHEETS order.
  wb.views = [
    {
      activeTab: Object.keys(MASTER_SHEETS).indexOf('stats'),
      firstSheet: 0,
      visibility: 'visible',
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
    },
  ];
  const documents = documentsSheetFrom(previous);
  writeTally(wb, result, previous);
  writeDocumentsSheet(wb, result.plan, documents, { includeLate: result.includeLate });
  const chart = writeStats(wb, result);
  writeUnits(wb, result, previous);
  writeIssues(wb, result);
  writeUnmatched(wb, previous);
  for (const form of result.plan.forms) writeAnnex(wb, result, form, documents);
  await wb.commit();
  await finishPackage(file, [chart]);
}

/** What exceljs cannot write, added to the written package (still the caller's temporary file). */
async function finishPackage(file: string, charts: ColumnChart[]): Promise<void> {
  const pkg = await openPackageFile(file);
  await setDefaultFont(pkg, MASTER_FONT.name, MASTER_FONT.size);
  await addCharts(pkg, charts);
  await savePackageFile(pkg, file);
}
