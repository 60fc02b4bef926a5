// FIELD_REQUIRED: every required column of the row's sheet must hold a value.
import type { RowCheck } from './types.js';

export const checkRequired: RowCheck = (row, ctx, emit) => {
  for (const spec of ctx.columns[row.type].values()) {
    if (spec.required && !row.text[spec.key]) emit('FIELD_REQUIRED', spec.key);
  }
};
