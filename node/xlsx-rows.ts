// Reads chosen sheets of an .xlsx row by row, straight from the zip, with little memory: what a person
// typed keeps its type (text, number, date by its cell format, true/false, a formula with or without its
// cached value). Text is decoded as one UTF-8 stream, so a character split between two chunks stays whole
// (exceljs 4.4.0's streaming reader decodes chunk by chunk and turns such characters into U+FFFD), and
// every entry read is checked against its CRC, so a damaged file is an error, never quietly wrong values
// nor a read that never ends.
import zlib from 'node:zlib';
import { SaxesParser } from 'saxes';
import yauzl from 'yauzl';
import { parseRef, serialToDate, showsDate } from '../ooxml/facts.js';
import { partKey, REL_TYPE, relsOf, resolveTarget } from '../ooxml/package.js';

export interface Formula {
  formula: string;
  /** The value Excel computed when it last saved; absent when it never did (a file written by a program). */
  result?: string | number | boolean | Date;
}

export type TypedCell = string | number | boolean | Date | Formula | null;

export const isFormula = (v: unknown): v is Formula =>
  typeof v === 'object' && v !== null && !(v instanceof Date) && 'formula' in v;

export interface RowEvent {
  sheet: string;
  /** 1-based row number in the sheet. */
  row: number;
  /** Values by 0-based column; holes are empty cells. */
  cells: TypedCell[];
}

/** An .xlsx that cannot be read: not a zip, damaged, or missing a part. */
export class XlsxReadError extends Error {}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: false, validateEntrySizes: true }, (err, zip) => {
      if (zip) return resolve(zip);
      // A missing or unopenable file is the caller's to explain; only a bad zip is a damaged workbook.
      if ((err as NodeJS.ErrnoException | null)?.code) return reject(err);
      reject(new XlsxReadError(`không phải tệp .xlsx hợp lệ (${err?.message ?? 'zip'})`));
    }),
  );
}

function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (e: yauzl.Entry) => {
      entries.set(partKey(e.fileName), e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (e: Error) => reject(new XlsxReadError(`tệp nén bị hỏng (${e.message})`)));
    zip.readEntry();
  });
}

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Streams one entry through a SAX parser; rejects on a damaged entry (inflate, size, CRC, UTF-8, XML). */
function parseEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  setup: (parser: SaxesParser) => void,
  stop?: { requested: boolean },
): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(new XlsxReadError(`không mở được "${entry.fileName}" (${err?.message})`));
      const fail = (why: string) => {
        stream.destroy();
        reject(new XlsxReadError(`phần "${entry.fileName}" bị hỏng (${why})`));
      };
      const parser = new SaxesParser();
      let failed = false;
      parser.on('error', (e) => {
        failed = true;
        fail(e.message);
      });
      setup(parser);
      const decoder = new TextDecoder('utf-8', { fatal: true });
      let crc = 0;
      stream.on('data', (chunk: Buffer) => {
        if (failed) return;
        crc = zlib.crc32(chunk, crc);
        try {
          parser.write(decoder.decode(chunk, { stream: true }));
        } catch (e) {
          failed = true;
          return fail((e as Error).message);
        }
        if (stop?.requested) {
          stream.destroy();
          resolve();
        }
      });
      stream.on('error', (e: Error) => {
        if (!failed && !stop?.requested) fail(e.message);
      });
      stream.on('end', () => {
        if (failed || stop?.requested) return;
        if (crc >>> 0 !== entry.crc32 >>> 0) return fail('sai mã kiểm tra CRC');
        try {
          parser.write(decoder.decode());
          parser.close();
        } catch (e) {
          return fail((e as Error).message);
        }
        resolve();
      });
    });
  });
}

