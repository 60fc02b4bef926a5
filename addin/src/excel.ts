// The only module that talks to Excel. Each operation is a fixed number of context.sync() calls whatever
// the row count: whole used ranges are read at once, marks are written as whole ranges.
//   read:  1 sheet names · 2 size of the used ranges, Thông tin and the plan · 3 the lists and the marks store
//   check: read · 4 own fills of the cells about to be marked · 5 all writes · 6 events back on (1.8) → 5 or 6
//   clear: read · 4 restores and the store removed · 5 events back on (1.8)                      → 4 or 5
//   select: 1 sync.
// Excel on the web refuses requests or responses over 5 MB: a step whose payload would pass PAYLOAD_BUDGET
// is split into more syncs. That only happens for sheets of many thousand rows.
// Everything here works with ExcelApi 1.1 (Excel 2016); what needs more is probed through api-sets.ts.
import {
  cellAddress,
  INFO_SHEET,
  matchKey,
  PLAN_SHEET,
  planForWorkbook,
  type Cell,
  type Marks,
  type Plan,
  type SheetResults,
  type WorkbookGrid,
  type WorkbookPlan,
} from '../../engine/index.js';
import { EXCEL_API, KNOWN_MINORS, type ExcelMember } from './api-sets.js';

/** Where the cells' own fills are kept while marks are shown: a very hidden sheet saved with the workbook. */
export const STORE_SHEET = '_DanhDauKiemTra';
/** Where they are kept instead when the sheet cannot be hidden (ExcelApi 1.1): the document's settings. */
export const STORE_SETTING = 'danhDauKiemTra';

export interface Capabilities {
  /** Highest ExcelApi set this Excel has, e.g. "1.8". */
  api: string;
  /** Setting Worksheet.visibility (1.2): the fills store can be a very hidden sheet. */
  hiddenSheets: boolean;
  /** getUsedRange(valuesOnly) (1.2): formatted but empty cells are not read. */
  valuesOnly: boolean;
  /** context.runtime.enableEvents (1.8): the add-in's own writes raise no change event. */
  quietWrites: boolean;
  /** Worksheet.onChanged (1.7) and quiet writes (1.8): live re-check; without 1.8 our writes would re-trigger it. */
  live: boolean;
}

export function capabilities(): Capabilities {
  const set = (v: string) => Office.context.requirements.isSetSupported('ExcelApi', v);
  const has = (member: ExcelMember) => set(EXCEL_API[member]);
  const minors = KNOWN_MINORS.filter((m) => set(`1.${m}`));
  return {
    api: `1.${minors.at(-1) ?? 1}`,
    hiddenSheets: has('Worksheet.visibility='),
    valuesOnly: has('Worksheet.getUsedRange(valuesOnly)'),
    quietWrites: has('Runtime.enableEvents'),
    live: has('Worksheet.onChanged') && has('Runtime.enableEvents'),
  };
}

interface StoredFill {
  sheet: string;
  row: number;
  col: number;
  /** The cell's own fill colour; '' when it had none (restored with clear(), not painted white). */
  color: string;
}

export interface WorkbookSnapshot {
  /** The plan to check with, and where it came from. */
  plan: WorkbookPlan;
  grid: WorkbookGrid;
  /** Actual names of the sheets read, by the plan's sheet name key. */
  sheetNames: string[];
  storeSheet: boolean;
  /** Rows the store sheet spans: blanked when the list gets shorter. */
  storeRows: number;
  /** Fills remembered by earlier checks, from the store sheet and from the document's settings. */
  stored: StoredFill[];
}

/** Excel reports white for a cell with no fill of its own: such a cell gets clear() back. A cell the clerk
 *  painted white explicitly comes back without fill, which looks the same. */
const ownColor = (color: string | null | undefined) => (!color || color.toUpperCase() === '#FFFFFF' ? '' : color);

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
    .filter((r) => r[0] !== '' && r[0] !== null && r[0] !== undefined && Number.isInteger(Number(r[1])))
    .map((r) => ({ sheet: String(r[0]), row: Number(r[1]), col: Number(r[2]), color: ownColor(String(r[3] ?? '')) }));
}

const settings = () => Office.context.document.settings;

function storedInSettings(): unknown[][] {
  const value = settings().get(STORE_SETTING) as unknown;
  return Array.isArray(value) ? value.filter((r): r is unknown[] => Array.isArray(r)) : [];
}

