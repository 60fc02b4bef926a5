// An in-page stand-in for Office and Excel, backed by plain grids: for the preview page, the browser tests
// and the Excel module's unit tests. It keeps the proxy semantics that matter: properties are readable
// only after load() and sync(), writes take effect at sync(), and every sync() is counted.
import { cellAddress } from '../../engine/cells.js';

export type FakeCell = string | number | boolean | null;

export interface FakeSheet {
  name: string;
  values: FakeCell[][];
  /** Fill colour by "row,col" (0-based); absent = no fill. */
  fills: Map<string, string>;
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
}

type Handler = (event: {
  worksheetId: string;
  address: string;
  changeType: string;
  source: string;
}) => Promise<void> | void;

export class FakeWorkbook {
  sheets: FakeSheet[] = [];
  syncs = 0;
  selection: { sheet: string; address: string } | null = null;
  /** Largest number of cells a single sync carried: to check payload chunking. */
  largestSyncCells = 0;
  handlers = new Map<string, Handler[]>();
  /** ExcelApi minor versions this fake "supports". */
  apiVersion = 14;
  /** Called after every sync: the preview page redraws its sheet view. */
  onSync?: () => void;

  constructor(sheets: { name: string; values: FakeCell[][] }[]) {
    this.sheets = sheets.map((s) => ({
      name: s.name,
      values: s.values.map((r) => [...r]),
      fills: new Map(),
      visibility: 'Visible',
    }));
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Simulates the clerk typing: changes a cell and fires the sheet's onChanged handlers. */
  async type(sheetName: string, row: number, col: number, value: FakeCell): Promise<void> {
    const s = this.sheet(sheetName)!;
    while (s.values.length <= row) s.values.push([]);
    s.values[row]![col] = value;
    for (const h of this.handlers.get(sheetName) ?? [])
      await h({ worksheetId: sheetName, address: toAddress(row, col), changeType: 'RangeEdited', source: 'Local' });
  }
}

export const toAddress = cellAddress;

function parseAddress(address: string): { row: number; col: number; rows: number; cols: number } {
  const [a, b] = address.replace(/^.*!/, '').split(':');
  const one = (x: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(x)!;
    let col = 0;
    for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const start = one(a!);
  const end = b ? one(b) : start;
  return { row: start.row, col: start.col, rows: end.row - start.row + 1, cols: end.col - start.col + 1 };
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
  }
}

/** The request context: queues work, runs it on sync(). */
class FakeContext {
  private queue: (() => void)[] = [];
  private pendingCells = 0;
  readonly workbook: FakeWorkbookProxy;
  readonly runtime = { enableEvents: true };

  constructor(readonly book: FakeWorkbook) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  enqueue(work: () => void, cells = 0): void {
    this.queue.push(work);
    this.pendingCells += cells;
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    this.book.largestSyncCells = Math.max(this.book.largestSyncCells, this.pendingCells);
    this.pendingCells = 0;
    const work = this.queue;
    this.queue = [];
    for (const w of work) w();
    this.book.onSync?.();
  }
}

class FakeWorkbookProxy {
  readonly worksheets: FakeWorksheets;
  constructor(readonly ctx: FakeContext) {
    this.worksheets = new FakeWorksheets(ctx);
  }
}

class FakeWorksheets {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(private readonly ctx: FakeContext) {}

  load(_props?: string): this {
    this.ctx.enqueue(
      () => (this.loadedItems = this.ctx.book.sheets.map((s) => new FakeWorksheet(this.ctx, s.name, true))),
    );
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw new NotLoaded('worksheets.items');
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, false);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, name, false, true);
  }
  add(name: string): FakeWorksheet {
    this.ctx.enqueue(() => {
      if (!this.ctx.book.sheet(name))
        this.ctx.book.sheets.push({ name, values: [], fills: new Map(), visibility: 'Visible' });
    });
    return new FakeWorksheet(this.ctx, name, false);
  }
}

class FakeWorksheet {
  private loaded: boolean;
  private nullness: boolean | null = null;
  readonly onChanged = {
    add: (handler: Handler) => {
      this.ctx.enqueue(() => {
        const list = this.ctx.book.handlers.get(this.sheetName) ?? [];
        list.push(handler);
        this.ctx.book.handlers.set(this.sheetName, list);
      });
    },
  };

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    loaded: boolean,
    private readonly orNull = false,
  ) {
    this.loaded = loaded;
    if (orNull) this.ctx.enqueue(() => (this.nullness = !this.ctx.book.sheet(this.sheetName)));
  }

  private get data(): FakeSheet {
    const s = this.ctx.book.sheet(this.sheetName);
    if (!s) throw new Error(`ItemNotFound: ${this.sheetName}`);
    return s;
  }
  get isNullObject(): boolean {
    if (this.nullness === null) throw new NotLoaded('isNullObject');
    return this.nullness;
  }
  get name(): string {
    if (!this.loaded) throw new NotLoaded('name');
    return this.sheetName;
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.ctx.enqueue(() => (this.data.visibility = v));
  }
  load(_props?: string): this {
    this.ctx.enqueue(() => (this.loaded = true));
    return this;
  }
  activate(): void {
    this.ctx.enqueue(() => undefined);
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.book.sheets = this.ctx.book.sheets.filter((s) => s.name !== this.sheetName);
    });
  }
  getRange(address: string): FakeRange {
    const a = parseAddress(address);
    return new FakeRange(this.ctx, this.sheetName, a.row, a.col, a.rows, a.cols);
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetName, row, col, rows, cols);
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    const range = new FakeRange(this.ctx, this.sheetName, 0, 0, 0, 0, true);
    return range;
  }
}

