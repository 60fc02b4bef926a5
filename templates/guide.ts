// The "Hướng dẫn" sheet: how to fill in the workbook, quoting the plan (criteria, forms and their routes,
// dossier, deadline) so a clerk needs no other paper at hand. One wide wrapped column, rows sized to their
// text, A4 portrait at full width: it reads on screen and prints without anything cut off.
import type ExcelJS from 'exceljs';
import {
  CHECK_BUTTON,
  formatDate,
  INFO_SHEET,
  LISTS,
  proposableGroups,
  timeZoneName,
  type Plan,
  type PlanUnit,
} from '../engine/index.js';
import { A4_PORTRAIT_FIT_WIDTH } from '../node/print.js';

/** Column width in characters: fits A4 portrait between 1.3 cm margins at 100 % scale. */
export const GUIDE_WIDTH = 72;
const FONT = 'Times New Roman';
const SIZES = { title: 14, head: 12.5, text: 12 } as const;
type Kind = keyof typeof SIZES;

/** "SỞ CÔNG THƯƠNG" → "Sở Công Thương": agency names are capitalised word by word in running text. */
export const properName = (upper: string): string =>
  upper
    .toLocaleLowerCase('vi')
    .split(' ')
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1))
    .join(' ');

/**
 * Row height in points that shows every wrapped line of `text`. Neither exceljs nor LibreOffice fits rows
 * on open, and Excel only fits rows it has edited: the height is written. The estimate errs high (word
 * wrap leaves lines short; wide letters), since a few points of white space cost nothing and a cut line does.
 */
export function guideRowHeight(text: string, kind: Kind): number {
  const size = SIZES[kind];
  const perLine = Math.floor((GUIDE_WIDTH * 0.92 * 12) / size);
  const lines = text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return Math.ceil(lines * size * 1.3 + 6);
}

type Line = [string, Kind];
const title = (t: string): Line => [t, 'title'];
const head = (t: string): Line => [t, 'head'];
const text = (t: string): Line => [t, 'text'];

/** The guide reads top to bottom as the clerk works: the campaign, filling in, checking, then the plan's rules. */
export function writeGuide(ws: ExcelJS.Worksheet, plan: Plan, unit: PlanUnit): void {
  setUpGuidePage(ws);
  const lines = [
    ...campaignLines(plan),
    ...howToFillLines(plan),
    ...checkBeforeSendingLines(),
    ...criteriaLines(plan),
    ...formLines(plan),
    ...dossierLines(plan),
    ...acceptedValueLines(plan, unit),
  ];
  lines.forEach((line, i) => writeGuideRow(ws.getRow(i + 1), line));
}

function setUpGuidePage(ws: ExcelJS.Worksheet): void {
  ws.columns = [{ width: GUIDE_WIDTH }];
  ws.views = [{ showGridLines: false }];
  ws.pageSetup = {
    ...ws.pageSetup,
    ...A4_PORTRAIT_FIT_WIDTH,
    horizontalCentered: true,
    margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
  };
}

function campaignLines(plan: Plan): Line[] {
  const agency = properName(plan.issuer.agency);
  return [
    title('HƯỚNG DẪN LẬP HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG'),
    // The title may end in brackets of its own: the code (what Thông tin shows as Mã kế hoạch) goes apart.
    text(`${plan.title}. Mã kế hoạch: ${plan.id}.`),
    text(`Thời gian thi đua: từ ngày ${formatDate(plan.campaign.start)} đến ngày ${formatDate(plan.campaign.end)}.`),
    text(
      `Hạn gửi hồ sơ về ${agency}: đến hết ngày ${formatDate(plan.deadline)} (${timeZoneName(plan.timeZone)}). Hồ sơ nhận sau thời điểm này là hồ sơ gửi muộn.`,
    ),
  ];
}

function howToFillLines(plan: Plan): Line[] {
  return [
    head('1. Cách điền'),
    text(
      `Trang "${INFO_SHEET}": điền Người lập, Điện thoại, Số và Ngày Tờ trình, Ngày họp bình xét; chọn "Có" khi đã có Tờ trình và Biên bản họp bình xét. Không sửa các ô nền xám.`,
    ),
    ...plan.nomineeTypes.map((t) =>
      text(
        `Trang "${t.sheet}": mỗi ${t.label.toLowerCase()} được đề nghị ghi một dòng; chọn giá trị trong danh sách thả xuống; không đổi tên trang, tên cột.`,
      ),
    ),
    text(
      'Cột có tiêu đề nền đỏ là cột bắt buộc. Khi một dòng đã có tên mà ô bắt buộc còn trống, ô đó tự chuyển sang nền hồng cho đến khi được điền.',
    ),
    text('Khi chọn một ô, Excel hiện lời nhắc cho biết cần ghi gì vào cột đó.'),
    text(
      `Năm sinh: năm có 4 chữ số, từ ${plan.birthYear.min} đến ${plan.birthYear.max}. Ngày tháng: dạng dd/mm/yyyy. Tóm tắt thành tích: nêu rõ thành tích nổi bật, từ ${plan.summaryMinLength} ký tự trở lên.`,
    ),
    text('Mỗi tập thể, cá nhân chỉ đề nghị một hình thức khen thưởng cho một thành tích.'),
  ];
}

