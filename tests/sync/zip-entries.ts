// Reads and writes the entries of a zip, so tests can build the files Excel, LibreOffice or a clerk
// produce (or a fuzzer) by editing a generated template's parts.
import zlib from 'node:zlib';
import yauzl from 'yauzl';

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
export function writeEntries(entries: Entries): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = zlib.deflateRawSync(content);
    const crc = zlib.crc32(content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

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
