// CRITERIA_NOT_MET: one issue per criterion not marked as met (a value outside the list is FIELD_INVALID instead).
import { criterionKey } from '../template.js';
import { rowCheck } from './types.js';

export const checkCriteria = rowCheck('criteria', ['CRITERIA_NOT_MET'], (row, ctx, emit) => {
  const criteria = ctx.plan.criteria[row.type] ?? [];
  for (let i = 0; i < row.criteria.length; i++) {
    const parsed = row.criteria[i]!;
    const criterion = criteria[i];
    if (!criterion || parsed.kind === 'invalid' || (parsed.kind === 'ok' && parsed.value)) continue;
    emit('CRITERIA_NOT_MET', criterionKey(i), {
      label: criterion.label,
      text: criterion.text,
      count: criteria.length,
    });
  }
});