function checkBeforeSendingLines(): Line[] {
  return [
    head('2. Kiểm tra trước khi gửi'),
    text(
      `Cột "Kết quả kiểm tra" do công cụ kiểm tra ghi, không cần nhập. Trong Excel có add-in: bấm "${CHECK_BUTTON}" trên thẻ Trang đầu. Không dùng được add-in: mở trang kiểm tra (tệp kiem-tra.html Văn phòng Sở gửi) bằng trình duyệt, chọn sổ này; tệp không rời khỏi máy tính.`,
    ),
    text('Sửa cho đến khi mọi dòng ghi "Hợp lệ" rồi mới gửi hồ sơ.'),
  ];
}

function criteriaLines(plan: Plan): Line[] {
  return [
    head('3. Tiêu chuẩn khen thưởng (phải "Đạt" tất cả)'),
    ...plan.nomineeTypes.flatMap((t) => [
      text(`Đối với ${t.label.toLowerCase()}:`),
      ...(plan.criteria[t.code] ?? []).map((c) => text(`   • ${c.label}: ${c.text}.`)),
    ]),
  ];
}

function formLines(plan: Plan): Line[] {
  const groupLabel = (code: string) => plan.groups.find((g) => g.code === code)?.label ?? code;
  return [
    head('4. Hình thức khen thưởng và tuyến trình'),
    ...plan.forms.flatMap((f) => [
      // The plan's note on the route (Ghi chú tuyến trình) goes with the route it explains.
      text(
        `• ${f.label} — do ${f.decidedBy} quyết định. Tuyến trình: Đơn vị → ${f.route.join(' → ')}${f.routeNote ? ` (${f.routeNote})` : ''}.`,
      ),
      text(
        `   Dành cho: ${f.eligibleGroups.map(groupLabel).join('; ')}.${f.requiresOutstanding ? ' Chỉ đề nghị khi thành tích thật sự tiêu biểu xuất sắc (cột "Tiêu biểu xuất sắc" ghi "Có").' : ''}`,
      ),
    ]),
  ];
}

function dossierLines(plan: Plan): Line[] {
  return [
    head('5. Hồ sơ đề nghị khen thưởng'),
    // A dash, not brackets: the plan's own wording may end in "(theo mẫu)".
    ...plan.dossier.submission.map((d) => text(`• ${d} – mỗi đơn vị một bộ.`)),
    ...plan.dossier.nominee.map((d) => text(`• ${d} – mỗi tập thể, cá nhân một bộ.`)),
  ];
}

function acceptedValueLines(plan: Plan, unit: PlanUnit): Line[] {
  return [
    head('6. Giá trị được chấp nhận'),
    text(
      `Thuộc khối: ${proposableGroups(plan, unit)
        .map((g) => g.label)
        .join('; ')} (đơn vị chỉ được đề nghị đối tượng thuộc các khối này).`,
    ),
    text(`Hình thức đề nghị: ${plan.forms.map((f) => f.label).join('; ')}.`),
    text(
      `Tiêu chuẩn: ${LISTS.criterion.join(' / ')}. Tiêu biểu xuất sắc, Lãnh đạo quản lý: ${LISTS.yesNo.join(' / ')}. Báo cáo thành tích, Xác nhận của cấp trình: ${LISTS.haveNot.join(' / ')}. Giới tính: ${LISTS.gender.join(' / ')}.`,
    ),
  ];
}

function writeGuideRow(row: ExcelJS.Row, [value, kind]: Line): void {
  const cell = row.getCell(1);
  cell.value = value;
  cell.alignment = { wrapText: true, vertical: 'top' };
  cell.font = {
    name: FONT,
    size: SIZES[kind],
    bold: kind !== 'text',
    ...(kind === 'title' ? { color: { argb: 'FF1F4E79' } } : {}),
  };
  row.height = guideRowHeight(value, kind);
}
