/* eslint-disable @typescript-eslint/no-explicit-any -- the fake reads request bodies as loose JSON, as the real server does */
// A stand-in for Google Drive v3 and Sheets v4 on 127.0.0.1, answering the real googleapis client (its
// `rootUrl` pointed here). It keeps files and spreadsheets in memory, records every request with its
// Authorization header, and can be told to fail the next requests of a route (429, 500, 403…).
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export const TEST_TOKEN = 'test-token';
export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const GOOGLE_SHEET = 'application/vnd.google-apps.spreadsheet';
export const FOLDER = 'application/vnd.google-apps.folder';

export interface FakeFile {
  id: string;
  name: string;
  mimeType: string;
  parents: string[];
  modifiedTime: string;
  /** Bytes served by alt=media, or by export for a native Google Sheet. */
  content?: Buffer;
  /** Size reported in metadata when it should differ from the content (an oversize file). */
  reportedSize?: number;
  trashed?: boolean;
}

export type SheetValue = string | number | boolean;

export interface FakeTab {
  sheetId: number;
  title: string;
  rowCount: number;
  columnCount: number;
  frozenRowCount: number;
  values: SheetValue[][];
  /** Charts floating over the tab (addChart anchors them here), as the API gives them back. */
  charts: FakeChart[];
  /** Row heights set by updateDimensionProperties, by 0-based row. */
  rowPixels: Map<number, number>;
}

/** A GridRange as the Sheets API takes it: 0-based, ends exclusive. */
export interface GridRange {
  sheetId: number;
  startRowIndex: number;
  endRowIndex: number;
  startColumnIndex: number;
  endColumnIndex: number;
}

/** A chart's domain or series: the ranges it reads. */
export type ChartPart = Record<'domain' | 'series', { sourceRange: { sources: GridRange[] } }>;

export interface FakeChart {
  chartId: number;
  spec: any;
  position: any;
}

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  body: unknown;
}

interface Fault {
  method: string;
  path: RegExp;
  status: number;
  remaining: number;
  body: unknown;
  headers: Record<string, string>;
}

/** Google's error body: Drive lists `errors[].reason`, Sheets gives `status`. */
export function googleError(status: number, message: string, reason?: string): unknown {
  return {
    error: {
      code: status,
      message,
      status: reason ?? 'ERROR',
      errors: reason ? [{ domain: 'global', reason, message }] : [],
    },
  };
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `'Tab name'!B3`, `'Tab'!A1:ZZ`, `Tab` → tab title and 0-based start cell. */
export function parseRange(range: string): { title: string; row: number; col: number } {
  const m = /^(?:'((?:[^']|'')*)'|([^!]+))(?:!([A-Z]+)(\d+)?(?::[A-Z]*\d*)?)?$/.exec(range);
  if (!m) throw new Error(`bad range ${range}`);
  return {
    title: (m[1] ?? m[2] ?? '').replace(/''/g, "'"),
    col: m[3] ? columnIndex(m[3]) : 0,
    row: m[4] ? Number(m[4]) - 1 : 0,
  };
}

