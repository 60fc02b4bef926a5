// The zip codec of the checker page: the browser's own raw DEFLATE streams, so the page carries no
// compression library.
import type { ZipCodec } from '../../ooxml/zip.js';

/**
 * `data` through the stream, its output joined. The bytes go in as a stream of one piece: a Blob's stream
 * would first copy them out of this thread and back, which cost more than the inflating itself.
 */
async function through(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const source = new ReadableStream<BufferSource>({
    start(controller) {
      controller.enqueue(data as BufferSource);
      controller.close();
    },
  });
  const reader = source.pipeThrough(stream).getReader();
  const pieces: Uint8Array[] = [];
  let size = 0;
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    pieces.push(r.value);
    size += r.value.length;
  }
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(size);
  let at = 0;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  return out;
}

export const BROWSER_CODEC: ZipCodec = {
  inflate: (raw) => through(raw, new DecompressionStream('deflate-raw')),
  deflate: (data) => through(data, new CompressionStream('deflate-raw')),
};