/** Collects the text of `<t>` elements under each `container` element (rich text runs joined, phonetic runs left out). */
function textItems(parser: SaxesParser, container: string, onItem: (text: string) => void): void {
  let inItem = false;
  let inT = false;
  let inPhonetic = false;
  let text = '';
  parser.on('opentag', (tag) => {
    const name = localName(tag.name);
    if (name === container) {
      inItem = true;
      text = '';
    } else if (name === 'rPh') inPhonetic = true;
    else if (name === 't' && inItem && !inPhonetic) inT = true;
  });
  parser.on('text', (t) => {
    if (inT) text += t;
  });
  parser.on('closetag', (tag) => {
    const name = localName(tag.name);
    if (name === 't') inT = false;
    else if (name === 'rPh') inPhonetic = false;
    else if (name === container) {
      inItem = false;
      onItem(unescapeOoxml(text));
    }
  });
}

/** Excel writes control characters as _xHHHH_. */
const unescapeOoxml = (s: string): string =>
  s.includes('_x') ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : s;

async function readStyles(zip: yauzl.ZipFile, entry: yauzl.Entry | undefined): Promise<boolean[]> {
  if (!entry) return [];
  const custom = new Map<number, string>();
  const xfIsDate: boolean[] = [];
  let inCellXfs = false;
  await parseEntry(zip, entry, (parser) => {
    parser.on('opentag', (tag) => {
      const name = localName(tag.name);
      const a = tag.attributes as Record<string, string>;
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(a.numFmtId ?? 0);
        xfIsDate.push(showsDate(id, custom));
      }
    });
    parser.on('closetag', (tag) => {
      if (localName(tag.name) === 'cellXfs') inCellXfs = false;
    });
  });
  return xfIsDate;
}

