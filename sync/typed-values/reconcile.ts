// The secretariat's columns as typed in the Google Sheet — the three of Tổng hợp by nomination id, the
// received time of Theo đơn vị by unit code — brought back into the master before the push overwrites
// the Sheet, so what anyone typed there survives. Each sheet is described by the same TypedSheet the
// merge reads the master with. Columns are found by header text (any order, extra columns allowed),
// never by position. A value that cannot be kept in its row (two copies of a row that disagree, a clash
// between the Sheet and a newer edit in the master) goes to Ghi chú không khớp, never away.
import type ExcelJS from 'exceljs';
import { flattenCell, matchKey, tidy } from '../../engine/index.js';
import type { TypedCell } from '../../node/xlsx-rows.js';
import { UNMATCHED_REASONS, type TypedSheet, type Unmatched } from './master.js';
import { columnOf, findHeaderRow, HEADER_SCAN_ROWS, type HeaderMap } from '../master/header-row.js';
import { sheetText } from '../google/sheet-values.js';

/** Typed values of one row by column header. */
export type RowValues = Record<string, string>;

export interface SheetRow {
  /** 1-based row in the Google Sheet. */
  row: number;
  /** Every typed column the Sheet has, '' when empty. */
  values: RowValues;
  /** The whole row by matchKey(header), to rebuild it in the master when the master no longer has it. */
  cells: Map<string, string>;
}

/** A tab read: its rows are reached through rowOf and sheetRows, keys matched as the push matches them. */
export interface SheetRead {
  kind: 'read';
  rows: Map<string, SheetRow>;
  orphanRows: number[];
  copies: Unmatched[];
}

export type SheetTyped = { kind: 'empty' } | { kind: 'no-key-column' } | SheetRead;

/** The Sheet's row for a key as the master spells it (the push matches keys exactly). */
export const rowOf = (read: SheetRead, key: string): SheetRow | undefined => read.rows.get(key);

/** Every keyed row of the tab, with its key, in Sheet order. */
const sheetRows = (read: SheetRead): Iterable<[string, SheetRow]> => read.rows.entries();

const cellOf = (line: readonly string[], c: number | undefined) =>
  c === undefined ? '' : tidy(String(line[c - 1] ?? ''));

/** What a row says besides the typed columns, so a person can tell which line a set-aside value came from. */
function contextOf(header: HeaderMap, line: readonly string[], spec: TypedSheet): string {
  const typed = new Set(spec.columns.map(matchKey));
  return [...header.headers]
    .filter(([c, h]) => !typed.has(matchKey(h)) && cellOf(line, c) !== '')
    .slice(0, 4)
    .map(([c, h]) => `${h}: ${cellOf(line, c)}`)
    .join('; ');
}

/** A master cell's value as the merge keeps typed values (a date stays a date, a formula a formula). */
function typedOf(v: ExcelJS.CellValue): TypedCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object' && 'formula' in v && typeof v.formula === 'string') {
    const result = flattenCell(v.result);
    return result === null ? { formula: v.formula } : { formula: v.formula, result };
  }
  return sheetText(v);
}

/** Where a value read from the Google Sheet is said to come from in Ghi chú không khớp. */
export const sheetSource = (spec: TypedSheet) => `${spec.sheet} (Google Sheet)`;

/**
 * Reads one tab as the Google Sheet shows it: typed values by key, rows that have values but no key, and
 * the values of copied rows (same key twice) that disagree with the copy kept.
 */
