// What the secretariat typed into the previous master, read back for the next one. Any master sheet can
// carry typed columns matched by a key column (Tổng hợp by nomination id, Theo đơn vị by unit code, …):
// each is described by a TypedSheet. Values keep their type (dates stay dates, formulas stay
// formulas). A value that does not fit one row per key — a copied row whose copies disagree, a row
// inserted without a key — is never dropped: it becomes an Unmatched entry, written to the
// `Ghi chú không khớp` sheet (SPEC §7), whose own rows are carried from master to master.
//
// The typed-values family, one home for what the secretariat types: this module reads it from the previous
// master; council.ts and received-time.ts turn it into the merge's terms; reconcile.ts brings what was typed
// in the Google Sheet into the master before a push. Readers look rows up with keptRow/keptRows only.
import { cellText, columnLetter, flattenCell, matchKey } from '../../engine/index.js';
import { isFormula, readXlsxRows, XlsxReadError, type RowEvent, type TypedCell } from '../../node/xlsx-rows.js';
import { ToldError } from '../../engine/told-error.js';
import { DAMAGED_REASON, isDamagedData, readReason } from '../../node/fs-errors.js';
import { columnOf, findHeaderRow, HEADER_SCAN_ROWS, type HeaderMap } from '../master/header-row.js';

/** A master sheet with columns typed by the secretariat, matched back by a key column. */
export interface TypedSheet {
  sheet: string;
  /** Header of the key column (`Mã đề nghị`, `Mã đơn vị`). */
  key: string;
  /** Headers of the typed columns. */
  columns: readonly string[];
  /** Keep the whole row of keys carrying a value, to rebuild rows that left the merge. */
  keepRows?: boolean;
  /** Of two different values for one key and column, which is kept: 0 the first, 1 the second (default 0). */
  prefer?: (column: string, values: [TypedCell, TypedCell]) => 0 | 1;
  /** Found by its headers when no sheet has its name (a renamed tab). */
  findByHeaders?: boolean;
  /** The read fails when the sheet is not there (the tally: without it this is not a master). */
  required?: boolean;
  /** Headers of the columns the merge computes itself. With them, every other column carrying a value (a
   *  typed column renamed, a header cleared, a column the secretariat added) is recognised as not the
   *  merge's: its values are set aside in Ghi chú không khớp rather than silently dropped on the next write. */
  computed?: readonly string[];
  /** The only keys the next master writes a row for (Theo đơn vị: the plan's units); a value typed on any
   *  other key (the totals row, a mistyped code) has nowhere to go and is set aside. */
  keys?: ReadonlySet<string>;
}

export interface KeptRow {
  /** The key as first typed; the table holds it under keyOf(key). */
  key: string;
  /** 1-based row it was read from. */
  at: number;
  /** Typed values by column header (only non-empty ones). */
  values: Map<string, TypedCell>;
  /** The whole row by header, for keepRows sheets. */
  row: Map<string, TypedCell>;
}

export interface Unmatched {
  sheet: string;
  row: number | null;
  column: string;
  key: string;
  value: TypedCell;
  reason: string;
  /** The row's own content, so a person can tell which line it was. */
  context: string;
  /** When it was first set aside (text as written in the sheet). */
  recordedAt: string;
}

/** One sheet's typed rows. Internal to this module: readers outside look rows up with keptRow/keptRows. */
interface TypedTable {
  spec: TypedSheet;
  /** The sheet's name in the file, when found. */
  foundAs?: string;
  /** By keyOf(key): an id or code re-typed in other letter case still finds its row. */
  byKey: Map<string, KeptRow>;
}

/** How keys are compared: trimmed, case-insensitive (an id upper-cased by hand is the same id). */
export const keyOf = (key: string): string => matchKey(key);

/** The row typed for `key` in one sheet (by its SPEC name), matched as keys are matched. */
export const keptRow = (values: TypedValues, sheet: string, key: string): KeptRow | undefined =>
  values.tables.get(sheet)?.byKey.get(keyOf(key));

