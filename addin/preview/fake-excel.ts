// An in-page stand-in for Office and Excel, backed by plain grids: for the preview page, the browser tests
// and the Excel module's unit tests. It is as strict as a real Excel of the given requirement level:
//  - a member above the level throws ApiNotFound (addin/src/api-sets.ts says which set each member needs);
//  - a property read before load() and sync() throws PropertyNotLoaded;
//  - writes take effect at sync(); a failing operation rejects the sync and drops what was queued after it;
//  - writing values of another shape than the range's is InvalidArgument; deleting a very hidden sheet, or
//    the last visible one, is InvalidOperation;
//  - Excel.run sends what is still queued when its function returns, in one more (counted) sync;
//  - values written while events are enabled raise onChanged, as the add-in's own writes do in Excel.
import { cellAddress } from '../../engine/cells.js';
import { EXCEL_API, minorOf, type ExcelMember } from '../src/api-sets.js';

export type FakeCell = string | number | boolean | null;
export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeSheet {
  name: string;
  values: FakeCell[][];
  /** Fill colour by "row,col" (0-based); absent = no fill of its own. */
  fills: Map<string, string>;
  visibility: Visibility;
}

export interface ChangeEvent {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
}
type Handler = (event: ChangeEvent) => Promise<void> | void;

/** The newest ExcelApi the stand-in plays when asked for "latest". */
export const LATEST_API = '1.20';
/** Colour a cell reports through RangeFill.color when it has no fill of its own, as Excel reports it. */
export const NO_FILL_COLOR = '#FFFFFF';

/** An error shaped like OfficeExtension.Error: `code` is what the add-in may branch on. */
export class FakeOfficeError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

export interface FakeWorkbookOptions {
  /** Highest ExcelApi set supported: "1.1", "1.4", "1.8" … or "latest" (the default). */
  api?: string;
}

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  selection: { sheet: string; address: string } | null = null;
  /** Largest number of cells a single sync carried: to check payload chunking. */
  largestSyncCells = 0;
  handlers = new Map<string, Handler[]>();
  /** Runtime.enableEvents: shared by every context of the add-in, as in Excel. */
  eventsEnabled = true;
  /** Office.context.document.settings as last saved with saveAsync (they are saved with the workbook). */
  savedSettings: Record<string, unknown> = {};
  /** Highest ExcelApi minor version this stand-in supports. */
  readonly apiMinor: number;
  readonly api: string;
  /** Called after every sync: the preview page redraws its sheet view. */
  onSync?: () => void;

  constructor(
    sheets: { name: string; values: FakeCell[][]; visibility?: Visibility }[],
    options: FakeWorkbookOptions = {},
  ) {
    this.api = !options.api || options.api === 'latest' ? LATEST_API : options.api;
    this.apiMinor = minorOf(this.api);
    this.sheets = sheets.map((s) => ({
      name: s.name,
      values: s.values.map((r) => [...r]),
      fills: new Map(),
      visibility: s.visibility ?? 'Visible',
    }));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  supports(member: ExcelMember): boolean {
    return minorOf(EXCEL_API[member]) <= this.apiMinor;
  }

  /** Simulates the clerk typing: changes a cell and fires the sheet's onChanged handlers. */
  async type(sheetName: string, row: number, col: number, value: FakeCell): Promise<void> {
    const s = this.sheet(sheetName)!;
    while (s.values.length <= row) s.values.push([]);
    s.values[row]![col] = value;
    await this.changed(sheetName, cellAddress(row, col), 'Local');
  }

  async changed(sheetName: string, address: string, source: string): Promise<void> {
    for (const h of this.handlers.get(sheetName) ?? [])
      await h({ worksheetId: sheetName, address, changeType: 'RangeEdited', source });
  }
}

