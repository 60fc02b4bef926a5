// The zip codec of the Node side: zlib's raw DEFLATE, for the package reader and patcher in ooxml/; and a
// package read from and written to a file with it.
import { promises as fs } from 'node:fs';
import zlib from 'node:zlib';
import { Package } from '../ooxml/package.js';
import type { ZipCodec } from '../ooxml/zip.js';

/** Inflated bytes per piece, and how many pieces zlib may inflate ahead of the reader. Small pieces keep
 *  each decoded string young (a string past V8's large-object size, ~128 KB, lives until a full collection:
 *  1 MB pieces made reading a 55,000-row master three times slower); inflating ahead keeps the thread pool
 *  busy while the scanner reads. */
const INFLATE_PIECE = 32 * 1024;
const INFLATE_AHEAD = 4;

export const NODE_CODEC: ZipCodec = {
  inflate: async (raw) => zlib.inflateRawSync(raw),
  deflate: async (data) => zlib.deflateRawSync(data),
  // A readable stream is an async iterable of its pieces; leaving the loop early destroys it. zlib passes
  // highWaterMark on to its stream, though @types/node's ZlibOptions does not list it.
  inflatePieces: (raw) =>
    zlib
      .createInflateRaw({ chunkSize: INFLATE_PIECE, highWaterMark: INFLATE_AHEAD * INFLATE_PIECE } as zlib.ZlibOptions)
      .end(raw),
  crc32: (data, crc) => zlib.crc32(data, crc),
};

export const openPackageFile = async (file: string): Promise<Package> =>
  Package.open(await fs.readFile(file), NODE_CODEC);

/** Writes the package to `file` (the caller's own path: a temporary file it renames, or a file it owns). */
export const savePackageFile = async (pkg: Package, file: string): Promise<void> =>
  fs.writeFile(file, await pkg.save());
