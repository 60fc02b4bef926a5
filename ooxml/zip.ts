// A zip package as byte arrays, for code that runs both in Node and in the browser: entries are read from the
// central directory and kept compressed as they came, so a part nobody changes is written back with the very
// bytes its program wrote. Inflating and deflating are injected (zlib in Node, DecompressionStream in the
// browser), so this module needs neither.

/** Raw DEFLATE both ways; each side of the product supplies its own. */
export interface ZipCodec {
  inflate(raw: Uint8Array): Promise<Uint8Array>;
  deflate(data: Uint8Array): Promise<Uint8Array>;
  /** Raw DEFLATE inflated a piece at a time, when the side can stream (zlib in Node): a large part is then
   *  never held whole, and a reader that stops early inflates no further. */
  inflatePieces?(raw: Uint8Array): AsyncIterable<Uint8Array>;
  /** A faster CRC-32 than this module's, when the side has one (zlib's in Node); `crc` continues a running one. */
  crc32?(data: Uint8Array, crc?: number): number;
}

/** Why bytes could not be read as a zip; the caller words it for the user. */
export class ZipError extends Error {}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  size: number;
  /** The entry's data as stored in the archive (compressed when method is 8). */
  raw: Uint8Array;
  time: number;
  date: number;
  /** General-purpose flags (bit 11: UTF-8 name), external attributes and "version made by", kept as read. */
  flags: number;
  externalAttrs: number;
  madeBy: number;
}

const SIG = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };
/** A 32-bit size or offset of this value (a 16-bit count of 0xFFFF) means: the real one is in a zip64 record. */
const IN_ZIP64 = 0xffffffff;

const view = (b: Uint8Array) => new DataView(b.buffer, b.byteOffset, b.byteLength);

function findEnd(b: Uint8Array, dv: DataView): number {
  // The end record is 22 bytes plus a comment of at most 65,535.
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--)
    if (dv.getUint32(i, true) === SIG.end) return i;
  throw new ZipError('no end of central directory');
}

/** Where the central directory starts and how many entries it holds. Some writers (Info-ZIP's `zip -fz`,
 *  some libraries) use zip64 records even for a small file: a locator just before the end record then points
 *  to a zip64 end record holding both as 64-bit numbers. */
function directoryOf(b: Uint8Array, dv: DataView): { count: number; at: number } {
  const end = findEnd(b, dv);
  const locator = end - 20;
  if (locator < 0 || dv.getUint32(locator, true) !== SIG.locator64)
    return { count: dv.getUint16(end + 10, true), at: dv.getUint32(end + 16, true) };
  const end64 = uint64(dv, locator + 8, b.length);
  if (end64 + 56 > locator || dv.getUint32(end64, true) !== SIG.end64) throw new ZipError('damaged zip64 end record');
  return { count: uint64(dv, end64 + 32, b.length), at: uint64(dv, end64 + 48, b.length) };
}

/** A 64-bit figure as a number; one past `max` (the file's length, for an offset) is damage. */
function uint64(dv: DataView, at: number, max: number): number {
  const value = dv.getBigUint64(at, true);
  if (value > BigInt(max)) throw new ZipError('zip64 figure past the end');
  return Number(value);
}

/** An entry's sizes and local header offset: each marked IN_ZIP64 in the central header is in its zip64
 *  extra field (id 1), in this order, holding only the marked ones. */
function entryFigures(dv: DataView, at: number, nameLen: number, max: number) {
  const figures = {
    size: dv.getUint32(at + 24, true),
    csize: dv.getUint32(at + 20, true),
    local: dv.getUint32(at + 42, true),
  };
  const marked = (Object.keys(figures) as (keyof typeof figures)[]).filter((k) => figures[k] === IN_ZIP64);
  if (marked.length === 0) return figures;
  let extra = at + 46 + nameLen;
  const extraEnd = extra + dv.getUint16(at + 30, true);
  while (extra + 4 <= extraEnd && dv.getUint16(extra, true) !== 1) extra += 4 + dv.getUint16(extra + 2, true);
  if (extra + 4 + 8 * marked.length > extraEnd) throw new ZipError('zip64 extra field missing');
  // An inflated size may well pass the file's length (the size guard judges it); an offset or a stored size may not.
  marked.forEach((k, i) => (figures[k] = uint64(dv, extra + 4 + 8 * i, k === 'size' ? Number.MAX_SAFE_INTEGER : max)));
  return figures;
}

