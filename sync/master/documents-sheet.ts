// Văn bản: the numbers and dates of the Sở's Tờ trình and Quyết định, the council's meeting date, the
// signer and the list setting — typed once by the secretariat in the master and carried over on every
// merge, like the notes columns. The lists print the numbers in their "Kèm theo …" line, the documents
// command prints them in the documents.
import type ExcelJS from 'exceljs';
import {
  isDecidedAbove,
  matchKey,
  readDate,
  type Plan,
  type PlanForm,
  type PlanReference,
} from '../../engine/index.js';
import { A4_PORTRAIT_FIT_WIDTH } from '../../node/print.js';
import { fitRow } from '../../node/row-height.js';
import { isFormula, type TypedCell } from '../../node/xlsx-rows.js';
import { keptRows, keyOf, typedText, type TypedSheet, type TypedValues } from '../typed-values/master.js';
import { MASTER_SHEETS } from './layout.js';
import { BORDER, cellValue, dataValidationsOf } from './styles.js';

export const DOCUMENTS_SHEET = MASTER_SHEETS.documents;
export const DOCUMENTS_HEADERS = ['Mã', 'Nội dung', 'Số / giá trị (Văn phòng ghi)', 'Ngày (Văn phòng ghi)'] as const;

/** Codes in column A of the settings rows; form rows use the form's code. */
export const DOCUMENTS_KEYS = {
  meetingDate: 'HOP_HOI_DONG',
  signer: 'NGUOI_KY',
  signerTitle: 'CHUC_DANH_KY',
  approvedOnly: 'CHI_DONG_Y',
  includeLate: 'GUI_MUON',
  membersPresent: 'THANH_VIEN_DU_HOP',
  chair: 'CHU_TRI_HOP',
  secretary: 'THU_KY_HOP',
} as const;

/** Code of the row holding the number and date of the decision a form's decider outside the Sở issued. */
export const higherKey = (form: PlanForm): string => `${form.code}_CAP_TREN`;

const YES = 'Có';
const NO = 'Không';

interface TypedRow {
  /** The code as typed in column A. */
  code: string;
  value: TypedCell;
  date: TypedCell;
}

export interface DocumentsSheet {
  /** Every row read from the previous master, by keyOf(code): written back as typed, so nothing is lost. */
  rows: Map<string, TypedRow>;
  /** Columns of Văn bản that are not its own (a value header renamed or cleared): their values were set
   *  aside, so what the documents would print is not what the secretariat typed. */
  strayColumns: string[];
}

export const emptyDocumentsSheet = (): DocumentsSheet => ({ rows: new Map(), strayColumns: [] });

/** The row typed for a code, however its letters were typed. */
const rowOf = (sheet: DocumentsSheet, code: string): TypedRow | undefined => sheet.rows.get(keyOf(code));

const text = (c: TypedCell | undefined): string => typedText(c);

/** ISO date typed in a row's value or date column (a formula by its result); null when blank or not a date. */
function dateOf(r: TypedRow | undefined, key: 'value' | 'date'): string | null {
  const v = r?.[key] ?? null;
  const d = readDate(isFormula(v) ? (v.result ?? null) : v);
  return d.kind === 'ok' ? d.date : null;
}

export const meetingDate = (sheet: DocumentsSheet): string | null =>
  dateOf(rowOf(sheet, DOCUMENTS_KEYS.meetingDate), 'value') ?? dateOf(rowOf(sheet, DOCUMENTS_KEYS.meetingDate), 'date');
export const signerName = (sheet: DocumentsSheet): string => text(rowOf(sheet, DOCUMENTS_KEYS.signer)?.value);
/** Who chaired the council's meeting and who kept its minutes, as typed ('' while not). */
export const meetingNames = (sheet: DocumentsSheet): { chair: string; secretary: string } => ({
  chair: text(rowOf(sheet, DOCUMENTS_KEYS.chair)?.value).trim(),
  secretary: text(rowOf(sheet, DOCUMENTS_KEYS.secretary)?.value).trim(),
});

