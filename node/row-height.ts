// How tall a row must be to show its wrapped text, for every sheet we write. Neither exceljs nor LibreOffice
// fits rows on open, and Excel only fits rows it has edited: a wrapped cell in a row left at the default
// height prints its lines over the rows around it. The estimate errs high (wide letters, short lines where a
// word does not fit), since a few points of white space cost nothing and a cut line does.
import type ExcelJS from 'exceljs';

/** Type size (pt) a column width is reckoned at: the master's cells are 10–11 pt. */
const BASE_SIZE = 10;

/** A word's width in letters: one in capitals ("UBND", "QUẢNG NGÃI") is about half as wide again as in
 *  lower case, which the reckoning below allows for only in the odd capital. */
const wordUnits = (word: string): number =>
  word.length > 1 && !LOWER.test(word) && UPPER.test(word) ? word.length * CAPITALS : word.length;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const CAPITALS = 1.45;

/** Lines a text takes wrapped at word boundaries in a column `width` wide (Excel's width unit), at `size` pt. */
export function wrappedLines(text: string, width: number, size = BASE_SIZE, bold = false): number {
  // A Times New Roman letter at 10 pt is narrower than the width unit (a digit of the 11 pt default font), but bold
  // capitals and diacritics are not; a line too many is blank space, a line too few is cut text. Bold headers in
  // narrow columns printed shrunk to the page's width wrap a good deal sooner (LibreOffice: "Bằng khen" no
  // longer fits a column 12 wide at 11 pt).
  const perLine = Math.max(1, Math.floor(((width * BASE_SIZE) / size) * (bold ? 0.9 : 1.2)) - 1);
  // Most cells fit on one line even in capitals: no need to lay them out word by word.
  if (text.length * CAPITALS <= perLine && !text.includes('\n')) return 1;
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const units = wordUnits(word);
      if (used && used + 1 + units > perLine) {
        lines++;
        used = 0;
      }
      used += (used ? 1 : 0) + units;
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;

/** Height in points of `lines` lines of `size` pt type, with the cell's padding. */
export const linesHeight = (lines: number, size = BASE_SIZE): number =>
  Math.min(MAX_ROW_HEIGHT, Math.ceil(lines * size * 1.15 + 2.5));

/** Row height in points that shows every cell's wrapped text: `widths[i]` is the width cell i covers. A number
 *  or a date takes one line. */
export function fittedHeight(values: unknown[], widths: number[], size = BASE_SIZE, bold = false): number {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === 'string' && v) lines = Math.max(lines, linesOf(v, widths[i] ?? 9, size, bold));
  });
  return linesHeight(lines, size);
}

// Tổng hợp repeats its units, forms and routes on every row (55,000 rows in the bench): each short text is laid
// out once per width. Bounded, and long texts (each row's own) are not kept, so unique texts cost no memory.
const laidOut = new Map<string, number>();
const KEPT_LENGTH = 200;
function linesOf(text: string, width: number, size: number, bold: boolean): number {
  if (text.length > KEPT_LENGTH) return wrappedLines(text, width, size, bold);
  const key = `${width}|${size}|${bold ? 1 : 0}|${text}`;
  let lines = laidOut.get(key);
  if (lines === undefined) {
    lines = wrappedLines(text, width, size, bold);
    if (laidOut.size >= 10_000) laidOut.clear();
    laidOut.set(key, lines);
  }
  return lines;
}

/** A written row made as tall as its wrapped text, in its sheet's column widths. */
export function fitRow(row: ExcelJS.Row, values: unknown[], size: number, bold = false): void {
  const widths = values.map((_, i) => row.worksheet.getColumn(i + 1).width ?? 9);
  row.height = Math.max(row.height ?? 0, fittedHeight(values, widths, size, bold));
}
