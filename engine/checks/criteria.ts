// CRITERIA_NOT_MET: one issue per criterion not marked as met (a value outside the list is FIELD_INVALID instead).
import { rowCheck } from './types.js';

export const checkCriteria = rowCheck('criteria', ['CRITERIA_NOT_MET'], (row, ctx, emit) => {
  const criteria = ctx.plan.criteria[row.type] ?? [];
  row.criteria.forEach((parsed, i) => {
    const criterion = criteria[i];
    if (!criterion || parsed.kind === 'invalid' || (parsed.kind === 'ok' && parsed.value)) return;
    emit('CRITERIA_NOT_MET', `criterion${i}`, {
      label: criterion.label,
      text: criterion.text,
      count: criteria.length,
    });
  });
});
