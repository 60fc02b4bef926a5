// The zip codec of the checker page: the browser's own raw DEFLATE streams, so the page carries no
// compression library.
import type { ZipCodec } from '../../ooxml/zip.js';

async function through(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([data as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

export const BROWSER_CODEC: ZipCodec = {
  inflate: (raw) => through(raw, new DecompressionStream('deflate-raw')),
  deflate: (data) => through(data, new CompressionStream('deflate-raw')),
};
