// The marked copy of a unit's workbook (SPEC §8): the unit's own package with the check's marks patched in —
// the "Kết quả kiểm tra" text of every row, an error or warning fill on every cell at fault, and a note on the
// cells whose mark carries one. Only the marked sheets, the styles, and the parts notes need change; every
// other part (tables, charts, pictures, what LibreOffice or WPS wrote their own way) is copied byte for byte.
// Shared by the checker page's download and the merge's feedback workbooks.
import { ERROR_FILL, WARNING_FILL, type Marks, type SheetResults } from '../engine/index.js';
import { addNotes, type CellNote } from './comments.js';
import { readSharedStrings } from './grid-read.js';
import { Package, REL_TYPE } from './package.js';
import { fitRows } from './row-heights.js';
import { patchCells, type SheetEdits } from './sheet-cells.js';
import { StyleBook } from './styles-patch.js';
import type { ZipCodec } from './zip.js';

export interface CellMarkNote {
  sheet: string;
  /** 0-based row and column. */
  row: number;
  col: number;
  severity: 'error' | 'warning';
  /** Shown as a note on the cell. */
  comment?: string;
}

/** What the patcher writes: per row the Kết quả kiểm tra text, per cell its fill kind and optional note. */
export interface PackageMarks {
  results: SheetResults[];
  cells: CellMarkNote[];
}

const FILLS = { error: ERROR_FILL, warning: WARNING_FILL } as const;
/** The author Excel shows above our notes. */
export const NOTE_AUTHOR = 'Kiểm tra hồ sơ';

export const packageMarks = (marks: Marks): PackageMarks => ({
  results: marks.results,
  cells: marks.cells.map((m) => ({ sheet: m.sheet, row: m.row, col: m.col, severity: m.kind, comment: m.comment })),
});

/** Each sheet's cell edits: the result texts, then the fills. */
function editsBySheet(marks: PackageMarks, styles: StyleBook): Map<string, SheetEdits> {
  const sheets = new Map<string, SheetEdits>();
  const edit = (sheet: string, row: number, col: number) => {
    const rows = sheets.get(sheet) ?? sheets.set(sheet, new Map()).get(sheet)!;
    const cols = rows.get(row) ?? rows.set(row, new Map()).get(row)!;
    return cols.get(col) ?? cols.set(col, {}).get(col)!;
  };
  for (const r of marks.results) {
    if (r.col === undefined) continue;
    r.texts.forEach((text, i) => (edit(r.sheet, r.firstRow + i, r.col!).text = text));
  }
  for (const c of marks.cells) edit(c.sheet, c.row, c.col).restyle = (s) => styles.withFill(s, FILLS[c.severity]);
  return sheets;
}

/** The shared strings, for measuring the rows the marks rewrite. */
async function sharedStrings(pkg: Package): Promise<Map<number, string>> {
  const part = (await pkg.relOfType(await pkg.workbookPart(), REL_TYPE.sharedStrings))?.target;
  return part && pkg.has(part) ? readSharedStrings(pkg, part) : new Map();
}

/** Patches the marks into an open package (to be saved by the caller, perhaps after more parts). */
export async function markPackage(pkg: Package, marks: PackageMarks): Promise<void> {
  const styles = await StyleBook.open(pkg);
  const edits = editsBySheet(marks, styles);
  let shared: Map<number, string> | undefined;
  for (const sheet of await pkg.worksheets()) {
    const mine = edits.get(sheet.name);
    if (!mine) continue;
    shared ??= await sharedStrings(pkg);
    const strings = shared;
    let xml = patchCells(await pkg.text(sheet.part), mine);
    xml = fitRows(xml, new Set(mine.keys()), { wraps: (s) => styles.wraps(s), shared: (i) => strings.get(i) });
    const notes: CellNote[] = marks.cells
      .filter((c) => c.sheet === sheet.name && c.comment)
      .map((c) => ({ row: c.row, col: c.col, text: c.comment! }));
    if (notes.length) xml = await addNotes(pkg, sheet.part, xml, NOTE_AUTHOR, notes);
    pkg.set(sheet.part, xml);
  }
  styles.save();
}

/** The marked copy of a workbook's bytes. */
export async function markedCopy(bytes: Uint8Array, marks: PackageMarks, codec: ZipCodec): Promise<Uint8Array> {
  const pkg = Package.open(bytes, codec);
  await markPackage(pkg, marks);
  return pkg.save();
}