/** Every row typed in one sheet (by its SPEC name), in the order first read. */
export const keptRows = (values: TypedValues, sheet: string): Iterable<KeptRow> =>
  values.tables.get(sheet)?.byKey.values() ?? [];

export interface TypedValues {
  tables: Map<string, TypedTable>;
  /** Values that matched no single row this time, plus those carried from the previous Ghi chú không khớp. */
  unmatched: Unmatched[];
  /** How many entries of `unmatched` were found in this read (the rest were already in the sheet). */
  newlyUnmatched: number;
  /** Columns, by sheet, whose values were set aside as not the merge's (a renamed typed column, …). */
  strayColumns: { sheet: string; columns: string[] }[];
}

export const noTypedValues = (): TypedValues => ({
  tables: new Map(),
  unmatched: [],
  newlyUnmatched: 0,
  strayColumns: [],
});

/** A cell is empty when it holds nothing but spaces. */
export const isBlank = (v: TypedCell | undefined): boolean =>
  v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** The value as a person reads it (a formula by its cached value, or its text when it has none). */
export function typedText(v: TypedCell | undefined): string {
  if (v === null || v === undefined) return '';
  if (isFormula(v)) return v.result === undefined ? `=${v.formula}` : cellText(flattenCell(v.result));
  return cellText(v);
}

/** Same value and same type: "1" and 1 differ, as do a date and its serial. */
export function sameTyped(a: TypedCell, b: TypedCell): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (isFormula(a) && isFormula(b)) return a.formula === b.formula;
  if (typeof a === 'string' && typeof b === 'string') return a.trim() === b.trim();
  return a === b;
}

/** The Ghi chú không khớp sheet's own columns (SPEC §7). */
export const UNMATCHED_HEADERS = {
  sheet: 'Trang',
  row: 'Dòng',
  column: 'Cột',
  key: 'Mã',
  value: 'Giá trị đã nhập',
  reason: 'Lý do',
  context: 'Nội dung dòng',
  recordedAt: 'Ghi nhận lúc',
} as const;

export const UNMATCHED_REASONS = {
  copy: 'Dòng chép trùng mã: giá trị khác với dòng được giữ',
  noKey: 'Dòng không có mã',
  unknownKey: 'Mã không có trong kế hoạch nên không có dòng để giữ',
  bothEdited: 'Sửa khác nhau trong sổ và trên Google Sheet sau lần đẩy trước; dòng giữ giá trị còn lại',
  strayColumn:
    'Cột không phải của sổ (tiêu đề bị đổi, bị xóa hoặc cột thêm vào): lần tổng hợp sau không ghi lại cột này, nên giá trị được giữ ở đây',
} as const;

/** A column whose header is blank is named by its letter. */
const columnLabel = (header: HeaderMap, col: number) => header.headers.get(col) ?? `Cột ${columnLetter(col - 1)}`;

/** Reads one sheet's rows into a TypedTable. */
class SheetCollector {
  header?: HeaderMap;
  private readonly head: TypedCell[][] = [];
  private keyCol = 0;
  private cols: { header: string; col: number }[] = [];
  /** 1-based columns that are neither the key, a typed column nor a computed one (with `computed`). */
  private stray = new Set<number>();
  private own = new Set<string>();
  readonly byKey = new Map<string, KeptRow>();

  constructor(
    readonly spec: TypedSheet,
    private readonly sheetName: string,
    private readonly unmatched: Unmatched[],
    private readonly recordedAt: string,
  ) {}