interface CellProps {
  format?: { fill?: { color?: string } };
}

class FakeRange {
  private loadedValues: FakeCell[][] | null = null;
  private loadedProps: CellProps[][] | null = null;
  private nullness: boolean | null = null;
  private loadedGeometry = false;

  constructor(
    private readonly ctx: FakeContext,
    private readonly sheetName: string,
    private row: number,
    private col: number,
    private rows: number,
    private cols: number,
    private readonly used = false,
  ) {
    if (used) {
      // The used range is known when the context syncs, like a real proxy.
      this.ctx.enqueue(() => {
        const s = this.ctx.book.sheet(this.sheetName);
        const nonEmpty = (s?.values ?? []).map((r) =>
          r.reduce<number>((last, v, c) => (v !== null && v !== undefined && v !== '' ? c : last), -1),
        );
        const lastRow = nonEmpty.reduce((last, c, r) => (c >= 0 ? r : last), -1);
        this.nullness = !s || lastRow < 0;
        this.row = 0;
        this.col = 0;
        this.rows = lastRow + 1;
        this.cols = Math.max(0, ...nonEmpty) + 1;
      });
    }
  }

  private get sheet(): FakeSheet {
    return this.ctx.book.sheet(this.sheetName)!;
  }
  private readGrid(): FakeCell[][] {
    return Array.from({ length: this.rows }, (_, r) =>
      Array.from({ length: this.cols }, (_, c) => this.sheet.values[this.row + r]?.[this.col + c] ?? ''),
    );
  }

  get isNullObject(): boolean {
    if (this.nullness === null) throw new NotLoaded('isNullObject');
    return this.nullness;
  }
  get values(): FakeCell[][] {
    if (!this.loadedValues) throw new NotLoaded('values');
    return this.loadedValues;
  }
  set values(grid: FakeCell[][]) {
    this.ctx.enqueue(
      () => {
        grid.forEach((line, r) =>
          line.forEach((v, c) => {
            const s = this.sheet;
            while (s.values.length <= this.row + r) s.values.push([]);
            s.values[this.row + r]![this.col + c] = v;
          }),
        );
      },
      grid.length * (grid[0]?.length ?? 0),
    );
  }
  get rowIndex(): number {
    if (!this.loadedGeometry) throw new NotLoaded('rowIndex');
    return this.row;
  }
  get columnIndex(): number {
    if (!this.loadedGeometry) throw new NotLoaded('columnIndex');
    return this.col;
  }
  get rowCount(): number {
    if (!this.loadedGeometry) throw new NotLoaded('rowCount');
    return this.rows;
  }
  get columnCount(): number {
    if (!this.loadedGeometry) throw new NotLoaded('columnCount');
    return this.cols;
  }
  load(props = 'values'): this {
    this.ctx.enqueue(
      () => {
        if (this.nullness) return;
        if (props.includes('values')) this.loadedValues = this.readGrid();
        this.loadedGeometry = true;
      },
      props.includes('values') ? this.rows * this.cols : 0,
    );
    return this;
  }
  getCellProperties(_spec: CellProps): { value: CellProps[][] } {
    const result = { value: [] as CellProps[][] };
    Object.defineProperty(result, 'value', {
      get: () => {
        if (!this.loadedProps) throw new NotLoaded('cellProperties');
        return this.loadedProps;
      },
    });
    this.ctx.enqueue(() => {
      this.loadedProps = Array.from({ length: this.rows }, (_, r) =>
        Array.from({ length: this.cols }, (_, c) => ({
          format: { fill: { color: this.sheet.fills.get(`${this.row + r},${this.col + c}`) ?? '#FFFFFF' } },
        })),
      );
    }, this.rows * this.cols);
    return result;
  }
  setCellProperties(grid: CellProps[][]): void {
    this.ctx.enqueue(
      () => {
        grid.forEach((line, r) =>
          line.forEach((p, c) => {
            const color = p.format?.fill?.color;
            if (color === undefined) return;
            const key = `${this.row + r},${this.col + c}`;
            if (color === '' || color.toUpperCase() === '#FFFFFF') this.sheet.fills.delete(key);
            else this.sheet.fills.set(key, color.toUpperCase());
          }),
        );
      },
      grid.length * (grid[0]?.length ?? 0),
    );
  }
  select(): void {
    this.ctx.enqueue(
      () => (this.ctx.book.selection = { sheet: this.sheetName, address: toAddress(this.row, this.col) }),
    );
  }
}

/** Installs window.Office and window.Excel backed by `book` (call before the task pane script runs). */
export function installFakeOffice(target: Record<string, unknown>, book: FakeWorkbook): void {
  target.Excel = {
    run: async <T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> => batch(new FakeContext(book)),
    EventSource: { local: 'Local' },
  };
  target.Office = {
    onReady: async () => ({ host: 'Excel', platform: 'OfficeOnline' }),
    HostType: { Excel: 'Excel' },
    context: {
      requirements: {
        isSetSupported: (name: string, version: string) =>
          name === 'ExcelApi' && Number(version.split('.')[1] ?? 0) <= book.apiVersion,
      },
    },
  };
}