/** Every entry of a zip, in central-directory order. */
export function readZip(b: Uint8Array): ZipEntry[] {
  const dv = view(b);
  const directory = directoryOf(b, dv);
  let at = directory.at;
  const names = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < directory.count; k++) {
    if (at + 46 > b.length || dv.getUint32(at, true) !== SIG.central) throw new ZipError('damaged central directory');
    const nameLen = dv.getUint16(at + 28, true);
    const skip = nameLen + dv.getUint16(at + 30, true) + dv.getUint16(at + 32, true);
    if (at + 46 + skip > b.length) throw new ZipError('damaged central directory');
    const { size, csize, local } = entryFigures(dv, at, nameLen, b.length);
    if (local + 30 > b.length || dv.getUint32(local, true) !== SIG.local) throw new ZipError('damaged local header');
    const data = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    if (data + csize > b.length) throw new ZipError('entry past the end');
    entries.push({
      name: names.decode(b.subarray(at + 46, at + 46 + nameLen)),
      method: dv.getUint16(at + 10, true),
      crc: dv.getUint32(at + 16, true),
      size,
      raw: b.subarray(data, data + csize),
      time: dv.getUint16(at + 12, true),
      date: dv.getUint16(at + 14, true),
      flags: dv.getUint16(at + 8, true),
      externalAttrs: dv.getUint32(at + 38, true),
      madeBy: dv.getUint16(at + 4, true),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Bytes handed to a reader per piece when a part is not streamed by the codec: a reader that stops early
 *  (a sheet's cells end at </sheetData>) is handed nothing past the piece it stopped in. */
const PIECE = 64 * 1024;

/** An entry's content a piece at a time, inflated as it goes when the codec streams, then checked against
 *  its size and CRC: a damaged entry is an error at its end, after the pieces before the damage. */
export async function* entryPieces(e: ZipEntry, codec: ZipCodec): AsyncGenerator<Uint8Array> {
  const crcOf = codec.crc32 ?? crc32;
  let crc = 0;
  let size = 0;
  const pieces = e.method === 8 && codec.inflatePieces ? codec.inflatePieces(e.raw) : slices(await entryData(e, codec));
  for await (const piece of pieces) {
    crc = crcOf(piece, crc);
    size += piece.length;
    yield piece;
  }
  if (size !== e.size) throw new ZipError('entry size mismatch');
  if (crc >>> 0 !== e.crc >>> 0) throw new ZipError(`CRC mismatch in ${e.name}`);
}

function* slices(data: Uint8Array): Generator<Uint8Array> {
  for (let at = 0; at < data.length; at += PIECE) yield data.subarray(at, at + PIECE);
}

/** An entry's content, inflated when it is compressed. */
export async function entryData(e: ZipEntry, codec: ZipCodec): Promise<Uint8Array> {
  if (e.method === 0) return e.raw;
  if (e.method !== 8) throw new ZipError(`compression method ${e.method} is not supported`);
  const data = await codec.inflate(e.raw);
  if (data.length !== e.size) throw new ZipError('entry size mismatch');
  return data;
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 of `data`, continuing the running value `crc` of the bytes before it. */
export function crc32(data: Uint8Array, crc = 0): number {
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A new entry, deflated, dated now in the zip's DOS time. */
export async function newEntry(name: string, data: Uint8Array, codec: ZipCodec, like?: ZipEntry): Promise<ZipEntry> {
  return deflatedEntry(name, data, await codec.deflate(data), like);
}

/** A new entry of `data`, whose raw DEFLATE the caller has made already (a synchronous deflate, in tests). */
export function deflatedEntry(name: string, data: Uint8Array, deflated: Uint8Array, like?: ZipEntry): ZipEntry {
  const now = new Date();
  return {
    name,
    method: 8,
    crc: crc32(data),
    size: data.length,
    raw: deflated,
    time: like?.time ?? (now.getHours() << 11) | (now.getMinutes() << 5) | (now.getSeconds() >> 1),
    date: like?.date ?? ((now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate(),
    flags: 0x0800,
    externalAttrs: like?.externalAttrs ?? 0,
    madeBy: like?.madeBy ?? 20,
  };
}

/** The archive of these entries. Each is written with its sizes in the local header (no data descriptor). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i]!.length + e.raw.length, 0);
  const centralSize = names.reduce((n, name) => n + 46 + name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const dv = view(out);
  const offsets: number[] = [];
  let at = 0;
  // Bit 3 (sizes after the data) is dropped: the sizes are known. Bit 11 (UTF-8 name) is set when needed.
  const flagsOf = (e: ZipEntry, name: Uint8Array) =>
    (e.flags & ~0x0008 & ~0x0800) | (name.some((c) => c > 0x7f) || e.flags & 0x0800 ? 0x0800 : 0);
  // The local and the central header carry the same run of fields, from the flags to the name's length.
  const putEntryFields = (from: number, e: ZipEntry, name: Uint8Array) => {
    dv.setUint16(from, flagsOf(e, name), true);
    dv.setUint16(from + 2, e.method, true);
    dv.setUint16(from + 4, e.time, true);
    dv.setUint16(from + 6, e.date, true);
    dv.setUint32(from + 8, e.crc, true);
    dv.setUint32(from + 12, e.raw.length, true);
    dv.setUint32(from + 16, e.size, true);
    dv.setUint16(from + 20, name.length, true);
  };
  entries.forEach((e, i) => {
    const name = names[i]!;
    offsets.push(at);
    dv.setUint32(at, SIG.local, true);
    dv.setUint16(at + 4, 20, true);
    putEntryFields(at + 6, e, name);
    out.set(name, at + 30);
    out.set(e.raw, at + 30 + name.length);
    at += 30 + name.length + e.raw.length;
  });
  const central = at;
  entries.forEach((e, i) => {
    const name = names[i]!;
    dv.setUint32(at, SIG.central, true);
    dv.setUint16(at + 4, e.madeBy, true);
    dv.setUint16(at + 6, 20, true);
    putEntryFields(at + 8, e, name);
    dv.setUint32(at + 38, e.externalAttrs, true);
    dv.setUint32(at + 42, offsets[i]!, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  dv.setUint32(at, SIG.end, true);
  dv.setUint16(at + 8, entries.length, true);
  dv.setUint16(at + 10, entries.length, true);
  dv.setUint32(at + 12, at - central, true);
  dv.setUint32(at + 16, central, true);
  return out;
}
