// The catalog of every issue kind (SPEC §4): each code declared once with its level, severity, a short
// title, a description and the message template that tells the user what to do. Checks emit kinds by
// code with parameters; no check writes a message of its own.

export type Severity = 'error' | 'warning';
/** file: the whole file is rejected; submission: applies to every nomination of the file; row: one row. */
export type IssueLevel = 'file' | 'submission' | 'row';

/** Parameters a message template may use. */
export interface IssueParams {
  value?: string;
  expected?: string;
  detail?: string;
  other?: string;
  limit?: string;
}

interface IssueKind {
  level: IssueLevel;
  severity: Severity;
  title: string;
  description: string;
  message: (p: IssueParams) => string;
}

const kind = (
  level: IssueLevel,
  severity: Severity,
  title: string,
  description: string,
  message: IssueKind['message'],
): IssueKind => ({
  level,
  severity,
  title,
  description,
  message,
});

export const ISSUE_KINDS = {
  // File level: the file is rejected, the run goes on.
  FILE_UNREADABLE: kind(
    'file',
    'error',
    'Không đọc được tệp',
    'The file is not a readable xlsx workbook (truncated, corrupt or not a zip).',
    (p) =>
      `Không đọc được tệp như một sổ Excel .xlsx${p.detail ? ` (${p.detail})` : ''}. Hãy mở tệp trong Excel, lưu lại dạng .xlsx rồi gửi lại.`,
  ),
  FILE_ENCRYPTED: kind(
    'file',
    'error',
    'Tệp có mật khẩu',
    'The workbook is password-protected (an encrypted compound file).',
    () =>
      'Tệp được đặt mật khẩu nên không đọc được. Hãy gỡ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi gửi lại.',
  ),
  FILE_UNSUPPORTED: kind(
    'file',
    'error',
    'Định dạng không hỗ trợ',
    'The file is .xls, .xlsm, .ods, .csv or another format than .xlsx.',
    (p) =>
      `Định dạng ${p.value ?? 'này'} không được hỗ trợ. Hãy mở tệp trong Excel, chọn Lưu thành › Sổ làm việc Excel (.xlsx) rồi gửi lại.`,
  ),
  FILE_TOO_LARGE: kind(
    'file',
    'error',
    'Tệp quá lớn',
    'The file or its decompressed content is over the size limit.',
    (p) =>
      `Tệp quá lớn${p.detail ? ` (${p.detail})` : ''}, vượt giới hạn ${p.limit ?? ''}. Hãy xóa các trang tính, hình ảnh thừa và chỉ giữ các trang của mẫu.`,
  ),
  TEMPLATE_UNKNOWN: kind(
    'file',
    'error',
    'Không phải mẫu của kế hoạch',
    'No Thông tin sheet, no Mã kế hoạch, or the code of another plan.',
    (p) => `${p.detail ?? 'Tệp không theo mẫu'}. Hãy dùng đúng mẫu của kế hoạch ${p.expected ?? ''} do Sở gửi.`,
  ),
  TEMPLATE_VERSION: kind(
    'file',
    'error',
    'Sai phiên bản mẫu',
    'The template version in Thông tin is not the one the plan expects.',
    (p) =>
      `Phiên bản mẫu là "${p.value ?? ''}", cần phiên bản ${p.expected ?? ''}. Hãy chép dữ liệu sang mẫu mới nhất của Sở.`,
  ),
  UNIT_UNKNOWN: kind(
    'file',
    'error',
    'Mã đơn vị không có trong kế hoạch',
    "Mã đơn vị is empty or not one of the plan's units.",
    (p) =>
      `Mã đơn vị "${p.value ?? ''}" không có trong kế hoạch. Hãy dùng mẫu mang đúng mã đơn vị của mình (ví dụ ${p.expected ?? ''}).`,
  ),
  MISSING_SHEET: kind(
    'file',
    'error',
    'Thiếu trang tính',
    'A sheet the template requires is missing.',
    (p) =>
      `Thiếu trang tính "${p.value ?? ''}". Không đổi tên hay xóa các trang của mẫu; hãy chép dữ liệu sang mẫu gốc.`,
  ),
  MISSING_COLUMN: kind(
    'file',
    'error',
    'Thiếu cột',
    'A column the template requires is missing from a list sheet.',
    (p) =>
      `Thiếu cột "${p.value ?? ''}". Không đổi tên hay xóa các cột của mẫu; hãy thêm lại cột này vào dòng tiêu đề.`,
  ),

  // Submission level: reported on every nomination of the file.
  DEADLINE_LATE: kind(
    'submission',
    'error',
    'Gửi quá hạn',
    'The file was received after the submission deadline.',
    (p) =>
      `Hồ sơ nhận lúc ${p.value ?? ''}, sau hạn gửi hết ngày ${p.limit ?? ''}. Hồ sơ gửi muộn không được xét; liên hệ Văn phòng Sở nếu có lý do chính đáng.`,
  ),
  DOSSIER_NO_TOTRINH: kind(
    'submission',
    'error',
    'Thiếu Tờ trình',
    'The Tờ trình line is not "Có", or its number or date is missing.',
    (p) =>
      `Chưa có Tờ trình đề nghị khen thưởng${p.detail ? ` (${p.detail})` : ''}. Hãy ghi "Có", điền Số và Ngày Tờ trình ở trang "Thông tin".`,
  ),
  DOSSIER_NO_BIENBAN: kind(
    'submission',
    'error',
    'Thiếu Biên bản họp bình xét',
    'The Biên bản line is not "Có", or the meeting date is missing.',
    (p) =>
      `Chưa có Biên bản họp bình xét${p.detail ? ` (${p.detail})` : ''}. Hãy ghi "Có" và điền Ngày họp bình xét ở trang "Thông tin".`,
  ),
  DATE_TOTRINH_AFTER_DEADLINE: kind(
    'submission',
    'error',
    'Tờ trình ký sau hạn',
    'The Tờ trình is dated after the submission deadline.',
    (p) => `Ngày Tờ trình ${p.value ?? ''} sau hạn gửi hồ sơ ${p.limit ?? ''}. Hãy kiểm tra lại ngày ký Tờ trình.`,
  ),
  DATE_BIENBAN_AFTER_TOTRINH: kind(
    'submission',
    'error',
    'Họp bình xét sau Tờ trình',
    'The selection meeting is dated after the Tờ trình; it must come first.',
    (p) =>
      `Ngày họp bình xét ${p.value ?? ''} sau Ngày Tờ trình ${p.other ?? ''}. Cuộc họp phải diễn ra trước khi ký Tờ trình; hãy sửa lại ngày.`,
  ),
  DATE_OUTSIDE_CAMPAIGN: kind(
    'submission',
    'warning',
    'Tờ trình trước đợt thi đua',
    'The Tờ trình is dated before the campaign started.',
    (p) => `Ngày Tờ trình ${p.value ?? ''} trước ngày phát động đợt thi đua ${p.limit ?? ''}. Hãy kiểm tra lại ngày.`,
  ),

  // Row level.
  FIELD_REQUIRED: kind(
    'row',
    'error',
    'Thiếu thông tin',
    'A required cell is empty.',
    () => 'Ô này đang trống. Hãy điền thông tin.',
  ),
  FIELD_INVALID: kind(
    'row',
    'error',
    'Giá trị không hợp lệ',
    'A value not in its list, a year out of range, or a date that is not a date.',
    (p) => `Giá trị "${p.value ?? ''}" không hợp lệ. ${p.expected ?? ''}`.trim(),
  ),
  FORM_UNKNOWN: kind(
    'row',
    'error',
    'Hình thức không có trong kế hoạch',
    "Hình thức đề nghị is not one of the plan's award forms.",
    (p) => `Hình thức "${p.value ?? ''}" không có trong kế hoạch. Hãy chọn trong danh sách: ${p.expected ?? ''}.`,
  ),
  CRITERIA_NOT_MET: kind(
    'row',
    'error',
    'Chưa đạt tiêu chuẩn',
    'A criterion is not marked "Đạt".',
    (p) =>
      `Chưa đạt ${p.value ?? 'tiêu chuẩn'} ("${p.detail ?? ''}"). Chỉ đề nghị khi đạt cả ${p.expected ?? ''} tiêu chuẩn; nếu đã đạt, hãy ghi "Đạt".`,
  ),
  ROUTE_NOT_ELIGIBLE: kind(
    'row',
    'error',
    'Hình thức không dành cho khối này',
    "The award form is not open to the nominee's group.",
    (p) =>
      `${p.value ?? 'Hình thức này'} không dành cho khối "${p.other ?? ''}". Hãy chọn hình thức khác (${p.expected ?? ''}).`,
  ),
  OUTSTANDING_REQUIRED: kind(
    'row',
    'error',
    'Cần thành tích tiêu biểu xuất sắc',
    'The form requires "Tiêu biểu xuất sắc" = Có.',
    (p) =>
      `${p.value ?? 'Hình thức này'} chỉ dành cho thành tích thật sự tiêu biểu xuất sắc. Hãy ghi "Có" ở cột "Tiêu biểu xuất sắc" hoặc chọn hình thức khác.`,
  ),
  DOSSIER_NO_REPORT: kind(
    'row',
    'error',
    'Thiếu Báo cáo thành tích',
    'The achievement report is not marked "Có".',
    () => 'Chưa có Báo cáo thành tích. Hãy hoàn thành báo cáo theo mẫu và ghi "Có".',
  ),
  DOSSIER_NO_CONFIRMATION: kind(
    'row',
    'error',
    'Báo cáo chưa được xác nhận',
    'The report is not confirmed by the submitting level.',
    () => 'Báo cáo thành tích chưa có xác nhận của cấp trình khen thưởng. Hãy lấy xác nhận rồi ghi "Có".',
  ),
  DUPLICATE_IN_FILE: kind(
    'row',
    'error',
    'Trùng trong tệp',
    'The same nominee with the same form appears again in the file.',
    (p) => `Trùng với dòng ${p.other ?? ''} (cùng đối tượng, cùng hình thức). Hãy xóa dòng trùng.`,
  ),
  MULTIPLE_FORMS: kind(
    'row',
    'error',
    'Một thành tích nhiều hình thức',
    'The same nominee is proposed for another form on an earlier row.',
    (p) =>
      `Đối tượng này đã được đề nghị "${p.value ?? ''}" ở dòng ${p.other ?? ''}. Một thành tích chỉ đề nghị một hình thức; hãy giữ một dòng.`,
  ),
  DUPLICATE_ACROSS_UNITS: kind(
    'row',
    'warning',
    'Trùng giữa các đơn vị',
    "The same nominee appears in another unit's file (found at merge).",
    (p) => `Đối tượng này cũng được ${p.other ?? 'đơn vị khác'} đề nghị. Văn phòng Sở cần đối chiếu với hai đơn vị.`,
  ),
  SUMMARY_TOO_SHORT: kind(
    'row',
    'warning',
    'Tóm tắt thành tích quá ngắn',
    "The achievement summary is under the plan's minimum length.",
    (p) =>
      `Tóm tắt thành tích chỉ có ${p.value ?? ''} ký tự (nên từ ${p.limit ?? ''} ký tự). Hãy nêu rõ thành tích nổi bật.`,
  ),
  TEXT_FORMULA_LIKE: kind(
    'row',
    'warning',
    'Văn bản bắt đầu như công thức',
    'Text starts with = + - @; it is kept as text, never evaluated.',
    () =>
      'Nội dung bắt đầu bằng ký tự = + - hoặc @ nên có thể bị hiểu là công thức. Nội dung được giữ nguyên dạng văn bản; nên bỏ ký tự đầu.',
  ),
} satisfies Record<string, IssueKind>;

