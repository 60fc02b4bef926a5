// FIELD_REQUIRED: every required column of the row's sheet must hold a value.
import { rowCheck } from './types.js';

export const checkRequired = rowCheck('required', ['FIELD_REQUIRED'], (row, _ctx, emit) => {
  const keys = row.columns.required;
  // Indexed: a for-of makes an iterator result per key per row until the check is optimized.
  for (let i = 0; i < keys.length; i++) if (!row.text[keys[i]!]) emit('FIELD_REQUIRED', keys[i]!);
});
