// The plan as a workbook a secretariat edits (Kế hoạch.xlsx), and back: the plan → sheets of cells, and
// sheets of cells → the plan's JSON, each value remembered by the sheet, row and column it came from so a
// problem is told where the secretariat typed it. Which part goes where is PLAN_WORKBOOK_SHEETS.
import type { Cell, SheetGrid, WorkbookGrid } from './cells.js';
import { cellText, columnLetter, readDate } from './cells.js';
import {
  fieldKind,
  NO,
  PAIR_HEADERS,
  PAIR_LABELS,
  pairLabel,
  PLAN_PARTS,
  PLAN_WORKBOOK_SHEETS,
  sheetForPart,
  YES,
  type PlanColumnSpec,
  type PairsSheetSpec,
  type SheetSpec,
  type TableSheetSpec,
} from './plan-workbook-map.js';
import type { Plan } from './plan.js';

/** One sheet as written: its header row, data rows, and the column specs (dropdowns, hints). */
export interface PlanWorkbookSheet {
  spec: SheetSpec;
  columns: PlanColumnSpec[];
  rows: Cell[][];
}

type Json = unknown;
type JsonObject = Record<string, Json>;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A value as a cell: dates as dates (edited with the date picker), booleans as Có/Không, lists per line. */
function toCell(value: Json, column?: PlanColumnSpec): Cell {
  if (value === undefined || value === null) return null;
  if (typeof value === 'boolean') return value ? YES : NO;
  if (Array.isArray(value)) return value.map(String).join(column?.commaList ? ', ' : '\n');
  if (typeof value === 'string' && ISO_DATE.test(value)) return new Date(`${value}T00:00:00Z`);
  return value as Cell;
}

/** Leaf paths of an object, dotted; arrays of plain values are leaves, arrays of objects are indexed. */
function leaves(value: Json, prefix = ''): [string, Json][] {
  const isObject = value && typeof value === 'object' && !(value instanceof Date);
  if (!isObject || (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)))
    return [[prefix, value]];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  return entries.flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}

const getPath = (obj: Json, path: string): Json =>
  path.split('.').reduce<Json>((o, k) => (o && typeof o === 'object' ? (o as JsonObject)[k] : undefined), obj);

function setPath(obj: JsonObject, path: string, value: Json): void {
  const keys = path.split('.');
  let o: JsonObject = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (!o[k] || typeof o[k] !== 'object') o[k] = /^\d+$/.test(keys[i + 1]!) ? [] : {};
    o = o[k] as JsonObject;
  });
  o[keys.at(-1)!] = value;
}

// ---- Plan → sheets.

/** The declared columns, then a column for each field of the rows the table does not name. */
function tableColumns(spec: TableSheetSpec, rows: JsonObject[]): PlanColumnSpec[] {
  const declared = new Set(spec.columns.map((c) => c.field));
  const extra = [...new Set(rows.flatMap((r) => leaves(r).map(([p]) => p)))].filter((p) => !declared.has(p));
  return [...(spec.recordKey ? [spec.recordKey] : []), ...spec.columns, ...extra.map((f) => ({ field: f, header: f }))];
}

function tableSheet(spec: TableSheetSpec, plan: Plan): PlanWorkbookSheet {
  const part = (plan as unknown as JsonObject)[spec.part];
  const rows: { key?: string; row: JsonObject }[] = spec.recordKey
    ? Object.entries(part as Record<string, JsonObject[]>).flatMap(([key, list]) => list.map((row) => ({ key, row })))
    : ((part as JsonObject[] | undefined) ?? []).map((row) => ({ row }));
  const columns = tableColumns(
    spec,
    rows.map((r) => r.row),
  );
  const cells = rows.map(({ key, row }) =>
    columns.map((c) => (c === spec.recordKey ? key! : toCell(getPath(row, c.field), c))),
  );
  return { spec, columns, rows: [columns.map((c) => c.header), ...cells] };
}