  /** False when this sheet turns out not to hold the spec's header. */
  add(row: number, cells: TypedCell[]): boolean {
    if (!this.header) {
      this.head[row - 1] = cells.map((c) => (isFormula(c) ? (c.result ?? null) : c)) as TypedCell[];
      const plain = Array.from(this.head, (r) => r ?? []);
      const found = findHeaderRow(plain, this.spec.key);
      if (!found) return row < HEADER_SCAN_ROWS;
      this.header = found;
      this.keyCol = columnOf(found, this.spec.key)! - 1;
      this.cols = this.spec.columns.flatMap((h) => {
        const c = columnOf(found, h);
        return c === undefined ? [] : [{ header: h, col: c - 1 }];
      });
      this.own = new Set([this.spec.key, ...this.spec.columns, ...(this.spec.computed ?? [])].map(matchKey));
      return true;
    }
    if (row <= this.header.row) return true;
    const values = new Map<string, TypedCell>();
    for (const { header, col } of this.cols) if (!isBlank(cells[col])) values.set(header, cells[col]!);
    const key = cellText(flattenCell(isFormula(cells[this.keyCol]) ? null : cells[this.keyCol]));
    if (this.spec.computed) this.setAsideStray(row, key, cells);
    if (values.size === 0) return true;
    const known = this.spec.keys ? [...this.spec.keys].find((k) => keyOf(k) === keyOf(key)) : key;
    if (!key || known === undefined) {
      const reason = key ? UNMATCHED_REASONS.unknownKey : UNMATCHED_REASONS.noKey;
      for (const [column, value] of values) this.setAside(row, column, key, value, reason, cells);
      return true;
    }
    const kept = this.byKey.get(keyOf(key));
    if (!kept) {
      const whole = new Map<string, TypedCell>();
      if (this.spec.keepRows)
        for (const [c, h] of this.header.headers) if (!isBlank(cells[c - 1])) whole.set(h, cells[c - 1]!);
      this.byKey.set(keyOf(key), { key: known, at: row, values, row: whole });
      return true;
    }
    // A copied row: a value beside an empty cell fills it; two different values keep one, set the other aside.
    for (const [column, value] of values) {
      const current = kept.values.get(column);
      if (current === undefined) kept.values.set(column, value);
      else if (!sameTyped(current, value)) {
        const winner = this.spec.prefer?.(column, [current, value]) ?? 0;
        if (winner === 1) {
          kept.values.set(column, value);
          this.setAside(kept.at, column, key, current, UNMATCHED_REASONS.copy, undefined);
        } else this.setAside(row, column, key, value, UNMATCHED_REASONS.copy, cells);
      }
    }
    return true;
  }

  /** Values in columns that are not the merge's: kept in Ghi chú không khớp, under the column as it reads. */
  private setAsideStray(row: number, key: string, cells: TypedCell[]): void {
    cells.forEach((value, i) => {
      const col = i + 1;
      if (isBlank(value) || col - 1 === this.keyCol) return;
      const header = this.header!.headers.get(col);
      if (header !== undefined && this.own.has(matchKey(header))) return;
      this.stray.add(col);
      this.setAside(row, columnLabel(this.header!, col), key, value, UNMATCHED_REASONS.strayColumn, cells);
    });
  }

  /** The columns whose values were set aside as not the merge's, as they read. */
  strayColumns(): string[] {
    return [...this.stray].sort((a, b) => a - b).map((c) => columnLabel(this.header!, c));
  }

  private setAside(
    row: number,
    column: string,
    key: string,
    value: TypedCell,
    reason: string,
    cells: TypedCell[] | undefined,
  ): void {
    const context = cells
      ? [...this.header!.headers]
          .filter(([c, h]) => !this.cols.some((x) => x.header === h) && !this.stray.has(c) && !isBlank(cells[c - 1]))
          .slice(0, 4)
          .map(([c, h]) => `${h}: ${typedText(cells[c - 1])}`)
          .join('; ')
      : '';
    this.unmatched.push({
      sheet: this.sheetName,
      row,
      column,
      key,
      value,
      reason,
      context,
      recordedAt: this.recordedAt,
    });
  }
}