/** What the secretariat typed in a row: its value as text and its date (ISO, null when blank). */
export function typedRow(sheet: DocumentsSheet, code: string): { text: string; date: string | null } {
  const row = rowOf(sheet, code);
  return { text: text(row?.value).trim(), date: dateOf(row, 'date') };
}
const yes = (sheet: DocumentsSheet, key: string) => matchKey(text(rowOf(sheet, key)?.value)) === matchKey(YES);
export const documentsApprovedOnly = (sheet: DocumentsSheet): boolean => yes(sheet, DOCUMENTS_KEYS.approvedOnly);
/** Members of the council present at the meeting, when typed as a whole positive number. */
export function membersPresent(sheet: DocumentsSheet): number | null {
  const v = rowOf(sheet, DOCUMENTS_KEYS.membersPresent)?.value ?? null;
  const n = typeof v === 'number' ? v : Number(typedText(v).trim());
  return Number.isInteger(n) && n > 0 ? n : null;
}

/** The number and date typed on a Văn bản row (null while no number is typed). */
export function typedNumberDate(sheet: DocumentsSheet, code: string): { number: string; date: string | null } | null {
  const row = rowOf(sheet, code);
  const number = text(row?.value).trim();
  return number ? { number, date: dateOf(row, 'date') } : null;
}

/** The number and date of the decision issued above the Sở for a form, as typed. */
export const higherDecision = (sheet: DocumentsSheet, form: PlanForm) => typedNumberDate(sheet, higherKey(form));
/** Written by the merge that built the lists: whether they include late files. */
export const documentsIncludeLate = (sheet: DocumentsSheet): boolean => yes(sheet, DOCUMENTS_KEYS.includeLate);

export interface DocumentRef {
  /** "125/TTr-SCT", or "…/TTr-SCT" while not typed. */
  number: string;
  /** ISO date, null while not typed. */
  date: string | null;
}

/** The number and date of the document issued for a form, as the secretariat typed them. */
export function documentRef(plan: Plan, sheet: DocumentsSheet, form: PlanForm): DocumentRef | null {
  const kind = form.document?.kind;
  const wording = kind && plan.documents?.[kind];
  if (!wording) return null;
  const row = rowOf(sheet, form.code);
  return { number: printedNumber(text(row?.value).trim(), wording.symbol), date: dateOf(row, 'date') };
}

/** A number as the papers print it: a bare number gets its ký hiệu ("12" → "12/KH-SCT"), a full
 *  "125/TTr-SCT" is kept as typed, dots while nothing is typed ("…/TTr-SCT"). */
export const printedNumber = (typed: string, symbol: string): string =>
  !typed ? `…/${symbol}` : typed.includes('/') ? typed : `${typed}/${symbol}`;

/**
 * The plan itself among the documents the papers cite (each typed in Văn bản under its code): the Sở's Kế
 * hoạch, known by its ký hiệu — "KH", a Kế hoạch's abbreviation (Nghị định 30/2020/NĐ-CP, Phụ lục III), then
 * the Sở's own, as its Tờ trình carries it ("TTr-SCT" → "KH-SCT").
 */
export function planItself(plan: Plan): PlanReference | undefined {
  const docs = plan.documents;
  const issuer = docs?.to_trinh.symbol.split('-').slice(1).join('-');
  return issuer ? docs?.references?.find((r) => r.symbol === `KH-${issuer}`) : undefined;
}

/** The year the Sở's papers of this plan are dated in: printed even before the day is typed. */
export const documentYear = (plan: Plan): number => Number(plan.deadline.slice(0, 4));

/** dd/mm/yyyy, or dots and the year while not typed. */
export const shortDate = (iso: string | null, year?: number): string =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : `……/……/${year ?? '……'}`;

/** "Kèm theo Tờ trình số 125/TTr-SCT ngày 20/04/2021 của Sở Công Thương", from the plan's wording. */
export function attachmentLine(plan: Plan, sheet: DocumentsSheet, form: PlanForm): string | null {
  const ref = documentRef(plan, sheet, form);
  const kind = form.document?.kind;
  if (!ref || !kind) return null;
  return fillWording(plan.documents![kind].attachedTo, {
    number: ref.number,
    date: shortDate(ref.date, documentYear(plan)),
  });
}

/** Replaces {name} placeholders of the plan's wording; an unknown one is left visible for the reader. */
export const fillWording = (template: string, values: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));

// ── Reading the previous master ─────────────────────────────────────────────────────────────────────

