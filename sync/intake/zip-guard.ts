// Checks a workbook's container before any parser touches it: a compound file (encrypted, or a legacy
// .xls under another name), a valid zip directory, declared sizes within limits, and the actual sizes while inflating,
// with a hard cap, so a decompression bomb is refused in seconds with flat memory. The zip is read on the
// product's one zip layer (ooxml/zip.ts), each entry inflated a piece at a time by the Node codec.
import type { Finding, Oversize } from '../../engine/index.js';
import { LIMITS } from '../../engine/limits.js';
import { compoundFileKind, isCompoundFile } from '../../engine/compound-file.js';
import { NODE_CODEC } from '../../node/zip-codec.js';
import { readZip, ZipError, type ZipEntry } from '../../ooxml/zip.js';

export type GuardResult =
  | { ok: true }
  | ({ ok: false } & Finding<'FILE_ENCRYPTED' | 'FILE_UNREADABLE' | 'FILE_TOO_LARGE' | 'FILE_UNSUPPORTED'>);

/** How many bytes an entry really inflates to, counted a piece at a time and stopped past `cap`. */
async function inflatedSize(entry: ZipEntry, cap: number): Promise<number> {
  if (entry.method === 0) {
    if (entry.raw.length > cap) throw new CapExceeded(entry.raw.length);
    return entry.raw.length;
  }
  if (entry.method !== 8 || entry.flags & 1) throw new ZipError('encrypted or unknown compression');
  let bytes = 0;
  for await (const piece of NODE_CODEC.inflatePieces!(entry.raw)) {
    bytes += piece.length;
    if (bytes > cap) throw new CapExceeded(bytes);
  }
  return bytes;
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
  let entries: ZipEntry[];
  try {
    entries = readZip(data);
  } catch {
    return { ok: false, code: 'FILE_UNREADABLE', params: { reason: 'notZip' } };
  }
  if (entries.length > LIMITS.entries) return tooLarge({ what: 'entries', count: entries.length }, LIMITS.fileBytes);
  return checkSizes(entries);
}

/** The declared sizes within the limits, then what each entry really inflates to (the declared size may lie). */
async function checkSizes(entries: readonly ZipEntry[]): Promise<GuardResult> {
  let declared = 0;
  let actual = 0;
  for (const entry of entries) {
    declared += entry.size;
    if (entry.size > LIMITS.entryInflatedBytes || declared > LIMITS.totalInflatedBytes)
      return tooLarge({ what: 'declared', bytes: declared }, LIMITS.totalInflatedBytes);
    if (entry.name.endsWith('/')) continue;
    try {
      const bytes = await inflatedSize(entry, Math.min(LIMITS.entryInflatedBytes, LIMITS.totalInflatedBytes - actual));
      if (bytes !== entry.size) return tooLarge({ what: 'sizeMismatch' }, LIMITS.totalInflatedBytes);
      actual += bytes;
    } catch (e) {
      if (e instanceof CapExceeded) return tooLarge({ what: 'inflated', bytes: e.bytes }, LIMITS.entryInflatedBytes);
      return damaged;
    }
  }
  return { ok: true };
}
