// The numbers and lists the pane shows, from the engine's result: pure, so they are tested without a page.
import {
  daysToDeadline,
  formatDate,
  formatIssue,
  hasError,
  type Issue,
  type Nomination,
  type Plan,
  type WorkbookCheck,
} from '../../engine/index.js';

/** How many nominations of a sheet or form are valid, have errors, or only warnings. */
export interface StatusCount {
  label: string;
  total: number;
  valid: number;
  errors: number;
  warnings: number;
}

function count(label: string, list: Nomination[]): StatusCount {
  const errors = list.filter((n) => hasError(n.issues)).length;
  const warnings = list.filter((n) => !hasError(n.issues) && n.issues.length > 0).length;
  return { label, total: list.length, valid: list.length - errors, errors, warnings };
}

export function statusCounts(plan: Plan, check: WorkbookCheck): { bySheet: StatusCount[]; byForm: StatusCount[] } {
  const n = check.nominations;
  return {
    bySheet: check.layouts.map((l) =>
      count(
        l.sheet,
        n.filter((x) => x.source.sheet === l.sheet),
      ),
    ),
    byForm: [
      ...plan.forms.map((f) =>
        count(
          f.label,
          n.filter((x) => x.form === f.code),
        ),
      ),
      ...(n.some((x) => !x.form)
        ? [
            count(
              'Chưa rõ hình thức',
              n.filter((x) => !x.form),
            ),
          ]
        : []),
    ].filter((t) => t.total > 0),
  };
}

export interface IssueGroup {
  title: string;
  sheet: string;
  row: number;
  items: IssueItem[];
}

/** One issue as the pane lists it: the sentence without its location, which the group and the label show. */
export interface IssueItem {
  severity: Issue['severity'];
  code: Issue['code'];
  sheet: string;
  row: number;
  /** Header text of the column ('' for a whole row), shown before the sentence. */
  column: string;
  /** The column by key, to select its cell. */
  columnKey?: Issue['columnKey'];
  message: string;
}

/** Issues grouped by the row they are on: the Thông tin rows first, then each nomination row. */
export function groupIssues(check: WorkbookCheck): IssueGroup[] {
  const groups = new Map<string, IssueGroup>();
  for (const n of check.nominations) {
    for (const i of n.issues) {
      if (i.row === undefined || !i.sheet) continue;
      const k = `${i.sheet}\u0000${i.row}`;
      if (!groups.has(k))
        groups.set(k, {
          title:
            i.sheet === n.source.sheet
              ? `${i.sheet} – dòng ${i.row}: ${n.name || '(chưa có tên)'}`
              : `${i.sheet} – dòng ${i.row}`,
          sheet: i.sheet,
          row: i.row,
          items: [],
        });
      const g = groups.get(k)!;
      if (!g.items.some((x) => x.code === i.code && x.column === i.column))
        g.items.push({
          severity: i.severity,
          code: i.code,
          sheet: i.sheet,
          row: i.row,
          column: i.column ?? '',
          columnKey: i.columnKey,
          message: formatIssue(i, { withLocation: false }),
        });
    }
  }
  return [...groups.values()].sort((a, b) =>
    a.sheet === b.sheet ? a.row - b.row : a.sheet === check.info?.sheet ? -1 : b.sheet === check.info?.sheet ? 1 : 0,
  );
}

export interface ChecklistItem {
  label: string;
  done: boolean;
}

export function checklist(plan: Plan, check: WorkbookCheck, now: Date): ChecklistItem[] {
  const codes = new Set(check.nominations.flatMap((n) => n.issues.map((i) => i.code)));
  const days = daysToDeadline(plan, now);
  return [
    {
      label: 'Tờ trình đề nghị khen thưởng: đã có, ghi Số và Ngày',
      done: check.nominations.length > 0 && !codes.has('DOSSIER_NO_TOTRINH'),
    },
    {
      label: 'Biên bản họp bình xét: đã có, ghi Ngày họp',
      done: check.nominations.length > 0 && !codes.has('DOSSIER_NO_BIENBAN'),
    },
    {
      label: 'Mọi dòng đề nghị hợp lệ',
      done: check.nominations.length > 0 && check.nominations.every((n) => !hasError(n.issues)),
    },
    { label: `Gửi trước hạn (hết ngày ${formatDate(plan.deadline)})`, done: days >= 0 },
  ];
}

/** "Còn 5 ngày đến hạn gửi hồ sơ …": the days left, as the pane's header says them. */
export function deadlineCountdown(plan: Plan, now: Date): string {
  const days = daysToDeadline(plan, now);
  if (days > 0) return `Còn ${days} ngày đến hạn gửi hồ sơ (hết ngày ${formatDate(plan.deadline)})`;
  if (days === 0) return `Hôm nay là hạn cuối gửi hồ sơ (hết ngày ${formatDate(plan.deadline)})`;
  return `Đã quá hạn gửi hồ sơ ${-days} ngày (hạn: hết ngày ${formatDate(plan.deadline)})`;
}
