// Reads and writes the entries of a zip, so tests can build the files Excel, LibreOffice or a clerk
// produce (or a fuzzer) by editing a generated template's parts.
import zlib from 'node:zlib';
import { NODE_CODEC } from '../../node/zip-codec.js';
import { deflatedEntry, entryData, readZip, writeZip } from '../../ooxml/zip.js';

export type Entries = Map<string, Buffer>;

export async function readEntries(data: Buffer): Promise<Entries> {
  const entries: Entries = new Map();
  for (const e of readZip(data)) entries.set(e.name, Buffer.from(await entryData(e, NODE_CODEC)));
  return entries;
}

/** A deflated zip of the entries, in their order. */
export const writeEntries = (entries: Entries): Buffer =>
  Buffer.from(writeZip([...entries].map(([name, data]) => deflatedEntry(name, data, zlib.deflateRawSync(data)))));

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