interface Book {
  /** Sheet name → part. */
  sheets: { name: string; path: string }[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

/** A part's relationships: id → type and resolved target. */
async function readRels(
  zip: yauzl.ZipFile,
  entries: Map<string, yauzl.Entry>,
  part: string,
): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  const entry = entries.get(partKey(relsOf(part)));
  if (!entry) return rels;
  await parseEntry(zip, entry, (parser) =>
    parser.on('opentag', (tag) => {
      const a = tag.attributes as Record<string, string>;
      if (localName(tag.name) === 'Relationship' && a.TargetMode !== 'External')
        rels.set(a.Id ?? '', { type: a.Type ?? '', target: resolveTarget(part, a.Target ?? '') });
    }),
  );
  return rels;
}

/** The workbook and its parts, found as the format says: through the package's and the workbook's relationships. */
async function readBook(zip: yauzl.ZipFile, entries: Map<string, yauzl.Entry>): Promise<Book> {
  const root = [...(await readRels(zip, entries, '')).values()];
  const workbookPart = root.find((r) => r.type.endsWith(REL_TYPE.officeDocument))?.target ?? 'xl/workbook.xml';
  const workbook = entries.get(partKey(workbookPart));
  if (!workbook) throw new XlsxReadError('thiếu phần sổ (xl/workbook.xml)');
  const declared: { name: string; rid: string }[] = [];
  let date1904 = false;
  await parseEntry(zip, workbook, (parser) =>
    parser.on('opentag', (tag) => {
      const a = tag.attributes as Record<string, string>;
      const name = localName(tag.name);
      if (name === 'sheet') declared.push({ name: a.name ?? '', rid: a['r:id'] ?? a.id ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1' || a.date1904 === 'true';
    }),
  );
  const rels = await readRels(zip, entries, workbookPart);
  const ofType = (type: string) => [...rels.values()].find((r) => r.type.endsWith(type))?.target;
  const sheets = declared.map(({ name, rid }) => ({ name, path: rels.get(rid)?.target ?? '' }));
  return { sheets, date1904, sharedStrings: ofType(REL_TYPE.sharedStrings), styles: ofType(REL_TYPE.styles) };
}

export interface ReadOptions {
  /** Which sheets to read, given every sheet name in workbook order. */
  pick: (names: string[]) => string[];
  /** Called for every non-empty row; returning false stops reading that sheet. */
  onRow: (event: RowEvent) => boolean | void;
}

/** Reads the picked sheets of `file`; throws XlsxReadError when the file is not a readable .xlsx. */
export async function readXlsxRows(file: string, opts: ReadOptions): Promise<string[]> {
  const zip = await openZip(file);
  try {
    const entries = await listEntries(zip);
    const book = await readBook(zip, entries);
    const names = book.sheets.map((s) => s.name);
    const picked = opts.pick(names);
    if (picked.length === 0) return names;
    const shared: string[] = [];
    const sst = book.sharedStrings && entries.get(partKey(book.sharedStrings));
    if (sst) await parseEntry(zip, sst, (parser) => textItems(parser, 'si', (t) => shared.push(t)));
    const xfIsDate = await readStyles(zip, book.styles ? entries.get(partKey(book.styles)) : undefined);
    for (const name of picked) {
      const sheet = book.sheets.find((s) => s.name === name);
      const entry = sheet && entries.get(partKey(sheet.path));
      if (!entry) throw new XlsxReadError(`thiếu phần của trang "${name}"`);
      await readSheet(zip, entry, name, shared, xfIsDate, book.date1904, opts.onRow);
    }
    return names;
  } finally {
    zip.close();
  }
}

// eslint-disable-next-line max-lines-per-function -- split in progress on another branch
function readSheet(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  sheet: string,
  shared: string[],
  xfIsDate: boolean[],
  date1904: boolean,
  onRow: ReadOptions['onRow'],
): Promise<void> {
  const stop = { requested: false };
  return parseEntry(
    zip,
    entry,
    // eslint-disable-next-line max-lines-per-function -- split in progress on another branch
    (parser) => {
      let rowNumber = 0;
      let cells: TypedCell[] = [];
      let col = -1;
      let type = 'n';
      let isDate = false;
      let v: string | undefined;
      let f: string | undefined;
      let inline = '';
      let inV = false;
      let inF = false;
      let inIs = false;
      let inT = false;
      let inPhonetic = false;
      let text = '';
      const value = (): TypedCell => {
        let plain: string | number | boolean | Date | undefined;
        if (type === 'inlineStr') plain = unescapeOoxml(inline);
        else if (v !== undefined) {
          if (type === 's') plain = shared[Number(v)] ?? '';
          else if (type === 'str') plain = unescapeOoxml(v);
          else if (type === 'b') plain = v === '1' || v === 'true';
          else if (type === 'e') plain = v;
          else if (type === 'd') plain = new Date(v);
          else {
            const n = Number(v);
            plain = (isDate && serialToDate(n, date1904)) || n;
          }
        }
        if (f !== undefined) return plain === undefined ? { formula: f } : { formula: f, result: plain };
        return plain ?? null;
      };
      parser.on('opentag', (tag) => {
        const name = localName(tag.name);
        const a = tag.attributes as Record<string, string>;
        if (name === 'row') {
          rowNumber = a.r ? Number(a.r) : rowNumber + 1;
          cells = [];
          col = -1;
        } else if (name === 'c') {
          col = (a.r ? parseRef(a.r).col : undefined) ?? col + 1;
          type = a.t ?? 'n';
          isDate = a.s !== undefined && Boolean(xfIsDate[Number(a.s)]);
          v = undefined;
          f = undefined;
          inline = '';
        } else if (name === 'v') {
          inV = true;
          text = '';
        } else if (name === 'f') {
          inF = true;
          text = '';
        } else if (name === 'is') inIs = true;
        else if (name === 'rPh') inPhonetic = true;
        else if (name === 't' && inIs && !inPhonetic) inT = true;
      });
      parser.on('text', (t) => {
        if (inV || inF) text += t;
        else if (inT) inline += t;
      });
      parser.on('closetag', (tag) => {
        const name = localName(tag.name);
        if (name === 'v') {
          inV = false;
          v = text;
        } else if (name === 'f') {
          inF = false;
          // A shared formula's later cells carry no text: the cell still holds a formula.
          f = text;
        } else if (name === 't') inT = false;
        else if (name === 'rPh') inPhonetic = false;
        else if (name === 'is') inIs = false;
        else if (name === 'c') {
          const cell = value();
          if (cell !== null && cell !== '') cells[col] = cell;
        } else if (name === 'row' && cells.length > 0 && !stop.requested) {
          if (onRow({ sheet, row: rowNumber, cells }) === false) stop.requested = true;
        }
      });
    },
    stop,
  );
}
