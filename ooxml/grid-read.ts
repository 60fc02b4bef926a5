// An .xlsx package → engine grid, reading only what the checks need: sheet names, the 1904 flag, which
// styles are dates, the cells of the wanted sheets (values only; formulas give their cached result) and
// the shared strings those cells use. Everything else a clerk's workbook may carry — data validations
// over whole columns, thousands of merged ranges, conditional formats, pictures, other sheets — is never
// parsed. Rows stay sparse (a single cell at row 1,048,576 is one row, not a million), texts are cut just
// past Excel's cell limit, and the cells read are capped, so any file within the size limits is read in
// bounded time and memory. Pure: the merge (node/xlsx-grid.ts, streaming the zip) and the checker page
// (the zip in memory, inflated by the browser) give it their parts and read the same workbook the same way.
import { makeIssue, type Cell, type Issue, type SheetGrid, type WorkbookGrid } from '../engine/index.js';
import { LIMITS } from '../engine/limits.js';
import { parseRef, serialToDate, showsDate } from './facts.js';
import { Package, REL_TYPE, relsOf, resolveTarget } from './package.js';
import { XmlScanner, type XmlAttrs, type XmlHandler } from './xml-scan.js';
import type { ZipCodec } from './zip.js';

/** Why a package could not be read as a workbook; `cells` means it holds more cells than the cap. */
export class WorkbookReadError extends Error {
  constructor(
    readonly reason: 'notWorkbook' | 'noSheets' | 'cells',
    detail: string,
  ) {
    super(detail);
  }
}

export interface ReadGridOptions {
  /** Only the sheets whose name this accepts are read (default: every worksheet). */
  wantSheet?: (name: string) => boolean;
}

/** The parts of a package as the grid reader needs them: each part's XML streamed through a handler. */
export interface PartSource {
  has(part: string): boolean;
  /** Resolves when the part ends or the handler has finished; a missing part is empty. */
  scan(part: string, handler: XmlHandler): Promise<unknown>;
}

/** Text kept per cell: one character past Excel's limit, so a reader can still tell the cell was too long. */
const TEXT_CAP = LIMITS.cellChars + 1;

/** Reads a part's tags, never its text, and stops once the `until` element closes (the whole part without it). */
function scanTags(pkg: PartSource, part: string, open: XmlHandler['open'], until?: string): Promise<unknown> {
  let done = false;
  return pkg.scan(part, {
    open,
    close(name) {
      if (name === until) done = true;
    },
    text() {},
    wantsText: () => false,
    get finished() {
      return done;
    },
  });
}

// ---- Relationships: which part is the workbook, its sheets, shared strings and styles.

interface Relationship {
  type: string;
  /** Resolved part name. */
  target: string;
}

async function readRels(pkg: PartSource, part: string): Promise<Map<string, Relationship>> {
  const rels = new Map<string, Relationship>();
  const source = part === '' ? '' : part;
  await scanTags(pkg, relsOf(part), (name, attrs) => {
    if (name !== 'Relationship' || attrs.get('TargetMode') === 'External') return;
    const id = attrs.get('Id');
    const target = attrs.get('Target');
    if (id && target) rels.set(id, { type: attrs.get('Type') ?? '', target: resolveTarget(source, target) });
  });
  return rels;
}

const ofType = (rels: Map<string, Relationship>, type: string): Relationship[] =>
  [...rels.values()].filter((r) => r.type.endsWith(type));

interface WorkbookPart {
  sheets: { name: string; rid: string }[];
  date1904: boolean;
}

async function readWorkbookPart(pkg: PartSource, part: string): Promise<WorkbookPart> {
  const wb: WorkbookPart = { sheets: [], date1904: false };
  await scanTags(
    pkg,
    part,
    (name, attrs) => {
      if (name === 'workbookPr') {
        const v = attrs.get('date1904');
        wb.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rid = attrs.get('id');
        wb.sheets.push({ name: attrs.get('name') ?? '', rid: rid ?? '' });
      }
    },
    'sheets',
  );
  return wb;
}

