// An .xlsx file → engine grid for the Node side (the merge, the plan workbook): the zip streamed with yauzl,
// each part's XML handed to the one grid reader (ooxml/grid-read.ts) as it inflates, so a part is never held
// whole and the reading stops where the reader has all it needs.
import { StringDecoder } from 'node:string_decoder';
import yauzl from 'yauzl';
import type { WorkbookGrid } from '../engine/index.js';
import { readGrid, WorkbookReadError, type PartSource, type ReadGridOptions } from '../ooxml/grid-read.js';
import { partKey } from '../ooxml/package.js';
import { XmlScanner, type XmlHandler } from '../ooxml/xml-scan.js';

export { WorkbookReadError, type ReadGridOptions } from '../ooxml/grid-read.js';

// ---- The package: entries by normalized name, each readable as a stream of XML text.

class Package implements PartSource {
  private constructor(
    private readonly zip: yauzl.ZipFile,
    private readonly entries: Map<string, yauzl.Entry>,
  ) {}

  static open(data: Buffer): Promise<Package> {
    return new Promise((resolve, reject) => {
      yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) => {
        if (err || !zip) return reject(new WorkbookReadError('notWorkbook', 'not a zip'));
        const entries = new Map<string, yauzl.Entry>();
        zip.on('entry', (e: yauzl.Entry) => {
          entries.set(partKey(e.fileName), e);
          zip.readEntry();
        });
        zip.on('end', () => resolve(new Package(zip, entries)));
        zip.on('error', () => reject(new WorkbookReadError('notWorkbook', 'damaged zip')));
        zip.readEntry();
      });
    });
  }

  has(part: string): boolean {
    return this.entries.has(partKey(part));
  }

  /** Streams a part's XML through a handler; resolves when the part ends or the handler has finished. */
  scan(part: string, handler: XmlHandler): Promise<void> {
    const entry = this.entries.get(partKey(part));
    if (!entry) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err ?? new Error('no stream'));
        const scanner = new XmlScanner(handler);
        let decoder: StringDecoder | undefined;
        let settled = false;
        const settle = (e?: unknown) => {
          if (settled) return;
          settled = true;
          if (!stream.destroyed) stream.destroy();
          if (e) reject(e);
          else resolve();
        };
        stream.on('data', (chunk: Buffer) => {
          if (settled) return;
          try {
            if (!decoder) {
              // XML parts are UTF-8; a UTF-16 one announces itself by its byte-order mark.
              decoder = new StringDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf16le' : 'utf8');
              let text = decoder.write(chunk);
              if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
              scanner.write(text);
            } else scanner.write(decoder.write(chunk));
            if (scanner.done) settle();
          } catch (e) {
            settle(e);
          }
        });
        stream.on('error', (e) => settle(e));
        stream.on('end', () => {
          try {
            if (decoder) scanner.write(decoder.end());
            settle();
          } catch (e) {
            settle(e);
          }
        });
      });
    });
  }

  close(): void {
    this.zip.close();
  }
}

export async function readXlsxGrid(data: Buffer | ArrayBuffer, opts: ReadGridOptions = {}): Promise<WorkbookGrid> {
  const pkg = await Package.open(Buffer.isBuffer(data) ? data : Buffer.from(data));
  try {
    return await readGrid(pkg, opts);
  } finally {
    pkg.close();
  }
}
