// FIELD_INVALID and FORM_UNKNOWN: a typed value that is not in its list, or a year out of range.
import { listValues } from '../template.js';
import type { Parsed } from '../text.js';
import type { ColumnKey, ListName } from '../template.js';
import { rowCheck } from './types.js';

export const checkValues = rowCheck('values', ['FIELD_INVALID', 'FORM_UNKNOWN'], (row, ctx, emit) => {
  const { plan } = ctx;
  function listed(key: ColumnKey, parsed: Parsed<unknown>, list: ListName) {
    if (parsed.kind === 'invalid')
      emit('FIELD_INVALID', key, { value: parsed.text, expected: { kind: 'oneOf', values: listValues(plan, list) } });
  }
  if (row.form.kind === 'invalid')
    emit('FORM_UNKNOWN', 'form', { value: row.form.text, forms: listValues(plan, 'form') });
  listed('group', row.group, 'group');
  row.criteria.forEach((c, i) => listed(`criterion${i}`, c, 'criterion'));
  listed('outstanding', row.outstanding, 'yesNo');
  listed('report', row.report, 'haveNot');
  listed('confirmation', row.confirmation, 'haveNot');
  listed('gender', row.gender, 'gender');
  listed('leader', row.leader, 'yesNo');
  if (row.birthYear.kind === 'invalid') {
    const { min, max } = plan.birthYear;
    emit('FIELD_INVALID', 'birthYear', { value: row.birthYear.text, expected: { kind: 'year', min, max } });
  }
});