// ---- Styles: which cell formats show a date (exceljs's test, so both readers agree).

/** Whether each cell format (by its index, a cell's `s`) shows a date. */
export async function readDateStyles(pkg: PartSource, part: string | undefined): Promise<boolean[]> {
  const dates: boolean[] = [];
  if (!part) return dates;
  const custom = new Map<number, string>();
  let inCellXfs = false;
  await scanTags(
    pkg,
    part,
    (name, attrs, selfClosing) => {
      if (name === 'numFmt') {
        custom.set(Number(attrs.get('numFmtId')), attrs.get('formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = !selfClosing;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attrs.get('numFmtId') ?? 0);
        dates.push(showsDate(id, custom));
      }
    },
    'cellXfs',
  );
  return dates;
}

// ---- Cells.

const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

/** A growing list of numbers in one typed array: pushing 80,000 cells' numbers into plain arrays cost a
 *  fifth of a sheet's reading. Float64: a shared-string index written in a cell may be any whole number. */
class NumberList {
  private data = new Float64Array(1024);
  length = 0;

  push(n: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = n;
  }

  at(k: number): number {
    return this.data[k]!;
  }

  values(): Float64Array {
    return this.data.subarray(0, this.length);
  }
}

/** The cells waiting for their shared string, in lists rather than an object per cell: each row that has
 *  some, and for each such cell its column and string index; the cells of `lines[r]` are those from
 *  `ends[r - 1]` (0 for the first) up to `ends[r]`. */
interface SharedRefs {
  lines: Cell[][];
  ends: number[];
  cols: NumberList;
  indexes: NumberList;
}

interface ReadState {
  cells: number;
  refs: SharedRefs;
  dateStyles: boolean[];
  date1904: boolean;
}

/** Reads one worksheet's cells into sparse rows. */
class SheetHandler implements XmlHandler {
  readonly rows: Cell[][] = [];
  finished = false;
  private inData = false;
  private row = -1;
  private line: Cell[] | undefined;
  private col = -1;
  // The cell being read.
  private type = '';
  private style = 0;
  private collecting = false;
  private inPhonetic = false;
  private value = '';
  private hasText = false;

  constructor(private readonly state: ReadState) {}

  wantsText(): boolean {
    return this.collecting;
  }

  text(t: string): void {
    if (this.value.length < TEXT_CAP) this.value += t;
    this.hasText = true;
  }

  open(name: string, attrs: XmlAttrs): void {
    if (!this.inData) {
      if (name === 'sheetData') this.inData = true;
      return;
    }
    switch (name) {
      case 'row': {
        const r = Number(attrs.get('r'));
        this.row = Number.isInteger(r) && r > 0 ? r - 1 : this.row + 1;
        this.line = undefined;
        this.col = -1;
        return;
      }
      case 'c': {
        const ref = attrs.get('r');
        const at = ref ? parseRef(ref) : {};
        this.col = at.col ?? this.col + 1;
        if (at.row !== undefined && at.row !== this.row) {
          this.row = at.row;
          this.line = undefined;
        }
        this.type = attrs.get('t') ?? 'n';
        this.style = Number(attrs.get('s') ?? 0) || 0;
        this.value = '';
        this.hasText = false;
        return;
      }
      case 'v':
        this.collecting = true;
        return;
      case 't':
        this.collecting = !this.inPhonetic;
        return;
      case 'rPh':
        this.inPhonetic = true;
        return;
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.collecting = false;
        return;
      case 'rPh':
        this.inPhonetic = false;
        return;
      case 'c':
        this.endCell();
        return;
      case 'sheetData':
        this.finished = true;
        return;
    }
  }

  private endCell(): void {
    if (!this.hasText || this.row < 0 || this.row >= MAX_ROWS || this.col < 0 || this.col >= MAX_COLS) return;
    let shared = -1;
    let value: Cell | undefined = null;
    if (this.type === 's') {
      // Shared strings are read after the cells, only those the cells use.
      shared = Number(this.value);
      if (!Number.isInteger(shared) || shared < 0) return;
    } else {
      value = decodeValue(this.type, this.value, Boolean(this.state.dateStyles[this.style]), this.state.date1904);
      if (value === undefined) return;
    }
    if (++this.state.cells > LIMITS.cells)
      throw new WorkbookReadError('cells', `more than ${LIMITS.cells} cells with a value`);
    const line = (this.line ??= this.rows[this.row] ??= []);
    line[this.col] = value;
    if (shared >= 0) {
      const refs = this.state.refs;
      if (refs.lines.at(-1) !== line) {
        refs.lines.push(line);
        refs.ends.push(0);
      }
      refs.cols.push(this.col);
      refs.indexes.push(shared);
      refs.ends[refs.ends.length - 1] = refs.cols.length;
    }
  }
}

/** A value a cell holds, once decoded. */
export type CellValue = string | number | boolean | Date;

/** A cell's value from its type (`t`, 's' excepted: the caller looks the string up) and the raw text of its
 *  <v> (or inline string), the one decoding of both readers, so a unit's workbook and the master read the
 *  same bytes to the same value; undefined when the cell holds none. Text cells are kept as written; the
 *  other values are trimmed, as a program may pad them. A value that does not parse as its type (a "d" that
 *  is no date, a number that is none) stays the text it is: the clerk sees what was typed, and the master
 *  carries it on, rather than NaN or an invalid Date that would be written back broken. */
export function decodeValue(type: string, raw: string, isDate: boolean, date1904: boolean): CellValue | undefined {
  if (type === 'str' || type === 'inlineStr') return unescapeText(raw);
  const text = raw.trim();
  switch (type) {
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return text;
    case 'd': {
      const d = new Date(text);
      return Number.isNaN(d.getTime()) ? text : d;
    }
    default: {
      if (text === '') return undefined;
      const n = Number(text);
      if (Number.isNaN(n)) return text;
      return (isDate && serialToDate(n, date1904)) || n;
    }
  }
}

/** OOXML writes characters XML cannot hold as _xHHHH_; Excel reads them back, and so does exceljs. */
export const unescapeText = (s: string): string =>
  s.length > TEXT_CAP
    ? unescapeText(s.slice(0, TEXT_CAP))
    : s.includes('_x')
      ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)))
      : s;

