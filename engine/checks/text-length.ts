// TEXT_TOO_LONG: a cell longer than Excel's 32,767 characters (a file written by another program can hold
// one; Excel cannot). Everything shown or written from it is cut with a visible marker; this tells the clerk.
import { LIMITS } from '../limits.js';
import { rowCheck } from './types.js';

export const checkTextLength = rowCheck('text-length', ['TEXT_TOO_LONG'], (row, _ctx, emit) => {
  const { keys, idx } = row.columns;
  for (let i = 0; i < keys.length; i++) {
    const value = row.line[idx[i]!];
    if (typeof value === 'string' && value.length > LIMITS.cellChars)
      emit('TEXT_TOO_LONG', keys[i]!, { limit: LIMITS.cellChars });
  }
});
