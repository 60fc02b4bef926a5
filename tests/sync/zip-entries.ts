// Reads and writes the entries of a zip, so tests can build the files Excel, LibreOffice or a clerk
// produce (or a fuzzer) by editing a generated template's parts.
import yauzl from 'yauzl';
import { zipOf } from '../../node/zip-parts.js';

export type Entries = Map<string, Buffer>;

export function readEntries(data: Buffer): Promise<Entries> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err);
      const entries: Entries = new Map();
      zip.on('entry', (e: yauzl.Entry) =>
        zip.openReadStream(e, (err2, stream) => {
          if (err2 || !stream) return reject(err2);
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            entries.set(e.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        }),
      );
      zip.on('end', () => resolve(entries));
      zip.readEntry();
    });
  });
}

/** A deflated zip of the entries, in their order. */
export const writeEntries = (entries: Entries): Buffer => zipOf(entries);

/** The part name of a worksheet, found through workbook.xml and its relationships. */
export function sheetPart(entries: Entries, sheet: string): string {
  const workbook = entries.get('xl/workbook.xml')!.toString('utf8');
  const rels = entries.get('xl/_rels/workbook.xml.rels')!.toString('utf8');
  const escaped = sheet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!rid || !target) throw new Error(`no sheet ${sheet}`);
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Edits one part's text. */
export function editPart(entries: Entries, part: string, edit: (xml: string) => string): void {
  entries.set(part, Buffer.from(edit(entries.get(part)!.toString('utf8')), 'utf8'));
}
