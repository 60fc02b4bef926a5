import type { IssueCode, IssueParams } from '../issues.js';
import type { NominationRow, PlanContext } from '../model.js';
import type { ColumnKey } from '../template.js';

/** Reports an issue of a catalogued kind on the current row, at a column (by key). */
export type Emit = (code: IssueCode, column?: ColumnKey, params?: IssueParams) => void;

/** A check of one row on its own; it emits kinds, never builds messages. */
export type RowCheck = (row: NominationRow, ctx: PlanContext, emit: Emit) => void;
