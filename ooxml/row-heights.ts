// Heights for the rows the marks rewrite. Neither Excel nor LibreOffice grows a row to fit wrapped text when
// a file is opened (only when a cell is edited), so a long "Kết quả kiểm tra", or a long summary the unit
// typed, would print over the rows below it. Each marked row gets the height its tallest wrapped cell needs,
// never less than the height it had.
import { parseRef } from './facts.js';
import { setAttr } from './xml-edit.js';
import { attr, decodeEntities } from './xml-scan.js';
import { styleIndex } from './styles-patch.js';

/** What a row's cells need to be measured. */
export interface RowFit {
  /** Whether a cell format wraps its text. */
  wraps: (style: number) => boolean;
  /** The text of a shared string. */
  shared: (index: number) => string | undefined;
}

/** A line of 11 pt text, and the room above and below it, in points. */
const LINE_PT = 15;
const PAD_PT = 3;
/** Excel's default column width, in characters, when the sheet gives none. */
const DEFAULT_WIDTH = 8.43;

/** Lines a text needs in a cell `width` characters wide (a character is about one width unit; words wrap). */
export const linesFor = (text: string, width: number): number =>
  text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / Math.max(4, width - 2))), 0);

/** The points a wrapped text of so many lines needs. */
export const heightFor = (lines: number): number => lines * LINE_PT + PAD_PT;

/** The width of each 0-based column, from the sheet's <cols> and default width. */
function columnWidths(head: string): (col: number) => number {
  const fallback = Number(attr(/<(?:[\w.-]+:)?sheetFormatPr\b([^>]*)>/.exec(head)?.[1] ?? '', 'defaultColWidth'));
  const cols = [...head.matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)].map((m) => ({
    min: Number(attr(m[1]!, 'min')),
    max: Number(attr(m[1]!, 'max')),
    width: Number(attr(m[1]!, 'width')),
  }));
  return (col) =>
    cols.find((c) => col + 1 >= c.min && col + 1 <= c.max && c.width > 0)?.width ?? (fallback || DEFAULT_WIDTH);
}

/** The text of a cell, as far as its height goes: shared, inline or a formula's text; '' for anything else. */
function cellText(attrs: string, inner: string, fit: RowFit): string {
  const t = attr(attrs, 't');
  if (t === 's') return fit.shared(Number(/<(?:[\w.-]+:)?v>([^<]*)</.exec(inner)?.[1])) ?? '';
  if (t === 'inlineStr')
    return [...inner.matchAll(/<(?:[\w.-]+:)?t\b[^>]*>([^<]*)</g)].map((m) => decodeEntities(m[1]!)).join('');
  if (t === 'str') return decodeEntities(/<(?:[\w.-]+:)?v>([^<]*)</.exec(inner)?.[1] ?? '');
  return '';
}

/** Sets the height of each of `rows` (0-based) that wrapped text needs taller than it is. */
export function fitRows(xml: string, rows: ReadonlySet<number>, fit: RowFit): string {
  const open = /<((?:[\w.-]+:)?)sheetData\b[^>]*?>/.exec(xml);
  if (!open) return xml;
  const p = open[1]!;
  const width = columnWidths(xml.slice(0, open.index));
  const q = p.replace(/\./g, '\\.');
  // A self-closing row holds no text: the look-behind keeps it from swallowing the row after it.
  const rowRe = new RegExp(`<${q}row\\b([^>]*?)(?<!/)>([\\s\\S]*?)</${q}row>`, 'g');
  return xml.replace(rowRe, (whole, attrs: string, inner: string) => {
    const r = Number(attr(attrs, 'r')) - 1;
    if (!rows.has(r)) return whole;
    let lines = 1;
    for (const c of inner.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
      if (!c[2] || !fit.wraps(styleIndex(c[1]!) ?? 0)) continue;
      const col = parseRef(attr(c[1]!, 'r') ?? '').col;
      if (col !== undefined) lines = Math.max(lines, linesFor(cellText(c[1]!, c[2], fit), width(col)));
    }
    const had = Number(attr(attrs, 'ht')) || 0;
    if (lines < 2 || heightFor(lines) <= had) return whole;
    const sized = setAttr(setAttr(attrs, 'ht', String(heightFor(lines))), 'customHeight', '1');
    return `<${p}row${sized}>${inner}</${p}row>`;
  });
}
