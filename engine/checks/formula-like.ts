// TEXT_FORMULA_LIKE: text that a spreadsheet could take for a formula. It is always stored as text; this
// only tells the clerk.
import { rowCheck } from './types.js';

// = + - @ after any leading white space, line breaks included ("\n=SUM(…)" still reads as a formula once
// the line break is trimmed). Checked by char code, compared rather than looked up in a set: this runs on
// every cell.
const isFormulaChar = (c: number): boolean => c === 0x3d || c === 0x2b || c === 0x2d || c === 0x40;

const isBlankChar = (c: number): boolean =>
  c <= 0x20 ||
  c === 0xa0 ||
  c === 0x3000 ||
  c === 0xfeff ||
  (c >= 0x2000 && c <= 0x200b) ||
  c === 0x2028 ||
  c === 0x2029;

function looksLikeFormula(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isBlankChar(c)) return isFormulaChar(c);
  }
  return false;
}

export const checkFormulaLike = rowCheck('formula-like', ['TEXT_FORMULA_LIKE'], (row, _ctx, emit) => {
  const { keys, idx } = row.columns;
  for (let i = 0; i < keys.length; i++) {
    const value = row.line[idx[i]!];
    if (typeof value === 'string' && looksLikeFormula(value)) emit('TEXT_FORMULA_LIKE', keys[i]!);
  }
});
