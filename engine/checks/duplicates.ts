// DUPLICATE_IN_FILE and MULTIPLE_FORMS: a nominee appears once per file, for one form. The first row
// stands; later rows are flagged, naming the row they repeat.
import type { IssueCode, IssueParams } from '../issues.js';
import type { PlanContext } from '../model.js';
import type { ColumnKey } from '../template.js';

export interface IdentifiedRow {
  identity: string;
  form: string | null;
  name: string;
  source: { row: number };
}

interface FirstSeen {
  row: number;
  form: string | null;
  /** Rows by form, made only when a nominee shows up again (rare): form → first row. */
  forms?: Map<string | null, number>;
}

export function checkDuplicatesInFile(
  rows: readonly IdentifiedRow[],
  ctx: PlanContext,
  emit: (index: number, code: IssueCode, column: ColumnKey, params: IssueParams) => void,
): void {
  const first = new Map<string, FirstSeen>();
  rows.forEach((r, index) => {
    if (!r.name) return;
    const seen = first.get(r.identity);
    if (!seen) {
      first.set(r.identity, { row: r.source.row, form: r.form });
      return;
    }
    seen.forms ??= new Map([[seen.form, seen.row]]);
    const sameFormRow = seen.forms.get(r.form);
    if (sameFormRow !== undefined) {
      emit(index, 'DUPLICATE_IN_FILE', 'name', { other: String(sameFormRow) });
    } else {
      const label = ctx.plan.forms.find((f) => f.code === seen.form)?.label ?? seen.form ?? '';
      emit(index, 'MULTIPLE_FORMS', 'form', { value: label, other: String(seen.row) });
      seen.forms.set(r.form, r.source.row);
    }
  });
}