export class FakeGoogle {
  readonly files = new Map<string, FakeFile>();
  readonly spreadsheets = new Map<string, { title: string; tabs: FakeTab[] }>();
  readonly requests: Recorded[] = [];
  /** Drive pages hold at most this many files, whatever the client asks, so paging is exercised. */
  maxPageSize = 2;
  private readonly faults: Fault[] = [];
  private readonly stalls: { path: RegExp; mode: 'after-headers' | 'silent'; remaining: number }[] = [];
  private nextSheetId = 100;
  private server?: http.Server;
  url = '';

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        try {
          this.handle(req, Buffer.concat(chunks), res);
        } catch (err) {
          this.send(res, 500, googleError(500, `fake server: ${String(err)}`));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    // Stalled downloads keep their connections open: cut them.
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  addFile(
    file: Omit<FakeFile, 'parents' | 'modifiedTime'> & Partial<Pick<FakeFile, 'parents' | 'modifiedTime'>>,
  ): FakeFile {
    const full: FakeFile = { parents: ['folder-1'], modifiedTime: '2021-04-10T03:00:00.000Z', ...file };
    this.files.set(full.id, full);
    return full;
  }

  addSpreadsheet(id: string, tabs: Array<Pick<FakeTab, 'title'> & Partial<FakeTab>>): void {
    this.spreadsheets.set(id, {
      title: `Bảng ${id}`,
      tabs: tabs.map((t) => ({
        sheetId: this.nextSheetId++,
        rowCount: 1000,
        columnCount: 26,
        frozenRowCount: 0,
        values: [],
        charts: [],
        rowPixels: new Map(),
        ...t,
      })),
    });
  }

  tab(spreadsheet: string, title: string): FakeTab | undefined {
    return this.spreadsheets.get(spreadsheet)?.tabs.find((t) => t.title === title);
  }

  /** The next `times` requests matching method and path get `status` (and `body`). */
  fail(
    method: string,
    path: RegExp,
    status: number,
    times = 1,
    body?: unknown,
    headers: Record<string, string> = {},
  ): void {
    this.faults.push({
      method,
      path,
      status,
      remaining: times,
      body: body ?? googleError(status, `HTTP ${status}`),
      headers,
    });
  }

  /**
   * The next `times` GET requests matching `path` stall: `after-headers` sends the headers and a few bytes
   * then nothing more; `silent` never answers at all.
   */
  stall(path: RegExp, mode: 'after-headers' | 'silent', times = Infinity): void {
    this.stalls.push({ path, mode, remaining: times });
  }

  /** Media downloads and exports made so far (optionally of one file id). */
  downloads(fileId?: string): Recorded[] {
    return this.requests.filter(
      (r) =>
        (r.query.get('alt') === 'media' || r.path.endsWith('/export')) &&
        (!fileId || r.path.includes(`/files/${fileId}`)),
    );
  }

  private send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const data = Buffer.isBuffer(body) ? body : Buffer.from(JSON.stringify(body ?? {}));
    res.writeHead(status, {
      'content-type': Buffer.isBuffer(body) ? 'application/octet-stream' : 'application/json; charset=utf-8',
      'content-length': String(data.length),
      ...headers,
    });
    res.end(data);
  }

