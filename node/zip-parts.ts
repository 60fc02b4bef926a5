// The parts of an Office package (xlsx, docx: a zip), edited in place: a writer that only knows how to
// add what it wrote (exceljs has no charts) gets its missing parts added afterwards. Parts left alone are
// copied as they were compressed, byte for byte; parts added or replaced are deflated anew.
import { promises as fs } from 'node:fs';
import zlib from 'node:zlib';
import yauzl from 'yauzl';

/** One entry as stored: its compressed bytes and what the zip directory says about them. */
interface StoredPart {
  name: string;
  method: number;
  crc: number;
  size: number;
  packed: Buffer;
}

const DEFLATE = 8;
const UTF8_NAMES = 0x0800;

function readStored(file: string): Promise<StoredPart[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true, decodeStrings: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error(`cannot open ${file}`));
      const parts: StoredPart[] = [];
      zip.on('error', reject);
      zip.on('end', () => resolve(parts));
      zip.on('entry', (e: yauzl.Entry) => {
        // A stored (uncompressed) entry, as exceljs's Workbook writes some, is read as it is: yauzl refuses
        // `decompress: false` for it, and its bytes are already its content.
        const raw = e.compressionMethod === 0 ? {} : { decompress: false };
        zip.openReadStream(e, raw, (e2, stream) => {
          if (e2 || !stream) return reject(e2 ?? new Error(`cannot read ${e.fileName}`));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('error', reject);
          stream.on('end', () => {
            parts.push({
              name: e.fileName,
              method: e.compressionMethod,
              crc: e.crc32,
              size: e.uncompressedSize,
              packed: Buffer.concat(chunks),
            });
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

const deflated = (name: string, content: Buffer): StoredPart => ({
  name,
  method: DEFLATE,
  crc: zlib.crc32(content),
  size: content.length,
  packed: zlib.deflateRawSync(content),
});

/** A zip of the parts, in their order (no data descriptors, no zip64: Office parts stay far below 4 GB). */
export function zipOf(parts: Iterable<[string, Buffer]>): Buffer {
  return writeZip([...parts].map(([name, content]) => deflated(name, content)));
}

function writeZip(parts: StoredPart[]): Buffer {
  const out: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.packed.length, 18);
    local.writeUInt32LE(p.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(UTF8_NAMES, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.packed.length, 20);
    central.writeUInt32LE(p.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    out.push(local, name, p.packed);
    directory.push(central, name);
    offset += local.length + name.length + p.packed.length;
  }
  const dir = Buffer.concat(directory);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...out, dir, end]);
}

/** The parts of a package, readable as text and replaceable, in their stored order. */
export class PackageParts {
  private constructor(private readonly parts: StoredPart[]) {}

  static async open(file: string): Promise<PackageParts> {
    return new PackageParts(await readStored(file));
  }

  names(): string[] {
    return this.parts.map((p) => p.name);
  }

  has(name: string): boolean {
    return this.parts.some((p) => p.name === name);
  }

  /** A part's content as UTF-8 text; undefined when the package has no such part. */
  text(name: string): string | undefined {
    const p = this.parts.find((x) => x.name === name);
    if (!p) return undefined;
    return (p.method === DEFLATE ? zlib.inflateRawSync(p.packed) : p.packed).toString('utf8');
  }

  /** Adds a part, or replaces the one of that name where it stood. */
  set(name: string, content: string): void {
    const part = deflated(name, Buffer.from(content, 'utf8'));
    const at = this.parts.findIndex((p) => p.name === name);
    if (at >= 0) this.parts[at] = part;
    else this.parts.push(part);
  }

  async save(file: string): Promise<void> {
    await fs.writeFile(file, writeZip(this.parts));
  }
}
