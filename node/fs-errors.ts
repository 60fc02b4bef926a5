// A failed file operation as a sentence the secretariat can act on: what could not be done, to which
// path, and what to do — instead of Node's English "ENOSPC: no space left on device".
import path from 'node:path';

/** An error already explained in Vietnamese, naming its path. */
export class FileError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
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
  ENOENT: (f) => `thư mục "${path.dirname(f)}" không còn tồn tại`,
  EBUSY: () => 'tệp đang được chương trình khác mở (ví dụ Excel). Hãy đóng tệp rồi chạy lại',
  EMFILE: () => 'máy đang mở quá nhiều tệp. Hãy đóng bớt chương trình rồi chạy lại',
  EIO: (f) => `lỗi đọc/ghi của ổ đĩa chứa "${path.dirname(f)}" (ổ USB bị rút ra hoặc hỏng?)`,
};

/** `doing` is what failed, e.g. `ghi sổ tổng hợp`; `file` the path it was done to. */
export function fileError(err: unknown, doing: string, file: string): FileError {
  if (err instanceof FileError) return err;
  const code = (err as NodeJS.ErrnoException)?.code;
  const reason = code && REASONS[code] ? REASONS[code](file) : (err as Error)?.message;
  return new FileError(`Không ${doing} "${file}": ${reason}${code ? ` (${code})` : ''}.`, code);
}
