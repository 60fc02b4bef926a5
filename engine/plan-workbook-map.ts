// Where each part of the plan lives in the plan workbook (Kế hoạch.xlsx): one declarative table of
// sheet ↔ schema part and column ↔ field, plus the Vietnamese label of every known field. Fields the table
// does not name (a field added to the schema later) still travel: as an extra column headed by the field's
// key on a table sheet, or as a row keyed by its path on a key/value sheet. The schema itself says each
// field's kind (text, number, Có/Không, list), so the reader needs no second copy of it.
import type { z } from 'zod';
import { PlanSchema } from './plan.js';

/** Where a dropdown takes its values: a column of another sheet of the workbook, or fixed values. */
export type ListSource = { sheet: string; column: string } | { values: readonly string[] };

export interface PlanColumnSpec {
  /** Dotted path inside one row's object, e.g. "document.kind". */
  field: string;
  header: string;
  /** Several codes in one cell, separated by commas (texts in a list go one per line). */
  commaList?: boolean;
  list?: ListSource;
  hint?: string;
}

/** A sheet of rows, one object of an array (or of a record's arrays, keyed by recordKey) per row. */
export interface TableSheetSpec {
  kind: 'table';
  name: string;
  part: string;
  /** For a record of arrays (criteria by nominee type): the column holding the record's key. */
  recordKey?: PlanColumnSpec;
  columns: PlanColumnSpec[];
  about: string;
}

/** A sheet of key/value rows: Mục (label), Nội dung (value), Khóa (the field's path; list rows repeat it). */
export interface PairsSheetSpec {
  kind: 'pairs';
  name: string;
  /** Top-level parts this sheet holds; `rest` takes every top-level part no other sheet holds. */
  parts: readonly string[] | 'rest';
  about: string;
}

export type SheetSpec = TableSheetSpec | PairsSheetSpec;

export const GUIDE_SHEET_NAME = 'Hướng dẫn';
export const PAIR_HEADERS = ['Mục', 'Nội dung', 'Khóa'] as const;
export const YES = 'Có';
export const NO = 'Không';
const YES_NO: ListSource = { values: [YES, NO] };
const GROUP_CODES: ListSource = { sheet: 'Khối', column: 'code' };

