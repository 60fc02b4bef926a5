// The zip codec of the Node side: zlib's raw DEFLATE, for the package reader and patcher in ooxml/.
import zlib from 'node:zlib';
import type { ZipCodec } from '../ooxml/zip.js';

export const NODE_CODEC: ZipCodec = {
  inflate: async (raw) => zlib.inflateRawSync(raw),
  deflate: async (data) => zlib.deflateRawSync(data),
};
