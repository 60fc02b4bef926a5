// What the pane says when it cannot work: Office's library did not load, or the page is not inside Excel.
// Both point to the offline checker page served beside the pane (kiem-tra.html), which needs neither.
import { CHECK_BUTTON } from '../../engine/index.js';
import { el } from './view.js';

/** The offline checker page, built into the same folder as the pane. */
export const CHECKER_PAGE = 'kiem-tra.html';

const checkerLink = () =>
  el(
    'p',
    {},
    'Vẫn có thể kiểm tra sổ mà không cần Excel hay Internet: mở trang ',
    el('a', { href: CHECKER_PAGE, target: '_blank', rel: 'noopener' }, 'kiểm tra ngoại tuyến'),
    ` (${CHECKER_PAGE}) rồi chọn tệp sổ của đơn vị.`,
  );

/** office.js is missing: no internet, a firewall blocking Microsoft's CDN, or the local copy not served. */
export function officeMissing(source: string | null): HTMLElement {
  return el(
    'div',
    { class: 'notice bad', role: 'alert' },
    el('h2', {}, 'Không tải được thư viện Office (office.js)'),
    el(
      'p',
      {},
      `Ngăn kiểm tra cần tệp office.js của Microsoft${source ? ` tại ${source}` : ''} nhưng không tải được: máy không có Internet, hoặc mạng của cơ quan chặn địa chỉ này. Hãy kiểm tra kết nối rồi mở lại ngăn; nếu mạng nội bộ không ra Internet, báo bộ phận CNTT đóng gói add-in với office.js đặt trên máy chủ nội bộ.`,
    ),
    checkerLink(),
  );
}

export function outsideExcel(): HTMLElement {
  return el(
    'div',
    { class: 'notice', role: 'alert' },
    el('h2', {}, 'Hãy mở trang này trong Excel'),
    el(
      'p',
      {},
      `Đây là add-in kiểm tra hồ sơ đề nghị khen thưởng. Hãy mở sổ của đơn vị trong Excel (máy tính hoặc Excel trên web), rồi bấm nút "${CHECK_BUTTON}" trên thẻ Trang đầu.`,
    ),
    checkerLink(),
  );
}