function saveSettings(): Promise<void> {
  return new Promise((resolve, reject) =>
    settings().saveAsync((result) =>
      result.status === Office.AsyncResultStatus.Failed ? reject(new Error(result.error.message)) : resolve(),
    ),
  );
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

/** Syncs 1–3: the plan to check with, the template's sheets (and the marks store) as grids. */
async function loadSnapshot(ctx: AnyContext, bundled: readonly Plan[], caps: Capabilities): Promise<WorkbookSnapshot> {
  const sheets = ctx.workbook.worksheets.load('items/name');
  await ctx.sync();
  const all = sheets.items.map((s) => s.name);
  // Thông tin and the plan sheet are a few dozen cells: read whole in sync 2, so the plan (carried by the
  // workbook, or bundled by its Mã kế hoạch) is known before choosing which list sheets to read.
  const small = (n: string) => n === PLAN_SHEET || matchKey(n) === matchKey(INFO_SHEET);
  const geometry = 'rowIndex, columnIndex, rowCount, columnCount';
  // ExcelApi 1.1 has no valuesOnly: formatted empty cells widen the range, which the engine ignores.
  const used = new Map(
    all.map((n) => {
      const ws = ctx.workbook.worksheets.getItem(n);
      const range = caps.valuesOnly ? ws.getUsedRange(true) : ws.getUsedRange();
      return [n, range.load(small(n) ? `values, ${geometry}` : geometry)] as const;
    }),
  );
  await ctx.sync();
  const gridOf = (name: string, values: unknown[][]) => {
    const r = used.get(name)!;
    return { name, rows: toGrid(values, r.rowIndex, r.columnIndex) };
  };
  const head = all.filter(small).map((n) => gridOf(n, used.get(n)!.values));
  const plan = planForWorkbook({ sheets: head }, bundled);
  const wanted = new Set(plan.plan.nomineeTypes.map((t) => matchKey(t.sheet)));
  const lists = all.filter((n) => wanted.has(matchKey(n)));
  const storeSheet = all.includes(STORE_SHEET);
  const toRead = [...lists, ...(storeSheet ? [STORE_SHEET] : [])];

  // Sync 3: values in blocks of rows, each block within the budget; usually all in one sync.
  const batch = new Batch(ctx);
  const blocks: { sheet: string; range: Excel.Range }[] = [];
  for (const name of toRead) {
    const r = used.get(name)!;
    const ws = ctx.workbook.worksheets.getItem(name);
    const rowsPerBlock = Math.max(1, Math.floor(PAYLOAD_BUDGET / BYTES_PER_CELL_READ / Math.max(1, r.columnCount)));
    for (let row = 0; row < r.rowCount; row += rowsPerBlock) {
      const height = Math.min(rowsPerBlock, r.rowCount - row);
      await batch.add(height * r.columnCount * BYTES_PER_CELL_READ);
      const range = ws
        .getRange(
          `${cellAddress(r.rowIndex + row, r.columnIndex)}:${cellAddress(r.rowIndex + row + height - 1, r.columnIndex + r.columnCount - 1)}`,
        )
        .load('values');
      blocks.push({ sheet: name, range });
    }
  }
  await batch.flush();
  const valuesOf = (name: string) => blocks.filter((b) => b.sheet === name).flatMap((b) => b.range.values);
  const grid: WorkbookGrid = { sheets: [...head, ...lists.map((n) => gridOf(n, valuesOf(n)))] };
  // The sheet's entries win over the settings' for the same cell: the sheet is written last when both exist.
  const stored = new Map<string, StoredFill>();
  const fromSheet = storeSheet ? parseStore(valuesOf(STORE_SHEET)) : [];
  for (const f of [...parseStore(storedInSettings()), ...fromSheet]) stored.set(key(f.sheet, f.row, f.col), f);
  const storeRange = used.get(STORE_SHEET);
  const storeRows = storeRange ? storeRange.rowIndex + storeRange.rowCount : 0;
  const sheetNames = [...head.map((s) => s.name).filter((n) => n !== PLAN_SHEET), ...lists];
  return { plan, grid, sheetNames, storeSheet, storeRows, stored: [...stored.values()] };
}

/** Reads the open workbook with the plan it carries, or the bundled plan its Mã kế hoạch names. */
export async function readSnapshot(bundled: readonly Plan[], caps: Capabilities): Promise<WorkbookSnapshot> {
  return Excel.run((ctx) => loadSnapshot(ctx, bundled, caps));
}

const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row},${col}`;

/** Writes the results and fills of a check; the clerk's values are never touched. Syncs 4–6. */
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
  const fresh = marks.cells.filter((m) => !stored.has(key(m.sheet, m.row, m.col)));
  const probes: Excel.RangeFill[] = [];
  for (const m of fresh) {
    await batch.add(BYTES_PER_OPERATION);
    probes.push(ctx.workbook.worksheets.getItem(m.sheet).getRange(cellAddress(m.row, m.col)).format.fill.load('color'));
  }
  if (probes.length) await batch.flush();
  fresh.forEach((m, i) =>
    stored.set(key(m.sheet, m.row, m.col), {
      sheet: m.sheet,
      row: m.row,
      col: m.col,
      color: ownColor(probes[i]!.color),
    }),
  );

  // Sync 5: result texts, fills, and the store — all queued, one request.
  if (caps.quietWrites) ctx.runtime.enableEvents = false;
  for (const r of marks.results) await writeResults(ctx, batch, r);
  for (const m of marks.cells) await setFill(ctx, batch, m.sheet, m.row, m.col, m.fill);
  // Cells marked by an earlier check that are fine now get their own fill back.
  for (const [k, s] of stored) {
    if (wanted.has(k)) continue;
    await setFill(ctx, batch, s.sheet, s.row, s.col, s.color);
    stored.delete(k);
  }
  const inSheet = snapshot.storeSheet || caps.hiddenSheets;
  if (inSheet) await writeStoreSheet(ctx, batch, snapshot, [...stored.values()]);
  await batch.flush();
  // Sync 6: events back on, in a request of its own so that the writes above raise none.
  if (caps.quietWrites) {
    ctx.runtime.enableEvents = true;
    await ctx.sync();
  }
  await writeStoreSettings(inSheet ? [] : [...stored.values()]);
}

async function writeResults(ctx: AnyContext, batch: Batch, r: SheetResults): Promise<void> {
  if (r.col === undefined || r.texts.length === 0) return;
  await batch.add(BYTES_PER_OPERATION + r.texts.reduce((n, t) => n + 3 * t.length + 8, 0));
  const range = ctx.workbook.worksheets
    .getItem(r.sheet)
    .getRange(`${cellAddress(r.firstRow, r.col)}:${cellAddress(r.firstRow + r.texts.length - 1, r.col)}`);
  range.values = r.texts.map((t) => [t]);
}

/** RangeFill (ExcelApi 1.1): a colour, or clear() for a cell that had no fill of its own. */
async function setFill(
  ctx: AnyContext,
  batch: Batch,
  sheet: string,
  row: number,
  col: number,
  color: string,
): Promise<void> {
  await batch.add(BYTES_PER_OPERATION);
  const fill = ctx.workbook.worksheets.getItem(sheet).getRange(cellAddress(row, col)).format.fill;
  if (color) fill.color = color;
  else fill.clear();
}

async function writeStoreSheet(
  ctx: AnyContext,
  batch: Batch,
  snapshot: WorkbookSnapshot,
  fills: StoredFill[],
): Promise<void> {
  // Rows beyond the new list are blanked: the store never shrinks by leaving stale lines.
  const height = Math.max(fills.length, snapshot.storeRows);
  if (height === 0) return;
  const ws = snapshot.storeSheet
    ? ctx.workbook.worksheets.getItem(STORE_SHEET)
    : ctx.workbook.worksheets.add(STORE_SHEET);
  if (!snapshot.storeSheet) ws.visibility = Excel.SheetVisibility.veryHidden;
  await batch.add(BYTES_PER_OPERATION + height * 80);
  const rows: (string | number)[][] = Array.from({ length: height }, (_, i) => {
    const f = fills[i];
    return f ? [f.sheet, f.row, f.col, f.color] : ['', '', '', ''];
  });
  ws.getRange(`A1:D${height}`).values = rows;
}

/** The settings store: written only where the sheet cannot be hidden, emptied once the sheet holds all. */
async function writeStoreSettings(fills: StoredFill[]): Promise<void> {
  const had = storedInSettings().length > 0;
  if (fills.length)
    settings().set(
      STORE_SETTING,
      fills.map((f) => [f.sheet, f.row, f.col, f.color]),
    );
  else if (had) settings().remove(STORE_SETTING);
  if (fills.length || had) await saveSettings();
}

export async function applyMarks(snapshot: WorkbookSnapshot, marks: Marks, caps: Capabilities): Promise<void> {
  await Excel.run((ctx) => writeMarks(ctx, snapshot, marks, caps));
}

/** "Xóa đánh dấu": own fills back, result texts emptied, the store removed. One sync (two with 1.8). */
export async function clearMarks(
  snapshot: WorkbookSnapshot,
  results: SheetResults[],
  caps: Capabilities,
): Promise<void> {
  await Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    if (caps.quietWrites) ctx.runtime.enableEvents = false;
    for (const r of results) await writeResults(ctx, batch, { ...r, texts: r.texts.map(() => '') });
    for (const s of snapshot.stored) await setFill(ctx, batch, s.sheet, s.row, s.col, s.color);
    if (snapshot.storeSheet) {
      const ws = ctx.workbook.worksheets.getItem(STORE_SHEET);
      // Excel refuses to delete a very hidden sheet; without ExcelApi 1.2 it cannot be unhidden, so it is
      // emptied and stays hidden.
      if (caps.hiddenSheets) {
        ws.visibility = Excel.SheetVisibility.hidden;
        ws.delete();
      } else if (snapshot.storeRows) {
        ws.getRange(`A1:D${snapshot.storeRows}`).values = Array.from({ length: snapshot.storeRows }, () => [
          '',
          '',
          '',
          '',
        ]);
      }
    }
    await batch.flush();
    if (caps.quietWrites) {
      ctx.runtime.enableEvents = true;
      await ctx.sync();
    }
  });
  await writeStoreSettings([]);
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
