// The campaign folder's short Vietnamese guide, and the Windows script that runs the campaign on a
// double-click.
import { formatDate, type Plan } from '../engine/index.js';
import { CAMPAIGN_LAYOUT as L, SETTINGS_FILE } from './settings.js';

export function campaignGuide(plan: Plan): string {
  const lines = [
    `HƯỚNG DẪN THƯ MỤC ĐỢT THI ĐUA ${plan.id}`,
    plan.title,
    `Hạn nộp hồ sơ: hết ngày ${formatDate(plan.deadline)}.`,
    '',
    'Trong thư mục:',
    `  ${L.plan}            kế hoạch của đợt (sửa bằng Excel; kiểm tra: npm run plan -- check ${L.plan})`,
    `  ${SETTINGS_FILE}        cài đặt: nhận cả hồ sơ trễ hạn, chỉ lập danh sách đã được Hội đồng đồng ý, Google`,
    `  ${L.send}/            gửi cho các đơn vị:`,
    `    ${L.templates}/<MÃ_ĐƠN_VỊ>.xlsx   sổ mẫu của từng đơn vị`,
    '    *.docx                 mẫu báo cáo thành tích',
    '    kiem-tra.html          trang kiểm tra sổ, mở bằng trình duyệt, không cần mạng',
    `  ${L.inbox}/                chép hồ sơ các đơn vị gửi về vào đây (hoặc tự tải từ Google Drive)`,
    `  ${L.results}/               kết quả: tong-hop.xlsx, bao-cao.json, phan-hoi/ (gửi lại từng đơn vị), van-ban/`,
    '',
    'Các bước:',
    `  1. Gửi các tệp trong ${L.send}/ cho đơn vị (mỗi đơn vị đúng sổ mẫu mang mã của mình).`,
    `  2. Khi nhận hồ sơ: chép vào ${L.inbox}/, rồi nhấp đúp ${L.script} (Windows)`,
    '     hoặc chạy: npm run campaign -- run <thư mục này>.',
    '  3. Mở ket-qua/tong-hop.xlsx: ghi Thời điểm nhận, Kết quả Hội đồng, số và ngày văn bản ở sheet Văn bản;',
    '     chạy lại bước 2 — các giá trị đã ghi được giữ nguyên, văn bản được lập lại.',
    `  4. Gửi sổ trong ${L.results}/phan-hoi/ về từng đơn vị để sửa; hồ sơ sửa xong gửi lại vào ${L.inbox}/.`,
    '',
    'Chạy lại bao nhiêu lần cũng được. Muốn tải hồ sơ từ Google Drive trước mỗi lần chạy, ghi mã thư mục Drive vào',
    `mục "google": { "driveFolder": "…", "credentials": "khoa.json" } trong ${SETTINGS_FILE}; thêm "sheet": "…" để đưa`,
    'sổ tổng hợp lên Google Sheets sau mỗi lần chạy.',
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** A .cmd that runs the campaign in its own folder with the project's npm, and waits so the summary stays. */
export function runScript(projectDir: string): string {
  return [
    '@echo off',
    'chcp 65001 >nul',
    'rem Chạy tổng hợp đợt thi đua của thư mục này: nhấp đúp.',
    `call npm --prefix "${projectDir}" run campaign -- run "%~dp0."`,
    'pause',
    '',
  ].join('\r\n');
}