function pairsSheet(spec: PairsSheetSpec, plan: Plan): PlanWorkbookSheet {
  const parts = spec.parts === 'rest' ? PLAN_PARTS.filter((p) => sheetForPart(p) === spec) : spec.parts;
  const rows: Cell[][] = [];
  for (const part of parts)
    for (const [path, value] of leaves((plan as unknown as JsonObject)[part], part)) {
      if (value === undefined) continue;
      const items = Array.isArray(value) ? value : [value];
      for (const item of items) rows.push([pairLabel(path), toCell(item), path]);
    }
  return { spec, columns: PAIR_HEADERS.map((h) => ({ field: h, header: h })), rows: [[...PAIR_HEADERS], ...rows] };
}

/** Every sheet of the plan workbook but the guide, in the workbook's order. */
export function planWorkbookSheets(plan: Plan): PlanWorkbookSheet[] {
  return PLAN_WORKBOOK_SHEETS.map((spec) => (spec.kind === 'table' ? tableSheet(spec, plan) : pairsSheet(spec, plan)));
}

// ---- Sheets → the plan's JSON.

/** Where a value was typed: sheet, 1-based row, column index (none for a whole row or sheet). */
export interface CellPlace {
  sheet: string;
  row?: number;
  col?: number;
  header?: string;
}

export interface PlanWorkbookProblem extends CellPlace {
  message: string;
}

export interface PlanWorkbookRead {
  json: JsonObject;
  /** Place of each value by its path in the plan ("units.3.group"). */
  places: Map<string, CellPlace>;
  problems: PlanWorkbookProblem[];
}

const blank = (c: Cell): boolean => cellText(c) === '';

/** A cell as the value its field takes; a problem text instead when it cannot be one. */
function fromCell(cell: Cell, path: string, date1904: boolean, commaList = false): { value?: Json; problem?: string } {
  if (blank(cell)) return {};
  const { kind, element } = fieldKind(path);
  const text = cellText(cell).trim();
  if (kind === 'number') {
    const n = typeof cell === 'number' ? cell : Number(text.replace(',', '.'));
    return Number.isFinite(n) ? { value: n } : { problem: `phải là số, đang là "${text}"` };
  }
  if (kind === 'boolean') {
    if (cell === true || text === YES) return { value: true };
    if (cell === false || text === NO) return { value: false };
    return { problem: `phải là "${YES}" hoặc "${NO}", đang là "${text}"` };
  }
  if (kind === 'list') {
    const parts = text.split(commaList ? /[,;\n]/ : /\r?\n/);
    const items = parts.map((s) => s.trim()).filter(Boolean);
    return { value: element === 'number' ? items.map(Number) : items };
  }
  if (cell instanceof Date || typeof cell === 'number') {
    const d = readDate(cell, date1904);
    if (cell instanceof Date && d.kind === 'ok') return { value: d.date };
  }
  // A date typed as text dd/mm/yyyy in a field that takes ISO dates.
  const d = /^\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/.test(text) ? readDate(text) : undefined;
  return { value: d?.kind === 'ok' ? d.date : text };
}

/** The columns of a table sheet by header; headers the spec does not know are taken as field paths. */
function headerFields(spec: TableSheetSpec, header: Cell[], out: PlanWorkbookRead): (PlanColumnSpec | undefined)[] {
  const known = [...(spec.recordKey ? [spec.recordKey] : []), ...spec.columns];
  return header.map((h, col) => {
    const text = cellText(h).trim();
    if (!text) return undefined;
    const found = known.find((c) => c.header === text);
    if (found) return found;
    if (/^[A-Za-z_][\w.]*$/.test(text)) return { field: text, header: text };
    out.problems.push({
      sheet: spec.name,
      row: 1,
      col,
      message: `cột "${text}" không thuộc kế hoạch; hãy xóa cột này`,
    });
    return undefined;
  });
}

