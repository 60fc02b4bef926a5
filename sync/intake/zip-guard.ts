// Checks a workbook's container before any parser touches it: the compound-file signature of an encrypted
// workbook, a valid zip directory, declared sizes within limits, and the actual sizes while inflating,
// with a hard cap, so a decompression bomb is refused in seconds with flat memory.
import yauzl from 'yauzl';
import type { IssueCode } from '../../engine/index.js';
import { formatSize, LIMITS } from '../../engine/limits.js';

export type GuardResult = { ok: true } | { ok: false; code: IssueCode; detail?: string; limit?: string };

// Encrypted OOXML is stored inside an OLE compound file, whatever its extension says.
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

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

const tooLarge = (detail: string, limit: number): GuardResult => ({
  ok: false,
  code: 'FILE_TOO_LARGE',
  detail,
  limit: formatSize(limit),
});

export async function guardWorkbook(data: Buffer): Promise<GuardResult> {
  if (data.length > LIMITS.fileBytes) return tooLarge(`tệp ${formatSize(data.length)}`, LIMITS.fileBytes);
  if (data.subarray(0, 8).equals(OLE_SIGNATURE)) return { ok: false, code: 'FILE_ENCRYPTED' };
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    return { ok: false, code: 'FILE_UNREADABLE', detail: 'không phải tệp nén .xlsx hợp lệ hoặc tệp bị cắt cụt' };
  }
  if (zip.entryCount > LIMITS.entries) {
    zip.close();
    return tooLarge(`${zip.entryCount} thành phần trong tệp`, LIMITS.fileBytes);
  }
  return new Promise<GuardResult>((resolve) => {
    let declared = 0;
    let actual = 0;
    const finish = (result: GuardResult) => {
      zip.close();
      resolve(result);
    };
    zip.on('error', () => finish({ ok: false, code: 'FILE_UNREADABLE', detail: 'tệp nén bị hỏng' }));
    zip.on('end', () => finish({ ok: true }));
    zip.on('entry', (entry: yauzl.Entry) => {
      declared += entry.uncompressedSize;
      if (entry.uncompressedSize > LIMITS.entryInflatedBytes || declared > LIMITS.totalInflatedBytes) {
        return finish(tooLarge(`nội dung giải nén ${formatSize(declared)}`, LIMITS.totalInflatedBytes));
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
            finish(tooLarge(`nội dung giải nén vượt ${formatSize(e.bytes)}`, LIMITS.entryInflatedBytes));
          else if (/too many bytes|too few bytes|size mismatch/i.test(String((e as Error).message)))
            finish(tooLarge('kích thước khai báo trong tệp nén không đúng thực tế', LIMITS.totalInflatedBytes));
          else finish({ ok: false, code: 'FILE_UNREADABLE', detail: 'tệp nén bị hỏng' });
        });
    });
    zip.readEntry();
  });
}
