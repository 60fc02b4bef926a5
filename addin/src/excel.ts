// The only module that talks to Excel. Each operation is a fixed number of context.sync() calls whatever
// the row count: whole used ranges are read at once, marks are written as whole ranges.
//   read:  1 sheet names · 2 size of the used ranges · 3 their values and the marks store
//   check: read · 4 own fills of the cells about to be marked · 5 all writes      → 5 syncs
//   clear: read · 4 restores and deletes                                          → 4 syncs
//   select: 1 sync.
// Excel on the web refuses requests or responses over 5 MB: a step whose payload would pass PAYLOAD_BUDGET
// is split into more syncs. That only happens for sheets of many thousand rows.
import { cellAddress, INFO_SHEET, matchKey, type Cell, type Plan, type WorkbookGrid } from '../../engine/index.js';
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

/** Bytes a sync may carry: under the web's 5 MB, with room for the request's own overhead. */
export const PAYLOAD_BUDGET = 4_000_000;
/** Estimates for what one queued item costs in a request or response. */
const BYTES_PER_CELL_READ = 40;
const BYTES_PER_OPERATION = 300;

/** Queues work on a context and syncs early only when the estimated payload would pass the budget. */
class Batch {
  private bytes = 0;
  constructor(private readonly ctx: AnyContext) {}
  async add(bytes: number): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > PAYLOAD_BUDGET) {
      await this.ctx.sync();
      this.bytes = 0;
    }
    this.bytes += bytes;
  }
  async flush(): Promise<void> {
    await this.ctx.sync();
    this.bytes = 0;
  }
}

/** Syncs 1–3: the template's sheets (and the marks store) as grids. */
async function readSnapshot(ctx: AnyContext, plan: Plan): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const wanted = new Set([INFO_SHEET, ...plan.nomineeTypes.map((t) => t.sheet)].map(matchKey));
  const names = sheets.items.map((s) => s.name).filter((n) => wanted.has(matchKey(n)));
  const storeExists = sheets.items.some((s) => s.name === STORE_SHEET);
  const used = [...names, ...(storeExists ? [STORE_SHEET] : [])].map((n) =>
    ctx.workbook.worksheets
      .getItem(n)
      .getUsedRangeOrNullObject(true)
      .load('rowIndex, columnIndex, rowCount, columnCount'),
  );
  await ctx.sync();
  // Values in blocks of rows, each block within the budget; usually all in one sync.
  const batch = new Batch(ctx);
  const blocks: { sheet: number; row: number; range: Excel.Range }[] = [];
  for (const [i, r] of used.entries()) {
    if (r.isNullObject) continue;
    const ws = ctx.workbook.worksheets.getItem(i < names.length ? names[i]! : STORE_SHEET);
    const rowsPerBlock = Math.max(1, Math.floor(PAYLOAD_BUDGET / BYTES_PER_CELL_READ / Math.max(1, r.columnCount)));
    for (let row = 0; row < r.rowCount; row += rowsPerBlock) {
      const height = Math.min(rowsPerBlock, r.rowCount - row);
      await batch.add(height * r.columnCount * BYTES_PER_CELL_READ);
      const range = ws
        .getRange(
          `${cellAddress(r.rowIndex + row, r.columnIndex)}:${cellAddress(r.rowIndex + row + height - 1, r.columnIndex + r.columnCount - 1)}`,
        )
        .load('values');
      blocks.push({ sheet: i, row, range });
    }
  }
  await batch.flush();
  const valuesOf = (i: number) => blocks.filter((b) => b.sheet === i).flatMap((b) => b.range.values);
  const grid: WorkbookGrid = {
    sheets: names.map((name, i) => {
      const r = used[i]!;
      return { name, rows: r.isNullObject ? [] : toGrid(valuesOf(i), r.rowIndex, r.columnIndex) };
    }),
  };
  const store = storeExists ? used[names.length]! : null;
  return {
    grid,
    sheetNames: names,
    storeExists,
    stored: store && !store.isNullObject ? parseStore(valuesOf(names.length)) : [],
  };
}

export async function readWorkbook(plan: Plan): Promise<WorkbookSnapshot> {
  return Excel.run((ctx) => readSnapshot(ctx, plan));
}

const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

