// Which files are refused before any spreadsheet parser sees them, decided from the name and the bytes
// alone: the merge (with a streaming inflate check on top, in Node) and the offline checker page (in the
// browser) share these rules, so a clerk and the secretariat get the same message for the same file.
import { makeIssue, type Issue, type Oversize, type ParamsOf } from './issues.js';
import { compoundFileKind, isCompoundFile } from './compound-file.js';
import { LIMITS } from './limits.js';

type RefusedCode = 'FILE_UNSUPPORTED' | 'FILE_ENCRYPTED' | 'FILE_UNREADABLE' | 'FILE_TOO_LARGE';
type Refusal<C extends RefusedCode> = { ok: false; code: C; params: ParamsOf<C> };
export type Refused = { [C in RefusedCode]: Refusal<C> }[RefusedCode];
export type ScreenResult = { ok: true } | Refused;

const OK: ScreenResult = { ok: true };

export const tooLarge = (over: Oversize, limitBytes: number): ScreenResult => ({
  ok: false,
  code: 'FILE_TOO_LARGE',
  params: { over, limitBytes },
});
const unreadable = (reason: ParamsOf<'FILE_UNREADABLE'>['reason']): ScreenResult => ({
  ok: false,
  code: 'FILE_UNREADABLE',
  params: { reason },
});

/** The extension (lower case, with its dot) of a file name; '' when there is none. */
export function extensionOf(name: string): string {
  const m = /\.[^./\\]+$/.exec(name);
  return m ? m[0].toLowerCase() : '';
}

/** Excel's ~$Name.xlsx and LibreOffice's .~lock.Name.xlsx# beside an open workbook (any folder prefix). */
const LOCK_FILE = /(?:^|[\\/])(?:~\$(.+)|\.~lock\.(.+)#)$/;

/** Only .xlsx is read: .xls, .xlsm, .ods, .csv… each get told to save as .xlsx; a lock file is named as one. */
export function screenName(name: string): ScreenResult {
  const lock = LOCK_FILE.exec(name);
  // The clerk is told the open workbook's own name: the file to choose instead.
  if (lock) return { ok: false, code: 'FILE_UNREADABLE', params: { reason: 'lockFile', workbook: lock[1] ?? lock[2] } };
  const extension = extensionOf(name);
  return extension === '.xlsx' ? OK : { ok: false, code: 'FILE_UNSUPPORTED', params: { extension } };
}

/** A size known before reading (a file's stat, a browser File): refused without reading a byte. */
export function screenSize(bytes: number): ScreenResult {
  if (bytes === 0) return unreadable('empty');
  return bytes > LIMITS.fileBytes ? tooLarge({ what: 'file', bytes }, LIMITS.fileBytes) : OK;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const EOCD_SIZE = 22;

/**
 * The container's own checks: size, a compound file (an encrypted workbook, or an Excel 97–2003 one under
 * another name, told apart as the merge tells them), and the zip's
 * central directory (present, whole, within the entry count and declared inflated sizes). It inflates
 * nothing: sizes that lie are caught by the Node inflate guard, or by the parser's own checks.
 */
export function screenBytes(data: Uint8Array): ScreenResult {
  const size = screenSize(data.length);
  if (!size.ok) return size;
  if (isCompoundFile(data))
    return compoundFileKind(data) === 'encrypted'
      ? { ok: false, code: 'FILE_ENCRYPTED', params: {} }
      : { ok: false, code: 'FILE_UNSUPPORTED', params: { extension: '.xlsx', legacyExcel: true } };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record is in the last 22 bytes plus at most a 64 KiB comment.
  let eocd = -1;
  for (let p = data.length - EOCD_SIZE; p >= Math.max(0, data.length - EOCD_SIZE - 0xffff); p--) {
    if (view.getUint32(p, true) === EOCD) {
      eocd = p;
      break;
    }
  }
  if (eocd < 0) return unreadable('notZip');
  const entries = view.getUint16(eocd + 10, true);
  const dirSize = view.getUint32(eocd + 12, true);
  const dirStart = view.getUint32(eocd + 16, true);
  // Zip64 markers: the real figures are elsewhere; Node's guard reads them, the parser copes in the browser.
  if (entries === 0xffff || dirSize === 0xffffffff || dirStart === 0xffffffff) return OK;
  if (entries > LIMITS.entries) return tooLarge({ what: 'entries', count: entries }, LIMITS.fileBytes);
  if (dirStart + dirSize > eocd) return unreadable('notZip');
  let declared = 0;
  let p = dirStart;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL) return unreadable('zipDamaged');
    const inflated = view.getUint32(p + 24, true);
    if (view.getUint32(p + 42, true) >= dirStart) return unreadable('zipDamaged');
    declared += inflated;
    if (inflated > LIMITS.entryInflatedBytes || declared > LIMITS.totalInflatedBytes)
      return tooLarge({ what: 'declared', bytes: declared }, LIMITS.totalInflatedBytes);
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return OK;
}

/** The file-level issue of a refused file. */
export const screenIssue = (file: string, refused: Refused): Issue =>
  makeIssue(refused.code, { file }, refused.params as never);

/** A sound zip the spreadsheet parser still could not open. */
export const parserFailure = (file: string): Issue => makeIssue('FILE_UNREADABLE', { file }, { reason: 'parser' });
