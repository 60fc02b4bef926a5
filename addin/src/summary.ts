// The numbers and lists the pane shows, from the engine's result: pure, so they are tested without a page.
// viewOf gathers them into the view of a check, plain data: the checker page's worker posts only that.
import {
  daysToDeadline,
  formatDate,
  formatIssue,
  ISSUE_KINDS,
  ownIssues,
  rowState,
  type Issue,
  type IssueCode,
  type RowCounts,
  type Plan,
  type PlanUnit,
  type Verdict,
  type WorkbookCheck,
} from '../../engine/index.js';
import { refusedVerdict, verdictOf } from '../../engine/index.js';

/** How many nominations of a sheet or form have errors in their own cells, only warnings, or nothing. */
export interface StatusCount extends RowCounts {
  label: string;
}

const none = (label: string): StatusCount => ({ label, total: 0, errors: 0, warnings: 0, clean: 0 });
const STATE_COUNT = { error: 'errors', warning: 'warnings', clean: 'clean' } as const;

/**
 * Each row's state is found once and tallied under its sheet and its form in the same pass, not in a pass
 * per sheet and per form: finding the states is the costly part while the checker page's worker is cold.
 */
export function statusCounts(plan: Plan, check: WorkbookCheck): { bySheet: StatusCount[]; byForm: StatusCount[] } {
  const bySheet = new Map(check.layouts.map((l) => [l.sheet, none(l.sheet)]));
  const byForm = new Map<string | null, StatusCount>(plan.forms.map((f) => [f.code, none(f.label)]));
  byForm.set(null, none('Chưa rõ hình thức'));
  for (const n of check.nominations) {
    const state = STATE_COUNT[rowState(n)];
    for (const t of [bySheet.get(n.source.sheet), byForm.get(n.form)])
      if (t) {
        t.total++;
        t[state]++;
      }
  }
  return { bySheet: [...bySheet.values()], byForm: [...byForm.values()].filter((t) => t.total > 0) };
}

/** The issues of one kind (code): a group the clerk opens and fixes in one go. */
export interface IssueGroup {
  code: IssueCode;
  /** The catalog's short title of the kind, e.g. "Giá trị không hợp lệ". */
  title: string;
  severity: Issue['severity'];
  /** A Thông tin problem: it applies to every row. */
  dossier: boolean;
  items: IssueItem[];
}

/** One issue as the pane lists it: where, then the sentence without its location. */
export interface IssueItem {
  severity: Issue['severity'];
  code: Issue['code'];
  sheet: string;
  row: number;
  /** "Cá nhân – dòng 3: Đinh Thị Lan": the sheet, the row and the nominee. */
  where: string;
  /** Header text of the column ('' for a whole row), shown before the sentence. */
  column: string;
  /** The column by key, to select its cell. */
  columnKey?: Issue['columnKey'];
  message: string;
}

/**
 * Issues grouped by kind, each group in reading order: the Thông tin kinds first (they apply to every row),
 * then errors before warnings, each in the order it is first met. Each issue is listed once.
 */
export function groupIssues(check: WorkbookCheck): IssueGroup[] {
  const groups = new Map<IssueCode, IssueGroup>();
  const seen = new Set<string>();
  const add = (i: Issue, where: string, dossier: boolean) => {
    if (i.row === undefined || !i.sheet) return;
    const key = `${i.sheet}\u0000${i.row}\u0000${i.column ?? ''}\u0000${i.code}`;
    if (seen.has(key)) return;
    seen.add(key);
    let g = groups.get(i.code);
    if (!g)
      groups.set(
        i.code,
        (g = { code: i.code, title: ISSUE_KINDS[i.code].title, severity: i.severity, dossier, items: [] }),
      );
    g.items.push(itemOf(i, i.sheet, i.row, where));
  };
  for (const i of check.submissionIssues) add(i, `${i.sheet} – dòng ${i.row}`, true);
  for (const n of check.nominations)
    for (const i of ownIssues(n)) add(i, `${i.sheet} – dòng ${i.row}: ${n.name || '(chưa có tên)'}`, false);
  const rank = (g: IssueGroup) => (g.dossier ? 0 : g.severity === 'error' ? 1 : 2);
  return [...groups.values()].sort((a, b) => rank(a) - rank(b));
}