export const PLAN_WORKBOOK_SHEETS: readonly SheetSpec[] = [
  {
    kind: 'pairs',
    name: 'Thông tin chung',
    parts: 'rest',
    about: 'Mã, tên đợt thi đua, cơ quan ban hành, các mốc ngày và giới hạn kiểm tra.',
  },
  {
    kind: 'table',
    name: 'Loại đối tượng',
    part: 'nomineeTypes',
    about: 'Tập thể và cá nhân: tên sheet và tên bảng trong sổ mẫu của đơn vị.',
    columns: [
      { field: 'code', header: 'Mã loại', list: { values: ['tap_the', 'ca_nhan'] } },
      { field: 'label', header: 'Tên loại' },
      { field: 'sheet', header: 'Tên sheet trong sổ mẫu', hint: 'Tối đa 31 ký tự' },
      { field: 'table', header: 'Tên bảng Excel', hint: 'Chữ không dấu, số, "_", "-"' },
      { field: 'person', header: 'Là cá nhân', list: YES_NO },
    ],
  },
  {
    kind: 'table',
    name: 'Khối',
    part: 'groups',
    about: 'Các khối thi đua và khối nào được đề nghị đối tượng của khối nào.',
    columns: [
      { field: 'code', header: 'Mã khối', hint: 'Chữ không dấu, số, "_", "-"' },
      { field: 'label', header: 'Tên khối' },
      { field: 'openToAllUnits', header: 'Mọi đơn vị được đề nghị', list: YES_NO },
      {
        field: 'mayPropose',
        header: 'Được đề nghị các khối',
        commaList: true,
        hint: 'Mã khối, cách nhau dấu phẩy; gồm chính khối này và mọi khối "Mọi đơn vị được đề nghị"',
      },
    ],
  },
  {
    kind: 'table',
    name: 'Đơn vị',
    part: 'units',
    about: 'Mỗi đơn vị gửi hồ sơ một dòng: mã (tên tệp sổ mẫu), tên và khối.',
    columns: [
      { field: 'code', header: 'Mã đơn vị', hint: 'Chữ không dấu, số, "_", "-"; là tên tệp sổ mẫu' },
      { field: 'name', header: 'Tên đơn vị' },
      { field: 'group', header: 'Khối', list: GROUP_CODES },
      { field: 'letterhead.fullName', header: 'Tên đầy đủ (trên văn bản)' },
      { field: 'letterhead.parent', header: 'Cơ quan chủ quản (tiêu đề)' },
      { field: 'letterhead.agency', header: 'Tên đơn vị (tiêu đề)' },
      { field: 'letterhead.place', header: 'Địa danh' },
    ],
  },
  {
    kind: 'table',
    name: 'Tiêu chuẩn',
    part: 'criteria',
    about: 'Tiêu chuẩn xét khen thưởng của từng loại đối tượng.',
    recordKey: { field: '', header: 'Loại đối tượng', list: { sheet: 'Loại đối tượng', column: 'code' } },
    columns: [
      { field: 'code', header: 'Mã tiêu chuẩn' },
      { field: 'label', header: 'Tên ngắn' },
      { field: 'text', header: 'Nội dung tiêu chuẩn' },
    ],
  },
  {
    kind: 'table',
    name: 'Hình thức',
    part: 'forms',
    about: 'Các hình thức khen thưởng: cấp quyết định, tuyến trình, khối được đề nghị, điều kiện và văn bản.',
    columns: [
      { field: 'code', header: 'Mã hình thức' },
      { field: 'label', header: 'Tên hình thức', hint: 'Đúng như đơn vị chọn trong cột "Hình thức đề nghị"' },
      { field: 'shortLabel', header: 'Tên ngắn', hint: 'Tối đa 24 ký tự, dùng ở Thống kê' },
      { field: 'decidedBy', header: 'Cấp quyết định' },
      { field: 'route', header: 'Tuyến trình', hint: 'Mỗi cơ quan một dòng (Alt+Enter), theo thứ tự' },
      { field: 'routeNote', header: 'Ghi chú tuyến trình' },
      {
        field: 'eligibleGroups',
        header: 'Khối được đề nghị',
        commaList: true,
        hint: 'Mã khối, cách nhau dấu phẩy',
      },
      { field: 'requiresOutstanding', header: 'Chỉ thành tích tiêu biểu xuất sắc', list: YES_NO },
      { field: 'listSheet', header: 'Tên sheet danh sách', hint: 'Tối đa 31 ký tự' },
      { field: 'listTitle', header: 'Tiêu đề danh sách' },
      {
        field: 'proposalListTitle',
        header: 'Tiêu đề danh sách khi chưa có quyết định',
        hint: 'Chỉ cho hình thức Giám đốc Sở quyết định: dùng cho đến khi Văn phòng ghi số Quyết định',
      },
      { field: 'document.kind', header: 'Loại văn bản', list: { values: ['to_trinh', 'quyet_dinh'] } },
      { field: 'document.subject', header: 'Trích yếu văn bản' },
      { field: 'document.addressee', header: 'Kính gửi' },
      { field: 'document.through', header: 'Qua đơn vị' },
      { field: 'document.merit', header: 'Cách gọi thành tích' },
      { field: 'document.basis', header: 'Căn cứ riêng (mỗi dòng một căn cứ)' },
      { field: 'document.recipients', header: 'Nơi nhận (mỗi dòng một nơi)' },
      { field: 'document.award', header: 'Tên hình thức trong văn bản' },
      { field: 'document.powers', header: 'Căn cứ thẩm quyền (mỗi dòng một căn cứ)' },
      {
        field: 'prize.individual',
        header: 'Hệ số tiền thưởng cá nhân (lần mức lương cơ sở)',
        hint: 'Chỉ ghi khi Sở chi tiền thưởng hình thức này; để trống nếu chưa đối chiếu được văn bản',
      },
      { field: 'prize.collective', header: 'Hệ số tiền thưởng tập thể (lần mức lương cơ sở)' },
      { field: 'prize.basis', header: 'Căn cứ mức tiền thưởng', hint: 'Điểm, khoản, điều của nghị định' },
    ],
  },
  {
    kind: 'pairs',
    name: 'Văn bản',
    parts: ['documents'],
    about:
      'Lời văn của Tờ trình, Quyết định, biên bản họp Hội đồng và văn bản gửi đơn vị, căn cứ pháp lý; mỗi dòng một đoạn, thêm đoạn bằng cách chép dòng.',
  },
  {
    kind: 'pairs',
    name: 'Hồ sơ',
    parts: ['dossier'],
    about: 'Thành phần hồ sơ đơn vị nộp và hồ sơ của mỗi đối tượng; mỗi dòng một thành phần.',
  },
  {
    kind: 'pairs',
    name: 'Tiền thưởng',
    parts: ['prize'],
    about:
      'Mức lương cơ sở và cách làm tròn tiền thưởng, với căn cứ; hệ số của từng hình thức ghi ở sheet "Hình thức". Để trống con số chưa đối chiếu được: danh sách chi tiền thưởng để chỗ trống cho Văn phòng ghi.',
  },
];

