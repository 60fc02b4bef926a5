// The catalog of every issue kind (SPEC §4): each code declared once with its level, severity, a short
// title, a description, the parameters it carries and the message that tells the user what to do.
// An issue is data (code, location, parameters); its sentence is written here, when it is shown, and
// nowhere else: every Vietnamese word of a message lives in this file.
import { formatDate } from './cells.js';
import { formatLocalTime } from './deadline.js';
import { CUT_MARKER, formatCount, formatSize } from './limits.js';
import { INFO_LABELS, INFO_SHEET, type ColumnKey, type InfoKey } from './template.js';

export type Severity = 'error' | 'warning';
/** file: the whole file is rejected; submission: applies to every nomination of the file; row: one row. */
export type IssueLevel = 'file' | 'submission' | 'row';

/** Vietnamese labels of the severities, wherever an issue's weight is shown. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo' };

/** What a typed value should have been (FIELD_INVALID). */
export type Expected =
  /** One of a list's values, as its dropdown shows them. */
  | { kind: 'oneOf'; values: readonly string[] }
  /** One of exactly two values (the Thông tin yes/no lines). */
  | { kind: 'either'; values: readonly [string, string] }
  | { kind: 'date' }
  | { kind: 'year'; min: number; max: number }
  /** Any value but an error: the cell shows a formula's error (#VALUE!, #N/A…). */
  | { kind: 'noError' };

/** Why a file is not the plan's template (TEMPLATE_UNKNOWN). */
export type TemplateMismatch =
  | { reason: 'noInfoSheet' }
  | { reason: 'noPlanId' }
  /** The file names another plan. */
  | { reason: 'otherPlan'; found: string };

/** What is over its size limit (FILE_TOO_LARGE); sizes in bytes. */
export type Oversize =
  | { what: 'file'; bytes: number }
  | { what: 'entries'; count: number }
  /** The sizes the zip declares. */
  | { what: 'declared'; bytes: number }
  /** What actually came out while inflating, stopped at the cap. */
  | { what: 'inflated'; bytes: number }
  /** The zip declares sizes its content does not have. */
  | { what: 'sizeMismatch' };
/** More cells with a value than a check may read (FILE_TOO_LARGE); `limit` is that number of cells. */
export type TooManyCells = { what: 'cells'; limit: number };

/** Why a file cannot be read (FILE_UNREADABLE). */
export type UnreadableReason =
  | 'notZip'
  | 'zipDamaged'
  | 'parser'
  /** The file went away (deleted, renamed, moved) between the listing and its reading. */
  | 'vanished'
  /** The account running the merge may not read it. */
  | 'noAccess'
  /** Any other failure to open it (in use, a disk error); `error` gives the system's code. */
  | 'cannotOpen'
  /** Not a regular file at all (a FIFO, a socket, a device named like a workbook): never opened. */
  | 'notAFile'
  /** A workbook that lists no worksheet (some exports). */
  | 'noSheets'
  /** 0 bytes: the copy or the download did not finish, or the attachment was lost. */
  | 'empty'
  /** The lock file Excel (~$…) or LibreOffice (.~lock.…#) keeps beside an open workbook, chosen by mistake. */
  | 'lockFile'
  /** An unexpected failure while reading or checking this file; `error` says what it was. */
  | 'fault';

const quoted = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

function expectedText(e: Expected): string {
  switch (e.kind) {
    case 'oneOf':
      return `Hãy chọn một trong: ${quoted(e.values)}.`;
    case 'either':
      return `Hãy chọn "${e.values[0]}" hoặc "${e.values[1]}".`;
    case 'date':
      return 'Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 05/04/2021.';
    case 'year':
      return `Năm sinh phải là năm có 4 chữ số, từ ${e.min} đến ${e.max}.`;
    case 'noError':
      return 'Ô đang hiện lỗi của công thức. Hãy sửa công thức hoặc gõ thẳng giá trị vào ô.';
  }
}

function mismatchText(m: TemplateMismatch): string {
  switch (m.reason) {
    case 'noInfoSheet':
      return `Không có trang tính "${INFO_SHEET}"`;
    case 'noPlanId':
      return `Không có "${INFO_LABELS.planId}"`;
    case 'otherPlan':
      return `Tệp thuộc kế hoạch "${m.found}", không phải kế hoạch này`;
  }
}

