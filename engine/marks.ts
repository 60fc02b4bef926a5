// What a check writes into the sheets — the task pane into Excel, the checker page and the feedback
// workbooks into a copy — computed from the engine's result: the text of the "Kết quả kiểm tra" cell of
// every data row, and each cell at fault with its fill and its note. The fix travels with the file: the
// row's text and each cell's note carry the full sentence of what to do, not just the column's name.
import type { WorkbookCheck } from './check.js';
import { formatIssue, SEVERITY_LABELS, type Issue, type Severity } from './issues.js';
import { fitCell } from './limits.js';
import type { Nomination } from './nomination.js';
import type { SheetLayout } from './read.js';
import type { ColumnKey } from './template.js';
import { lateLabel, NOTHING_ELSE, ownIssues, ROW_STATE_LABELS, rowState, type LateRule } from './verdict.js';

const capitalized = (s: string) => `${s.charAt(0).toLocaleUpperCase('vi')}${s.slice(1)}`;

export const ERROR_FILL = '#FFC7CE';
export const WARNING_FILL = '#FFEB9C';
export const VALID_TEXT = ROW_STATE_LABELS.clean;
/** The fill of each kind of mark. */
export const FILLS: Record<Severity, string> = { error: ERROR_FILL, warning: WARNING_FILL };

/** One cell at fault: what a writer paints and the note it attaches. */
export interface CellMark {
  sheet: string;
  /** 0-based row and column. */
  row: number;
  col: number;
  /** error outranks warning on a cell with both. */
  kind: Severity;
  /** FILLS[kind], for writers that take a colour. */
  fill: string;
  /** The note (comment) on the cell: each fix sentence in full, errors first, one a line. */
  comment: string;
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

const sentence = (i: Issue) => formatIssue(i, { withLocation: false });
const bySeverity = (a: Issue, b: Issue) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1);

/**
 * The row's "Kết quả kiểm tra": "Hợp lệ"; or each issue with its column and full fix sentence, errors
 * first, then the Thông tin errors that apply to every row — what to do, readable without the checker.
 * A late row (the merge's copy) says first what the secretariat decided about it.
 */
export function resultText(n: Nomination, rule: LateRule = {}): string {
  const own = ownIssues(n).sort(bySeverity);
  // A late arrival is the secretariat's fact, not something to fix in the file: the row says it first.
  const dossier = n.issues.filter((i) => i.severity === 'error' && !own.includes(i) && i.code !== 'DEADLINE_LATE');
  const parts = own.map((i) => `${SEVERITY_LABELS[i.severity]} – ${i.column ?? i.code}: ${sentence(i)}`);
  for (const i of dossier)
    parts.push(`Lỗi ở trang ${i.sheet ?? 'Thông tin'}, áp dụng cho mọi dòng – ${i.column ?? i.code}: ${sentence(i)}`);
  if (n.late && !rule.includeLate) return fitCell([lateLabel(rule), ...parts].join(' • '));
  // A considered late row says so first, and "nothing else wrong" where another says "Hợp lệ": it stays late.
  const late = n.late ? [lateLabel(rule)] : [];
  const clean = n.late ? capitalized(NOTHING_ELSE) : VALID_TEXT;
  if (!parts.length) return [...late, clean].join(' • ');
  // Only warnings: the row is valid, and says so before the advice.
  const warned = rowState(n) === 'warning' && !dossier.length;
  const warning = n.late ? `${clean} (có cảnh báo)` : ROW_STATE_LABELS.warning;
  return fitCell([...late, ...(warned ? [warning] : []), ...parts].join(' • '));
}

/** Issues by cell, then one mark per cell: its worst severity and every sentence once. */
class CellMarks {
  private readonly cells = new Map<string, { sheet: string; row: number; col: number; issues: Issue[] }>();
  add(sheet: string, row: number, col: number | undefined, issue: Issue): void {
    if (col === undefined) return;
    const key = `${sheet}\u0000${row},${col}`;
    const cell = this.cells.get(key) ?? { sheet, row, col, issues: [] };
    cell.issues.push(issue);
    this.cells.set(key, cell);
  }
  marks(): CellMark[] {
    return [...this.cells.values()].map(({ sheet, row, col, issues }) => {
      const kind: Severity = issues.some((i) => i.severity === 'error') ? 'error' : 'warning';
      const comment = fitCell([...new Set([...issues].sort(bySeverity).map(sentence))].join('\n'));
      return { sheet, row, col, kind, fill: FILLS[kind], comment };
    });
  }
}

export function computeMarks(check: WorkbookCheck, rule: LateRule = {}): Marks {
  const results: SheetResults[] = [];
  const cells = new CellMarks();
  for (const layout of check.layouts) {
    const mine = check.nominations.filter((n) => n.source.sheet === layout.sheet);
    const lastRow = Math.max(layout.headerRow, ...mine.map((n) => n.source.row));
    const texts = Array.from({ length: lastRow - layout.headerRow }, () => '');
    for (const n of mine) {
      texts[n.source.row - layout.headerRow - 1] = resultText(n, rule);
      for (const i of ownIssues(n)) cells.add(layout.sheet, i.row! - 1, columnOf(layout, i.columnKey), i);
    }
    results.push({ sheet: layout.sheet, col: layout.columns.result, firstRow: layout.headerRow, texts });
  }
  // Dossier problems live on Thông tin: its value cells (column B) are marked too, also in a blank template.
  for (const i of check.submissionIssues)
    if (check.info && i.sheet === check.info.sheet && i.row !== undefined) cells.add(i.sheet, i.row - 1, 1, i);
  return { results, cells: cells.marks() };
}
