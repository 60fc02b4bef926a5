// DUPLICATE_IN_FILE and MULTIPLE_FORMS: a nominee appears once per file, for one form. The first row
// stands; later rows are flagged, naming the row they repeat.
import type { IssueCode, IssueParams } from '../issues.js';
import type { PlanContext } from '../model.js';
import type { ColumnKey } from '../template.js';

export interface IdentifiedRow {
  identity: string;
  form: string | null;
  sheet: string;
  row: number;
  name: string;
}

export function checkDuplicatesInFile(
  rows: readonly IdentifiedRow[],
  ctx: PlanContext,
  emit: (index: number, code: IssueCode, column: ColumnKey, params: IssueParams) => void,
): void {
  const first = new Map<string, { row: number; sheet: string; forms: Map<string, number> }>();
  rows.forEach((r, index) => {
    if (!r.name) return;
    const seen = first.get(r.identity);
    const formKey = r.form ?? '';
    if (!seen) {
      first.set(r.identity, { row: r.row, sheet: r.sheet, forms: new Map([[formKey, r.row]]) });
      return;
    }
    const sameFormRow = seen.forms.get(formKey);
    if (sameFormRow !== undefined) {
      emit(index, 'DUPLICATE_IN_FILE', 'name', { other: String(sameFormRow) });
    } else {
      const firstForm = [...seen.forms.keys()][0] ?? '';
      const label = ctx.plan.forms.find((f) => f.code === firstForm)?.label ?? firstForm;
      emit(index, 'MULTIPLE_FORMS', 'form', { value: label, other: String(seen.row) });
      seen.forms.set(formKey, r.row);
    }
  });
}