function oversizeText(o: Oversize): string {
  switch (o.what) {
    case 'file':
      return `tệp ${formatSize(o.bytes)}`;
    case 'entries':
      return `${o.count} thành phần trong tệp`;
    case 'declared':
      return `nội dung giải nén ${formatSize(o.bytes)}`;
    case 'inflated':
      return `nội dung giải nén vượt ${formatSize(o.bytes)}`;
    case 'sizeMismatch':
      return 'kích thước khai báo trong tệp nén không đúng thực tế';
  }
}

/** How to save as .xlsx in each spreadsheet program a clerk may have: Excel, LibreOffice Calc, WPS. */
const SAVE_AS_XLSX =
  'Hãy mở tệp trong Excel, chọn Lưu thành › Sổ làm việc Excel (.xlsx); trong LibreOffice Calc: Tệp › Lưu thành, kiểu tệp "Excel 2007-365 (.xlsx)", bấm "Dùng định dạng Excel 2007-365!"; trong WPS Spreadsheets: Tệp › Lưu thành, kiểu tệp "Excel Workbook (*.xlsx)". Rồi gửi lại tệp .xlsx.';

/** Files that are not a damaged workbook at all: each says what it is and what to choose instead. */
type NotAWorkbook = 'empty' | 'lockFile';
const NOT_A_WORKBOOK: Record<Exclude<NotAWorkbook, 'lockFile'>, string> = {
  empty:
    'Tệp rỗng (0 byte): tệp chưa chép hoặc tải về xong, hoặc tệp đính kèm bị mất. Hãy chép lại tệp sổ của đơn vị từ máy đã lập sổ (mở được trong Excel) rồi chọn hoặc gửi lại.',
};
/** A lock file names the open workbook it stands for: the very file to choose instead. */
const lockFileText = (workbook?: string) =>
  workbook
    ? `Đây là tệp khóa tạm do Excel (tên bắt đầu bằng ~$) hoặc LibreOffice (tên bắt đầu bằng .~lock.) tạo ra khi sổ "${workbook}" đang mở, không phải sổ của đơn vị. Hãy chọn tệp sổ thật "${workbook}" nằm cùng thư mục.`
    : 'Đây là tệp khóa tạm do Excel (tên bắt đầu bằng ~$) hoặc LibreOffice (tên bắt đầu bằng .~lock.) tạo ra khi sổ đang mở, không phải sổ của đơn vị. Hãy chọn tệp sổ thật nằm cùng thư mục (cùng tên nhưng không có ~$ hay .~lock. ở đầu).';

/** Why the content cannot be read: the clerk saves the workbook again. */
const UNREADABLE_CONTENT: Record<Exclude<UnreadableReason, OpenFailure | NotAWorkbook>, string> = {
  notZip: 'không phải tệp nén .xlsx hợp lệ hoặc tệp bị cắt cụt',
  zipDamaged: 'tệp nén bị hỏng',
  parser: 'Excel không mở được nội dung',
  noSheets: 'không tìm thấy trang tính nào trong sổ',
  fault: 'gặp lỗi khi đọc nội dung',
};
/** Why the file could not be opened at all: nothing is wrong with the workbook, the secretariat acts. */
type OpenFailure = 'vanished' | 'noAccess' | 'cannotOpen' | 'notAFile';
const UNOPENABLE: Record<OpenFailure, (error?: string) => string> = {
  vanished: () =>
    'Không tìm thấy tệp trong thư mục hồ sơ: tệp đã bị xóa, đổi tên hoặc chuyển đi (có thể ngay trong lúc tổng hợp) nên chưa được tổng hợp. Nếu vẫn cần tổng hợp tệp này, hãy đặt lại tệp vào thư mục hồ sơ rồi chạy lại lệnh tổng hợp.',
  noAccess: () =>
    'Tài khoản đang chạy lệnh tổng hợp không có quyền đọc tệp nên tệp chưa được tổng hợp. Hãy cấp quyền đọc cho tệp (hoặc chép tệp vào thư mục hồ sơ) rồi chạy lại lệnh tổng hợp.',
  notAFile: () =>
    'Đây không phải một tệp thường (là ống dẫn FIFO, socket hay thiết bị mang tên giống tệp) nên không được mở và chưa được tổng hợp. Hãy xóa nó khỏi thư mục hồ sơ và đặt vào đó tệp .xlsx thật của đơn vị.',
  cannotOpen: (error) =>
    `Không mở được tệp${error ? ` (${error})` : ''} nên tệp chưa được tổng hợp. Hãy đóng chương trình đang mở tệp, kiểm tra ổ đĩa rồi chạy lại lệnh tổng hợp.`,
};
const isOpenFailure = (r: UnreadableReason): r is OpenFailure => r in UNOPENABLE;

