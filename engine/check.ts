// The engine's entry point: a workbook grid in, the file's verdict and every nomination with its issues out.
// Every check has one shape (checks/types.ts); this module runs them and places their issues.
import type { WorkbookGrid } from './cells.js';
import { cellText } from './cells.js';
import { checkAlreadyAwarded } from './checks/already-awarded.js';
import { checkDuplicatesAcrossUnits } from './checks/across-units.js';
import { onNameColumn } from './checks/types.js';
import { checkCriteria } from './checks/criteria.js';
import { checkDossier } from './checks/dossier.js';
import { checkDuplicatesInFile } from './checks/duplicates.js';
import { checkFormulaLike } from './checks/formula-like.js';
import { checkGroupAllowed } from './checks/group.js';
import { checkRequired } from './checks/required.js';
import { checkRouting } from './checks/routing.js';
import { SUBMISSION_CHECKS } from './checks/submission.js';
import { checkSummary } from './checks/summary.js';
import { checkTextLength } from './checks/text-length.js';
import type { Emit, RowCheck } from './checks/types.js';
import type { Emitter } from './emitter.js';
import { checkValues } from './checks/values.js';
import { isLate } from './deadline.js';
import { identityKey, idHasher, repeatOccurrences } from './identity.js';
import { makeIssue, type Issue, type IssueCode, type IssueLocation } from './issues.js';
import { okValue, planContext, toNominationRow, type NominationRow, type PlanContext } from './model.js';
import { nominationStatus, type Nomination } from './nomination.js';
import { isPerson, type Plan, type PlanUnit } from './plan.js';
import { readPlanSheet } from './plan-sheet.js';
import {
  readNominationWorkbook,
  readSubmissionDates,
  TEMPLATE_READER,
  type RawRow,
  type SheetLayout,
  type SubmissionDates,
  type SubmissionInfo,
} from './read.js';
import { INFO_LABELS, type ColumnKey, type InfoKey } from './template.js';

/** Row checks in the order their issues are listed. */
export const ROW_CHECKS: readonly RowCheck[] = [
  checkRequired,
  checkValues,
  checkGroupAllowed,
  checkCriteria,
  checkRouting,
  checkDossier,
  checkSummary,
  checkFormulaLike,
  checkTextLength,
];

