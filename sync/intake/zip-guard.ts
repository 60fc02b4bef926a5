// Checks a workbook's container before any parser touches it: a compound file (encrypted, or a legacy
// .xls under another name), a valid zip directory, declared sizes within limits, and the actual sizes while inflating,
// with a hard cap, so a decompression bomb is refused in seconds with flat memory.
import yauzl from 'yauzl';
import type { Finding, Oversize } from '../../engine/index.js';
import { LIMITS } from '../../engine/limits.js';
import { compoundFileKind, isCompoundFile } from '../../engine/compound-file.js';

export type GuardResult =
  | { ok: true }
  | ({ ok: false } & Finding<'FILE_ENCRYPTED' | 'FILE_UNREADABLE' | 'FILE_TOO_LARGE' | 'FILE_UNSUPPORTED'>);

function openZip(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err ? reject(err) : resolve(zip!),
    ),
  );
}

function inflateEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error('no stream'));
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > cap) stream.destroy(new CapExceeded(bytes));
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(bytes));
    });
  });
}

class CapExceeded extends Error {
  constructor(readonly bytes: number) {
    super('inflate cap exceeded');
  }
}

const tooLarge = (over: Oversize, limitBytes: number): GuardResult => ({
  ok: false,
  code: 'FILE_TOO_LARGE',
  params: { over, limitBytes },
});
const damaged: GuardResult = { ok: false, code: 'FILE_UNREADABLE', params: { reason: 'zipDamaged' } };

export async function guardWorkbook(data: Buffer): Promise<GuardResult> {
  if (data.length === 0) return { ok: false, code: 'FILE_UNREADABLE', params: { reason: 'empty' } };
  if (data.length > LIMITS.fileBytes) return tooLarge({ what: 'file', bytes: data.length }, LIMITS.fileBytes);
  // A compound file, whatever its name says: a password-protected .xlsx, or an Excel 97–2003 workbook.
  if (isCompoundFile(data))
    return compoundFileKind(data) === 'encrypted'
      ? { ok: false, code: 'FILE_ENCRYPTED', params: {} }
      : { ok: false, code: 'FILE_UNSUPPORTED', params: { extension: '.xlsx', legacyExcel: true } };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    return { ok: false, code: 'FILE_UNREADABLE', params: { reason: 'notZip' } };
  }
  if (zip.entryCount > LIMITS.entries) {
    zip.close();
    return tooLarge({ what: 'entries', count: zip.entryCount }, LIMITS.fileBytes);
  }
  return new Promise<GuardResult>((resolve) => {
    let declared = 0;
    let actual = 0;
    const finish = (result: GuardResult) => {
      zip.close();
      resolve(result);
    };
    zip.on('error', () => finish(damaged));
    zip.on('end', () => finish({ ok: true }));
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > LIMITS.entryInflatedBytes || declared > LIMITS.totalInflatedBytes) {
        return finish(tooLarge({ what: 'declared', bytes: declared }, LIMITS.totalInflatedBytes));
      }
      if (/\/$/.test(entry.fileName)) return zip.readEntry();
      // The declared size may lie: count what really comes out, and stop at the cap.
      inflateEntry(zip, entry, Math.min(LIMITS.entryInflatedBytes, LIMITS.totalInflatedBytes - actual))
        .then((bytes) => {
          actual += bytes;
          zip.readEntry();
        })
        .catch((e: unknown) => {
          if (e instanceof CapExceeded)
            finish(tooLarge({ what: 'inflated', bytes: e.bytes }, LIMITS.entryInflatedBytes));
          else if (/too many bytes|too few bytes|size mismatch/i.test(String((e as Error).message)))
            finish(tooLarge({ what: 'sizeMismatch' }, LIMITS.totalInflatedBytes));
          else finish(damaged);
        });
    });
    zip.readEntry();
  });
}