function parseAddress(address: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const one = (x: string) => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(x);
    if (!m) throw new FakeOfficeError('InvalidArgument', `address "${address}"`);
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const start = one(a!);
  const end = b ? one(b) : start;
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

/** "values, rowIndex" or ["values"] or "items/name" → the property names asked for. */
function propsOf(props: string | string[] | undefined): string[] {
  const list = Array.isArray(props) ? props : (props ?? '').split(',');
  return list.map((p) => p.trim()).filter(Boolean);
}

/** What every proxy shares: the context, and the set of properties loaded so far. */
abstract class Proxy {
  protected readonly loaded = new Set<string>();
  constructor(protected readonly ctx: FakeContext) {}
  protected read<T>(prop: string, value: () => T): T {
    if (!this.loaded.has(prop))
      throw new FakeOfficeError('PropertyNotLoaded', `${prop} was read before load("${prop}") and sync()`);
    return value();
  }
}

/** The request context: queues work, runs it on sync(). */
class FakeContext {
  private queue: (() => void)[] = [];
  private pendingCells = 0;
  /** Sheets whose values were written while events were enabled: their handlers run after the sync. */
  private changedSheets = new Map<string, string>();
  readonly workbook: { worksheets: FakeWorksheets };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  use(member: ExcelMember): void {
    if (!this.book.supports(member))
      throw new FakeOfficeError(
        'ApiNotFound',
        `${member} needs ExcelApi ${EXCEL_API[member]}; this Excel supports ExcelApi ${this.book.api}`,
      );
  }

  get runtime(): FakeRuntime {
    this.use('RequestContext.runtime');
    return new FakeRuntime(this);
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  enqueue(work: () => void, cells = 0): void {
    this.queue.push(work);
    this.pendingCells += cells;
  }

  valuesWritten(sheet: string, address: string): void {
    if (this.book.eventsEnabled && !this.changedSheets.has(sheet)) this.changedSheets.set(sheet, address);
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    this.book.largestSyncCells = Math.max(this.book.largestSyncCells, this.pendingCells);
    this.pendingCells = 0;
    const work = this.queue;
    this.queue = [];
    try {
      for (const w of work) w();
    } finally {
      this.book.onSync?.();
      const changed = [...this.changedSheets];
      this.changedSheets.clear();
      // Excel raises the events after the request, not inside it.
      if (changed.length)
        setTimeout(() => changed.forEach(([sheet, address]) => void this.book.changed(sheet, address, 'Local')), 0);
    }
  }
}

class FakeRuntime {
  constructor(private readonly ctx: FakeContext) {}
  get enableEvents(): boolean {
    throw new FakeOfficeError('PropertyNotLoaded', 'runtime.enableEvents');
  }
  set enableEvents(on: boolean) {
    this.ctx.use('Runtime.enableEvents');
    this.ctx.enqueue(() => (this.ctx.book.eventsEnabled = on));
  }
}

class FakeWorksheets extends Proxy {
  private loadedItems: FakeWorksheet[] = [];

  load(props?: string | string[]): this {
    this.ctx.use('WorksheetCollection.items');
    const wanted = propsOf(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.enqueue(() => {
      this.loadedItems = this.ctx.book.sheets.map((s) => new FakeWorksheet(this.ctx, s.name, wanted));
      this.loaded.add('items');
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    return this.read('items', () => this.loadedItems);
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.use('WorksheetCollection.getItem');
    return new FakeWorksheet(this.ctx, name);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.use('WorksheetCollection.getItemOrNullObject');
    return new FakeWorksheet(this.ctx, name, [], true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.use('WorksheetCollection.add');
    this.ctx.enqueue(() => {
      if (this.ctx.book.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `sheet "${name}"`);
      this.ctx.book.sheets.push({ name, values: [], fills: new Map(), visibility: 'Visible' });
    });
    return new FakeWorksheet(this.ctx, name);
  }
}

class FakeWorksheet extends Proxy {
  private nullness: boolean | null = null;
  private loadedVisibility: Visibility = 'Visible';
  readonly onChanged: { add: (handler: Handler) => void };

  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    loadedNow: string[] = [],
    orNull = false,
  ) {
    super(ctx);
    // Items of a loaded collection come with what was asked for, as of that sync.
    for (const p of loadedNow) this.take(p);
    if (orNull) this.ctx.enqueue(() => (this.nullness = !this.ctx.book.sheet(this.sheetName)));
    this.onChanged = {
      add: (handler: Handler) => {
        this.ctx.use('Worksheet.onChanged');
        this.ctx.enqueue(() => {
          void this.data; // ItemNotFound for a sheet that is not there
          const list = this.ctx.book.handlers.get(this.sheetName) ?? [];
          list.push(handler);
          this.ctx.book.handlers.set(this.sheetName, list);
        });
      },
    };
  }

  private take(prop: string): void {
    if (prop === 'visibility') this.loadedVisibility = this.data.visibility;
    this.loaded.add(prop);
  }

  get data(): FakeSheet {
    const s = this.ctx.book.sheet(this.sheetName);
    if (!s) throw new FakeOfficeError('ItemNotFound', `sheet "${this.sheetName}"`);
    return s;
  }
  get isNullObject(): boolean {
    if (this.nullness === null) throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject');
    return this.nullness;
  }
  get name(): string {
    this.ctx.use('Worksheet.name');
    return this.read('name', () => this.sheetName);
  }
  get visibility(): Visibility {
    this.ctx.use('Worksheet.visibility');
    return this.read('visibility', () => this.loadedVisibility);
  }
  set visibility(v: Visibility) {
    this.ctx.use('Worksheet.visibility=');
    this.ctx.enqueue(() => (this.data.visibility = v));
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    for (const p of wanted) if (p === 'name' || p === 'visibility') this.ctx.use(`Worksheet.${p}`);
    this.ctx.enqueue(() => wanted.forEach((p) => this.take(p)));
    return this;
  }
  activate(): void {
    this.ctx.use('Worksheet.activate');
    this.ctx.enqueue(() => this.data);
  }
  delete(): void {
    this.ctx.use('Worksheet.delete');
    this.ctx.enqueue(() => {
      const s = this.data;
      if (s.visibility === 'VeryHidden')
        throw new FakeOfficeError('InvalidOperation', `sheet "${s.name}" is very hidden: make it visible first`);
      if (s.visibility === 'Visible' && this.ctx.book.sheets.filter((x) => x.visibility === 'Visible').length === 1)
        throw new FakeOfficeError('InvalidOperation', 'a workbook must keep one visible sheet');
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
    });
  }
  getRange(address: string): FakeRange {
    this.ctx.use('Worksheet.getRange');
    const a = parseAddress(address);
    return new FakeRange(this.ctx, this.sheetName, a.row, a.col, a.rows, a.cols);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    this.ctx.use('Worksheet.getRangeByIndexes');
    return new FakeRange(this.ctx, this.sheetName, row, col, rows, cols);
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    this.ctx.use('Worksheet.getUsedRange');
    if (valuesOnly !== undefined) this.ctx.use('Worksheet.getUsedRange(valuesOnly)');
    return FakeRange.used(this.ctx, this.sheetName, valuesOnly === true, false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.use('Worksheet.getUsedRangeOrNullObject');
    return FakeRange.used(this.ctx, this.sheetName, valuesOnly === true, true);
  }
}

interface CellProps {
  format?: { fill?: { color?: string } };
}

class FakeRangeFill extends Proxy {
  private loadedColor = '';
  constructor(
    ctx: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(ctx);
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    if (wanted.includes('color')) this.ctx.use('RangeFill.color');
    this.ctx.enqueue(() => {
      if (wanted.includes('color')) {
        // A range of several colours reports null; one cell reports its colour or white for none.
        const colors = new Set(
          this.range.cells().map(([r, c]) => this.range.sheet.fills.get(`${r},${c}`) ?? NO_FILL_COLOR),
        );
        this.loadedColor = colors.size === 1 ? [...colors][0]! : (null as unknown as string);
        this.loaded.add('color');
      }
    });
    return this;
  }
  get color(): string {
    return this.read('color', () => this.loadedColor);
  }
  set color(color: string) {
    this.ctx.use('RangeFill.color');
    this.ctx.enqueue(() => {
      for (const [r, c] of this.range.cells()) this.range.sheet.fills.set(`${r},${c}`, color.toUpperCase());
    }, this.range.size);
  }
  clear(): void {
    this.ctx.use('RangeFill.clear');
    this.ctx.enqueue(() => {
      for (const [r, c] of this.range.cells()) this.range.sheet.fills.delete(`${r},${c}`);
    }, this.range.size);
  }
}

class FakeRange extends Proxy {
  private loadedValues: FakeCell[][] = [];
  private nullness: boolean | null = null;
  private formatProxy: { fill: FakeRangeFill } | null = null;

  constructor(
    ctx: FakeContext,
    private readonly sheetName: string,
    private row: number,
    private col: number,
    private rows: number,
    private cols: number,
  ) {
    super(ctx);
  }

  /** The used range, known when the context syncs like a real proxy. Empty sheet: A1, or a null object. */
  static used(ctx: FakeContext, sheetName: string, valuesOnly: boolean, orNull: boolean): FakeRange {
    const range = new FakeRange(ctx, sheetName, 0, 0, 0, 0);
    ctx.enqueue(() => {
      const s = ctx.book.sheet(sheetName);
      if (!s) throw new FakeOfficeError('ItemNotFound', `sheet "${sheetName}"`);
      let lastRow = -1;
      let lastCol = -1;
      s.values.forEach((r, i) =>
        r.forEach((v, c) => {
          if (v === null || v === undefined || v === '') return;
          lastRow = Math.max(lastRow, i);
          lastCol = Math.max(lastCol, c);
        }),
      );
      // Without valuesOnly, Excel counts formatted cells as used: fills here.
      if (!valuesOnly)
        for (const key of s.fills.keys()) {
          const [r, c] = key.split(',').map(Number) as [number, number];
          lastRow = Math.max(lastRow, r);
          lastCol = Math.max(lastCol, c);
        }
      const empty = lastRow < 0;
      if (orNull) range.nullness = empty;
      range.rows = empty ? 1 : lastRow + 1;
      range.cols = empty ? 1 : lastCol + 1;
    });
    return range;
  }

  get sheet(): FakeSheet {
    const s = this.ctx.book.sheet(this.sheetName);
    if (!s) throw new FakeOfficeError('ItemNotFound', `sheet "${this.sheetName}"`);
    return s;
  }
  get size(): number {
    return this.rows * this.cols;
  }
  cells(): [number, number][] {
    return Array.from({ length: this.size }, (_, i) => [
      this.row + Math.floor(i / this.cols),
      this.col + (i % this.cols),
    ]);
  }
  private readGrid(): FakeCell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => this.sheet.values[this.row + r]?.[this.col + c] ?? ''),
    );
  }

  get isNullObject(): boolean {
    if (this.nullness === null) throw new FakeOfficeError('PropertyNotLoaded', 'isNullObject');
    return this.nullness;
  }
  get values(): FakeCell[][] {
    this.ctx.use('Range.values');
    return this.read('values', () => this.loadedValues);
  }
  set values(grid: FakeCell[][]) {
    this.ctx.use('Range.values');
    this.ctx.enqueue(
      () => {
        if (grid.length !== this.rows || grid.some((line) => line.length !== this.cols))
          throw new FakeOfficeError(
            'InvalidArgument',
            `values of ${grid.length}×${grid[0]?.length ?? 0} written to a range of ${this.rows}×${this.cols}`,
          );
        const s = this.sheet;
        grid.forEach((line, r) =>
          line.forEach((v, c) => {
            while (s.values.length <= this.row + r) s.values.push([]);
            s.values[this.row + r]![this.col + c] = v;
          }),
        );
        this.ctx.valuesWritten(this.sheetName, cellAddress(this.row, this.col));
      },
      grid.length * (grid[0]?.length ?? 0),
    );
  }
  get rowIndex(): number {
    this.ctx.use('Range.rowIndex');
    return this.read('rowIndex', () => this.row);
  }
  get columnIndex(): number {
    this.ctx.use('Range.columnIndex');
    return this.read('columnIndex', () => this.col);
  }
  get rowCount(): number {
    this.ctx.use('Range.rowCount');
    return this.read('rowCount', () => this.rows);
  }
  get columnCount(): number {
    this.ctx.use('Range.columnCount');
    return this.read('columnCount', () => this.cols);
  }
  get format(): { fill: FakeRangeFill } {
    this.ctx.use('Range.format');
    this.ctx.use('RangeFormat.fill');
    return (this.formatProxy ??= { fill: new FakeRangeFill(this.ctx, this) });
  }
  load(props?: string | string[]): this {
    const wanted = propsOf(props);
    for (const p of wanted) {
      if (!['values', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'].includes(p))
        throw new FakeOfficeError('InvalidArgument', `the stand-in cannot load "${p}"`);
      this.ctx.use(`Range.${p}` as ExcelMember);
    }
    this.ctx.enqueue(
      () => {
        if (this.nullness) return;
        if (wanted.includes('values')) this.loadedValues = this.readGrid();
        wanted.forEach((p) => this.loaded.add(p));
      },
      wanted.includes('values') ? this.size : 0,
    );
    return this;
  }
  getCellProperties(_spec: CellProps): { value: CellProps[][] } {
    this.ctx.use('Range.getCellProperties');
    let props: CellProps[][] | null = null;
    const result = {
      get value(): CellProps[][] {
        if (!props) throw new FakeOfficeError('PropertyNotLoaded', 'cellProperties');
        return props;
      },
    };
    this.ctx.enqueue(() => {
      props = Array.from({ length: this.rows }, (_, r) =>
        Array.from({ length: this.cols }, (_, c) => ({
          format: { fill: { color: this.sheet.fills.get(`${this.row + r},${this.col + c}`) ?? NO_FILL_COLOR } },
        })),
      );
    }, this.size);
    return result;
  }
  setCellProperties(grid: CellProps[][]): void {
    this.ctx.use('Range.setCellProperties');
    this.ctx.enqueue(() => {
      grid.forEach((line, r) =>
        line.forEach((p, c) => {
          const color = p.format?.fill?.color;
          if (color !== undefined) this.sheet.fills.set(`${this.row + r},${this.col + c}`, color.toUpperCase());
        }),
      );
    }, this.size);
  }
  select(): void {
    this.ctx.use('Range.select');
    this.ctx.enqueue(
      () => (this.ctx.book.selection = { sheet: this.sheetName, address: cellAddress(this.row, this.col) }),
    );
  }
}

/** Office.context.document.settings: kept in memory, written to the workbook by saveAsync. */
class FakeSettings {
  private values: Record<string, unknown>;
  constructor(private readonly book: FakeWorkbook) {
    this.values = structuredClone(book.savedSettings);
  }
  get(name: string): unknown {
    return this.values[name] ?? null;
  }
  set(name: string, value: unknown): void {
    this.values[name] = structuredClone(value);
  }
  remove(name: string): void {
    delete this.values[name];
  }
  saveAsync(callback?: (result: { status: string }) => void): void {
    this.book.savedSettings = structuredClone(this.values);
    setTimeout(() => callback?.({ status: 'succeeded' }), 0);
  }
}

/** Installs window.Office and window.Excel backed by `book` (call before the task pane script runs). */
export function installFakeOffice(target: Record<string, unknown>, book: FakeWorkbook): void {
  target.Excel = {
    // Like Excel.run: what the function leaves queued is sent in one more request when it returns.
    run: async <T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> => {
      const ctx = new FakeContext(book);
      const result = await batch(ctx);
      if (ctx.pending) await ctx.sync();
      return result;
    },
    EventSource: { local: 'Local' },
    SheetVisibility: { visible: 'Visible', hidden: 'Hidden', veryHidden: 'VeryHidden' },
  };
  target.Office = {
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: {
      requirements: {
        isSetSupported: (name: string, version = '1.1') => name === 'ExcelApi' && minorOf(version) <= book.apiMinor,
      },
      document: { settings: new FakeSettings(book) },
    },
  };
}