/** Reads the shared strings the cells refer to, and no further than the last one needed; every one when
 *  `needed` is not given (a reader that hands rows over as it goes needs them before the first row). */
export async function readSharedStrings(
  pkg: PartSource,
  part: string,
  needed?: ReadonlySet<number>,
): Promise<Map<number, string>> {
  const strings = new Map<number, string>();
  const wanted = needed ? (i: number) => needed.has(i) : () => true;
  let last = needed ? 0 : Infinity;
  for (const i of needed ?? []) if (i > last) last = i;
  let index = -1;
  let text = '';
  let collecting = false;
  let inPhonetic = false;
  let done = false;
  await pkg.scan(part, {
    open(name) {
      if (name === 'si') {
        index++;
        text = '';
      } else if (name === 't') collecting = !inPhonetic && wanted(index);
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') collecting = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') {
        if (wanted(index)) strings.set(index, unescapeText(text));
        if (index >= last) done = true;
      }
    },
    text(t) {
      if (text.length < TEXT_CAP) text += t;
    },
    wantsText: () => collecting,
    get finished() {
      return done;
    },
  });
  return strings;
}

/** The workbook part the package's root relationships point to. */
const findWorkbookPart = async (pkg: PartSource): Promise<string> =>
  ofType(await readRels(pkg, ''), REL_TYPE.officeDocument)[0]?.target ?? 'xl/workbook.xml';

/** Where a workbook's parts are, found as the format says: through the package's and the workbook's
 *  relationships, wherever the writer put them. */
export interface BookParts {
  /** The worksheets in workbook order, each with its part (which a damaged package may lack). */
  sheets: { name: string; part: string }[];
  date1904: boolean;
  styles?: string;
  sharedStrings?: string;
}

