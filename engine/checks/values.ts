// FIELD_INVALID and FORM_UNKNOWN: a cell showing a formula's error value (#VALUE!, #N/A…) in any column,
// a typed value that is not in its list, or a year out of range. An error value is said as such, once.
import type { NominationRow, PlanContext } from '../model.js';
import { criterionKey, listValues } from '../template.js';
import type { Parsed } from '../text.js';
import type { ColumnKey, ListName } from '../template.js';
import { rowCheck, type Emit } from './types.js';

type ValuesEmit = Emit<'FIELD_INVALID' | 'FORM_UNKNOWN', ColumnKey>;

/** A list cell's value not in its list. A plain function, not one made per row: this runs for every row. */
function listed(
  row: NominationRow,
  ctx: PlanContext,
  emit: ValuesEmit,
  key: ColumnKey,
  parsed: Parsed<unknown>,
  list: ListName,
) {
  if (parsed.kind === 'invalid' && !row.errors?.has(key))
    emit('FIELD_INVALID', key, { value: parsed.text, expected: { kind: 'oneOf', values: listValues(ctx.plan, list) } });
}

export const checkValues = rowCheck('values', ['FIELD_INVALID', 'FORM_UNKNOWN'], (row, ctx, emit) => {
  const { plan } = ctx;
  const errors = row.errors;
  if (errors)
    for (const key of errors) emit('FIELD_INVALID', key, { value: row.text[key] ?? '', expected: { kind: 'noError' } });
  if (row.form.kind === 'invalid' && !errors?.has('form'))
    emit('FORM_UNKNOWN', 'form', { value: row.form.text, forms: listValues(plan, 'form') });
  listed(row, ctx, emit, 'group', row.group, 'group');
  for (let i = 0; i < row.criteria.length; i++) listed(row, ctx, emit, criterionKey(i), row.criteria[i]!, 'criterion');
  listed(row, ctx, emit, 'outstanding', row.outstanding, 'yesNo');
  listed(row, ctx, emit, 'report', row.report, 'haveNot');
  listed(row, ctx, emit, 'confirmation', row.confirmation, 'haveNot');
  listed(row, ctx, emit, 'gender', row.gender, 'gender');
  listed(row, ctx, emit, 'leader', row.leader, 'yesNo');
  if (row.birthYear.kind === 'invalid' && !errors?.has('birthYear')) {
    const { min, max } = plan.birthYear;
    emit('FIELD_INVALID', 'birthYear', { value: row.birthYear.text, expected: { kind: 'year', min, max } });
  }
});
