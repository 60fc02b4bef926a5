// The only module that talks to Excel. Each operation is a fixed number of context.sync() calls whatever
// the row count: whole used ranges are read at once, marks are written as whole ranges.
//   check: 1 sheet names · 2 values of the template's sheets and the marks store · 3 original fills of
//          the cells about to be marked · 4 all writes.            → 4 syncs
//   clear: 1 sheet names · 2 marks store and result columns · 3 restores.          → 3 syncs
//   select: 1 sync.
import { INFO_SHEET, matchKey, type Cell, type Plan, type WorkbookGrid } from '../../engine/index.js';
import type { Marks, SheetResults } from './marks.js';

/** Where the cells' own fills are kept while marks are shown: a very hidden sheet saved with the workbook. */
export const STORE_SHEET = '_DanhDauKiemTra';

export interface Capabilities {
  /** getCellProperties / setCellProperties (ExcelApi 1.9): needed for fills. */
  fills: boolean;
  /** Worksheet.onChanged (ExcelApi 1.7): live re-check. */
  events: boolean;
  /** context.runtime.enableEvents (ExcelApi 1.8): the add-in's own writes raise no change event. */
  runtime: boolean;
}

export function capabilities(): Capabilities {
  const has = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  return { fills: has('1.9'), events: has('1.7'), runtime: has('1.8') };
}

interface StoredFill {
  sheet: string;
  row: number;
  col: number;
  color: string;
}

export interface WorkbookSnapshot {
  grid: WorkbookGrid;
  /** Actual names of the sheets read, by the plan's sheet name key. */
  sheetNames: string[];
  storeExists: boolean;
  stored: StoredFill[];
}

const addressOf = (row: number, col: number): string => {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return `${s}${row + 1}`;
};

/** Pads a used range read at (rowIndex, columnIndex) into a grid starting at A1, as the engine expects. */
function toGrid(values: unknown[][], rowIndex: number, columnIndex: number): Cell[][] {
  const rows: Cell[][] = Array.from({ length: rowIndex }, () => []);
  for (const line of values) {
    const row: Cell[] = new Array(columnIndex).fill(null);
    for (const v of line) row.push(v === '' || v === undefined ? null : (v as Cell));
    rows.push(row);
  }
  return rows;
}

function parseStore(values: unknown[][]): StoredFill[] {
  return values
    .filter((r) => r[0] !== '' && r[0] !== null && r[0] !== undefined)
    .map((r) => ({ sheet: String(r[0]), row: Number(r[1]), col: Number(r[2]), color: String(r[3] ?? '') }));
}

type AnyContext = Excel.RequestContext;

/** Syncs 1–2: the template's sheets (and the marks store) as grids. */
async function readSnapshot(ctx: AnyContext, plan: Plan): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const wanted = new Set([INFO_SHEET, ...plan.nomineeTypes.map((t) => t.sheet)].map(matchKey));
  const names = sheets.items.map((s) => s.name).filter((n) => wanted.has(matchKey(n)));
  const used = names.map((n) => ctx.workbook.worksheets.getItem(n).getUsedRangeOrNullObject(true).load('values, rowIndex, columnIndex'));
  const store = sheets.items.some((s) => s.name === STORE_SHEET) ? ctx.workbook.worksheets.getItem(STORE_SHEET).getUsedRangeOrNullObject(true).load('values') : null;
  await ctx.sync();
  const grid: WorkbookGrid = {
    sheets: names.map((name, i) => {
      const r = used[i]!;
      return { name, rows: r.isNullObject ? [] : toGrid(r.values, r.rowIndex, r.columnIndex) };
    }),
  };
  return { grid, sheetNames: names, storeExists: store !== null, stored: store && !store.isNullObject ? parseStore(store.values) : [] };
}

export async function readWorkbook(plan: Plan): Promise<WorkbookSnapshot> {
  return Excel.run((ctx) => readSnapshot(ctx, plan));
}

const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

