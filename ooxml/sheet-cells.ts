// Cells of a worksheet part rewritten in place: only the rows that hold a marked cell are rebuilt, every
// other row, and everything outside sheetData, is copied as the unit's program wrote it. A cell keeps its
// attributes and formula unless its value is replaced; new cells take the row's or the column's format, as
// Excel gives a cell typed there.
import { cellRef, parseRef } from './facts.js';
import { styleIndex } from './styles-patch.js';
import { escapeText, setAttr } from './xml-edit.js';
import { attr } from './xml-scan.js';

export interface CellEdit {
  /** New text ('' clears the value); undefined keeps the value. */
  text?: string;
  /** A style index → the index to write instead (adds a fill); undefined keeps the style. */
  restyle?: (s: number) => number;
}

/** Edits by 0-based row, then 0-based column. */
export type SheetEdits = Map<number, Map<number, CellEdit>>;

const esc = (p: string) => p.replace(/[.]/g, '\\.');

/** The format of each column from <cols>, for cells created where none was. */
function columnStyles(head: string): (col: number) => number | undefined {
  const cols = [...head.matchAll(/<(?:[\w.-]+:)?col\b([^>]*)>/g)].map((m) => ({
    min: Number(attr(m[1]!, 'min')),
    max: Number(attr(m[1]!, 'max')),
    s: styleIndex(m[1]!, 'style'),
  }));
  return (col) => cols.find((c) => col + 1 >= c.min && col + 1 <= c.max)?.s;
}

export function patchCells(xml: string, edits: SheetEdits): string {
  const open = /<((?:[\w.-]+:)?)sheetData\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new Error('no sheetData');
  const p = open[1]!;
  const colStyle = columnStyles(xml.slice(0, open.index));
  const start = open.index + open[0].length;
  const end = open[2] ? start : xml.indexOf(`</${p}sheetData>`, start);
  if (end < 0) throw new Error('no </sheetData>');
  const body = xml.slice(start, end);
  const pending = [...edits.keys()].sort((a, b) => a - b);
  const out: string[] = [];
  const rowStyle = (attrs: string) =>
    /^(1|true)$/.test(attr(attrs, 'customFormat') ?? '') ? styleIndex(attrs) : undefined;
  const rebuild = (row: number, attrs: string, inner: string) =>
    rewriteRow(p, row, attrs, inner, edits.get(row)!, (col) => rowStyle(attrs) ?? colStyle(col));
  let k = 0;
  let last = 0;
  let prev = -1;
  const rowRe = new RegExp(`<${esc(p)}row\\b([^>]*?)(/?)>`, 'g');
  for (let m = rowRe.exec(body); m; m = rowRe.exec(body)) {
    const r = Number(attr(m[1]!, 'r'));
    const row = Number.isInteger(r) && r > 0 ? r - 1 : prev + 1;
    const close = m[2] ? -1 : body.indexOf(`</${p}row>`, m.index);
    const rowEnd = m[2] ? m.index + m[0].length : close + `</${p}row>`.length;
    out.push(body.slice(last, m.index));
    while (k < pending.length && pending[k]! < row) out.push(rebuild(pending[k++]!, '', ''));
    if (pending[k] === row) {
      out.push(rebuild(row, m[1]!, m[2] ? '' : body.slice(m.index + m[0].length, close)));
      k++;
    } else out.push(body.slice(m.index, rowEnd));
    last = rowEnd;
    prev = row;
    rowRe.lastIndex = rowEnd;
  }
  out.push(body.slice(last));
  while (k < pending.length) out.push(rebuild(pending[k++]!, '', ''));
  const head = open[2] ? `${xml.slice(0, open.index)}<${p}sheetData>` : xml.slice(0, start);
  return `${head}${out.join('')}${open[2] ? `</${p}sheetData>` : ''}${xml.slice(end)}`;
}

function rewriteRow(
  p: string,
  row: number,
  attrs: string,
  inner: string,
  edits: Map<number, CellEdit>,
  defaultStyle: (col: number) => number | undefined,
): string {
  const cells = new Map<number, string>();
  let col = -1;
  const cellRe = new RegExp(`<${esc(p)}c\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${esc(p)}c>)`, 'g');
  for (const m of inner.matchAll(cellRe)) {
    const ref = attr(m[1]!, 'r');
    col = (ref === undefined ? undefined : parseRef(ref).col) ?? col + 1;
    const edit = edits.get(col);
    cells.set(col, edit ? editCell(p, row, col, m[1]!, m[2], edit) : withRef(p, row, col, m));
  }
  for (const [c, edit] of edits) {
    if (cells.has(c) || (!edit.restyle && !edit.text)) continue;
    const s = defaultStyle(c);
    cells.set(c, editCell(p, row, c, s ? ` s="${s}"` : '', undefined, edit));
  }
  const ordered = [...cells.keys()].sort((a, b) => a - b).map((c) => cells.get(c)!);
  // The spans hint would no longer cover a cell written past it.
  const rowAttrs = setAttr(attrs || ` r="${row + 1}"`, 'spans', undefined);
  return `<${p}row${rowAttrs}>${ordered.join('')}</${p}row>`;
}

/** An untouched cell as it was; given its reference when it had none, as cells around it may move. */
function withRef(p: string, row: number, col: number, m: RegExpMatchArray): string {
  if (attr(m[1]!, 'r') !== undefined) return m[0];
  return `<${p}c r="${cellRef(row, col)}"${m[0].slice(p.length + 2)}`;
}

function editCell(p: string, row: number, col: number, attrs: string, inner: string | undefined, e: CellEdit): string {
  let a = setAttr(attrs, 'r', cellRef(row, col));
  if (e.restyle) a = setAttr(a, 's', String(e.restyle(styleIndex(a) ?? 0)));
  if (e.text === undefined) return inner === undefined ? `<${p}c${a}/>` : `<${p}c${a}>${inner}</${p}c>`;
  // A replaced value drops what described the old one: its type, formula, rich-value and cell metadata.
  for (const name of ['t', 'cm', 'vm']) a = setAttr(a, name, undefined);
  if (!e.text) return `<${p}c${a}/>`;
  const t = `<${p}is><${p}t xml:space="preserve">${escapeText(e.text)}</${p}t></${p}is>`;
  return `<${p}c${setAttr(a, 't', 'inlineStr')}>${t}</${p}c>`;
}