export function readSheetTyped(values: string[][], spec: TypedSheet, recordedAt: string): SheetTyped {
  if (values.every((row) => row.every((v) => tidy(String(v ?? '')) === ''))) return { kind: 'empty' };
  const header = findHeaderRow(values, spec.key);
  if (!header) return { kind: 'no-key-column' };
  const keyCol = columnOf(header, spec.key)!;
  const cols = spec.columns.flatMap((h) => {
    const c = columnOf(header, h);
    return c === undefined ? [] : [[h, c] as const];
  });
  const rows = new Map<string, SheetRow>();
  const orphanRows: number[] = [];
  const copies: Unmatched[] = [];
  for (let r = header.row; r < values.length; r++) {
    const line = values[r] ?? [];
    const typed: RowValues = Object.fromEntries(cols.map(([h, c]) => [h, cellOf(line, c)]));
    const key = cellOf(line, keyCol);
    const hasValue = Object.values(typed).some((v) => v !== '');
    if (!key) {
      if (hasValue) orphanRows.push(r + 1);
      continue;
    }
    const kept = rows.get(key);
    if (kept) {
      // A row copied within the Sheet: a value beside an empty cell fills it; of two different values one
      // is kept (a council refusal wins), the other set aside.
      for (const [h] of cols) {
        const [current, value] = [kept.values[h]!, typed[h]!];
        if (value === '' || value === current) continue;
        if (current === '') {
          kept.values[h] = value;
          continue;
        }
        const second = spec.prefer?.(h, [current, value]) === 1;
        if (second) kept.values[h] = value;
        copies.push({
          sheet: sheetSource(spec),
          row: second ? kept.row : r + 1,
          column: h,
          key,
          value: second ? current : value,
          reason: UNMATCHED_REASONS.copy,
          context: contextOf(header, line, spec),
          recordedAt,
        });
      }
      continue;
    }
    const cells = new Map<string, string>();
    for (const [c, h] of header.headers) cells.set(matchKey(h), cellOf(line, c));
    rows.set(key, { row: r + 1, values: typed, cells });
  }
  return { kind: 'read', rows, orphanRows, copies };
}

/** The first rows of a worksheet as plain arrays (index 0 = column A). */
function headRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SCAN_ROWS); r++)
    rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
}

export interface TypedColumns {
  header: HeaderMap;
  keyCol: number;
  /** 1-based column of each typed header. */
  cols: Map<string, number>;
}

/** Where the key and the typed columns are in a master sheet; the missing headers when not all are. */
export function findTypedColumns(ws: ExcelJS.Worksheet, spec: TypedSheet): TypedColumns | { missing: string[] } {
  const header = findHeaderRow(headRows(ws), spec.key);
  if (!header) return { missing: [spec.key] };
  const cols = new Map<string, number>();
  const missing: string[] = [];
  for (const h of spec.columns) {
    const c = columnOf(header, h);
    if (c === undefined) missing.push(h);
    else cols.set(h, c);
  }
  if (missing.length > 0) return { missing };
  return { header, keyCol: columnOf(header, spec.key)!, cols };
}

/** One typed value that the merge decided on, for the push's printout. */
export interface Decision {
  key: string;
  /** 1-based row in the master sheet. */
  row: number;
  header: string;
  /** `sheet`: the Sheet's value replaced the master's; `master`: the master's value was kept. */
  winner: 'sheet' | 'master';
  sheetValue: string;
  masterValue: string;
  /** Both sides had changed it since the last push: the value not kept went to Ghi chú không khớp. */
  setAside?: boolean;
}

export interface ReconcileOutcome {
  decisions: Decision[];
  /** Keys present only in the Sheet, with a typed value: their rows were copied back into the master. */
  restored: string[];
  /** Values that have no row to stay in: for Ghi chú không khớp. */
  setAside: Unmatched[];
}

/**
 * Merges the Sheet's values into a master sheet. An empty Sheet cell never erases the master. A non-empty
 * Sheet value that differs wins when the master still holds what the previous push wrote (`base`); when
 * the Sheet still holds what the previous push wrote, the master's newer edit stays. When both changed
 * (or there is no record), the Sheet's wins — unless the master's is a council refusal — and the other
 * is set aside. A key only the Sheet has is copied back as a row (sheets that keep rows) or set aside.
 */
