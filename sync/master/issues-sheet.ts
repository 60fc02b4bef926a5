// Lỗi: every issue once — rejected files' reasons, each accepted file's submission issues (not repeated
// per nomination), and each row's own issues.
import { wideTablePrint } from '../../node/print.js';
import type ExcelJS from 'exceljs';
import { formatIssue, SEVERITY_LABELS, type Issue } from '../../engine/index.js';
import type { MergeResult } from '../merge-model.js';
import { MASTER_SHEETS } from './layout.js';
import { styleHeader } from './styles.js';
import { addRow } from './tally.js';

export function writeIssues(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult): void {
  const ws = wb.addWorksheet(MASTER_SHEETS.issues, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: wideTablePrint(),
  });
  ws.columns = [24, 14, 12, 7, 22, 26, 10, 120].map((width) => ({ width }));
  styleHeader(ws.addRow(['Tệp', 'Đơn vị', 'Trang', 'Dòng', 'Cột', 'Mã lỗi', 'Mức độ', 'Nội dung']));
  const write = (i: Issue, unit: string | null) =>
    addRow(ws, [
      i.file ?? null,
      unit,
      i.sheet ?? null,
      i.row ?? null,
      i.column ?? null,
      i.code,
      SEVERITY_LABELS[i.severity],
      formatIssue(i),
    ]);

  const shared = new Set<Issue>();
  for (const f of result.files) {
    if (f.status === 'rejected') f.fileIssues.forEach((i) => write(i, f.unit));
    if (f.status === 'accepted') f.submissionIssues.forEach((i) => (shared.add(i), write(i, f.unit)));
  }
  for (const n of result.nominations) for (const i of n.issues) if (!shared.has(i)) write(i, n.unit);
  ws.autoFilter = 'A1:H1';
  ws.commit();
}
