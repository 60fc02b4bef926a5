// The "Hướng dẫn" sheet: how to fill in the workbook, quoting the plan (criteria, forms and their routes,
// dossier, deadline) so a clerk needs no other paper at hand.
import type ExcelJS from 'exceljs';
import { formatDate, INFO_SHEET, LISTS, type Plan } from '../engine/index.js';

export function writeGuide(ws: ExcelJS.Worksheet, plan: Plan): void {
  ws.columns = [{ width: 110 }];
  ws.pageSetup = { ...ws.pageSetup, paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  const lines: [string, 'title' | 'head' | 'text'][] = [];
  const title = (t: string) => lines.push([t, 'title']);
  const head = (t: string) => lines.push([t, 'head']);
  const text = (t: string) => lines.push([t, 'text']);
  const groupLabel = (code: string) => plan.groups.find((g) => g.code === code)?.label ?? code;

  title(`HƯỚNG DẪN LẬP HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG – ${plan.id}`);
  text(plan.title);
  text(`Thời gian thi đua: từ ngày ${formatDate(plan.campaign.start)} đến ngày ${formatDate(plan.campaign.end)}.`);
  text(
    `Hạn gửi hồ sơ về ${plan.issuer.agency.toLowerCase().replace(/^./, (c) => c.toUpperCase())}: đến hết ngày ${formatDate(plan.deadline)} (giờ ${plan.timeZone}). Hồ sơ nhận sau thời điểm này là nộp muộn.`,
  );

  head('1. Cách điền');
  text(
    `Trang "${INFO_SHEET}": điền Người lập, Điện thoại, Số và Ngày Tờ trình, Ngày họp bình xét, chọn "Có" khi đã có Tờ trình và Biên bản; không sửa các ô màu xám.`,
  );
  for (const t of plan.nomineeTypes)
    text(
      `Trang "${t.sheet}": mỗi ${t.label.toLowerCase()} được đề nghị một dòng; chọn giá trị trong danh sách thả xuống; không đổi tên trang, tên cột.`,
    );
  text(
    'Cột "Kết quả kiểm tra" do add-in kiểm tra ghi; bấm "Kiểm tra" trên add-in cho đến khi mọi dòng "Hợp lệ" rồi mới gửi.',
  );
  text(
    `Năm sinh: năm có 4 chữ số, từ ${plan.birthYear.min} đến ${plan.birthYear.max}. Ngày tháng: dạng dd/mm/yyyy. Tóm tắt thành tích: nêu rõ thành tích, từ ${plan.summaryMinLength} ký tự.`,
  );
  text('Mỗi tập thể, cá nhân chỉ đề nghị một hình thức cho một thành tích.');

  head('2. Tiêu chuẩn khen thưởng (phải "Đạt" tất cả)');
  for (const t of plan.nomineeTypes) {
    text(`Đối với ${t.label.toLowerCase()}:`);
    for (const c of plan.criteria[t.code] ?? []) text(`   • ${c.label}: ${c.text}.`);
  }

  head('3. Hình thức khen thưởng và tuyến trình');
  for (const f of plan.forms) {
    text(`• ${f.label} — do ${f.decidedBy} quyết định. Tuyến trình: Đơn vị → ${f.route.join(' → ')}.`);
    text(
      `   Dành cho: ${f.eligibleGroups.map(groupLabel).join('; ')}.${f.requiresOutstanding ? ' Chỉ đề nghị khi thành tích thật sự tiêu biểu xuất sắc (cột "Tiêu biểu xuất sắc" = Có).' : ''}${f.routeNote ? ` ${f.routeNote}.` : ''}`,
    );
  }

  head('4. Hồ sơ đề nghị khen thưởng');
  for (const d of plan.dossier.submission) text(`• ${d} (mỗi đơn vị một bộ).`);
  for (const d of plan.dossier.nominee) text(`• ${d} (mỗi tập thể, cá nhân).`);

  head('5. Giá trị được chấp nhận');
  text(`Thuộc khối: ${plan.groups.map((g) => g.label).join('; ')}.`);
  text(`Hình thức đề nghị: ${plan.forms.map((f) => f.label).join('; ')}.`);
  text(
    `Tiêu chuẩn: ${LISTS.criterion.join(' / ')}. Tiêu biểu xuất sắc, Lãnh đạo quản lý: ${LISTS.yesNo.join(' / ')}. Báo cáo thành tích, Xác nhận của cấp trình: ${LISTS.haveNot.join(' / ')}. Giới tính: ${LISTS.gender.join(' / ')}.`,
  );

  lines.forEach(([value, kind], i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = value;
    cell.alignment = { wrapText: true, vertical: 'top' };
    if (kind === 'title') cell.font = { bold: true, size: 14, color: { argb: 'FF1F4E79' } };
    if (kind === 'head') cell.font = { bold: true, size: 12 };
  });
}