/** Reads the previous Ghi chú không khớp rows back as they are. */
class UnmatchedCollector {
  private header?: HeaderMap;
  constructor(private readonly out: Unmatched[]) {}
  add(row: number, cells: TypedCell[]): boolean {
    if (!this.header) {
      this.header = findHeaderRow([cells], UNMATCHED_HEADERS.value);
      return Boolean(this.header) || row < HEADER_SCAN_ROWS;
    }
    const at = (k: keyof typeof UNMATCHED_HEADERS) => {
      const c = columnOf(this.header!, UNMATCHED_HEADERS[k]);
      return c === undefined ? null : (cells[c - 1] ?? null);
    };
    const value = at('value');
    if (isBlank(value)) return true;
    const rowNumber = at('row');
    this.out.push({
      sheet: typedText(at('sheet')),
      row: typeof rowNumber === 'number' ? rowNumber : null,
      column: typedText(at('column')),
      key: typedText(at('key')),
      value,
      reason: typedText(at('reason')),
      context: typedText(at('context')),
      recordedAt: typedText(at('recordedAt')),
    });
    return true;
  }
}

/** Why a master could not be read, in Vietnamese: the library's own words go to the log, not the screen. */
function readFailure(file: string, e: unknown): string {
  const errno = readReason((e as NodeJS.ErrnoException)?.code, file);
  if (errno) return errno;
  if (e instanceof XlsxReadError) return e.message;
  return isDamagedData(e) ? DAMAGED_REASON : 'nội dung tệp không đọc được';
}

export const unreadableMaster = (file: string, why: string, cause?: unknown) =>
  new ToldError(
    `Không đọc được sổ tổng hợp cũ "${file}" (${why}). Sổ cũ được giữ nguyên, không ghi gì; hãy mở thử tệp bằng Excel, hoặc khôi phục bản sao (.bak.xlsx), hoặc chọn --out khác.`,
    { cause },
  );

/** A typed sheet whose key header is gone: its values cannot be told apart, so nothing is written. */
const lostKeyColumn = (file: string, sheet: string, key: string) =>
  new ToldError(
    `Trang "${sheet}" của sổ tổng hợp "${file}" không còn cột "${key}" trong ${HEADER_SCAN_ROWS} dòng đầu (tiêu đề bị đổi hoặc bị xóa?), nên không biết các giá trị Văn phòng đã nhập ở trang này thuộc dòng nào. Sổ được giữ nguyên, không ghi gì; hãy đặt lại tiêu đề "${key}" cho cột đó rồi chạy lại.`,
  );

/** What one pass over the master's rows collected, sheet by sheet. */
interface Collected {
  /** Every sheet name of the file, for the message when a required sheet is missing. */
  names: string[];
  byName: Map<string, SheetCollector | UnmatchedCollector>;
  /** Sheets looked at only because a spec may be found by its headers there. */
  candidates: SheetCollector[];
  /** Rows of the previous Ghi chú không khớp. */
  carried: Unmatched[];
  /** Values set aside in this read. */
  found: Unmatched[];
}

/**
 * Reads what the secretariat typed into the sheets `specs` describe, and the previous Ghi chú không khớp
 * (`unmatchedSheet`). No file: nothing typed yet. A file that cannot be read throws: it is kept as it is.
 */
export async function readTypedValues(
  file: string,
  specs: TypedSheet[],
  unmatchedSheet: string,
  recordedAt: string,
): Promise<TypedValues> {
  const pass = typedValuesPass(file, specs, unmatchedSheet, recordedAt);
  try {
    await readXlsxRows(file, pass);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return noTypedValues();
    throw unreadableMaster(file, readFailure(file, e), e);
  }
  return pass.result();
}

/** The typed values' share of one pass over a master's rows (readXlsxRows' pick and onRow), so that a
 *  reader of other sheets (documents) reads the file once; `result` after the pass throws as
 *  readTypedValues does. */
export interface TypedValuesPass {
  pick: (names: string[]) => string[];
  onRow: (event: RowEvent) => boolean;
  result: () => TypedValues;
}

export function typedValuesPass(
  file: string,
  specs: TypedSheet[],
  unmatchedSheet: string,
  recordedAt: string,
): TypedValuesPass {
  const c: Collected = { names: [], byName: new Map(), candidates: [], carried: [], found: [] };
  return {
    pick: (all) => pickSheets(c, all, specs, unmatchedSheet, recordedAt),
    onRow: (event) => collectRow(c, event, specs, recordedAt),
    result: () => {
      const result = noTypedValues();
      addTables(file, c, result);
      requireSheets(file, specs, c.names, result);
      addUnmatched(c, result);
      return result;
    },
  };
}