/** The workbook's parts; throws WorkbookReadError when the package holds no workbook. */
export async function readBookParts(pkg: PartSource): Promise<BookParts> {
  const workbookPart = await findWorkbookPart(pkg);
  if (!pkg.has(workbookPart)) throw new WorkbookReadError('notWorkbook', 'no workbook part');
  const wb = await readWorkbookPart(pkg, workbookPart);
  const rels = await readRels(pkg, workbookPart);
  const sheets = wb.sheets.flatMap((s) => {
    const rel = rels.get(s.rid);
    return rel && rel.type.endsWith(REL_TYPE.worksheet) ? [{ name: s.name, part: rel.target }] : [];
  });
  const target = (type: string) => ofType(rels, type)[0]?.target;
  return {
    sheets,
    date1904: wb.date1904,
    styles: target(REL_TYPE.styles),
    sharedStrings: target(REL_TYPE.sharedStrings),
  };
}

/** Reads the parts of an .xlsx package into a grid; throws WorkbookReadError (or a zip error) when it is not one. */
export async function readGrid(pkg: PartSource, opts: ReadGridOptions = {}): Promise<WorkbookGrid> {
  const book = await readBookParts(pkg);
  const worksheets = book.sheets.filter((s) => pkg.has(s.part));
  if (!worksheets.length) throw new WorkbookReadError('noSheets', 'no worksheet');
  const state: ReadState = {
    cells: 0,
    refs: { lines: [], ends: [], cols: new NumberList(), indexes: new NumberList() },
    dateStyles: await readDateStyles(pkg, book.styles),
    date1904: book.date1904,
  };
  const sheets: SheetGrid[] = [];
  for (const ws of worksheets) {
    if (opts.wantSheet && !opts.wantSheet(ws.name)) continue;
    const handler = new SheetHandler(state);
    await pkg.scan(ws.part, handler);
    sheets.push({ name: ws.name, rows: handler.rows });
  }
  const sst = book.sharedStrings;
  const { lines, ends, cols, indexes } = state.refs;
  if (indexes.length) {
    const strings = sst ? await readSharedStrings(pkg, sst, new Set(indexes.values())) : new Map<number, string>();
    for (let r = 0, k = 0; r < lines.length; r++)
      for (const line = lines[r]!; k < ends[r]!; k++) line[cols.at(k)] = strings.get(indexes.at(k)) ?? null;
  }
  return { sheets, date1904: book.date1904 };
}

/** The parts of a zip held in memory (ooxml/zip.ts), each inflated with `codec` when scanned. */
export function memoryParts(bytes: Uint8Array, codec: ZipCodec): PartSource {
  let pkg: Package;
  try {
    pkg = Package.open(bytes, codec);
  } catch {
    throw new WorkbookReadError('notWorkbook', 'not a zip');
  }
  return {
    has: (part) => pkg.has(part),
    scan: async (part, handler) => {
      const data = await pkg.bytes(part);
      if (!data) return;
      // Damaged text as U+FFFD and no CRC check, as the merge's streaming reader reads the same file.
      const scanner = new XmlScanner(handler, { fatal: false });
      scanner.write(data);
      scanner.end();
    },
  };
}

/** A library's error as one line for the issue's technical detail. */
export const errorText = (e: unknown): string => (e instanceof Error ? `${e.name}: ${e.message}` : String(e));

/** Why a package could not be read as a workbook, as the issue the merge and the page both report. */
export function readFailure(file: string, e: unknown): Issue {
  if (!(e instanceof WorkbookReadError))
    return makeIssue('FILE_UNREADABLE', { file }, { reason: 'fault', error: errorText(e) });
  switch (e.reason) {
    case 'cells':
      return makeIssue('FILE_TOO_LARGE', { file }, { over: { what: 'cells', limit: LIMITS.cells } });
    case 'noSheets':
      return makeIssue('FILE_UNREADABLE', { file }, { reason: 'noSheets' });
    case 'notWorkbook':
      return makeIssue('FILE_UNREADABLE', { file }, { reason: 'parser' });
  }
}
