// The nomination workbook, template version 1 (SPEC §3): sheet names, Thông tin labels, list columns
// and the fixed value lists. Award forms, groups and criteria come from the plan.
import { isPerson, type NomineeTypeCode, type Plan } from './plan.js';

export const INFO_SHEET = 'Thông tin';
export const GUIDE_SHEET = 'Hướng dẫn';
/** How many rows from the top a reader scans for the header row. */
export const HEADER_SCAN_ROWS = 10;

export const INFO_LABELS = {
  planId: 'Mã kế hoạch',
  templateVersion: 'Phiên bản mẫu',
  unitCode: 'Mã đơn vị',
  unitName: 'Tên đơn vị',
  preparedBy: 'Người lập',
  phone: 'Điện thoại',
  letterNo: 'Số Tờ trình',
  letterDate: 'Ngày Tờ trình',
  meetingDate: 'Ngày họp bình xét',
  hasLetter: 'Tờ trình đề nghị khen thưởng',
  hasMinutes: 'Biên bản họp bình xét',
  sentDate: 'Ngày gửi',
} as const;
export type InfoKey = keyof typeof INFO_LABELS;

/** Fixed value lists of the template; each value is what the dropdown shows. */
export const LISTS = {
  criterion: ['Đạt', 'Không đạt'],
  yesNo: ['Có', 'Không'],
  haveNot: ['Có', 'Chưa'],
  gender: ['Nam', 'Nữ'],
} as const;
export type FixedList = keyof typeof LISTS;
export type ListName = FixedList | 'group' | 'form';

export type ColumnKey =
  | 'seq'
  | 'name'
  | 'gender'
  | 'birthYear'
  | 'position'
  | 'workplace'
  | 'group'
  | 'leader'
  | 'form'
  | `criterion${number}`
  | 'outstanding'
  | 'summary'
  | 'report'
  | 'confirmation'
  | 'note'
  | 'result';

// The criteria's keys made once: a key spelled out per row is a new string to hash for every lookup.
const CRITERION_KEYS: readonly ColumnKey[] = Array.from({ length: 16 }, (_, i) => `criterion${i}` as const);

/** The column key of the plan's i-th criterion (0-based) for its nominee type. */
export const criterionKey = (i: number): ColumnKey => CRITERION_KEYS[i] ?? `criterion${i}`;

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  /** Must hold a value on every non-empty row (FIELD_REQUIRED). */
  required: boolean;
  list?: ListName;
  /** Suggested width in characters, used by the template. */
  width: number;
  /** Whether the column must exist in the sheet (MISSING_COLUMN). */
  mustExist: boolean;
}

const col = (key: ColumnKey, header: string, width: number, opts: Partial<ColumnSpec> = {}): ColumnSpec => ({
  key,
  header,
  width,
  required: false,
  mustExist: true,
  ...opts,
});

/** The columns of a nominee type's sheet, in template order. */
export function sheetColumns(plan: Plan, type: NomineeTypeCode): ColumnSpec[] {
  const criteria = (plan.criteria[type] ?? []).map((c, i) => col(criterionKey(i), c.label, 12, { list: 'criterion' }));
  const head = [col('seq', 'STT', 6, { mustExist: false })];
  const tail = [
    ...criteria,
    col('outstanding', 'Tiêu biểu xuất sắc', 12, { list: 'yesNo' }),
    col('summary', 'Tóm tắt thành tích', 50, { required: true }),
    col('report', 'Báo cáo thành tích', 12, { list: 'haveNot' }),
    col('confirmation', 'Xác nhận của cấp trình', 14, { list: 'haveNot' }),
    col('note', 'Ghi chú', 20, { mustExist: false }),
    col('result', 'Kết quả kiểm tra', 40, { mustExist: false }),
  ];
  if (!isPerson(plan, type)) {
    return [
      ...head,
      col('name', 'Tên tập thể', 36, { required: true }),
      col('group', 'Thuộc khối', 28, { required: true, list: 'group' }),
      col('form', 'Hình thức đề nghị', 34, { required: true, list: 'form' }),
      ...tail,
    ];
  }
  return [
    ...head,
    col('name', 'Họ và tên', 26, { required: true }),
    col('gender', 'Giới tính', 9, { required: true, list: 'gender' }),
    col('birthYear', 'Năm sinh', 9, { required: true }),
    col('position', 'Chức vụ', 20, { required: true }),
    col('workplace', 'Đơn vị công tác', 28, { required: true }),
    col('group', 'Thuộc khối', 28, { required: true, list: 'group' }),
    col('leader', 'Lãnh đạo quản lý', 12, { list: 'yesNo' }),
    col('form', 'Hình thức đề nghị', 34, { required: true, list: 'form' }),
    ...tail,
  ];
}

/** Every sheet the checks read, by name; an adapter may skip all the others a workbook holds. */
export function templateSheetNames(plan: Plan): string[] {
  return [INFO_SHEET, ...plan.nomineeTypes.map((t) => t.sheet)];
}

/** The values a list column accepts, as shown in its dropdown. */
export function listValues(plan: Plan, list: ListName): string[] {
  if (list === 'group') return plan.groups.map((g) => g.label);
  if (list === 'form') return plan.forms.map((f) => f.label);
  return [...LISTS[list]];
}