/** Writes the results and fills of a check; the clerk's values are never touched. Syncs 3–4. */
async function writeMarks(ctx: AnyContext, snapshot: WorkbookSnapshot, marks: Marks, caps: Capabilities): Promise<void> {
  const stored = new Map(snapshot.stored.map((s) => [key(s.sheet, s.row, s.col), s]));
  const wanted = new Map(marks.cells.map((m) => [key(m.sheet, m.row, m.col), m]));

  // Sync 3: the own fills of cells marked for the first time, so that "Xóa đánh dấu" can restore them.
  const fresh = caps.fills ? marks.cells.filter((m) => !stored.has(key(m.sheet, m.row, m.col))) : [];
  const probes = fresh.map((m) => ctx.workbook.worksheets.getItem(m.sheet).getRange(addressOf(m.row, m.col)).getCellProperties({ format: { fill: { color: true } } }));
  if (probes.length) await ctx.sync();
  fresh.forEach((m, i) => stored.set(key(m.sheet, m.row, m.col), { sheet: m.sheet, row: m.row, col: m.col, color: probes[i]!.value[0]?.[0]?.format?.fill?.color ?? '' }));

  // Sync 4: result texts, fills, and the store — all queued, one request.
  if (caps.runtime) ctx.runtime.enableEvents = false;
  for (const r of marks.results) writeResults(ctx, r);
  if (caps.fills) {
    for (const m of marks.cells) setFill(ctx, m.sheet, m.row, m.col, m.fill);
    // Cells marked by an earlier check that are fine now get their own fill back.
    for (const [k, s] of stored) {
      if (wanted.has(k)) continue;
      setFill(ctx, s.sheet, s.row, s.col, s.color);
      stored.delete(k);
    }
    writeStore(ctx, snapshot, [...stored.values()]);
  }
  await ctx.sync();
  if (caps.runtime) ctx.runtime.enableEvents = true;
}

function writeResults(ctx: AnyContext, r: SheetResults): void {
  if (r.col === undefined || r.texts.length === 0) return;
  const range = ctx.workbook.worksheets.getItem(r.sheet).getRange(`${addressOf(r.firstRow, r.col)}:${addressOf(r.firstRow + r.texts.length - 1, r.col)}`);
  range.values = r.texts.map((t) => [t]);
}

function setFill(ctx: AnyContext, sheet: string, row: number, col: number, color: string): void {
  const range = ctx.workbook.worksheets.getItem(sheet).getRange(addressOf(row, col));
  range.setCellProperties([[{ format: { fill: { color: color || '#FFFFFF' } } }]]);
}

function writeStore(ctx: AnyContext, snapshot: WorkbookSnapshot, fills: StoredFill[]): void {
  const ws = snapshot.storeExists ? ctx.workbook.worksheets.getItem(STORE_SHEET) : ctx.workbook.worksheets.add(STORE_SHEET);
  if (!snapshot.storeExists) ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
  // Rows beyond the new list are blanked: the store never shrinks by leaving stale lines.
  const height = Math.max(fills.length, snapshot.stored.length);
  if (height === 0) return;
  const rows: (string | number)[][] = Array.from({ length: height }, (_, i) => {
    const f = fills[i];
    return f ? [f.sheet, f.row, f.col, f.color] : ['', '', '', ''];
  });
  ws.getRange(`A1:D${height}`).values = rows;
}

export async function applyMarks(snapshot: WorkbookSnapshot, marks: Marks, caps: Capabilities): Promise<void> {
  await Excel.run((ctx) => writeMarks(ctx, snapshot, marks, caps));
}

/** "Xóa đánh dấu": own fills back, result texts emptied, the store removed. One sync. */
export async function clearMarks(snapshot: WorkbookSnapshot, results: SheetResults[], caps: Capabilities): Promise<void> {
  await Excel.run(async (ctx) => {
    if (caps.runtime) ctx.runtime.enableEvents = false;
    for (const r of results) writeResults(ctx, { ...r, texts: r.texts.map(() => '') });
    if (caps.fills) for (const s of snapshot.stored) setFill(ctx, s.sheet, s.row, s.col, s.color);
    if (snapshot.storeExists) ctx.workbook.worksheets.getItem(STORE_SHEET).delete();
    await ctx.sync();
    if (caps.runtime) ctx.runtime.enableEvents = true;
  });
}

export async function selectCell(sheet: string, row: number, col: number): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(addressOf(row, col)).select();
    await ctx.sync();
  });
}

/** Calls `onChange` when a template sheet changes (ExcelApi 1.7); the add-in's own writes do not count. */
export async function watchChanges(sheetNames: string[], onChange: () => void): Promise<void> {
  await Excel.run(async (ctx) => {
    for (const name of sheetNames) {
      ctx.workbook.worksheets.getItem(name).onChanged.add(async () => onChange());
    }
    await ctx.sync();
  });
}