function unreadableText(p: { reason?: UnreadableReason; error?: string; workbook?: string }): string {
  if (p.reason && isOpenFailure(p.reason)) return UNOPENABLE[p.reason](p.error);
  if (p.reason === 'lockFile') return lockFileText(p.workbook);
  if (p.reason === 'empty') return NOT_A_WORKBOOK[p.reason];
  // A fault's `error` is a library's English: it stays out of the sentence (see issueDetail).
  const why = p.reason ? ` (${UNREADABLE_CONTENT[p.reason]})` : '';
  return `Không đọc được tệp như một sổ Excel .xlsx${why}. ${SAVE_AS_XLSX}`;
}

/** The Thông tin lines that make a dossier document incomplete, said the way the message lists them. */
function gapText(key: InfoKey): string {
  return key === 'hasLetter' || key === 'hasMinutes'
    ? `dòng "${INFO_LABELS[key]}" chưa ghi "Có"`
    : `thiếu ${INFO_LABELS[key]}`;
}
const gapsText = (gaps: readonly InfoKey[]) => (gaps.length ? ` (${gaps.map(gapText).join('; ')})` : '');

interface IssueKind<P> {
  level: IssueLevel;
  severity: Severity;
  title: string;
  description: string;
  message: (p: P) => string;
}

/** No parameters. */
type None = Record<never, never>;

/** The earlier row a repeated nominee was first proposed on: its number, and its STT when it has one. */
interface FirstRow {
  firstRow: number;
  firstSeq?: string;
}
/** "2 (STT 1)": the row as Excel and as the clerk number it. */
const firstRowText = (p: FirstRow) => `${p.firstRow}${p.firstSeq ? ` (STT ${p.firstSeq})` : ''}`;

const kind = <P = None>(
  level: IssueLevel,
  severity: Severity,
  title: string,
  description: string,
  message: (p: P) => string,
): IssueKind<P> => ({ level, severity, title, description, message });

