// Chosen sheets of an .xlsx handed over row by row as the XML scanner passes them, with what a person typed
// keeping its type (text, number, date by its cell format, true/false, a formula with or without its cached
// value). The parts are found and the styles and shared strings read as the grid reader reads them
// (ooxml/grid-read.ts), so the master and a unit's workbook are read the same way; only the cells differ: the
// grid keeps values, this reader keeps formulas too and hands each row over as soon as it ends. Pure: the
// Node side (node/xlsx-rows.ts) opens the file.
import { parseRef } from './facts.js';
import {
  decodeValue,
  readBookParts,
  readDateStyles,
  readSharedStrings,
  type CellValue,
  type PartSource,
} from './grid-read.js';
import type { XmlAttrs, XmlHandler } from './xml-scan.js';

export interface Formula {
  formula: string;
  /** The value Excel computed when it last saved; absent when it never did (a file written by a program). */
  result?: string | number | boolean | Date;
}

export type TypedCell = string | number | boolean | Date | Formula | null;

export const isFormula = (v: unknown): v is Formula =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;

export interface RowEvent {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  /** Values by 0-based column; holes are empty cells. */
  cells: TypedCell[];
}

/** How a sheet is laid out around its cells, as its XML says after and before <sheetData>. */
export interface SheetLayout {
  sheet: string;
  /** Merged ranges as written ("A1:C1"), in the file's order. */
  merged: string[];
  /** Rows and columns held by a frozen pane (0 when the first view freezes none). */
  frozenRows: number;
  frozenColumns: number;
}

export interface ReadRowsOptions {
  /** Which sheets to read, given every sheet name in workbook order. */
  pick: (names: string[]) => string[];
  /** Called for every non-empty row; returning false stops reading that sheet. */
  onRow: (event: RowEvent) => boolean | void;
  /** Called after each picked sheet with its merged ranges and frozen pane; a sheet whose reading `onRow`
   *  stopped reports only what came before the stop (merged ranges follow the cells). */
  onLayout?: (layout: SheetLayout) => void;
}

/** Why the rows could not be read although the package opened: a picked sheet's part is missing. */
export class MissingSheetPart extends Error {
  constructor(readonly sheet: string) {
    super(`no part for sheet "${sheet}"`);
  }
}

/** What every sheet's cells are read against. */
interface SheetContext {
  sheet: string;
  shared: ReadonlyMap<number, string>;
  dateStyles: readonly boolean[];
  date1904: boolean;
  onRow: ReadRowsOptions['onRow'];
  onLayout?: ReadRowsOptions['onLayout'];
}

/** Reads the picked sheets; returns every sheet name in workbook order. */
export async function readRows(pkg: PartSource, opts: ReadRowsOptions): Promise<string[]> {
  const book = await readBookParts(pkg);
  const names = book.sheets.map((s) => s.name);
  const picked = opts.pick(names);
  if (picked.length === 0) return names;
  const base = {
    shared: book.sharedStrings ? await readSharedStrings(pkg, book.sharedStrings) : new Map<number, string>(),
    dateStyles: await readDateStyles(pkg, book.styles),
    date1904: book.date1904,
    onRow: opts.onRow,
    onLayout: opts.onLayout,
  };
  for (const name of picked) {
    const part = book.sheets.find((s) => s.name === name)?.part;
    if (!part || !pkg.has(part)) throw new MissingSheetPart(name);
    const handler = new RowHandler({ ...base, sheet: name });
    await pkg.scan(part, handler);
    opts.onLayout?.(handler.layout);
  }
  return names;
}

/** Which text the handler is collecting: a value, a formula, an inline string's run, or none. */
type Into = 'v' | 'f' | 't' | '';

