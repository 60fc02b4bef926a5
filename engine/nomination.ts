// What a checked nomination is: the shape the add-in marks in the sheet and the sync script merges.
import { hasError, type Issue } from './issues.js';
import type { NomineeTypeCode } from './plan.js';
import type { ColumnKey } from './template.js';

export type NominationStatus = 'valid' | 'invalid' | 'late';

/** Vietnamese labels of the statuses, wherever a nomination's status is shown. */
export const NOMINATION_STATUS_LABELS: Record<NominationStatus, string> = {
  valid: 'Hợp lệ',
  invalid: 'Không hợp lệ',
  late: 'Gửi muộn',
};

export interface Nomination {
  /** Stable hash of plan, unit, type and identity; a repeated nominee in one file gets "-2", "-3"… */
  id: string;
  identity: string;
  unit: string;
  type: NomineeTypeCode;
  name: string;
  birthYear: number | null;
  /** Plan code of the award form, null when missing or unknown. */
  form: string | null;
  group: string | null;
  gender: string | null;
  leader: boolean | null;
  outstanding: boolean | null;
  /** The text of every cell of the row, tidied, by column key. */
  values: Partial<Record<ColumnKey, string>>;
  /** The submission's issues first, then the row's own. */
  issues: Issue[];
  status: NominationStatus;
  late: boolean;
  source: { file?: string; sheet: string; row: number };
  /** Header text of each column key, for messages and marks. */
  columns: Partial<Record<ColumnKey, string>>;
}

export function nominationStatus(late: boolean, issues: readonly Issue[]): NominationStatus {
  if (late) return 'late';
  return hasError(issues) ? 'invalid' : 'valid';
}