/** Whether a collector already reads `spec` (with `withHeader`: and has found its header there). */
const claimed = (c: Collected, spec: TypedSheet, withHeader = false) =>
  [...c.byName.values()].some((x) => 'spec' in x && x.spec === spec && (!withHeader || x.header));

/** Each sheet a spec names gets its collector; with a renamed tab every other sheet is looked at too. */
function pickSheets(c: Collected, all: string[], specs: TypedSheet[], unmatchedSheet: string, recordedAt: string) {
  c.names = all;
  const picked: string[] = [];
  for (const spec of specs) {
    const name = all.find((n) => matchKey(n) === matchKey(spec.sheet));
    if (name) {
      c.byName.set(name, new SheetCollector(spec, name, c.found, recordedAt));
      picked.push(name);
    }
  }
  const unmatchedName = all.find((n) => matchKey(n) === matchKey(unmatchedSheet));
  if (unmatchedName) {
    c.byName.set(unmatchedName, new UnmatchedCollector(c.carried));
    picked.push(unmatchedName);
  }
  // A renamed tab: every other sheet is looked at until its header shows it.
  if (specs.some((s) => s.findByHeaders && !claimed(c, s))) picked.push(...all.filter((n) => !c.byName.has(n)));
  return picked;
}

/** One row into its sheet's collector (a probe for a renamed tab when the sheet has none); false: no more. */
function collectRow(c: Collected, { sheet, row, cells }: RowEvent, specs: TypedSheet[], recordedAt: string): boolean {
  let collector = c.byName.get(sheet);
  if (!collector) {
    const spec = specs.find((s) => s.findByHeaders && !claimed(c, s, true));
    if (!spec) return false;
    const probe = new SheetCollector(spec, sheet, c.found, recordedAt);
    c.candidates.push(probe);
    c.byName.set(sheet, probe);
    collector = probe;
  }
  const going = collector.add(row, cells);
  if (!going && collector instanceof SheetCollector && c.candidates.includes(collector)) c.byName.delete(sheet);
  return going;
}

/** Each sheet whose header was found becomes a table; a named sheet without its key column stops the read. */
function addTables(file: string, c: Collected, result: TypedValues): void {
  for (const [name, collector] of c.byName) {
    if (!(collector instanceof SheetCollector)) continue;
    if (!collector.header) {
      if (!c.candidates.includes(collector)) throw lostKeyColumn(file, name, collector.spec.key);
      continue;
    }
    if (result.tables.has(collector.spec.sheet)) continue;
    const stray = collector.strayColumns();
    if (stray.length) result.strayColumns.push({ sheet: name, columns: stray });
    // Columns the spec reads by header must all be there; a partial header is another sheet.
    result.tables.set(collector.spec.sheet, { spec: collector.spec, foundAs: name, byKey: collector.byKey });
  }
}

/** A required sheet (the tally) missing means the file is not a master. */
function requireSheets(file: string, specs: TypedSheet[], names: string[], result: TypedValues): void {
  for (const spec of specs) {
    if (spec.required && !result.tables.get(spec.sheet)?.byKey)
      throw unreadableMaster(
        file,
        `không có trang "${spec.sheet}" với cột "${spec.key}"; các trang: ${names.join(', ')}`,
      );
  }
}

/** Entries already set aside stay; the same value set aside again is not repeated. */
function addUnmatched(c: Collected, result: TypedValues): void {
  const seen = new Set(c.carried.map(unmatchedKey));
  const fresh = c.found.filter((u) => !seen.has(unmatchedKey(u)));
  result.unmatched = [...c.carried, ...fresh];
  result.newlyUnmatched = fresh.length;
}

const unmatchedKey = (u: Unmatched) => JSON.stringify([u.sheet, u.column, u.key, typedText(u.value), u.reason]);
