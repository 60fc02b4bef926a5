// SUMMARY_TOO_SHORT: a summary that says too little for the council to judge (an empty one is FIELD_REQUIRED).
import { rowCheck } from './types.js';

export const checkSummary = rowCheck('summary', ['SUMMARY_TOO_SHORT'], (row, ctx, emit) => {
  const summary = row.text.summary ?? '';
  const min = ctx.plan.summaryMinLength;
  if (summary && summary.length < min) emit('SUMMARY_TOO_SHORT', 'summary', { length: summary.length, min });
});