/** Writes the results and fills of a check; the clerk's values are never touched. Syncs 4–5. */
async function writeMarks(
  ctx: AnyContext,
  snapshot: WorkbookSnapshot,
  marks: Marks,
  caps: Capabilities,
): Promise<void> {
  const stored = new Map(snapshot.stored.map((s) => [key(s.sheet, s.row, s.col), s]));
  const wanted = new Map(marks.cells.map((m) => [key(m.sheet, m.row, m.col), m]));

  // Sync 4: the own fills of cells marked for the first time, so that "Xóa đánh dấu" can restore them.
  const batch = new Batch(ctx);
  const fresh = caps.fills ? marks.cells.filter((m) => !stored.has(key(m.sheet, m.row, m.col))) : [];
  const probes: OfficeExtension.ClientResult<Excel.CellProperties[][]>[] = [];
  for (const m of fresh) {
    await batch.add(BYTES_PER_OPERATION);
    probes.push(
      ctx.workbook.worksheets
        .getItem(m.sheet)
        .getRange(cellAddress(m.row, m.col))
        .getCellProperties({ format: { fill: { color: true } } }),
    );
  }
  if (probes.length) await batch.flush();
  fresh.forEach((m, i) =>
    stored.set(key(m.sheet, m.row, m.col), {
      sheet: m.sheet,
      row: m.row,
      col: m.col,
      color: probes[i]!.value[0]?.[0]?.format?.fill?.color ?? '',
    }),
  );

  // Sync 5: result texts, fills, and the store — all queued, one request.
  if (caps.runtime) ctx.runtime.enableEvents = false;
  for (const r of marks.results) await writeResults(ctx, batch, r);
  if (caps.fills) {
    for (const m of marks.cells) await setFill(ctx, batch, m.sheet, m.row, m.col, m.fill);
    // Cells marked by an earlier check that are fine now get their own fill back.
    for (const [k, s] of stored) {
      if (wanted.has(k)) continue;
      await setFill(ctx, batch, s.sheet, s.row, s.col, s.color);
      stored.delete(k);
    }
    await writeStore(ctx, batch, snapshot, [...stored.values()]);
  }
  await batch.flush();
  if (caps.runtime) ctx.runtime.enableEvents = true;
}

async function writeResults(ctx: AnyContext, batch: Batch, r: SheetResults): Promise<void> {
  if (r.col === undefined || r.texts.length === 0) return;
  await batch.add(BYTES_PER_OPERATION + r.texts.reduce((n, t) => n + 3 * t.length + 8, 0));
  const range = ctx.workbook.worksheets
    .getItem(r.sheet)
    .getRange(`${cellAddress(r.firstRow, r.col)}:${cellAddress(r.firstRow + r.texts.length - 1, r.col)}`);
  range.values = r.texts.map((t) => [t]);
}

async function setFill(
  ctx: AnyContext,
  batch: Batch,
  sheet: string,
  row: number,
  col: number,
  color: string,
): Promise<void> {
  await batch.add(BYTES_PER_OPERATION);
  const range = ctx.workbook.worksheets.getItem(sheet).getRange(cellAddress(row, col));
  range.setCellProperties([[{ format: { fill: { color: color || '#FFFFFF' } } }]]);
}

async function writeStore(
  ctx: AnyContext,
  batch: Batch,
  snapshot: WorkbookSnapshot,
  fills: StoredFill[],
): Promise<void> {
  const ws = snapshot.storeExists
    ? ctx.workbook.worksheets.getItem(STORE_SHEET)
    : ctx.workbook.worksheets.add(STORE_SHEET);
  if (!snapshot.storeExists) ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
  // Rows beyond the new list are blanked: the store never shrinks by leaving stale lines.
  const height = Math.max(fills.length, snapshot.stored.length);
  if (height === 0) return;
  await batch.add(BYTES_PER_OPERATION + height * 80);
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
export async function clearMarks(
  snapshot: WorkbookSnapshot,
  results: SheetResults[],
  caps: Capabilities,
): Promise<void> {
  await Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    if (caps.runtime) ctx.runtime.enableEvents = false;
    for (const r of results) await writeResults(ctx, batch, { ...r, texts: r.texts.map(() => '') });
    if (caps.fills) for (const s of snapshot.stored) await setFill(ctx, batch, s.sheet, s.row, s.col, s.color);
    if (snapshot.storeExists) ctx.workbook.worksheets.getItem(STORE_SHEET).delete();
    await batch.flush();
    if (caps.runtime) ctx.runtime.enableEvents = true;
  });
}

export async function selectCell(sheet: string, row: number, col: number): Promise<void> {
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(cellAddress(row, col)).select();
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
