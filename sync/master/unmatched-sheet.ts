// Ghi chú không khớp (SPEC §7): the secretariat's values that no longer match exactly one row, with where
// they came from. Nothing typed is dropped: a copied row whose copies disagree, a row inserted without a
// key, each lands here, and stays from master to master until the secretariat deletes it.
import type ExcelJS from 'exceljs';
import type { PreviousMaster } from './annotations.js';
import { UNMATCHED_HEADERS } from './annotations.js';
import { MASTER_SHEETS } from './layout.js';
import { styleHeader, WRAP_STYLE } from './styles.js';
import { addRow } from './tally.js';

export function writeUnmatched(wb: ExcelJS.stream.xlsx.WorkbookWriter, previous: PreviousMaster): void {
  const ws = wb.addWorksheet(MASTER_SHEETS.unmatched, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = [14, 7, 22, 22, 40, 40, 60, 18].map((width) => ({ width }));
  const h = UNMATCHED_HEADERS;
  styleHeader(ws.addRow([h.sheet, h.row, h.column, h.key, h.value, h.reason, h.context, h.recordedAt]));
  for (const u of previous.unmatched)
    addRow(
      ws,
      [u.sheet, u.row, u.column, u.key || null, u.value, u.reason, u.context || null, u.recordedAt],
      WRAP_STYLE,
    );
  ws.commit();
}
