// The engine's entry point: a workbook grid in, the file's verdict and every nomination with its issues out.
import type { WorkbookGrid } from './cells.js';
import { checkCriteria } from './checks/criteria.js';
import { checkDossier } from './checks/dossier.js';
import { checkDuplicatesInFile } from './checks/duplicates.js';
import { checkFormulaLike } from './checks/formula-like.js';
import { checkRequired } from './checks/required.js';
import { checkRouting } from './checks/routing.js';
import { checkSubmission, type SubmissionDates } from './checks/submission.js';
import { checkSummary } from './checks/summary.js';
import type { Emit, RowCheck } from './checks/types.js';
import { checkValues } from './checks/values.js';
import { isLate } from './deadline.js';
import { identityKey, idHasher } from './identity.js';
import { makeIssue, type Issue } from './issues.js';
import { okValue, planContext, toNominationRow, type NominationRow } from './model.js';
import { nominationStatus, type Nomination } from './nomination.js';
import type { Plan, PlanUnit } from './plan.js';
import { cellText } from './cells.js';
import { readWorkbook, type SheetLayout, type SubmissionInfo } from './read.js';
import type { ColumnKey } from './template.js';

/** Row checks in the order their issues are listed. */
export const ROW_CHECKS: readonly RowCheck[] = [
  checkRequired,
  checkValues,
  checkCriteria,
  checkRouting,
  checkDossier,
  checkSummary,
  checkFormulaLike,
];

export interface CheckOptions {
  /** File name, named in every message when given. */
  file?: string;
  /** When the Sở received the file; without it nothing is late. */
  receivedAt?: Date;
}

export interface WorkbookCheck {
  /** False when a file-level issue rejects the whole file. */
  accepted: boolean;
  /** True when the file is accepted but holds no nomination row yet: nothing to check. */
  empty: boolean;
  fileIssues: Issue[];
  unit: PlanUnit | null;
  info?: SubmissionInfo;
  dates?: SubmissionDates;
  layouts: SheetLayout[];
  submissionIssues: Issue[];
  nominations: Nomination[];
  late: boolean;
}

export function checkWorkbook(plan: Plan, grid: WorkbookGrid, opts: CheckOptions = {}): WorkbookCheck {
  const ctx = planContext(plan);
  const late = opts.receivedAt ? isLate(plan, opts.receivedAt) : false;
  const read = readWorkbook(plan, grid, opts.file);
  if (!read.ok) {
    return {
      accepted: false,
      empty: false,
      fileIssues: read.issues,
      unit: null,
      info: read.info,
      layouts: [],
      submissionIssues: [],
      nominations: [],
      late,
    };
  }
  const unit = ctx.units.get(cellText(read.info.unitCode.value))!;
  const submission = checkSubmission(read.info, ctx, {
    file: opts.file,
    receivedAt: opts.receivedAt,
    date1904: grid.date1904,
  });
  if (read.rows.length === 0) {
    // Submission issues are reported on nominations; with none there is nothing to report yet.
    return {
      accepted: true,
      empty: true,
      fileIssues: [],
      unit,
      info: read.info,
      dates: submission.dates,
      layouts: read.layouts,
      submissionIssues: [],
      nominations: [],
      late,
    };
  }

  const headers: Record<string, Partial<Record<ColumnKey, string>>> = {};
  for (const t of plan.nomineeTypes) {
    headers[t.code] = Object.fromEntries([...ctx.columns[t.code].values()].map((s) => [s.key, s.header]));
  }

  const nominations: Nomination[] = [];
  const rowIssues: Issue[][] = [];
  const idOf = idHasher(plan.id, unit.code);
  // One emitter for all rows (no closure per row): it reports on the row being checked.
  let issues: Issue[] = [];
  let row!: NominationRow;
  let columns: Partial<Record<ColumnKey, string>> = {};
  const emit: Emit = (code, key, params) =>
    issues.push(
      makeIssue(
        code,
        { file: opts.file, sheet: row.sheet, row: row.row, column: key ? columns[key] : undefined },
        params,
      ),
    );
  for (const raw of read.rows) {
    row = toNominationRow(raw, ctx);
    issues = [];
    columns = headers[row.type]!;
    for (const check of ROW_CHECKS) check(row, ctx, emit);
    const birthYear = okValue(row.birthYear);
    const identity = identityKey(row.type, row.name, birthYear);
    rowIssues.push(issues);
    nominations.push({
      id: idOf(identity),
      identity,
      unit: unit.code,
      type: row.type,
      name: row.name,
      birthYear,
      form: okValue(row.form),
      group: okValue(row.group),
      gender: okValue(row.gender),
      leader: okValue(row.leader),
      outstanding: okValue(row.outstanding),
      values: row.text,
      issues,
      status: 'valid',
      late,
      source: { file: opts.file, sheet: row.sheet, row: row.row },
      columns,
    });
  }

  // Repeated nominees share an id; their later rows get "-2", "-3"… so every row of the master stays addressable.
  const suffixes = new Map<number, number>();
  checkDuplicatesInFile(
    nominations,
    ctx,
    (i, code, key, params) => {
      const n = nominations[i]!;
      rowIssues[i]!.push(
        makeIssue(code, { file: opts.file, sheet: n.source.sheet, row: n.source.row, column: n.columns[key] }, params),
      );
    },
    (i, occurrence) => suffixes.set(i, occurrence),
  );
  for (const [i, occurrence] of suffixes) nominations[i]!.id += `-${occurrence}`;
  nominations.forEach((n, i) => {
    n.issues = submission.issues.length ? [...submission.issues, ...rowIssues[i]!] : rowIssues[i]!;
    n.status = nominationStatus(late, n.issues);
  });

  return {
    accepted: true,
    empty: false,
    fileIssues: [],
    unit,
    info: read.info,
    dates: submission.dates,
    layouts: read.layouts,
    submissionIssues: submission.issues,
    nominations,
    late,
  };
}