export const ISSUE_KINDS = {
  // File level: the file is rejected, the run goes on.
  FILE_UNREADABLE: kind<{
    reason?: UnreadableReason;
    /** The failure, for `fault` (technical: see issueDetail); the system's code (EBUSY, EIO…) for `cannotOpen`. */
    error?: string;
    /** For `lockFile`: the open workbook's name, the file to choose instead. */ workbook?: string;
  }>(
    'file',
    'error',
    'Không đọc được tệp',
    'The file is not a readable xlsx workbook (truncated, corrupt, not a zip, no sheet), cannot be opened (gone, no permission), or its content made the check fail.',
    unreadableText,
  ),
  FILE_ENCRYPTED: kind(
    'file',
    'error',
    'Tệp có mật khẩu',
    'The workbook is password-protected (an encrypted compound file).',
    () =>
      'Tệp được đặt mật khẩu nên không đọc được. Hãy mở tệp bằng mật khẩu, gỡ mật khẩu rồi lưu lại dạng .xlsx: trong Excel, Tệp › Thông tin › Bảo vệ sổ làm việc › Mã hóa bằng mật khẩu, xóa mật khẩu rồi Lưu thành › Sổ làm việc Excel (.xlsx); trong LibreOffice Calc: Tệp › Lưu thành, kiểu tệp "Excel 2007-365 (.xlsx)", bỏ chọn "Lưu với mật khẩu"; trong WPS Spreadsheets: Tệp › Mã hóa tài liệu, xóa mật khẩu mở tệp rồi Tệp › Lưu thành, kiểu tệp "Excel Workbook (*.xlsx)". Rồi gửi lại tệp .xlsx.',
  ),
  FILE_UNSUPPORTED: kind<{
    /** '.xls', or '' when the name has none. */ extension: string;
    /** An Excel 97–2003 workbook whatever its name says (a renamed .xls). */ legacyExcel?: boolean;
  }>(
    'file',
    'error',
    'Định dạng không hỗ trợ',
    'The file is .xls, .xlsm, .ods, .csv or another format than .xlsx (also an .xls renamed .xlsx).',
    (p) =>
      `${p.legacyExcel ? `Tệp là sổ Excel 97–2003 (.xls) dù mang phần mở rộng ${p.extension}; định dạng này` : `Định dạng ${p.extension || '(không có phần mở rộng)'}`} không được hỗ trợ. ${SAVE_AS_XLSX}`,
  ),
  FILE_TOO_LARGE: kind<{ over: Oversize; limitBytes: number } | { over: TooManyCells }>(
    'file',
    'error',
    'Tệp quá lớn',
    'The file or its decompressed content is over the size limit, or its sheets hold more cells than a check reads.',
    (p) =>
      `Tệp quá lớn (${p.over.what === 'cells' ? 'các trang của mẫu chứa quá nhiều ô có dữ liệu' : oversizeText(p.over)}), vượt giới hạn ${'limitBytes' in p ? formatSize(p.limitBytes) : `${formatCount(p.over.limit)} ô`}. Hãy xóa các trang tính, hình ảnh thừa và chỉ giữ các trang của mẫu.`,
  ),
  TEMPLATE_UNKNOWN: kind<{ mismatch: TemplateMismatch; planId: string }>(
    'file',
    'error',
    'Không phải mẫu của kế hoạch',
    'No Thông tin sheet, no Mã kế hoạch, or the code of another plan.',
    (p) => `${mismatchText(p.mismatch)}. Hãy dùng đúng mẫu của kế hoạch ${p.planId} do Sở gửi.`,
  ),
  TEMPLATE_VERSION: kind<{ found: string; expected: number }>(
    'file',
    'error',
    'Sai phiên bản mẫu',
    'The template version in Thông tin is not the one the plan expects.',
    (p) => `Phiên bản mẫu là "${p.found}", cần phiên bản ${p.expected}. Hãy chép dữ liệu sang mẫu mới nhất của Sở.`,
  ),
  UNIT_UNKNOWN: kind<{ found: string; example?: string }>(
    'file',
    'error',
    'Mã đơn vị không có trong kế hoạch',
    "Mã đơn vị is empty or not one of the plan's units.",
    (p) =>
      `Mã đơn vị "${p.found}" không có trong kế hoạch. Hãy dùng mẫu mang đúng mã đơn vị của mình (ví dụ ${p.example ?? ''}).`,
  ),
  MISSING_SHEET: kind<{ sheet: string }>(
    'file',
    'error',
    'Thiếu trang tính',
    'A sheet the template requires is missing.',
    (p) => `Thiếu trang tính "${p.sheet}". Không đổi tên hay xóa các trang của mẫu; hãy chép dữ liệu sang mẫu gốc.`,
  ),
  MISSING_COLUMN: kind<{ header: string }>(
    'file',
    'error',
    'Thiếu cột',
    'A column the template requires is missing from a list sheet.',
    (p) => `Thiếu cột "${p.header}". Không đổi tên hay xóa các cột của mẫu; hãy thêm lại cột này vào dòng tiêu đề.`,
  ),

  // Submission level: reported on every nomination of the file.
  DEADLINE_LATE: kind<{ /** ISO instant. */ receivedAt: string; timeZone: string; /** ISO date. */ deadline: string }>(
    'submission',
    'error',
    'Gửi muộn',
    'The file was received after the submission deadline.',
    (p) =>
      `Hồ sơ nhận lúc ${formatLocalTime(new Date(p.receivedAt), p.timeZone)}, sau hạn gửi hết ngày ${formatDate(p.deadline)}. Hồ sơ gửi muộn không được xét; liên hệ Văn phòng Sở nếu có lý do chính đáng.`,
  ),
  DOSSIER_NO_TOTRINH: kind<{ gaps: readonly ('hasLetter' | 'letterNo' | 'letterDate')[] }>(
    'submission',
    'error',
    'Thiếu Tờ trình',
    'The Tờ trình line is not "Có", or its number or date is missing.',
    (p) =>
      `Chưa có Tờ trình đề nghị khen thưởng${gapsText(p.gaps)}. Hãy ghi "Có", điền Số và Ngày Tờ trình ở trang "Thông tin".`,
  ),
  DOSSIER_NO_BIENBAN: kind<{ gaps: readonly ('hasMinutes' | 'meetingDate')[] }>(
    'submission',
    'error',
    'Thiếu Biên bản họp bình xét',
    'The Biên bản line is not "Có", or the meeting date is missing.',
    (p) =>
      `Chưa có Biên bản họp bình xét${gapsText(p.gaps)}. Hãy ghi "Có" và điền Ngày họp bình xét ở trang "Thông tin".`,
  ),
  DATE_TOTRINH_AFTER_DEADLINE: kind<{ letterDate: string; deadline: string }>(
    'submission',
    'error',
    'Tờ trình ký sau hạn',
    'The Tờ trình is dated after the submission deadline.',
    (p) =>
      `Ngày Tờ trình ${formatDate(p.letterDate)} sau hạn gửi hồ sơ ${formatDate(p.deadline)}. Hãy kiểm tra lại ngày ký Tờ trình.`,
  ),
  DATE_BIENBAN_AFTER_TOTRINH: kind<{ meetingDate: string; letterDate: string }>(
    'submission',
    'error',
    'Họp bình xét sau Tờ trình',
    'The selection meeting is dated after the Tờ trình; it must come first.',
    (p) =>
      `Ngày họp bình xét ${formatDate(p.meetingDate)} sau Ngày Tờ trình ${formatDate(p.letterDate)}. Cuộc họp phải diễn ra trước khi ký Tờ trình; hãy sửa lại ngày.`,
  ),
  DATE_OUTSIDE_CAMPAIGN: kind<{ letterDate: string; campaignStart: string }>(
    'submission',
    'warning',
    'Tờ trình trước đợt thi đua',
    'The Tờ trình is dated before the campaign started.',
    (p) =>
      `Ngày Tờ trình ${formatDate(p.letterDate)} trước ngày phát động đợt thi đua ${formatDate(p.campaignStart)}. Hãy kiểm tra lại ngày.`,
  ),
  PLAN_OUTDATED: kind<{ reason: 'differs' | 'damaged'; /** The Sở's plan, checked against. */ planId: string }>(
    'submission',
    'warning',
    'Sổ mang kế hoạch cũ',
    "The plan carried in the workbook differs from the Sở's plan file (or is damaged); rows are checked against the Sở's.",
    (p) =>
      `${p.reason === 'damaged' ? 'Kế hoạch lưu trong sổ bị hỏng nên không đối chiếu được với' : 'Kế hoạch lưu trong sổ khác'} kế hoạch ${p.planId} hiện hành của Sở; các dòng đã được kiểm tra theo kế hoạch hiện hành. Hãy chép dữ liệu sang mẫu mới nhất của Sở.`,
  ),

  // Row level.
  FIELD_REQUIRED: kind(
    'row',
    'error',
    'Thiếu thông tin',
    'A required cell is empty.',
    () => 'Ô này đang trống. Hãy điền thông tin.',
  ),
  FIELD_INVALID: kind<{ value: string; expected: Expected }>(
    'row',
    'error',
    'Giá trị không hợp lệ',
    'A value not in its list, a year out of range, or a date that is not a date.',
    (p) => `Giá trị "${p.value}" không hợp lệ. ${expectedText(p.expected)}`,
  ),
  FORM_UNKNOWN: kind<{ value: string; forms: readonly string[] }>(
    'row',
    'error',
    'Hình thức không có trong kế hoạch',
    "Hình thức đề nghị is not one of the plan's award forms.",
    (p) => `Hình thức "${p.value}" không có trong kế hoạch. Hãy chọn trong danh sách: ${p.forms.join('; ')}.`,
  ),
  CRITERIA_NOT_MET: kind<{
    /** The plan's label and wording of the criterion. */ label: string;
    text: string;
    count: number;
  }>(
    'row',
    'error',
    'Chưa đạt tiêu chuẩn',
    'A criterion is not marked "Đạt".',
    (p) =>
      `Chưa đạt ${p.label} ("${p.text}"). Chỉ đề nghị khi đạt cả ${p.count} tiêu chuẩn; nếu đã đạt, hãy ghi "Đạt".`,
  ),
  GROUP_NOT_ALLOWED: kind<{
    /** The submitting unit's name. */ unit: string;
    /** The group chosen in Thuộc khối. */ group: string;
    /** The groups the unit may propose, as its dropdown shows them. */ allowed: readonly string[];
  }>(
    'row',
    'error',
    'Khối không thuộc phạm vi đề nghị của đơn vị',
    "Thuộc khối is neither the submitting unit's own group nor a group the plan opens to every unit.",
    (p) =>
      `${p.unit} không được đề nghị khen thưởng đối tượng thuộc khối "${p.group}"; đơn vị chỉ được đề nghị đối tượng thuộc khối ${quoted(p.allowed)}. Hãy chọn lại "Thuộc khối" đúng với đối tượng; đối tượng thuộc khối khác do cơ quan, đơn vị quản lý trực tiếp đề nghị.`,
  ),
  ROUTE_NOT_ELIGIBLE: kind<{
    form: string;
    group: string;
    /** The forms open to that group. */ open: readonly string[];
  }>(
    'row',
    'error',
    'Hình thức không dành cho khối này',
    "The award form is not open to the nominee's group.",
    (p) =>
      `${p.form} không dành cho khối "${p.group}". Hãy chọn hình thức khác (${p.open.join('; ') || 'không có hình thức nào'}).`,
  ),
  OUTSTANDING_REQUIRED: kind<{ form: string }>(
    'row',
    'error',
    'Cần thành tích tiêu biểu xuất sắc',
    'The form requires "Tiêu biểu xuất sắc" = Có.',
    (p) =>
      `${p.form} chỉ dành cho thành tích thật sự tiêu biểu xuất sắc. Hãy ghi "Có" ở cột "Tiêu biểu xuất sắc" hoặc chọn hình thức khác.`,
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
  DUPLICATE_IN_FILE: kind<FirstRow>(
    'row',
    'error',
    'Trùng trong tệp',
    'The same nominee with the same form appears again in the file.',
    (p) => `Trùng với dòng ${firstRowText(p)} (cùng đối tượng, cùng hình thức). Hãy xóa dòng trùng.`,
  ),
  MULTIPLE_FORMS: kind<{ form: string } & FirstRow>(
    'row',
    'error',
    'Một thành tích nhiều hình thức',
    'The same nominee is proposed for another form on an earlier row.',
    (p) =>
      `Đối tượng này đã được đề nghị "${p.form}" ở dòng ${firstRowText(p)}. Một thành tích chỉ đề nghị một hình thức; hãy giữ một dòng.`,
  ),
  DUPLICATE_ACROSS_UNITS: kind<{ /** The other units. */ units: readonly { code: string; name: string }[] }>(
    'row',
    'warning',
    'Trùng giữa các đơn vị',
    "The same nominee appears in another unit's file (found at merge).",
    // Each unit by name and code: a unit may be named like the secretariat ("Văn phòng Sở").
    (p) =>
      `Đối tượng này cũng có trong hồ sơ đề nghị của ${p.units.map((u) => `đơn vị "${u.name}" (${u.code})`).join(', ') || 'đơn vị khác'}; ${p.units.length + 1} đơn vị cùng đề nghị. Văn phòng Sở Công Thương sẽ đối chiếu hồ sơ của các đơn vị này.`,
  ),
  ALREADY_AWARDED: kind<{
    form: string;
    /** Year of the earlier award, and its decision as the award register gives it. */
    year: number;
    decision: string;
    /** The plan's repeatAfterYears. */
    years: number;
  }>(
    'row',
    'warning',
    'Đã được khen cùng hình thức',
    'The award register shows the same nominee received the same form within the years the plan sets (merge with --register).',
    (p) =>
      `Theo Sổ theo dõi khen thưởng, đối tượng này đã được tặng "${p.form}" năm ${p.year}${p.decision ? ` (${p.decision})` : ''}, chưa quá ${p.years} năm. Văn phòng Sở cần đối chiếu trước khi trình Hội đồng.`,
  ),
  SUMMARY_TOO_SHORT: kind<{ length: number; min: number }>(
    'row',
    'warning',
    'Tóm tắt thành tích quá ngắn',
    "The achievement summary is under the plan's minimum length.",
    (p) => `Tóm tắt thành tích chỉ có ${p.length} ký tự (nên từ ${p.min} ký tự). Hãy nêu rõ thành tích nổi bật.`,
  ),
  TEXT_TOO_LONG: kind<{ /** Excel's limit for one cell. */ limit: number }>(
    'row',
    'warning',
    'Nội dung quá dài',
    "A cell holds more than Excel's 32,767 characters; it is written cut, with a visible marker, wherever it is written.",
    (p) =>
      `Ô này dài hơn ${formatCount(p.limit)} ký tự, giới hạn của một ô Excel. Nội dung được ghi cắt bớt, cuối có dấu "${CUT_MARKER.trim()}"; hãy rút gọn.`,
  ),
  TEXT_FORMULA_LIKE: kind(
    'row',
    'warning',
    'Văn bản bắt đầu như công thức',
    'Text starts with = + - @; it is kept as text, never evaluated.',
    () =>
      'Nội dung bắt đầu bằng ký tự = + - hoặc @ nên có thể bị hiểu là công thức. Nội dung được giữ nguyên dạng văn bản; nên bỏ ký tự đầu.',
  ),
};

type Kinds = typeof ISSUE_KINDS;
export type IssueCode = keyof Kinds;
export const ISSUE_CODES = Object.keys(ISSUE_KINDS) as IssueCode[];

/**
 * What an issue means in a letter the Sở signs to the unit (a notice of results, a reminder): the fact not
 * met, in the letters' register, with no how-to — mending the workbook is the unit's feedback's business,
 * and by the time of a notice the file can no longer be sent again. A fragment to follow a colon (lower
 * case, no full stop); `column` is the column or Thông tin line the issue names, when any. Only the code
 * and location are needed: a master keeps those, not the parameters.
 */
const STATEMENTS: Record<IssueCode, (column?: string) => string> = {
  FILE_UNREADABLE: () => 'không đọc được nội dung như một sổ Excel (.xlsx)',
  FILE_ENCRYPTED: () => 'được đặt mật khẩu nên không đọc được',
  FILE_UNSUPPORTED: () => 'không đúng định dạng .xlsx theo mẫu của Kế hoạch',
  FILE_TOO_LARGE: () => 'vượt quá dung lượng cho phép',
  TEMPLATE_UNKNOWN: () => 'không lập theo mẫu của Kế hoạch',
  TEMPLATE_VERSION: () => 'lập theo phiên bản mẫu khác với mẫu hiện hành của Kế hoạch',
  UNIT_UNKNOWN: () => 'mã đơn vị ghi trong tệp không có trong Kế hoạch',
  MISSING_SHEET: () => 'thiếu trang tính của mẫu',
  MISSING_COLUMN: (c) => (c ? `thiếu cột "${c}" của mẫu` : 'thiếu cột của mẫu'),
  DEADLINE_LATE: () => 'hồ sơ gửi sau thời hạn',
  DOSSIER_NO_TOTRINH: () => 'Tờ trình đề nghị khen thưởng của đơn vị chưa có hoặc chưa ghi đủ số, ngày',
  DOSSIER_NO_BIENBAN: () => 'Biên bản họp bình xét của đơn vị chưa có hoặc chưa ghi ngày họp',
  DATE_TOTRINH_AFTER_DEADLINE: () => 'Tờ trình của đơn vị ký sau thời hạn gửi hồ sơ',
  DATE_BIENBAN_AFTER_TOTRINH: () => 'cuộc họp bình xét của đơn vị diễn ra sau ngày ký Tờ trình',
  DATE_OUTSIDE_CAMPAIGN: () => 'Tờ trình của đơn vị ghi ngày trước ngày phát động đợt thi đua',
  PLAN_OUTDATED: () => 'tệp lập theo kế hoạch cũ',
  FIELD_REQUIRED: (c) => (c ? `chưa ghi thông tin "${c}"` : 'thiếu thông tin bắt buộc'),
  FIELD_INVALID: (c) => (c ? `thông tin "${c}" không hợp lệ` : 'có thông tin không hợp lệ'),
  FORM_UNKNOWN: () => 'hình thức đề nghị không có trong Kế hoạch',
  CRITERIA_NOT_MET: (c) => (c ? `chưa đạt ${c}` : 'chưa đạt đủ các tiêu chuẩn'),
  GROUP_NOT_ALLOWED: () => 'đối tượng không thuộc phạm vi đề nghị của đơn vị',
  ROUTE_NOT_ELIGIBLE: () => 'hình thức đề nghị không dành cho khối của đối tượng',
  OUTSTANDING_REQUIRED: () =>
    'thành tích không được xác định là thật sự tiêu biểu xuất sắc, không đủ điều kiện đề nghị hình thức này',
  DOSSIER_NO_REPORT: () => 'chưa có Báo cáo thành tích',
  DOSSIER_NO_CONFIRMATION: () => 'Báo cáo thành tích chưa có xác nhận của cấp trình khen thưởng',
  DUPLICATE_IN_FILE: () => 'trùng với một đề nghị khác trong hồ sơ (cùng đối tượng, cùng hình thức)',
  MULTIPLE_FORMS: () => 'một thành tích được đề nghị nhiều hình thức khen thưởng',
  DUPLICATE_ACROSS_UNITS: () => 'đối tượng cũng được đơn vị khác đề nghị',
  ALREADY_AWARDED: () => 'đối tượng đã được tặng cùng hình thức, chưa đủ thời gian theo quy định',
  SUMMARY_TOO_SHORT: () => 'tóm tắt thành tích quá sơ lược',
  TEXT_TOO_LONG: () => 'nội dung vượt quá độ dài cho phép',
  TEXT_FORMULA_LIKE: () => 'nội dung bắt đầu bằng ký tự của công thức',
};

/** The issue as a signed letter states it (see STATEMENTS). */
export const issueStatement = (code: IssueCode, column?: string): string => STATEMENTS[code](column || undefined);

/** The parameters an issue of a code carries. */
export type ParamsOf<C extends IssueCode> = Parameters<Kinds[C]['message']>[0];
/** The parameters argument of makeIssue and of a check's emit: optional when the code has none. */
export type ParamsArg<C extends IssueCode> = None extends ParamsOf<C> ? [params?: ParamsOf<C>] : [params: ParamsOf<C>];

/** Where an issue is: any of these may be absent (a file-level issue has no row). */
export interface IssueLocation {
  file?: string;
  sheet?: string;
  /** 1-based sheet row. */
  row?: number;
  /** The column's header text as the sheet shows it (for Thông tin: the line's label). */
  column?: string;
  /** The same column by key: a list column of the template, or a Thông tin line. */
  columnKey?: ColumnKey | InfoKey;
}

interface IssueOf<C extends IssueCode> extends IssueLocation {
  code: C;
  severity: Severity;
  level: IssueLevel;
  params: ParamsOf<C>;
}

/** An issue as data; narrowing on `code` types its `params`. Render it with formatIssue. */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/** 'Tệp "a.xlsx", trang "Cá nhân", dòng 7, cột "Năm sinh"' — the prefix of every located message. */
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
export function makeIssue<C extends IssueCode>(code: C, loc: IssueLocation, ...[params]: ParamsArg<C>): Issue {
  const k = ISSUE_KINDS[code];
  // A fixed property order (one object shape for every issue) keeps the hot path monomorphic.
  return {
    code,
    severity: k.severity,
    level: k.level,
    file: loc.file,
    sheet: loc.sheet,
    row: loc.row,
    column: loc.column,
    columnKey: loc.columnKey,
    params: params ?? {},
  } as Issue;
}

/** A code with its parameters, not yet placed: what a step returns when its caller knows the location. */
export type Finding<C extends IssueCode = IssueCode> = { [K in C]: { code: K; params: ParamsOf<K> } }[C];

/** Places a finding at a location. */
export const issueAt = (finding: Finding, loc: IssueLocation): Issue =>
  makeIssue(finding.code, loc, ...([finding.params] as ParamsArg<typeof finding.code>));

/**
 * The issue's sentence in Vietnamese. With the location (the default) it starts with where the issue is —
 * the text of the JSON report and of the master workbook; without it, for a place that shows the location
 * on its own.
 */
export function formatIssue(issue: Issue, opts: { withLocation?: boolean } = {}): string {
  const message = (ISSUE_KINDS[issue.code].message as (p: unknown) => string)(issue.params);
  if (opts.withLocation === false) return message;
  const where = describeLocation(issue);
  return where ? `${where}: ${message}` : message;
}

/**
 * The technical detail behind an issue, for a log or the report's `detail` field and never for the screen:
 * what a library or the system said when a file's reading failed unexpectedly.
 */
export const issueDetail = (issue: Issue): string | undefined =>
  issue.code === 'FILE_UNREADABLE' && issue.params.reason === 'fault' ? issue.params.error : undefined;

export function hasError(issues: readonly Issue[]): boolean {
  // A loop, not some(): it runs for every nomination, and a closure per call is garbage in a first check.
  for (let i = 0; i < issues.length; i++) if (issues[i]!.severity === 'error') return true;
  return false;
}

/** Issues the unit cannot mend in its file — a late arrival, a nominee another unit or an earlier award also
 *  has: the secretariat acts on them, so what goes back to the unit lists them apart from what to fix. */
export const SECRETARIAT_CODES: ReadonlySet<IssueCode> = new Set<IssueCode>([
  'DEADLINE_LATE',
  'DUPLICATE_ACROSS_UNITS',
  'ALREADY_AWARDED',
]);
