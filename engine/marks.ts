// What a check writes into the sheets — the task pane into Excel, the checker page and the feedback
// workbooks into a copy — computed from the engine's result: the text of the "Kết quả kiểm tra" cell of
// every data row, and which cells get an error or warning fill.
import type { WorkbookCheck } from './check.js';
import { SEVERITY_LABELS, type Issue } from './issues.js';
import { NOMINATION_STATUS_LABELS, type Nomination } from './nomination.js';
import type { SheetLayout } from './read.js';
import type { ColumnKey } from './template.js';

export const ERROR_FILL = '#FFC7CE';
export const WARNING_FILL = '#FFEB9C';
export const VALID_TEXT = NOMINATION_STATUS_LABELS.valid;

export interface CellMark {
  sheet: string;
  /** 0-based row and column. */
  row: number;
  col: number;
  fill: string;
}

export interface SheetResults {
  sheet: string;
  /** 0-based column of Kết quả kiểm tra (absent: nothing to write). */
  col?: number;
  /** 0-based first data row and the texts of consecutive rows from it ('' for empty rows). */
  firstRow: number;
  texts: string[];
}

export interface Marks {
  results: SheetResults[];
  cells: CellMark[];
}

/** The 0-based column of an issue on a list sheet; Thông tin keys are not list columns. */
const columnOf = (layout: SheetLayout, key: Issue['columnKey']): number | undefined =>
  key === undefined ? undefined : layout.columns[key as ColumnKey];

/** "Lỗi: Năm sinh, Tiêu chuẩn 2 · Cảnh báo: Tóm tắt thành tích" — short enough for a cell. */
export function resultText(n: Nomination): string {
  const own = n.issues.filter((i) => i.sheet === n.source.sheet && i.row === n.source.row);
  const dossier = n.issues.some(
    (i) => i.severity === 'error' && i.sheet !== n.source.sheet && i.code !== 'DEADLINE_LATE',
  );
  const names = (severity: Issue['severity']) => [
    ...new Set(own.filter((i) => i.severity === severity).map((i) => i.column ?? i.code)),
  ];
  const parts: string[] = [];
  const errors = names('error');
  if (errors.length) parts.push(`${SEVERITY_LABELS.error}: ${errors.join(', ')}`);
  if (dossier) parts.push('Lỗi hồ sơ: xem trang Thông tin');
  const warnings = names('warning');
  if (warnings.length) parts.push(`${SEVERITY_LABELS.warning}: ${warnings.join(', ')}`);
  return parts.length ? parts.join(' · ') : VALID_TEXT;
}

export function computeMarks(check: WorkbookCheck): Marks {
  const results: SheetResults[] = [];
  const cells = new Map<string, CellMark>();
  const mark = (sheet: string, row: number, col: number | undefined, severity: Issue['severity']) => {
    if (col === undefined) return;
    const key = `${sheet}\u0000${row},${col}`;
    // An error outranks a warning on the same cell.
    if (cells.get(key)?.fill === ERROR_FILL) return;
    cells.set(key, { sheet, row, col, fill: severity === 'error' ? ERROR_FILL : WARNING_FILL });
  };
  for (const layout of check.layouts) {
    const mine = check.nominations.filter((n) => n.source.sheet === layout.sheet);
    const lastRow = Math.max(layout.headerRow, ...mine.map((n) => n.source.row));
    const texts = Array.from({ length: lastRow - layout.headerRow }, () => '');
    for (const n of mine) {
      texts[n.source.row - layout.headerRow - 1] = resultText(n);
      for (const i of n.issues)
        if (i.sheet === layout.sheet && i.row !== undefined)
          mark(layout.sheet, i.row - 1, columnOf(layout, i.columnKey), i.severity);
    }
    results.push({ sheet: layout.sheet, col: layout.columns.result, firstRow: layout.headerRow, texts });
  }
  // Dossier problems live on Thông tin: its value cells (column B) are marked too.
  for (const i of check.nominations[0]?.issues ?? []) {
    if (check.info && i.sheet === check.info.sheet && i.row !== undefined) mark(i.sheet, i.row - 1, 1, i.severity);
  }
  return { results, cells: [...cells.values()] };
}