export function reconcileTyped(
  ws: ExcelJS.Worksheet,
  columns: TypedColumns,
  spec: TypedSheet,
  sheet: SheetRead,
  base: Map<string, RowValues>,
  recordedAt: string,
): ReconcileOutcome {
  const ctx: Reconciling = { ws, columns, spec, base, recordedAt, out: { decisions: [], restored: [], setAside: [] } };
  const seen = new Set<string>();
  for (let r = columns.header.row + 1; r <= ws.rowCount; r++) {
    const key = sheetText(ws.getRow(r).getCell(columns.keyCol).value);
    const typed = key ? rowOf(sheet, key) : undefined;
    if (!key || !typed) continue;
    seen.add(key);
    for (const [header, col] of columns.cols) reconcileCell(ctx, r, key, typed, header, col);
  }
  for (const [key, typed] of sheetRows(sheet)) if (!seen.has(key)) keepSheetOnlyRow(ctx, key, typed);
  return ctx.out;
}

/** One master sheet being reconciled, and what was decided so far. */
interface Reconciling {
  ws: ExcelJS.Worksheet;
  columns: TypedColumns;
  spec: TypedSheet;
  base: Map<string, RowValues>;
  recordedAt: string;
  out: ReconcileOutcome;
}

/** One typed cell of a master row against the Sheet's value for it (see reconcileTyped for the rule). */
function reconcileCell(ctx: Reconciling, r: number, key: string, typed: SheetRow, header: string, col: number): void {
  const { spec, out } = ctx;
  const cell = ctx.ws.getRow(r).getCell(col);
  const masterValue = sheetText(cell.value);
  const sheetValue = typed.values[header] ?? '';
  if (sheetValue === '' || sheetValue === masterValue) return;
  const pushed = ctx.base.get(key)?.[header];
  if (masterValue !== '' && pushed === sheetValue) {
    out.decisions.push({ key, row: r, header, winner: 'master', sheetValue, masterValue });
    return;
  }
  const clash = masterValue !== '' && pushed !== masterValue;
  const masterWins = clash && spec.prefer?.(header, [sheetValue, masterValue]) === 1;
  if (clash)
    out.setAside.push({
      sheet: masterWins ? sheetSource(spec) : spec.sheet,
      row: masterWins ? typed.row : r,
      column: header,
      key,
      value: masterWins ? sheetValue : typedOf(cell.value),
      reason: UNMATCHED_REASONS.bothEdited,
      context: '',
      recordedAt: ctx.recordedAt,
    });
  if (masterWins) {
    out.decisions.push({ key, row: r, header, winner: 'master', sheetValue, masterValue, setAside: true });
    return;
  }
  cell.value = sheetValue;
  out.decisions.push({ key, row: r, header, winner: 'sheet', sheetValue, masterValue, setAside: clash });
}

/** A key only the Sheet has, with a typed value: its row is copied back (sheets that keep rows) or set aside. */
function keepSheetOnlyRow(ctx: Reconciling, key: string, typed: SheetRow): void {
  const { columns, spec, out } = ctx;
  const filled = [...columns.cols.keys()].filter((h) => (typed.values[h] ?? '') !== '');
  if (filled.length === 0) return;
  if (!spec.keepRows) {
    for (const h of filled)
      out.setAside.push({
        sheet: sheetSource(spec),
        row: typed.row,
        column: h,
        key,
        value: typed.values[h]!,
        reason: UNMATCHED_REASONS.unknownKey,
        context: '',
        recordedAt: ctx.recordedAt,
      });
    return;
  }
  const values: unknown[] = [];
  for (const [c, h] of columns.header.headers) values[c - 1] = typed.cells.get(matchKey(h)) || null;
  values[columns.keyCol - 1] = key;
  for (const [h, c] of columns.cols) values[c - 1] = typed.values[h] || null;
  ctx.ws.addRow(values);
  out.restored.push(key);
}

/** The typed values now in a master sheet, by key, as the push writes them: remembered as the next base. */
export function masterTyped(ws: ExcelJS.Worksheet, columns: TypedColumns): Map<string, RowValues> {
  const result = new Map<string, RowValues>();
  for (let r = columns.header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const key = sheetText(row.getCell(columns.keyCol).value);
    if (!key) continue;
    const values: RowValues = {};
    for (const [h, c] of columns.cols) {
      const v = sheetText(row.getCell(c).value);
      if (v !== '') values[h] = v;
    }
    if (Object.keys(values).length > 0) result.set(key, values);
  }
  return result;
}