/** Vietnamese labels of the key/value rows, by path (list rows share their list's path). */
export const PAIR_LABELS: Readonly<Record<string, string>> = {
  id: 'Mã kế hoạch',
  title: 'Tên đợt thi đua',
  'issuer.parent': 'Cơ quan chủ quản',
  'issuer.agency': 'Cơ quan ban hành',
  'issuer.place': 'Địa danh',
  'issuer.signer': 'Chức danh người ký',
  templateVersion: 'Phiên bản sổ mẫu',
  timeZone: 'Múi giờ',
  'campaign.start': 'Ngày bắt đầu đợt thi đua',
  'campaign.end': 'Ngày kết thúc đợt thi đua',
  deadline: 'Hạn nộp hồ sơ (ngày cuối)',
  'birthYear.min': 'Năm sinh nhỏ nhất',
  'birthYear.max': 'Năm sinh lớn nhất',
  summaryMinLength: 'Số ký tự tối thiểu của tóm tắt thành tích',
  sources: 'Nguồn (văn bản đã công bố)',
  'documents.issuerName': 'Tên Sở trong câu văn',
  'documents.council': 'Hội đồng Thi đua – Khen thưởng',
  'documents.basis': 'Căn cứ',
  'documents.councilBasis': 'Căn cứ họp Hội đồng',
  'documents.to_trinh.name': 'Tờ trình: tên loại',
  'documents.to_trinh.title': 'Tờ trình: tiêu đề',
  'documents.to_trinh.symbol': 'Tờ trình: ký hiệu',
  'documents.to_trinh.attachedTo': 'Tờ trình: dòng dưới tiêu đề danh sách',
  'documents.to_trinh.body': 'Tờ trình: đoạn nội dung',
  'documents.to_trinh.authority': 'Tờ trình: thẩm quyền',
  'documents.to_trinh.proposedBy': 'Tờ trình: theo đề nghị của',
  'documents.to_trinh.articles': 'Tờ trình: điều',
  'documents.to_trinh.recipients': 'Tờ trình: nơi nhận',
  'documents.quyet_dinh.name': 'Quyết định: tên loại',
  'documents.quyet_dinh.title': 'Quyết định: tiêu đề',
  'documents.quyet_dinh.symbol': 'Quyết định: ký hiệu',
  'documents.quyet_dinh.attachedTo': 'Quyết định: dòng dưới tiêu đề danh sách',
  'documents.quyet_dinh.body': 'Quyết định: đoạn nội dung',
  'documents.quyet_dinh.authority': 'Quyết định: thẩm quyền',
  'documents.quyet_dinh.proposedBy': 'Quyết định: theo đề nghị của',
  'documents.quyet_dinh.articles': 'Quyết định: điều',
  'documents.quyet_dinh.recipients': 'Quyết định: nơi nhận',
  'documents.minutes.title': 'Biên bản họp Hội đồng: tiêu đề',
  'documents.minutes.symbol': 'Biên bản họp Hội đồng: ký hiệu',
  'documents.minutes.subject': 'Biên bản họp Hội đồng: trích yếu',
  'documents.minutes.body': 'Biên bản họp Hội đồng: đoạn mở đầu',
  'documents.minutes.closing': 'Biên bản họp Hội đồng: đoạn kết',
  'documents.minutes.recipients': 'Biên bản họp Hội đồng: nơi nhận',
  'documents.minutes.agency': 'Biên bản họp Hội đồng: cơ quan ban hành',
  'documents.minutes.secretaryTitle': 'Biên bản họp Hội đồng: chức danh thư ký',
  'documents.minutes.chairTitle': 'Biên bản họp Hội đồng: chức danh chủ trì',
  'documents.notice.title': 'Thông báo kết quả: tiêu đề',
  'documents.notice.symbol': 'Thông báo kết quả: ký hiệu',
  'documents.notice.subject': 'Thông báo kết quả: trích yếu',
  'documents.notice.body': 'Thông báo kết quả: đoạn mở đầu',
  'documents.notice.closing': 'Thông báo kết quả: đoạn kết',
  'documents.notice.recipients': 'Thông báo kết quả: nơi nhận',
  'documents.notice.approved': 'Thông báo kết quả: phần được đồng ý',
  'documents.notice.notApproved': 'Thông báo kết quả: phần không được đề nghị',
  'documents.notice.pending': 'Thông báo kết quả: phần chưa xét',
  'documents.notice.sentUp': 'Thông báo kết quả: trình cấp trên',
  'documents.notice.decidedHere': 'Thông báo kết quả: Giám đốc Sở quyết định',
  'documents.notice.awarded': 'Thông báo kết quả: được cấp trên tặng',
  'documents.notice.notAwarded': 'Thông báo kết quả: không được cấp trên tặng',
  'documents.notice.rejected': 'Thông báo kết quả: lý do: Hội đồng không đồng ý',
  'documents.notice.invalid': 'Thông báo kết quả: lý do: hồ sơ có lỗi',
  'documents.notice.late': 'Thông báo kết quả: lý do: gửi muộn',
  'documents.notice.refused': 'Thông báo kết quả: tệp bị từ chối',
  'documents.reminder.title': 'Công văn đôn đốc: tiêu đề',
  'documents.reminder.symbol': 'Công văn đôn đốc: ký hiệu',
  'documents.reminder.subject': 'Công văn đôn đốc: trích yếu',
  'documents.reminder.body': 'Công văn đôn đốc: đoạn mở đầu',
  'documents.reminder.closing': 'Công văn đôn đốc: đoạn kết',
  'documents.reminder.recipients': 'Công văn đôn đốc: nơi nhận',
  'documents.reminder.missing': 'Công văn đôn đốc: đơn vị chưa gửi',
  'documents.reminder.refused': 'Công văn đôn đốc: tệp bị từ chối',
  'documents.lateReply.title': 'Trả lời hồ sơ gửi muộn: tiêu đề',
  'documents.lateReply.symbol': 'Trả lời hồ sơ gửi muộn: ký hiệu',
  'documents.lateReply.subject': 'Trả lời hồ sơ gửi muộn: trích yếu',
  'documents.lateReply.body': 'Trả lời hồ sơ gửi muộn: đoạn mở đầu',
  'documents.lateReply.closing': 'Trả lời hồ sơ gửi muộn: đoạn kết',
  'documents.lateReply.recipients': 'Trả lời hồ sơ gửi muộn: nơi nhận',
  'documents.lateReply.included': 'Trả lời hồ sơ gửi muộn: hồ sơ muộn vẫn được xét',
  'documents.lateReply.excluded': 'Trả lời hồ sơ gửi muộn: hồ sơ muộn không được xét',
  'dossier.submission': 'Hồ sơ đơn vị nộp',
  'dossier.nominee': 'Hồ sơ của mỗi đối tượng',
  'dossier.reportForm.label': 'Mẫu báo cáo thành tích (số mẫu)',
  'dossier.reportForm.basis': 'Mẫu báo cáo thành tích: căn cứ',
  repeatAfterYears: 'Số năm trước khi được đề nghị lại cùng hình thức',
  'voting.minShare': 'Tỷ lệ phiếu đồng ý tối thiểu (so với thành viên có mặt)',
  'voting.basis': 'Căn cứ tỷ lệ phiếu',
  'documents.issuerFullName': 'Tên đầy đủ của Sở',
  'documents.councilResult': 'Kết quả họp Hội đồng (khi đã xét xong)',
  'documents.councilPending': 'Lời văn khi Hội đồng chưa xét xong',
  'documents.references.#.code': 'Văn bản dẫn {n}: mã',
  'documents.references.#.label': 'Văn bản dẫn {n}: nội dung cần ghi',
  'documents.references.#.symbol': 'Văn bản dẫn {n}: ký hiệu',
  'documents.references.#.date': 'Văn bản dẫn {n}: ngày',
  'documents.signers.#.label': 'Cách ký {n}: tên',
  'documents.signers.#.lines': 'Cách ký {n}: dòng chức danh',
  'documents.printLists.certificateTitle': 'Danh sách in bằng, giấy khen: tiêu đề',
  'documents.printLists.prizeTitle': 'Danh sách chi tiền thưởng: tiêu đề',
  'documents.printLists.decision': 'Danh sách in và chi: dòng quyết định kèm theo',
  'documents.printLists.decidedAbove': 'Danh sách in: dòng quyết định của cấp trên',
  'documents.printLists.prizeSignatures': 'Danh sách chi tiền thưởng: người ký (mỗi dòng một người)',
  'prize.baseSalary': 'Mức lương cơ sở (đồng)',
  'prize.baseSalaryBasis': 'Mức lương cơ sở: căn cứ',
  'prize.roundUpTo': 'Làm tròn lên đến bội số của (đồng)',
  'prize.roundingBasis': 'Làm tròn: căn cứ',
};

