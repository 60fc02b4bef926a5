// DUPLICATE_IN_FILE and MULTIPLE_FORMS: a nominee appears once per file, for one form. The first row
// stands; later rows are flagged, naming the row they repeat.
import type { IssueCode, IssueParams } from '../issues.js';
import type { PlanContext } from '../model.js';
import type { ColumnKey } from '../template.js';

export interface IdentifiedRow {
  /** The nomination id: a short hash of plan, unit and identity, so one key per nominee. */
  id: string;
  form: string | null;
  name: string;
  source: { row: number };
}

export function checkDuplicatesInFile(
  rows: readonly IdentifiedRow[],
  ctx: PlanContext,
  emit: (index: number, code: IssueCode, column: ColumnKey, params: IssueParams) => void,
  /** Called for every later row of a repeated nominee, with its occurrence (2, 3, …). */
  onRepeat?: (index: number, occurrence: number) => void,
): void {
  // Index of each nominee's first row; the per-form map is made only for the rare repeated nominee.
  const first = new Map<string, number>();
  const repeated = new Map<string, { forms: Map<string | null, number>; count: number }>();
  rows.forEach((r, index) => {
    const firstIndex = first.get(r.id);
    if (firstIndex === undefined) {
      first.set(r.id, index);
      return;
    }
    const head = rows[firstIndex]!;
    let seen = repeated.get(r.id);
    if (!seen) repeated.set(r.id, (seen = { forms: new Map([[head.form, head.source.row]]), count: 1 }));
    onRepeat?.(index, ++seen.count);
    // Rows without a name already fail FIELD_REQUIRED; they only need distinct ids.
    if (!r.name) return;
    const sameFormRow = seen.forms.get(r.form);
    if (sameFormRow !== undefined) {
      emit(index, 'DUPLICATE_IN_FILE', 'name', { other: String(sameFormRow) });
    } else {
      const label = ctx.plan.forms.find((f) => f.code === head.form)?.label ?? head.form ?? '';
      emit(index, 'MULTIPLE_FORMS', 'form', { value: label, other: String(head.source.row) });
      seen.forms.set(r.form, r.source.row);
    }
  });
}