export type IssueCode = keyof typeof ISSUE_KINDS;
export const ISSUE_CODES = Object.keys(ISSUE_KINDS) as IssueCode[];

/** Where an issue is: any of these may be absent (a file-level issue has no row). */
export interface IssueLocation {
  file?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export interface Issue extends IssueLocation {
  code: IssueCode;
  severity: Severity;
  level: IssueLevel;
  /** Full Vietnamese message, starting with the location. */
  message: string;
}

/** 'Tệp "a.xlsx", trang "Cá nhân", dòng 7, cột "Năm sinh"' — the prefix of every message. */
export function describeLocation(loc: IssueLocation): string {
  const parts: string[] = [];
  if (loc.file) parts.push(`Tệp "${loc.file}"`);
  if (loc.sheet) parts.push(`trang "${loc.sheet}"`);
  if (loc.row !== undefined) parts.push(`dòng ${loc.row}`);
  if (loc.column) parts.push(`cột "${loc.column}"`);
  const text = parts.join(', ');
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** Builds an issue of a catalogued kind at a location. */
export function makeIssue(code: IssueCode, loc: IssueLocation, params: IssueParams = {}): Issue {
  const k = ISSUE_KINDS[code];
  const where = describeLocation(loc);
  const issue: Issue = {
    code,
    severity: k.severity,
    level: k.level,
    message: where ? `${where}: ${k.message(params)}` : k.message(params),
  };
  if (loc.file !== undefined) issue.file = loc.file;
  if (loc.sheet !== undefined) issue.sheet = loc.sheet;
  if (loc.row !== undefined) issue.row = loc.row;
  if (loc.column !== undefined) issue.column = loc.column;
  return issue;
}

export const hasError = (issues: readonly Issue[]): boolean => issues.some((i) => i.severity === 'error');
