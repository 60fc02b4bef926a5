// A failed file operation as a sentence the secretariat can act on: what could not be done, to which
// path, and what to do — instead of Node's English "ENOSPC: no space left on device".
import { accessSync, constants as fsc, statSync } from 'node:fs';
import path from 'node:path';
import { ToldError } from '../engine/told-error.js';

/** An error already explained in Vietnamese, naming its path. */
export class FileError extends ToldError {
  constructor(
    message: string,
    readonly code?: string,
    cause?: unknown,
  ) {
    super(message, { cause });
  }
}

const REASONS: Record<string, (file: string) => string> = {
  ENOSPC: (f) => `ổ đĩa chứa "${path.dirname(f)}" đã đầy. Hãy giải phóng chỗ trống trên ổ đó rồi chạy lại`,
  EDQUOT: (f) =>
    `đã hết hạn mức dung lượng của tài khoản trên ổ chứa "${path.dirname(f)}". Hãy xóa bớt tệp rồi chạy lại`,
  EROFS: (f) => `ổ chứa "${path.dirname(f)}" chỉ cho đọc (ví dụ USB bị khóa ghi). Hãy chọn thư mục khác`,
  EACCES: (f) => `không có quyền ghi vào "${path.dirname(f)}". Hãy chọn thư mục khác hoặc xin cấp quyền`,
  EPERM: (f) => `hệ điều hành không cho phép thao tác này trên "${path.dirname(f)}". Hãy chọn thư mục khác`,
  EISDIR: () => 'đường dẫn là một thư mục, không phải tệp. Hãy ghi rõ tên tệp',
  ENOENT: (f) => `không có "${f}" (hoặc thư mục "${path.dirname(f)}" không còn tồn tại). Hãy kiểm tra lại đường dẫn`,
  ENOTDIR: (f) => `một phần của đường dẫn "${f}" là tệp, không phải thư mục. Hãy kiểm tra lại đường dẫn`,
  EBUSY: () => 'tệp đang được chương trình khác mở (ví dụ Excel). Hãy đóng tệp rồi chạy lại',
  EMFILE: () => 'máy đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi chạy lại',
  EIO: (f) => `lỗi đọc/ghi của ổ đĩa chứa "${path.dirname(f)}" (ổ USB bị rút ra hoặc hỏng?)`,
};

/** A file present but marked read-only: the refusal is the file's, not its folder's. */
function readOnlyFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, fsc.W_OK);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EACCES' || (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Why, in Vietnamese, for a system error code met on `file`; undefined for a code not known here. */
export function errnoReason(code: string | undefined, file: string): string | undefined {
  if ((code === 'EACCES' || code === 'EPERM') && readOnlyFile(file))
    return `tệp "${path.basename(file)}" đang ở chế độ chỉ đọc. Hãy bỏ chế độ chỉ đọc của tệp (Thuộc tính → bỏ chọn "Chỉ đọc") rồi chạy lại`;
  return code && REASONS[code] ? REASONS[code](file) : undefined;
}

/** Why, in Vietnamese, a file could not be read: a refused permission is one to read (errnoReason's words
 *  are for writing); undefined for a code not known here. */
export function readReason(code: string | undefined, file: string): string | undefined {
  if (code === 'EACCES' || code === 'EPERM')
    return `không có quyền đọc tệp "${path.basename(file)}". Hãy xin cấp quyền đọc tệp (hoặc chép tệp sang thư mục của mình) rồi chạy lại`;
  if (code === 'EISDIR') return `"${file}" là một thư mục, không phải tệp. Hãy ghi rõ đường dẫn đến tệp .xlsx`;
  return errnoReason(code, file);
}

/** `doing` is what failed, e.g. `ghi sổ tổng hợp`; `file` the path it was done to. */
export function fileError(err: unknown, doing: string, file: string): FileError {
  if (err instanceof FileError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const reason =
    errnoReason(code, file) ??
    (isDamagedData(err)
      ? DAMAGED_REASON
      : 'hệ thống báo lỗi (chi tiết trong tệp nhật ký). Hãy kiểm tra ổ đĩa rồi chạy lại');
  return new FileError(`Không ${doing} "${file}": ${reason}${code ? ` (${code})` : ''}.`, code, err);
}

// What zip and text decoders say of damaged bytes (our zip layer ooxml/zip.ts, JSZip/exceljs, zlib, TextDecoder).
const DAMAGED_TEXTS = [
  /central directory/i,
  /invalid (block type|distance|code|stored block|literal|comment|signature|relative offset)/i,
  /size mismatch/i,
  /not valid for encoding/i,
  /unexpected end of (file|data)/i,
  /incorrect header check/i,
  /crc32|crc mismatch/i,
  /damaged local header|entry past the end/i,
  /is this a zip file/i,
  /end of data reached/i,
];

export const DAMAGED_REASON =
  'tệp bị hỏng hoặc không phải sổ Excel .xlsx (phần nén bên trong không đọc được, có thể do tệp chép dở hoặc hỏng ổ đĩa)';

/** True when the error is a library's way of saying the bytes of a zip or its text are damaged. */
export function isDamagedData(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException)?.code ?? '';
  const text = `${(err as Error)?.message ?? ''}`;
  return (
    code.startsWith('Z_') || code === 'ERR_ENCODING_INVALID_ENCODED_DATA' || DAMAGED_TEXTS.some((r) => r.test(text))
  );
}

/** A system error that reached the command runner unexplained, told with its path. */
export function toldErrno(err: unknown): ToldError | undefined {
  const e = err as NodeJS.ErrnoException;
  if (!e?.code || !e.path) return undefined;
  const reason = errnoReason(e.code, e.path);
  return reason
    ? new ToldError(`Không thực hiện được thao tác trên "${e.path}": ${reason} (${e.code}).`, { cause: err })
    : undefined;
}