/** Read back with the notes' machinery: by code, a copied row's differing value set aside, not lost. */
export const DOCUMENTS_TYPED: TypedSheet = {
  sheet: DOCUMENTS_SHEET,
  key: DOCUMENTS_HEADERS[0],
  columns: [DOCUMENTS_HEADERS[2], DOCUMENTS_HEADERS[3]],
  computed: [DOCUMENTS_HEADERS[1]],
};

/** The Văn bản sheet of the previous master; empty for a first merge or a master from before the sheet. */
export function documentsSheetFrom(previous: TypedValues): DocumentsSheet {
  const sheet = emptyDocumentsSheet();
  for (const kept of keptRows(previous, DOCUMENTS_SHEET))
    sheet.rows.set(keyOf(kept.key), {
      code: kept.key.trim(),
      value: kept.values.get(DOCUMENTS_HEADERS[2]) ?? null,
      date: kept.values.get(DOCUMENTS_HEADERS[3]) ?? null,
    });
  const foundAs = previous.tables.get(DOCUMENTS_SHEET)?.foundAs;
  sheet.strayColumns = previous.strayColumns.find((s) => s.sheet === foundAs)?.columns ?? [];
  return sheet;
}

// ── Writing ─────────────────────────────────────────────────────────────────────────────────────────

const FONT = { name: 'Times New Roman', size: 12 };
const cell = (bold = false, fill?: string): Partial<ExcelJS.Style> => ({
  font: { ...FONT, bold },
  border: BORDER,
  alignment: { vertical: 'middle', wrapText: true },
  ...(fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } } } : {}),
});
const FIXED = cell();
const TYPED = cell(false, 'FFFFF2CC');
const TYPED_DATE: Partial<ExcelJS.Style> = { ...TYPED, numFmt: 'dd/mm/yyyy', alignment: { horizontal: 'center' } };
const HEAD = cell(true, 'FFDDEBF7');

function listValidation(ws: ExcelJS.Worksheet, range: string, values: string[]): void {
  dataValidationsOf(ws).add(range, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    error: `Chọn ${values.map((v) => `"${v}"`).join(' hoặc ')}.`,
  });
}

export interface DocumentsSheetOptions {
  includeLate: boolean;
}

/** The sheet with its title, its note to the secretariat and the header row. */
function addDocumentsSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(DOCUMENTS_SHEET, {
    pageSetup: { ...A4_PORTRAIT_FIT_WIDTH },
  });
  ws.columns = [{ width: 14 }, { width: 58 }, { width: 26 }, { width: 16 }];
  const title = ws.addRow(['SỐ, NGÀY VĂN BẢN VÀ CÀI ĐẶT DANH SÁCH']);
  title.getCell(1).style = { font: { ...FONT, size: 13, bold: true } };
  const note = ws.addRow([
    'Văn phòng ghi vào các ô tô vàng; giá trị được giữ lại mỗi lần tổng hợp lại và dùng cho danh sách và lệnh "documents".',
  ]);
  note.getCell(1).style = { font: { ...FONT, italic: true } };
  const header = ws.addRow([...DOCUMENTS_HEADERS]);
  header.eachCell((c) => (c.style = HEAD));
  header.height = 32;
  return ws;
}

/** Writes the sheet's rows, each with what was typed in it before; remembers which typed rows were used. */
class DocumentRows {
  readonly kept = new Set<string>();
  constructor(
    readonly ws: ExcelJS.Worksheet,
    private readonly sheet: DocumentsSheet,
  ) {}

  typed(code: string): TypedRow | undefined {
    this.kept.add(keyOf(code));
    return rowOf(this.sheet, code);
  }

  row(code: string, label: string, value: TypedCell, date: TypedCell | undefined, dateCell: boolean): ExcelJS.Row {
    const r = this.ws.addRow([code, label, cellValue(value ?? null), cellValue(date ?? null)]);
    r.getCell(1).style = FIXED;
    r.getCell(2).style = FIXED;
    r.getCell(3).style = TYPED;
    r.getCell(4).style = dateCell ? TYPED_DATE : FIXED;
    // Wrapped labels in a row left at the default height print over the rows around them.
    fitRow(r, [code, label, value, date], FONT.size);
    return r;
  }

