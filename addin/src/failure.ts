// What the pane and the checker page say when something they did not expect fails (Office refusing a
// call, a fault in the page's own code): a Vietnamese sentence saying what could not be done and what to
// do. The technical text (often Office's or the browser's English) is kept out of the sentence: it goes to
// the console and under a collapsed "Chi tiết kỹ thuật", for whoever the clerk sends the file to.
import { errorText } from '../../ooxml/grid-read.js';
import { el } from './view.js';

/** What was being done when it failed, each with what the clerk can do about it. */
const FAILED = {
  check:
    'Không kiểm tra được sổ do gặp lỗi ngoài dự kiến. Hãy bấm kiểm tra lại; nếu vẫn lỗi, hãy lưu sổ, đóng rồi mở lại tệp, hoặc gửi tệp sổ cho Văn phòng Sở.',
  checkPage:
    'Không kiểm tra được sổ do trang gặp lỗi ngoài dự kiến. Hãy tải lại trang rồi chọn lại tệp; nếu vẫn lỗi, hãy gửi tệp sổ cho Văn phòng Sở.',
  download:
    'Không tạo được bản sổ đã đánh dấu do gặp lỗi ngoài dự kiến. Hãy tải lại trang rồi kiểm tra lại tệp; nếu vẫn lỗi, hãy sửa sổ theo danh sách lỗi trên trang hoặc gửi tệp sổ cho Văn phòng Sở.',
  select: 'Không chọn được ô của lỗi này trong sổ. Hãy tự mở trang tính và dòng được nêu trong lỗi để sửa.',
  clear: 'Không xóa được đánh dấu do gặp lỗi ngoài dự kiến. Hãy thử lại; nếu vẫn lỗi, hãy lưu sổ, đóng rồi mở lại tệp.',
} as const;
export type FailedAction = keyof typeof FAILED;

/** A failure as told: the sentence to show, and the technical detail to keep out of sight. */
export interface Failure {
  message: string;
  detail?: string;
}

export const failure = (doing: FailedAction, e: unknown): Failure => ({ message: FAILED[doing], detail: errorText(e) });

/** The sentence, then the detail collapsed under "Chi tiết kỹ thuật"; the detail also goes to the console. */
export function renderFailure(f: Failure): (Node | string)[] {
  if (!f.detail) return [f.message];
  console.error(f.detail);
  return [
    f.message,
    el('details', { class: 'technical' }, el('summary', {}, 'Chi tiết kỹ thuật'), el('code', {}, f.detail)),
  ];
}
