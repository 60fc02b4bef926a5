// Reads one entry of a zip (xlsx, docx) as text, for tests that look inside Office files.
import { readFile } from 'node:fs/promises';
import { NODE_CODEC } from '../node/zip-codec.js';
import { decodeEntities } from '../ooxml/xml-scan.js';
import { entryData, readZip, type ZipEntry } from '../ooxml/zip.js';

export async function zipEntry(file: string, name: string): Promise<string> {
  const entry = readZip(await readFile(file)).find((e) => e.name === name);
  if (!entry) throw new Error(`${name} not in ${file}`);
  return Buffer.from(await entryData(entry, NODE_CODEC)).toString('utf8');
}

/** The paragraphs of a .docx's body, each as its plain text. */
export async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await zipEntry(file, 'word/document.xml');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    // Decoded in one pass: "&amp;lt;" is the text "&lt;", not "<".
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => decodeEntities(t[1]!)).join(''),
  );
}

/** The run of fields a local and a central header share, from "version needed" to the name's length: sizes
 *  marked as in the zip64 extra field, no data descriptor. */
function putEntryFields(b: Buffer, from: number, e: ZipEntry, nameLength: number): void {
  b.writeUInt16LE(45, from);
  b.writeUInt16LE(e.flags & ~0x0008, from + 2);
  b.writeUInt16LE(e.method, from + 4);
  b.writeUInt16LE(e.time, from + 6);
  b.writeUInt16LE(e.date, from + 8);
  b.writeUInt32LE(e.crc, from + 10);
  b.writeUInt32LE(0xffffffff, from + 14);
  b.writeUInt32LE(0xffffffff, from + 18);
  b.writeUInt16LE(nameLength, from + 22);
}

/** A zip64 extra field (id 1) holding these figures, 8 bytes each. */
function zip64Extra(figures: number[]): Buffer {
  const extra = Buffer.alloc(4 + 8 * figures.length);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(8 * figures.length, 2);
  figures.forEach((f, i) => extra.writeBigUInt64LE(BigInt(f), 4 + 8 * i));
  return extra;
}

/** The same archive as a writer that always uses zip64 records writes it (Info-ZIP's `zip -fz`, and some
 *  libraries, even for small files): 0xFFFFFFFF in each header's 32-bit sizes and offset, the real figures
 *  in zip64 extra fields, and a zip64 end record that the classic one points past with its own markers. */
export function asZip64(zip: Uint8Array): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let at = 0;
  for (const e of readZip(zip)) {
    const name = Buffer.from(e.name);
    const n = name.length;
    const localExtra = zip64Extra([e.size, e.raw.length]);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    putEntryFields(local, 4, e, n);
    local.writeUInt16LE(localExtra.length, 28);
    const centralExtra = zip64Extra([e.size, e.raw.length, at]);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(e.madeBy, 4);
    putEntryFields(central, 6, e, n);
    central.writeUInt16LE(centralExtra.length, 30);
    central.writeUInt32LE(e.externalAttrs, 38);
    central.writeUInt32LE(0xffffffff, 42);
    locals.push(local, name, localExtra, Buffer.from(e.raw));
    centrals.push(central, name, centralExtra);
    at += 30 + n + localExtra.length + e.raw.length;
  }
  const directory = Buffer.concat(centrals);
  const count = BigInt(centrals.length / 3);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(44n, 4);
  end64.writeUInt16LE(45, 12);
  end64.writeUInt16LE(45, 14);
  end64.writeBigUInt64LE(count, 24);
  end64.writeBigUInt64LE(count, 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(at), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(at + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([...locals, directory, end64, locator, end]);
}
