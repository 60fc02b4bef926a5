// FIELD_INVALID and FORM_UNKNOWN: a cell showing a formula's error value (#VALUE!, #N/A…) in any column,
// a typed value that is not in its list, or a year out of range. An error value is said as such, once.
import { listValues } from '../template.js';
import type { Parsed } from '../text.js';
import type { ColumnKey, ListName } from '../template.js';
import { rowCheck } from './types.js';

export const checkValues = rowCheck('values', ['FIELD_INVALID', 'FORM_UNKNOWN'], (row, ctx, emit) => {
  const { plan } = ctx;
  const errors = row.errors;
  if (errors)
    for (const key of errors) emit('FIELD_INVALID', key, { value: row.text[key] ?? '', expected: { kind: 'noError' } });
  function listed(key: ColumnKey, parsed: Parsed<unknown>, list: ListName) {
    if (parsed.kind === 'invalid' && !errors?.has(key))
      emit('FIELD_INVALID', key, { value: parsed.text, expected: { kind: 'oneOf', values: listValues(plan, list) } });
  }
  if (row.form.kind === 'invalid' && !errors?.has('form'))
    emit('FORM_UNKNOWN', 'form', { value: row.form.text, forms: listValues(plan, 'form') });
  listed('group', row.group, 'group');
  row.criteria.forEach((c, i) => listed(`criterion${i}`, c, 'criterion'));
  listed('outstanding', row.outstanding, 'yesNo');
  listed('report', row.report, 'haveNot');
  listed('confirmation', row.confirmation, 'haveNot');
  listed('gender', row.gender, 'gender');
  listed('leader', row.leader, 'yesNo');
  if (row.birthYear.kind === 'invalid' && !errors?.has('birthYear')) {
    const { min, max } = plan.birthYear;
    emit('FIELD_INVALID', 'birthYear', { value: row.birthYear.text, expected: { kind: 'year', min, max } });
  }
});