/** One sheet's rows: each cell's parts gathered as its tags pass, each row handed over at its end. */
class RowHandler implements XmlHandler {
  // Read to the part's end unless the caller stops: only a part read whole has its CRC checked, and what
  // follows the cells of a master is small.
  finished = false;
  private row = 0;
  private cells: TypedCell[] = [];
  private col = -1;
  private cell = { type: 'n', isDate: false, v: undefined as string | undefined, f: undefined as string | undefined };
  private inline = '';
  private into: Into = '';
  private collected = '';
  private inInline = false;
  private inPhonetic = false;
  private views = 0;
  readonly layout: SheetLayout;

  constructor(private readonly ctx: SheetContext) {
    this.layout = { sheet: ctx.sheet, merged: [], frozenRows: 0, frozenColumns: 0 };
  }

  wantsText(): boolean {
    return this.into !== '';
  }

  text(t: string): void {
    if (this.into === 't') this.inline += t;
    else this.collected += t;
  }

  open(name: string, attrs: XmlAttrs): void {
    switch (name) {
      case 'row':
        return this.startRow(attrs);
      case 'c':
        return this.startCell(attrs);
      case 'v':
      case 'f':
        this.into = name;
        this.collected = '';
        return;
      case 'is':
        this.inInline = true;
        return;
      case 'rPh':
        this.inPhonetic = true;
        return;
      case 't':
        if (this.inInline && !this.inPhonetic) this.into = 't';
        return;
      case 'sheetView':
        this.views++;
        return;
      case 'pane':
        return this.readPane(attrs);
      case 'mergeCell': {
        const ref = attrs.get('ref');
        if (ref) this.layout.merged.push(ref);
      }
    }
  }

  /** The first view's pane, when frozen (a split pane that only divides the window holds nothing). */
  private readPane(attrs: XmlAttrs): void {
    const state = attrs.get('state');
    if (this.views !== 1 || (state !== 'frozen' && state !== 'frozenSplit')) return;
    this.layout.frozenRows = Math.max(0, Math.floor(Number(attrs.get('ySplit') ?? 0)) || 0);
    this.layout.frozenColumns = Math.max(0, Math.floor(Number(attrs.get('xSplit') ?? 0)) || 0);
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.cell.v = this.collected;
        this.into = '';
        return;
      case 'f':
        // A shared formula's later cells carry no text: the cell still holds a formula.
        this.cell.f = this.collected;
        this.into = '';
        return;
      case 't':
        if (this.into === 't') this.into = '';
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'is':
        this.inInline = false;
        return;
      case 'c':
        return this.endCell();
      case 'row':
        return this.endRow();
    }
  }

  private startRow(attrs: XmlAttrs): void {
    const r = attrs.get('r');
    this.row = r ? Number(r) : this.row + 1;
    this.cells = [];
    this.col = -1;
  }

  private startCell(attrs: XmlAttrs): void {
    const ref = attrs.get('r');
    this.col = (ref ? parseRef(ref).col : undefined) ?? this.col + 1;
    const s = attrs.get('s');
    this.cell = {
      type: attrs.get('t') ?? 'n',
      isDate: s !== undefined && Boolean(this.ctx.dateStyles[Number(s)]),
      v: undefined,
      f: undefined,
    };
    this.inline = '';
  }

  private endCell(): void {
    const plain = this.plainValue();
    const { f } = this.cell;
    const value: TypedCell =
      f === undefined ? (plain ?? null) : plain === undefined ? { formula: f } : { formula: f, result: plain };
    if (value !== null && value !== '') this.cells[this.col] = value;
  }

  /** The cell's value by its type, or undefined when it has none (a formula never computed). */
  private plainValue(): CellValue | undefined {
    const { type, v, isDate } = this.cell;
    if (type === 'inlineStr') return decodeValue(type, this.inline, isDate, this.ctx.date1904);
    if (v === undefined) return undefined;
    if (type === 's') return this.ctx.shared.get(Number(v)) ?? '';
    return decodeValue(type, v, isDate, this.ctx.date1904);
  }

  private endRow(): void {
    if (this.cells.length === 0 || this.finished) return;
    if (this.ctx.onRow({ sheet: this.ctx.sheet, row: this.row, cells: this.cells }) === false) this.finished = true;
  }
}