  /** A row whose value the secretariat types, with no date. */
  valueRow(code: string, label: string): ExcelJS.Row {
    return this.row(code, label, this.typed(code)?.value ?? null, null, false);
  }

  /** A row of a document: its number and its date. */
  numberDateRow(code: string, label: string): ExcelJS.Row {
    const t = this.typed(code);
    return this.row(code, label, t?.value ?? null, t?.date, true);
  }
}

/** The council meeting and who signs: what every paper is dated and signed with. */
function writeMeetingRows(rows: DocumentRows, plan: Plan): void {
  const meeting = rows.typed(DOCUMENTS_KEYS.meetingDate);
  rows
    .row(
      DOCUMENTS_KEYS.meetingDate,
      `Ngày họp ${plan.documents?.council ?? 'Hội đồng Thi đua – Khen thưởng'} (căn cứ của các văn bản)`,
      meeting?.value ?? null,
      meeting?.date,
      true,
    )
    .getCell(3).style = TYPED_DATE;
  rows.valueRow(DOCUMENTS_KEYS.signer, 'Họ và tên người ký văn bản');
  rows.valueRow(DOCUMENTS_KEYS.membersPresent, 'Số thành viên Hội đồng dự họp (để kiểm tra Số phiếu đồng ý)');
  rows.valueRow(DOCUMENTS_KEYS.chair, 'Họ và tên người chủ trì cuộc họp Hội đồng (biên bản họp)');
  rows.valueRow(DOCUMENTS_KEYS.secretary, 'Họ và tên thư ký cuộc họp Hội đồng (biên bản họp)');
  const signers = plan.documents?.signers ?? [];
  if (signers.length) {
    const title = rows.valueRow(
      DOCUMENTS_KEYS.signerTitle,
      `Chức danh ký (${signers.map((s) => s.label).join(' / ')}; để trống: ${signers[0]!.label})`,
    );
    listValidation(
      rows.ws,
      `C${title.number}`,
      signers.map((s) => s.label),
    );
  }
}

/** The numbers of the documents: those the papers cite, the Sở's own per form, and the decisions from above. */
function writeDocumentRows(rows: DocumentRows, plan: Plan): void {
  // Documents the papers cite by a number typed here (the Sở's plan, the province's decisions).
  for (const ref of plan.documents?.references ?? []) rows.numberDateRow(ref.code, ref.label);
  const approved = rows.valueRow(
    DOCUMENTS_KEYS.approvedOnly,
    `Danh sách chỉ gồm đề nghị được Hội đồng đồng ý (${YES}/${NO})`,
  );
  listValidation(rows.ws, `C${approved.number}`, [YES, NO]);
  for (const form of plan.forms) {
    const kind = form.document?.kind;
    const wording = kind && plan.documents?.[kind];
    if (!wording) continue;
    rows.numberDateRow(form.code, `${wording.name} – ${form.label}`);
  }
  for (const form of plan.forms.filter(isDecidedAbove))
    rows.numberDateRow(higherKey(form), `Quyết định của ${form.decidedBy} – ${form.label} (số, ngày)`);
}

/** Written by the merge, not typed: the documents command reads how the lists were built. */
function writeIncludeLate(rows: DocumentRows, includeLate: boolean): void {
  rows.kept.add(keyOf(DOCUMENTS_KEYS.includeLate));
  const late = rows.ws.addRow([
    DOCUMENTS_KEYS.includeLate,
    'Danh sách gồm cả hồ sơ gửi muộn (do lệnh tổng hợp ghi, không sửa)',
    includeLate ? YES : NO,
    null,
  ]);
  late.eachCell({ includeEmpty: true }, (c) => (c.style = FIXED));
}

export function writeDocumentsSheet(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  plan: Plan,
  sheet: DocumentsSheet,
  opts: DocumentsSheetOptions,
): void {
  const rows = new DocumentRows(addDocumentsSheet(wb), sheet);
  writeMeetingRows(rows, plan);
  writeDocumentRows(rows, plan);
  writeIncludeLate(rows, opts.includeLate);
  // Rows the secretariat added, or of a form the plan no longer has: kept as typed.
  for (const [key, r] of sheet.rows) if (!rows.kept.has(key)) rows.row(r.code, '', r.value, r.date, true);
  rows.ws.commit();
}