/** Every step of the engine that emits issues, each with the codes it declares (see the catalog test). */
export const ENGINE_EMITTERS: readonly Emitter[] = [
  TEMPLATE_READER,
  ...SUBMISSION_CHECKS,
  ...ROW_CHECKS,
  checkDuplicatesInFile,
  checkDuplicatesAcrossUnits,
  checkAlreadyAwarded,
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

/** A file's check, step by step: read it, check Thông tin, check every row, then the rows against each other. */
export function checkWorkbook(plan: Plan, grid: WorkbookGrid, opts: CheckOptions = {}): WorkbookCheck {
  const ctx = planContext(plan);
  const { file } = opts;
  const late = opts.receivedAt ? isLate(plan, opts.receivedAt) : false;
  const read = readNominationWorkbook(plan, grid, file);
  const verdict = { layouts: [], submissionIssues: [], nominations: [], late };
  if (!read.ok)
    return { ...verdict, accepted: false, empty: false, fileIssues: read.issues, unit: null, info: read.info };
  const { info } = read;
  const unit = ctx.units.get(cellText(info.unitCode.value))!;
  const dates = readSubmissionDates(info, grid.date1904);
  const submissionIssues = checkSubmission(ctx, grid, info, dates, opts);
  const accepted = {
    ...verdict,
    accepted: true,
    fileIssues: [],
    unit,
    info,
    dates,
    layouts: read.layouts,
    submissionIssues,
  };
  // A blank or half-filled template: no row yet, but Thông tin is checked, so filling it first gets answers.
  if (read.rows.length === 0) return { ...accepted, empty: true };
  const rows = checkRows(plan, ctx, read.rows, unit, late, file);
  checkWithinFile(ctx, rows, file);
  return { ...accepted, empty: false, nominations: settle(rows, submissionIssues, late) };
}

/** Thông tin's issues, placed on its lines (or on the file). */
function checkSubmission(
  ctx: PlanContext,
  grid: WorkbookGrid,
  info: SubmissionInfo,
  dates: SubmissionDates,
  { file, receivedAt }: CheckOptions,
): Issue[] {
  const submissionIssues: Issue[] = [];
  const atInfo: Emit<IssueCode, InfoKey | 'file'> = (code, key, ...params) => {
    const loc: IssueLocation =
      key === 'file'
        ? { file }
        : { file, sheet: info.sheet, row: info[key].row, column: INFO_LABELS[key], columnKey: key };
    submissionIssues.push(makeIssue(code, loc, ...params));
  };
  const submission = { info, dates, receivedAt, carriedPlan: readPlanSheet(grid) };
  for (const check of SUBMISSION_CHECKS) check.run(submission, ctx, atInfo);
  return submissionIssues;
}

/** Every row's nomination, and the issues found on each row (the same array the nomination holds). */
interface CheckedRows {
  nominations: Nomination[];
  rowIssues: Issue[][];
}

/** The engine's hot path: every row through every row check. */
function checkRows(
  plan: Plan,
  ctx: PlanContext,
  rawRows: RawRow[],
  unit: PlanUnit,
  late: boolean,
  file: string | undefined,
): CheckedRows {
  const nominations: Nomination[] = [];
  const rowIssues: Issue[][] = [];
  const idOf = idHasher(plan.id, unit.code);
  // One emitter for all rows (no closure per row): it reports on the row being checked.
  let issues: Issue[] = [];
  let row!: NominationRow;
  let columns: Partial<Record<ColumnKey, string>> = {};
  const atColumn: Emit<IssueCode, ColumnKey> = (code, columnKey, ...params) =>
    issues.push(
      makeIssue(code, { file, sheet: row.sheet, row: row.row, column: columns[columnKey], columnKey }, ...params),
    );
  const headers = headersByType(plan);
  for (let r = 0; r < rawRows.length; r++) {
    row = toNominationRow(rawRows[r]!, ctx, unit);
    issues = [];
    columns = headers[row.type]!;
    // Indexed: a for-of here makes an iterator result per check per row until the loop is optimized.
    for (let i = 0; i < ROW_CHECKS.length; i++) ROW_CHECKS[i]!.run(row, ctx, atColumn);
    rowIssues.push(issues);
    nominations.push(nominationOf(plan, row, unit, idOf, issues, columns, late, file));
  }
  return { nominations, rowIssues };
}

/** The same nominee twice in one file; repeated nominees' later rows get ids of their own. */
function checkWithinFile(ctx: PlanContext, { nominations, rowIssues }: CheckedRows, file: string | undefined): void {
  checkDuplicatesInFile.run(nominations, ctx, (code, { index, column }, ...params) => {
    const n = nominations[index]!;
    const loc = { file, sheet: n.source.sheet, row: n.source.row, column: n.columns[column], columnKey: column };
    rowIssues[index]!.push(makeIssue(code, loc, ...params));
  });
  // Repeated nominees share an id; their later rows get "-2", "-3"… so every row of the master stays addressable.
  for (const [i, occurrence] of repeatOccurrences(nominations)) nominations[i]!.id += `-${occurrence}`;
}

/** Each nomination's issues (Thông tin's first, then its row's) and the status they give it. */
function settle({ nominations, rowIssues }: CheckedRows, submissionIssues: Issue[], late: boolean): Nomination[] {
  // A loop, not forEach, over every row here and in the file-wide passes: a loop is optimized while it runs
  // (a file is checked once, so its first pass is the one that counts), a callback only after many calls.
  for (let i = 0; i < nominations.length; i++) {
    const n = nominations[i]!;
    n.issues = submissionIssues.length ? [...submissionIssues, ...rowIssues[i]!] : rowIssues[i]!;
    n.status = nominationStatus(late, n.issues);
  }
  return nominations;
}

/** Header text of each column key, per nominee type: what an issue's location names. */
function headersByType(plan: Plan): Record<string, Partial<Record<ColumnKey, string>>> {
  const ctx = planContext(plan);
  const headers: Record<string, Partial<Record<ColumnKey, string>>> = {};
  for (const t of plan.nomineeTypes)
    headers[t.code] = Object.fromEntries([...ctx.columns[t.code].values()].map((s) => [s.key, s.header]));
  return headers;
}

function nominationOf(
  plan: Plan,
  row: NominationRow,
  unit: PlanUnit,
  idOf: (identity: string) => string,
  issues: Issue[],
  columns: Partial<Record<ColumnKey, string>>,
  late: boolean,
  file: string | undefined,
): Nomination {
  const birthYear = okValue(row.birthYear);
  const identity = identityKey(row.type, row.name, isPerson(plan, row.type) ? birthYear : undefined);
  return {
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
    source: { file, sheet: row.sheet, row: row.row },
    columns,
  };
}

/**
 * DUPLICATE_ACROSS_UNITS at merge: the nominations of every unit's accepted file, checked against each
 * other; each warning is added to the nomination it is about.
 */
export function checkAcrossUnits(plan: Plan, nominations: readonly Nomination[]): void {
  checkDuplicatesAcrossUnits.run(nominations, planContext(plan), onNameColumn);
}
