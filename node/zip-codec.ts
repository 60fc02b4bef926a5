// The zip codec of the Node side: zlib's raw DEFLATE, for the package reader and patcher in ooxml/; and a
// package read from and written to a file with it.
import { promises as fs } from 'node:fs';
import zlib from 'node:zlib';
import { Package } from '../ooxml/package.js';
import type { ZipCodec } from '../ooxml/zip.js';

export const NODE_CODEC: ZipCodec = {
  inflate: async (raw) => zlib.inflateRawSync(raw),
  deflate: async (data) => zlib.deflateRawSync(data),
  crc32: (data) => zlib.crc32(data),
};

export const openPackageFile = async (file: string): Promise<Package> =>
  Package.open(await fs.readFile(file), NODE_CODEC);

/** Writes the package to `file` (the caller's own path: a temporary file it renames, or a file it owns). */
export const savePackageFile = async (pkg: Package, file: string): Promise<void> =>
  fs.writeFile(file, await pkg.save());