/** The label of a key/value row: an item of a list of objects is numbered from 1 ("Cách ký 2: tên"). */
export function pairLabel(path: string): string {
  if (PAIR_LABELS[path]) return PAIR_LABELS[path];
  const index = /\.(\d+)\./.exec(path);
  const template = index && PAIR_LABELS[path.replace(/\.\d+\./, '.#.')];
  return template ? template.replace('{n}', String(Number(index[1]) + 1)) : path;
}

// ---- The schema, read for each field's kind.

export type FieldKind = 'text' | 'number' | 'boolean' | 'list' | 'object' | 'record' | 'unknown';

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } };

/** The schema without its optional, default or transform wrappers. */
function bare(schema: AnySchema): AnySchema {
  const { def } = schema;
  if (def.type === 'optional' || def.type === 'nullable' || def.type === 'default')
    return bare(def.innerType as AnySchema);
  if (def.type === 'pipe') return bare(def.in as AnySchema);
  return schema;
}

/** The schema of the value at a dotted path (numeric segments are array elements or record keys). */
export function schemaAt(path: string): AnySchema | undefined {
  let s: AnySchema | undefined = bare(PlanSchema as unknown as AnySchema);
  for (const seg of path.split('.').filter(Boolean)) {
    if (!s) return undefined;
    const t: string = s.def.type;
    if (t === 'object') s = (s.def.shape as Record<string, AnySchema>)[seg];
    else if (t === 'array') s = /^\d+$/.test(seg) ? (s.def.element as AnySchema) : undefined;
    else if (t === 'record') s = s.def.valueType as AnySchema;
    else return undefined;
    s = s && bare(s);
  }
  return s;
}