function readTable(spec: TableSheetSpec, sheet: SheetGrid, out: PlanWorkbookRead, date1904: boolean): void {
  const [header = [], ...rows] = sheet.rows;
  const columns = headerFields(spec, header, out);
  const counts = new Map<string, number>();
  rows.forEach((cells, r) => {
    if (!cells || cells.every(blank)) return;
    const row = r + 2;
    let base = `${spec.part}.${out.json[spec.part] ? (out.json[spec.part] as unknown[]).length : 0}`;
    if (spec.recordKey) {
      const keyCol = columns.indexOf(spec.recordKey);
      const key = keyCol < 0 ? '' : cellText(cells[keyCol]).trim();
      if (!key) {
        out.problems.push({ sheet: spec.name, row, col: keyCol, header: spec.recordKey.header, message: 'chưa chọn' });
        return;
      }
      const i = counts.get(key) ?? 0;
      counts.set(key, i + 1);
      base = `${spec.part}.${key}.${i}`;
    }
    out.places.set(base, { sheet: spec.name, row });
    setPath(out.json, base, {});
    columns.forEach((c, col) => {
      if (!c || c === spec.recordKey) return;
      const path = `${base}.${c.field}`;
      out.places.set(path, { sheet: spec.name, row, col, header: c.header });
      const { value, problem } = fromCell(cells[col], path, date1904, c.commaList);
      if (problem) out.problems.push({ ...out.places.get(path)!, message: problem });
      else if (value !== undefined) setPath(out.json, path, value);
    });
  });
}

function readPairs(spec: PairsSheetSpec, sheet: SheetGrid, out: PlanWorkbookRead, date1904: boolean): void {
  const byLabel = new Map(Object.entries(PAIR_LABELS).map(([path, label]) => [label, path]));
  sheet.rows.slice(1).forEach((cells, r) => {
    if (!cells || cells.every(blank)) return;
    const row = r + 2;
    const path = cellText(cells[2]).trim() || byLabel.get(cellText(cells[0]).trim()) || '';
    if (!path) {
      out.problems.push({ sheet: spec.name, row, col: 2, header: PAIR_HEADERS[2], message: 'thiếu khóa của mục' });
      return;
    }
    const { kind } = fieldKind(path);
    const itemPath = kind === 'list' ? `${path}.${((getPath(out.json, path) as unknown[]) ?? []).length}` : path;
    const place = { sheet: spec.name, row, col: 1, header: PAIR_HEADERS[1] };
    out.places.set(itemPath, place);
    if (!out.places.has(path)) out.places.set(path, place);
    const { value, problem } = fromCell(cells[1], kind === 'list' ? `${path}.0` : path, date1904);
    if (problem) out.problems.push({ ...place, message: problem });
    else if (kind === 'list' && value !== undefined) setPath(out.json, itemPath, value);
    else if (value !== undefined) setPath(out.json, path, value);
  });
}

/** The plan's JSON from a plan workbook's grid, not validated yet; a missing sheet is a problem. */
export function readPlanWorkbook(grid: WorkbookGrid): PlanWorkbookRead {
  const out: PlanWorkbookRead = { json: {}, places: new Map(), problems: [] };
  for (const spec of PLAN_WORKBOOK_SHEETS) {
    out.places.set(spec.kind === 'table' ? spec.part : spec.name, { sheet: spec.name });
    const sheet = grid.sheets.find((s) => s.name.trim() === spec.name);
    if (!sheet) {
      out.problems.push({ sheet: spec.name, message: 'thiếu sheet này' });
      continue;
    }
    if (spec.kind === 'table') readTable(spec, sheet, out, !!grid.date1904);
    else readPairs(spec, sheet, out, !!grid.date1904);
  }
  return out;
}

/** "Sheet "Đơn vị", dòng 5, cột C (Khối): …" */
export function problemText(p: PlanWorkbookProblem): string {
  const where = [`Sheet "${p.sheet}"`];
  if (p.row) where.push(`dòng ${p.row}`);
  if (p.col !== undefined) where.push(`cột ${columnLetter(p.col)}${p.header ? ` (${p.header})` : ''}`);
  return `${where.join(', ')}: ${p.message}`;
}