const itemOf = (i: Issue, sheet: string, row: number, where: string): IssueItem => ({
  severity: i.severity,
  code: i.code,
  sheet,
  row,
  where,
  column: i.column ?? '',
  columnKey: i.columnKey,
  message: formatIssue(i, { withLocation: false }),
});

export interface ChecklistItem {
  /** The requirement, as a rule to meet: never "đã có" beside a cross. */
  label: string;
  done: boolean;
}

/** What the file must meet before it is sent; a requirement is met only when none of its codes is raised. */
export function checklist(plan: Plan, check: WorkbookCheck, now: Date): ChecklistItem[] {
  const raised = new Set(check.submissionIssues.map((i) => i.code));
  const clear = (...codes: IssueCode[]) => codes.every((c) => !raised.has(c));
  const rows = check.nominations;
  return [
    {
      label: 'Tờ trình đề nghị khen thưởng: ghi "Có", có Số và Ngày; ngày Tờ trình không sau hạn gửi hồ sơ',
      done: clear('DOSSIER_NO_TOTRINH', 'DATE_TOTRINH_AFTER_DEADLINE'),
    },
    {
      label: 'Biên bản họp bình xét: ghi "Có", có Ngày họp; ngày họp phải trước ngày Tờ trình',
      done: clear('DOSSIER_NO_BIENBAN', 'DATE_BIENBAN_AFTER_TOTRINH'),
    },
    {
      label: 'Có ít nhất một dòng đề nghị, và không dòng nào có lỗi',
      done: rows.length > 0 && rows.every((n) => rowState(n) !== 'error'),
    },
    { label: `Gửi trước hạn: hết ngày ${formatDate(plan.deadline)}`, done: daysToDeadline(plan, now) >= 0 },
  ];
}

/** "Còn 5 ngày đến hạn gửi hồ sơ …": the days left, as the header says them; `late` once the day is past. */
export function deadlineCountdown(plan: Plan, now: Date): { text: string; late: boolean } {
  const days = daysToDeadline(plan, now);
  const day = formatDate(plan.deadline);
  if (days > 0) return { text: `Còn ${days} ngày đến hạn gửi hồ sơ (hết ngày ${day})`, late: false };
  if (days === 0) return { text: `Hôm nay là hạn cuối gửi hồ sơ (hết ngày ${day})`, late: false };
  return { text: `Đã quá hạn gửi hồ sơ ${-days} ngày (hạn: hết ngày ${day})`, late: true };
}

/**
 * All the pane and the checker page show of a check, as plain data: computed where the check is (the page's
 * worker keeps the check and posts only this), rendered by results.ts. A refused file has only its verdict
 * and fileIssues; the lists are empty.
 */
export interface CheckView {
  verdict: Verdict;
  /** False when the file could not be checked: fileIssues say why, and nothing else of it is known. */
  accepted: boolean;
  fileIssues: Issue[];
  unit: PlanUnit | null;
  /** Accepted, but no nomination row yet. */
  empty: boolean;
  /** How many nominations were checked, for the status line. */
  nominations: number;
  groups: IssueGroup[];
  counts: { bySheet: StatusCount[]; byForm: StatusCount[] };
  checklist: ChecklistItem[];
  /** Rows were checked, so a marked copy says something: the page offers its download. */
  markable: boolean;
}

export function viewOf(plan: Plan, check: WorkbookCheck, now: Date): CheckView {
  if (!check.accepted) return refusedView(check.fileIssues);
  return {
    verdict: verdictOf(check),
    accepted: true,
    fileIssues: [],
    unit: check.unit,
    empty: check.empty,
    nominations: check.nominations.length,
    groups: groupIssues(check),
    counts: statusCounts(plan, check),
    checklist: checklist(plan, check, now),
    markable: !check.empty,
  };
}

/** A file refused before or while it was read: the refusal is all there is to show. */
export const refusedView = (fileIssues: Issue[]): CheckView => ({
  verdict: refusedVerdict(fileIssues),
  accepted: false,
  fileIssues,
  unit: null,
  empty: false,
  nominations: 0,
  groups: [],
  counts: { bySheet: [], byForm: [] },
  checklist: [],
  markable: false,
});
