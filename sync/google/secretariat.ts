// The secretariat's three columns of Tổng hợp, as typed in the Google Sheet, brought back into the
// master by nomination id before the push overwrites the Sheet — so what anyone typed there survives.
// Columns are found by header text (any order, extra columns allowed), never by position.
import type ExcelJS from 'exceljs';
import { matchKey, tidy } from '../../engine/index.js';
import { columnOf, findHeaderRow, HEADER_SCAN_ROWS, headerText, type HeaderMap } from '../master/header-row.js';
import {
  ID_HEADER,
  SECRETARIAT_HEADERS,
  SECRETARIAT_KEYS,
  type SecretariatKey,
  type SecretariatValues,
} from '../master/layout.js';

const textOf = headerText;
const findHeader = (rows: ReadonlyArray<ReadonlyArray<unknown> | undefined>) => findHeaderRow(rows, ID_HEADER);

export interface SheetRow {
  /** 1-based row in the Google Sheet. */
  row: number;
  values: SecretariatValues;
  /** The whole row by matchKey(header), to rebuild it in the master when the master no longer has it. */
  cells: Map<string, string>;
}

export type SheetSecretariat =
  { kind: 'empty' } | { kind: 'no-id-column' } | { kind: 'read'; rows: Map<string, SheetRow>; orphanRows: number[] };

/** Reads Tổng hợp as the Google Sheet shows it: secretariat values by id, and rows that have values but no id. */
export function readSheetSecretariat(values: string[][]): SheetSecretariat {
  if (values.every((row) => row.every((v) => tidy(String(v ?? '')) === ''))) return { kind: 'empty' };
  const header = findHeader(values);
  if (!header) return { kind: 'no-id-column' };
  const idCol = columnOf(header, ID_HEADER)!;
  const cols = SECRETARIAT_KEYS.map((k) => [k, columnOf(header, SECRETARIAT_HEADERS[k])] as const);
  const rows = new Map<string, SheetRow>();
  const orphanRows: number[] = [];
  for (let r = header.row; r < values.length; r++) {
    const line = values[r] ?? [];
    const cell = (c: number | undefined) => (c === undefined ? '' : tidy(String(line[c - 1] ?? '')));
    const typed = Object.fromEntries(cols.map(([k, c]) => [k, cell(c)])) as SecretariatValues;
    const id = cell(idCol);
    const hasValue = SECRETARIAT_KEYS.some((k) => typed[k] !== '');
    if (!id) {
      if (hasValue) orphanRows.push(r + 1);
      continue;
    }
    const previous = rows.get(id);
    if (previous) {
      // A row copied within the Sheet: keep the first non-empty value of each column.
      for (const k of SECRETARIAT_KEYS) if (previous.values[k] === '') previous.values[k] = typed[k];
      continue;
    }
    const cells = new Map<string, string>();
    for (const [c, h] of header.headers) cells.set(matchKey(h), cell(c));
    rows.set(id, { row: r + 1, values: typed, cells });
  }
  return { kind: 'read', rows, orphanRows };
}

/** The first rows of a worksheet as plain arrays (index 0 = column A). */
function headRows(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SCAN_ROWS); r++)
    rows.push((ws.getRow(r).values as unknown[]).slice(1));
  return rows;
}

export interface SecretariatColumns {
  header: HeaderMap;
  idCol: number;
  cols: Record<SecretariatKey, number>;
}

/** Where the id and the secretariat's columns are in the master's Tổng hợp; the missing headers when not all are. */
export function findSecretariatColumns(ws: ExcelJS.Worksheet): SecretariatColumns | { missing: string[] } {
  const header = findHeader(headRows(ws));
  if (!header) return { missing: [ID_HEADER] };
  const cols = {} as Record<SecretariatKey, number>;
  const missing: string[] = [];
  for (const k of SECRETARIAT_KEYS) {
    const c = columnOf(header, SECRETARIAT_HEADERS[k]);
    if (c === undefined) missing.push(SECRETARIAT_HEADERS[k]);
    else cols[k] = c;
  }
  if (missing.length > 0) return { missing };
  return { header, idCol: columnOf(header, ID_HEADER)!, cols };
}

/** One secretariat value that the merge decided on, for the push's printout. */
export interface Decision {
  id: string;
  /** 1-based row in the master's Tổng hợp. */
  row: number;
  header: string;
  /** `sheet`: the Sheet's value replaced the master's; `master`: the master's newer edit was kept. */
  winner: 'sheet' | 'master';
  sheetValue: string;
  masterValue: string;
}

export interface MergeOutcome {
  decisions: Decision[];
  /** Ids present only in the Sheet, with a typed value: their rows were copied back into the master. */
  restored: string[];
}

/**
 * Merges the Sheet's values into the master's Tổng hợp. An empty Sheet cell never erases the master. A
 * non-empty Sheet value that differs wins, unless it is exactly what the previous push wrote (`base`)
 * and the master has since been changed to another non-empty value: then the master's newer edit stays.
 */
export function mergeSecretariat(
  ws: ExcelJS.Worksheet,
  columns: SecretariatColumns,
  sheet: Map<string, SheetRow>,
  base: Map<string, Partial<SecretariatValues>>,
): MergeOutcome {
  const decisions: Decision[] = [];
  const seen = new Set<string>();
  for (let r = columns.header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = textOf(row.getCell(columns.idCol).value);
    const typed = id ? sheet.get(id) : undefined;
    if (!id || !typed) continue;
    seen.add(id);
    for (const k of SECRETARIAT_KEYS) {
      const cell = row.getCell(columns.cols[k]);
      const masterValue = textOf(cell.value);
      const sheetValue = typed.values[k];
      if (sheetValue === '' || sheetValue === masterValue) continue;
      const header = SECRETARIAT_HEADERS[k];
      if (masterValue !== '' && base.get(id)?.[k] === sheetValue) {
        decisions.push({ id, row: r, header, winner: 'master', sheetValue, masterValue });
        continue;
      }
      cell.value = sheetValue;
      decisions.push({ id, row: r, header, winner: 'sheet', sheetValue, masterValue });
    }
  }
  const restored: string[] = [];
  for (const [id, typed] of sheet) {
    if (seen.has(id) || SECRETARIAT_KEYS.every((k) => typed.values[k] === '')) continue;
    const values: unknown[] = [];
    for (const [c, h] of columns.header.headers) values[c - 1] = typed.cells.get(matchKey(h)) || null;
    values[columns.idCol - 1] = id;
    for (const k of SECRETARIAT_KEYS) values[columns.cols[k] - 1] = typed.values[k] || null;
    ws.addRow(values);
    restored.push(id);
  }
  return { decisions, restored };
}

/** The secretariat values now in the master, by id: what the push writes and remembers as the next base. */
export function masterSecretariat(
  ws: ExcelJS.Worksheet,
  columns: SecretariatColumns,
): Map<string, Partial<SecretariatValues>> {
  const result = new Map<string, Partial<SecretariatValues>>();
  for (let r = columns.header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const id = textOf(row.getCell(columns.idCol).value);
    if (!id) continue;
    const values: Partial<SecretariatValues> = {};
    for (const k of SECRETARIAT_KEYS) {
      const v = textOf(row.getCell(columns.cols[k]).value);
      if (v !== '') values[k] = v;
    }
    if (Object.keys(values).length > 0) result.set(id, values);
  }
  return result;
}