  private handle(req: http.IncomingMessage, raw: Buffer, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', this.url);
    const path = decodeURIComponent(url.pathname);
    const method = req.method ?? 'GET';
    const body: unknown = raw.length > 0 ? JSON.parse(raw.toString('utf8')) : undefined;
    this.requests.push({ method, path, query: url.searchParams, authorization: req.headers.authorization, body });

    if (req.headers.authorization !== `Bearer ${TEST_TOKEN}`)
      return this.send(res, 401, googleError(401, 'Invalid Credentials', 'authError'));
    const stall = this.stalls.find((s) => s.remaining > 0 && method === 'GET' && s.path.test(path));
    if (stall && (url.searchParams.get('alt') === 'media' || path.endsWith('/export'))) {
      stall.remaining--;
      if (stall.mode === 'silent') return;
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '100000' });
      res.write(Buffer.from('PK\u0003\u0004'));
      return;
    }
    const fault = this.faults.find((f) => f.remaining > 0 && f.method === method && f.path.test(path));
    if (fault) {
      fault.remaining--;
      return this.send(res, fault.status, fault.body, fault.headers);
    }
    let m: RegExpExecArray | null;
    if (method === 'GET' && path === '/drive/v3/files') return this.list(url.searchParams, res);
    if (method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)\/export$/.exec(path)))
      return this.export(m[1]!, url.searchParams, res);
    if (method === 'GET' && (m = /^\/drive\/v3\/files\/([^/]+)$/.exec(path)))
      return this.getFile(m[1]!, url.searchParams, res);
    if ((m = /^\/v4\/spreadsheets\/([^/:]+)(.*)$/.exec(path))) {
      const book = this.spreadsheets.get(m[1]!);
      if (!book) return this.send(res, 404, googleError(404, 'Requested entity was not found.', 'NOT_FOUND'));
      const rest = m[2]!;
      if (method === 'GET' && rest === '') return this.send(res, 200, this.metadata(m[1]!));
      if (method === 'GET' && rest.startsWith('/values/'))
        return this.readValues(m[1]!, rest.slice('/values/'.length), url.searchParams, res);
      if (method === 'POST' && rest === ':batchUpdate')
        return this.batchUpdate(m[1]!, body as { requests: Array<Record<string, any>> }, res);
      if (method === 'POST' && rest === '/values:batchClear')
        return this.batchClear(m[1]!, body as { ranges: string[] }, res);
      if (method === 'POST' && rest === '/values:batchUpdate')
        return this.writeValues(
          m[1]!,
          body as { valueInputOption: string; data: Array<{ range: string; values: SheetValue[][] }> },
          res,
        );
    }
    this.send(res, 404, googleError(404, `fake server has no route ${method} ${path}`));
  }

  private meta(f: FakeFile): Record<string, unknown> {
    const meta: Record<string, unknown> = {
      id: f.id,
      name: f.name,
      mimeType: f.mimeType,
      modifiedTime: f.modifiedTime,
    };
    if (f.mimeType !== GOOGLE_SHEET && f.mimeType !== FOLDER && f.content) {
      meta.size = String(f.reportedSize ?? f.content.length);
      meta.md5Checksum = createHash('md5').update(f.content).digest('hex');
    }
    return meta;
  }

  private list(q: URLSearchParams, res: http.ServerResponse): void {
    const parent = /'([^']+)' in parents/.exec(q.get('q') ?? '')?.[1];
    if (!parent || !/trashed = false/.test(q.get('q') ?? ''))
      return this.send(res, 400, googleError(400, 'Invalid query', 'invalid'));
    const all = [...this.files.values()]
      .filter((f) => f.parents.includes(parent) && !f.trashed)
      .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    const size = Math.min(Number(q.get('pageSize') ?? 100), this.maxPageSize);
    const start = Number(q.get('pageToken') ?? 0);
    const page = all.slice(start, start + size);
    const next = start + size < all.length ? String(start + size) : undefined;
    this.send(res, 200, { files: page.map((f) => this.meta(f)), ...(next ? { nextPageToken: next } : {}) });
  }

  private getFile(id: string, q: URLSearchParams, res: http.ServerResponse): void {
    const file = this.files.get(id);
    if (!file) return this.send(res, 404, googleError(404, `File not found: ${id}.`, 'notFound'));
    if (q.get('alt') !== 'media') return this.send(res, 200, this.meta(file));
    if (file.mimeType === GOOGLE_SHEET || !file.content)
      return this.send(
        res,
        403,
        googleError(
          403,
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
          'fileNotDownloadable',
        ),
      );
    this.send(res, 200, file.content);
  }

  private export(id: string, q: URLSearchParams, res: http.ServerResponse): void {
    const file = this.files.get(id);
    if (!file) return this.send(res, 404, googleError(404, `File not found: ${id}.`, 'notFound'));
    if (file.mimeType !== GOOGLE_SHEET || q.get('mimeType') !== XLSX || !file.content)
      return this.send(res, 400, googleError(400, 'Export only supports Docs Editors files.', 'badRequest'));
    this.send(res, 200, file.content);
  }

  private metadata(id: string): unknown {
    const book = this.spreadsheets.get(id)!;
    return {
      spreadsheetId: id,
      properties: { title: book.title },
      sheets: book.tabs.map((t, index) => ({
        properties: {
          sheetId: t.sheetId,
          title: t.title,
          index,
          gridProperties: { rowCount: t.rowCount, columnCount: t.columnCount, frozenRowCount: t.frozenRowCount },
        },
        ...(t.charts.length > 0 ? { charts: t.charts } : {}),
      })),
    };
  }

  // FORMATTED_VALUE (the default): every value comes back as text; UNFORMATTED_VALUE: numbers and booleans
  // as they are. Trailing empty cells trimmed.
  private readValues(id: string, range: string, q: URLSearchParams, res: http.ServerResponse): void {
    const { title } = parseRange(range);
    const tab = this.tab(id, title);
    if (!tab) return this.send(res, 400, googleError(400, `Unable to parse range: ${range}`, 'INVALID_ARGUMENT'));
    const raw = q.get('valueRenderOption') === 'UNFORMATTED_VALUE';
    const values = tab.values.map((row) => {
      const texts: SheetValue[] = Array.from(row, (v) =>
        v === undefined || v === null ? '' : raw ? v : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : String(v),
      );
      while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
      return texts;
    });
    while (values.length > 0 && values[values.length - 1]!.length === 0) values.pop();
    this.send(res, 200, { range, majorDimension: 'ROWS', ...(values.length > 0 ? { values } : {}) });
  }

  private batchUpdate(id: string, body: { requests: Array<Record<string, any>> }, res: http.ServerResponse): void {
    const book = this.spreadsheets.get(id)!;
    const replies: unknown[] = [];
    for (const request of body.requests) {
      if (request.addSheet) {
        const p = request.addSheet.properties;
        if (book.tabs.some((t) => t.title === p.title))
          return this.send(
            res,
            400,
            googleError(400, `A sheet with the name "${p.title}" already exists.`, 'INVALID_ARGUMENT'),
          );
        const g = p.gridProperties ?? {};
        const tab: FakeTab = {
          sheetId: this.nextSheetId++,
          title: p.title,
          rowCount: g.rowCount ?? 1000,
          columnCount: g.columnCount ?? 26,
          frozenRowCount: g.frozenRowCount ?? 0,
          values: [],
          charts: [],
          rowPixels: new Map(),
        };
        book.tabs.push(tab);
        replies.push({ addSheet: { properties: { sheetId: tab.sheetId, title: tab.title } } });
      } else if (request.updateSheetProperties) {
        const p = request.updateSheetProperties.properties;
        const fields = String(request.updateSheetProperties.fields).split(',');
        const tab = book.tabs.find((t) => t.sheetId === p.sheetId);
        if (!tab) return this.send(res, 400, googleError(400, `No grid with id: ${p.sheetId}`, 'INVALID_ARGUMENT'));
        for (const field of fields) {
          if (field.trim() === 'title') {
            tab.title = p.title;
            continue;
          }
          const key = field.trim().replace('gridProperties.', '') as 'rowCount' | 'columnCount' | 'frozenRowCount';
          tab[key] = p.gridProperties[key];
        }
        if (tab.frozenRowCount >= tab.rowCount)
          return this.send(
            res,
            400,
            googleError(400, "You can't freeze all visible rows on the sheet.", 'INVALID_ARGUMENT'),
          );
        replies.push({});
      } else if (request.addChart || request.deleteEmbeddedObject || request.updateDimensionProperties) {
        const problem = this.drawing(book.tabs, request, replies);
        if (problem) return this.send(res, 400, googleError(400, problem, 'INVALID_ARGUMENT'));
      } else {
        return this.send(
          res,
          400,
          googleError(400, `fake server does not know ${Object.keys(request).join()}`, 'INVALID_ARGUMENT'),
        );
      }
    }
    this.send(res, 200, { spreadsheetId: id, replies });
  }

  /** Charts and row heights; the error message the real API gives when a request names what is not there. */
  private drawing(tabs: FakeTab[], request: Record<string, any>, replies: unknown[]): string | undefined {
    const byId = (id: unknown) => tabs.find((t) => t.sheetId === id);
    if (request.addChart) {
      const { spec, position } = request.addChart.chart;
      const anchor = byId(position?.overlayPosition?.anchorCell?.sheetId);
      if (!anchor) return 'Invalid chart position: no anchor sheet.';
      const basic = spec?.basicChart;
      const ranges: GridRange[] = [...(basic?.domains ?? []), ...(basic?.series ?? [])].flatMap(
        (p: Partial<ChartPart>) => (p.domain ?? p.series)?.sourceRange.sources ?? [],
      );
      if (ranges.length === 0 || ranges.some((r) => !byId(r.sheetId))) return 'Invalid chart data: unknown grid.';
      const chart = { chartId: this.nextSheetId++, spec, position };
      anchor.charts.push(chart);
      replies.push({ addChart: { chart } });
    } else if (request.deleteEmbeddedObject) {
      const id = request.deleteEmbeddedObject.objectId;
      const tab = tabs.find((t) => t.charts.some((c) => c.chartId === id));
      if (!tab) return `Invalid requests[0].deleteEmbeddedObject: No object with id: ${id}`;
      tab.charts = tab.charts.filter((c) => c.chartId !== id);
      replies.push({});
    } else {
      const { range, properties } = request.updateDimensionProperties;
      const tab = byId(range.sheetId);
      if (!tab) return `No grid with id: ${range.sheetId}`;
      if (range.dimension === 'ROWS')
        for (let r = range.startIndex; r < range.endIndex; r++) tab.rowPixels.set(r, properties.pixelSize);
      replies.push({});
    }
    return undefined;
  }

  private batchClear(id: string, body: { ranges: string[] }, res: http.ServerResponse): void {
    for (const range of body.ranges) {
      const tab = this.tab(id, parseRange(range).title);
      if (!tab) return this.send(res, 400, googleError(400, `Unable to parse range: ${range}`, 'INVALID_ARGUMENT'));
      tab.values = [];
    }
    this.send(res, 200, { spreadsheetId: id, clearedRanges: body.ranges });
  }

  private writeValues(
    id: string,
    body: { valueInputOption: string; data: Array<{ range: string; values: SheetValue[][] }> },
    res: http.ServerResponse,
  ): void {
    if (!['RAW', 'USER_ENTERED'].includes(body.valueInputOption))
      return this.send(res, 400, googleError(400, 'Invalid valueInputOption', 'INVALID_ARGUMENT'));
    for (const { range, values } of body.data) {
      const { title, row, col } = parseRange(range);
      const tab = this.tab(id, title);
      if (!tab) return this.send(res, 400, googleError(400, `Unable to parse range: ${range}`, 'INVALID_ARGUMENT'));
      const width = Math.max(0, ...values.map((r) => r.length));
      if (row + values.length > tab.rowCount || col + width > tab.columnCount) {
        return this.send(
          res,
          400,
          googleError(
            400,
            `Range (${range}) exceeds grid limits. Max rows: ${tab.rowCount}, max columns: ${tab.columnCount}`,
            'INVALID_ARGUMENT',
          ),
        );
      }
      values.forEach((line, i) => {
        const target = (tab.values[row + i] ??= []);
        line.forEach((v, j) => {
          // USER_ENTERED would turn "=…" into a formula; RAW keeps it as typed.
          target[col + j] =
            body.valueInputOption === 'USER_ENTERED' && typeof v === 'string' && v.startsWith('=')
              ? `<formula ${v}>`
              : v;
        });
      });
      for (let r = 0; r < tab.values.length; r++) tab.values[r] ??= [];
    }
    this.send(res, 200, {
      spreadsheetId: id,
      totalUpdatedCells: body.data.reduce((n, d) => n + d.values.reduce((m, r) => m + r.length, 0), 0),
    });
  }
}
