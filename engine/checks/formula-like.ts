// TEXT_FORMULA_LIKE: text that a spreadsheet could take for a formula. It is always stored as text; this
// only tells the clerk.
import type { ColumnKey } from '../template.js';
import type { RowCheck } from './types.js';

const FORMULA_START = /^[=+\-@]/;

export const checkFormulaLike: RowCheck = (row, _ctx, emit) => {
  for (const key in row.cells) {
    const value = row.cells[key as ColumnKey];
    if (typeof value === 'string' && FORMULA_START.test(value.trimStart())) emit('TEXT_FORMULA_LIKE', key as ColumnKey);
  }
};
