// The one shape of every check: a name, the codes it may emit, and a run over its subject (a row, the
// file's rows, the Thông tin sheet, or the nominations of every unit) that reports issues through `emit`.
// `emit` is typed by the declared codes, so a check cannot emit a code it does not declare, and the
// parameters must be the ones the catalog declares for that code. Checks never build issues or messages:
// the runner places each issue (file, sheet, row, column) from the check's `at`.
import type { Emitter } from '../emitter.js';
import { makeIssue, type IssueCode, type ParamsArg } from '../issues.js';
import type { NominationRow, PlanContext } from '../model.js';
import type { Nomination } from '../nomination.js';
import type { ColumnKey, InfoKey } from '../template.js';
import type { CarriedPlanText } from '../plan-sheet.js';
import type { SubmissionDates, SubmissionInfo } from '../read.js';

/** Reports an issue of one of the check's codes at a place its subject understands. */
export type Emit<C extends IssueCode, At> = <K extends C>(code: K, at: At, ...params: ParamsArg<K>) => void;

export interface Check<Subject, At, C extends IssueCode = IssueCode> extends Emitter<C> {
  run(subject: Subject, ctx: PlanContext, emit: Emit<C, At>): void;
}

/** Declares a check, inferring its codes from `emits` so `run` may emit only those. */
export const defineCheck =
  <Subject, At>() =>
  <const C extends IssueCode>(name: string, emits: readonly C[], run: Check<Subject, At, C>['run']) =>
    ({ name, emits, run }) as Check<Subject, At, C>;

/** A check of one row on its own, reporting at a column of the row (by key). */
export type RowCheck<C extends IssueCode = IssueCode> = Check<NominationRow, ColumnKey, C>;
export const rowCheck = defineCheck<NominationRow, ColumnKey>();

/** The rows of one file, identified; reports at a row (by index) and a column. */
export interface IdentifiedRow {
  /** The nomination id: a short hash of plan, unit and identity, so one key per nominee. */
  id: string;
  form: string | null;
  name: string;
  source: { row: number };
  /** The row's STT as typed, to name the row as the clerk numbers it. */
  values: { seq?: string };
}
export const fileRowsCheck = defineCheck<readonly IdentifiedRow[], { index: number; column: ColumnKey }>();

/** The Thông tin sheet with its dates read, and when the file came; reports at a line (or the whole file). */
export interface Submission {
  info: SubmissionInfo;
  dates: SubmissionDates;
  receivedAt?: Date;
  /** The plan the workbook carries in its hidden plan sheet, if any. */
  carriedPlan: CarriedPlanText;
}
export const submissionCheck = defineCheck<Submission, InfoKey | 'file'>();

/** The nominations of every unit's accepted file (merge only); reports on a nomination's name. */
export const unitsCheck = defineCheck<readonly Nomination[], Nomination>();

/** Adds a merge-time issue to the nomination it is about, placed on its name column. */
export const onNameColumn = <C extends IssueCode>(code: C, n: Nomination, ...params: ParamsArg<C>): void => {
  const loc = { file: n.source.file, sheet: n.source.sheet, row: n.source.row, column: n.columns.name };
  n.issues.push(makeIssue(code, { ...loc, columnKey: 'name' }, ...params));
};