export function kindOf(schema: AnySchema | undefined): FieldKind {
  const t = schema?.def.type;
  if (t === 'string' || t === 'enum' || t === 'literal') return 'text';
  if (t === 'number' || t === 'int') return 'number';
  if (t === 'boolean') return 'boolean';
  if (t === 'array') return 'list';
  if (t === 'object') return 'object';
  if (t === 'record') return 'record';
  return 'unknown';
}

/** Kind of a field, and for a list the kind of its elements. */
export function fieldKind(path: string): { kind: FieldKind; element?: FieldKind } {
  const s = schemaAt(path);
  const kind = kindOf(s);
  return kind === 'list' ? { kind, element: kindOf(bare(s!.def.element as AnySchema)) } : { kind };
}

/** The top-level parts of the schema, in its order. */
export const PLAN_PARTS: readonly string[] = Object.keys((PlanSchema as unknown as { shape: object }).shape);

/** The sheet that holds a top-level part: its table or pairs sheet, else the `rest` sheet. */
export function sheetForPart(part: string): SheetSpec {
  const named = PLAN_WORKBOOK_SHEETS.find((s) =>
    s.kind === 'table' ? s.part === part : s.parts !== 'rest' && s.parts.includes(part),
  );
  return named ?? PLAN_WORKBOOK_SHEETS.find((s) => s.kind === 'pairs' && s.parts === 'rest')!;
}
