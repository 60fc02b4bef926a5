// DUPLICATE_IN_FILE and MULTIPLE_FORMS: a nominee appears once per file, for one form. The first row
// stands; later rows are flagged, naming the row they repeat.
import { fileRowsCheck, type IdentifiedRow } from './types.js';

/** The row a later one repeats, by its number and its STT. */
const firstOf = (r: IdentifiedRow) => ({ firstRow: r.source.row, firstSeq: r.values.seq });

export const checkDuplicatesInFile = fileRowsCheck(
  'duplicates-in-file',
  ['DUPLICATE_IN_FILE', 'MULTIPLE_FORMS'],
  (rows, ctx, emit) => {
    // Index of each nominee's first row; the per-form map is made only for the rare repeated nominee.
    const first = new Map<string, number>();
    const repeated = new Map<string, Map<string | null, IdentifiedRow>>();
    // A loop, not forEach: optimized while it runs, in the one pass a file's check makes.
    for (let index = 0; index < rows.length; index++) {
      const r = rows[index]!;
      const firstIndex = first.get(r.id);
      if (firstIndex === undefined) {
        first.set(r.id, index);
        continue;
      }
      // Rows without a name already fail FIELD_REQUIRED; they only need distinct ids.
      if (!r.name) continue;
      const head = rows[firstIndex]!;
      let forms = repeated.get(r.id);
      if (!forms) repeated.set(r.id, (forms = new Map([[head.form, head]])));
      const sameForm = forms.get(r.form);
      if (sameForm !== undefined) {
        emit('DUPLICATE_IN_FILE', { index, column: 'name' }, firstOf(sameForm));
      } else {
        const form = ctx.plan.forms.find((f) => f.code === head.form)?.label ?? head.form ?? '';
        emit('MULTIPLE_FORMS', { index, column: 'form' }, { form, ...firstOf(head) });
        forms.set(r.form, r);
      }
    }
  },
);
