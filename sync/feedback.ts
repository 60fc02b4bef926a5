// Feedback workbooks (merge --feedback DIR, SPEC §7): one DIR/<UNIT>.xlsx for every unit that sent a file,
// to be mailed back. First sheet "Phản hồi": which file was used and when it arrived, what happened to every
// file, the verdict on each nomination with the secretariat's opinion and the council's result as typed in
// the master, and every issue in reading order. Then the unit's own workbook marked as the pane marks it.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {
  CHECK_BUTTON,
  computeMarks,
  daysToDeadline,
  formatDate,
  formatIssue,
  formatLocalTime,
  INFO_SHEET,
  lateLabel,
  NOTHING_ELSE,
  refusedVerdict,
  READY,
  rowReason,
  SECRETARIAT_CODES,
  SEVERITY_LABELS,
  templateSheetNames,
  timeZoneName,
  type Issue,
  type LateRule,
  type Nomination,
  type Plan,
  type Verdict,
  type WorkbookCheck,
  verdictOf,
} from '../engine/index.js';
import { writeAtomic } from '../node/atomic.js';
import { A4_LANDSCAPE_FIT_WIDTH } from '../node/print.js';
import { NODE_CODEC } from '../node/zip-codec.js';
import { graftFirstSheet } from '../ooxml/graft-sheet.js';
import { heightFor, linesFor } from '../ooxml/row-heights.js';
import { markPackage, packageMarks } from '../ooxml/mark-package.js';
import { Package } from '../ooxml/package.js';
import { properName } from '../templates/guide.js';
import { keptRow, typedText, type TypedValues } from './typed-values/master.js';
import { MASTER_SHEETS, TALLY_TYPED_HEADERS } from './master/layout.js';
import {
  documentsSheetFrom,
  planItself,
  printedNumber,
  typedRow,
  type DocumentsSheet,
} from './master/documents-sheet.js';
import { BORDER, HEADER_STYLE } from './master/styles.js';
import { UNIT_STATUS_LABELS, unitStatusLabel } from './master/units.js';
import type { FileVerdict, MergeResult, UnitStatus } from './merge-model.js';
import { isLateOnly } from './statuses.js';

export const FEEDBACK_SHEET = 'Phản hồi';
/** Where an issue of the whole submission (received late) is listed: it has no sheet or row. */
export const WHOLE_SUBMISSION = 'Cả hồ sơ';

/** Headers of the feedback tables: tests and readers find them by these. */
export const FEEDBACK_HEADERS = {
  files: ['STT', 'Tệp', 'Thời điểm nhận', 'Xử lý', 'Lý do'],
  nominations: [
    'Trang',
    'Dòng',
    'Tên tập thể / Họ và tên',
    'Hình thức',
    'Kết quả kiểm tra',
    'Ý kiến Văn phòng',
    'Kết quả Hội đồng',
  ],
  issues: ['Trang', 'Dòng', 'Cột', 'Mức', 'Nội dung'],
  /** What the unit cannot mend in its file (SECRETARIAT_CODES): the secretariat's notes. */
  notes: ['Trang', 'Dòng', 'Cột', 'Mức', 'Ghi chú'],
} as const;

/** The headings of the sheet's sections, in order. */
export const FEEDBACK_SECTIONS = {
  files: 'I. CÁC TỆP ĐÃ NHẬN',
  nominations: 'II. KẾT QUẢ TỪNG ĐỀ NGHỊ',
  issues: 'III. CÁC VẤN ĐỀ CẦN SỬA',
  notes: 'IV. GHI CHÚ CỦA VĂN PHÒNG SỞ (ĐƠN VỊ KHÔNG PHẢI SỬA TRONG HỒ SƠ)',
} as const;

const FILE_STATUS = { accepted: 'Được dùng', rejected: 'Bị từ chối', superseded: 'Được thay bằng tệp gửi sau' };
/** What became of a file: a late one is used only as the secretariat decided, and says so as its rows do. */
const handling = (f: FileVerdict, rule: LateRule) =>
  f.status === 'accepted' && f.late ? lateLabel(rule) : FILE_STATUS[f.status];
// Seven columns shared by the tables; a field may span several so long text gets the room it needs. Each row's
// result (E) and each long sentence (E–G) get the most room: the secretariat's columns (F, G) are mostly
// blank, and narrow text columns would make rows several lines taller than their text needs.
const WIDTHS = [11, 14, 26, 22, 40, 20, 15];
/** How many columns each field of each table spans (the sum is always the seven). */
const SPANS = {
  files: [1, 1, 1, 1, 3],
  nominations: [1, 1, 1, 1, 1, 1, 1],
  issues: [1, 1, 1, 1, 3],
  notes: [1, 1, 1, 1, 3],
} as const;
/** Columns a label of the facts block spans: its value takes the rest. */
const LABEL_SPAN = 2;

/** A unit's issues once each, in reading order: Thông tin first, then each nomination row by row. */
export function issuesInReadingOrder(nominations: Nomination[], infoSheet = INFO_SHEET): Issue[] {
  const seen = new Set<string>();
  const submission: Issue[] = [];
  const rows: Issue[] = [];
  for (const n of nominations)
    for (const i of n.issues) {
      const key = `${i.sheet}\u0000${i.row}\u0000${i.columnKey ?? ''}\u0000${i.code}\u0000${formatIssue(i)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      (i.sheet === n.source.sheet ? rows : submission).push(i);
    }
  const byRow = (a: Issue, b: Issue) => (a.sheet === b.sheet ? (a.row ?? 0) - (b.row ?? 0) : 0);
  return [
    ...submission.sort((a, b) => (a.sheet === infoSheet ? -1 : b.sheet === infoSheet ? 1 : byRow(a, b))),
    ...rows,
  ];
}

/** A bordered table; field i of each row spans spans[i] columns. Rows are as tall as their text needs. */
function table(
  ws: ExcelJS.Worksheet,
  headers: readonly string[],
  spans: readonly number[],
  rows: (string | number | null)[][],
): void {
  const write = (values: readonly (string | number | null)[], style: Partial<ExcelJS.Style>) => {
    const row = ws.addRow([]);
    let col = 1;
    let lines = 1;
    values.forEach((v, i) => {
      const span = spans[i]!;
      row.getCell(col).value = v;
      for (let c = col; c < col + span; c++) row.getCell(c).style = style;
      if (span > 1) ws.mergeCells(row.number, col, row.number, col + span - 1);
      const width = WIDTHS.slice(col - 1, col - 1 + span).reduce((a, b) => a + b, 0);
      lines = Math.max(lines, linesFor(String(v ?? ''), width));
      col += span;
    });
    row.height = Math.max(16, heightFor(lines));
    return row;
  };
  write(headers, { ...HEADER_STYLE, border: BORDER }).height = 30;
  for (const values of rows) write(values, { alignment: { vertical: 'top', wrapText: true }, border: BORDER });
}

function heading(ws: ExcelJS.Worksheet, text: string): void {
  ws.addRow([]);
  ws.addRow([text]).getCell(1).font = { bold: true, size: 12 };
}

function describeFile(f: FileVerdict, used: FileVerdict | undefined, plan: Plan): string {
  if (f.status === 'rejected') return f.fileIssues.map((i) => formatIssue(i, { withLocation: false })).join(' ');
  if (f.status === 'superseded' && used)
    return `Đã dùng tệp "${used.file}" nhận sau (lúc ${formatLocalTime(used.receivedAt, plan.timeZone)}).`;
  return f.late ? `Nhận sau hạn gửi hồ sơ (hết ngày ${formatDate(plan.deadline)}).` : '';
}

/** The unit's own workbook, as received, with the marks patched in (SPEC §8); or why it cannot be given
 *  back marked, so the Phản hồi sheet alone carries the verdict. */
async function markedPackage(
  file: string,
  check: WorkbookCheck,
  rule: LateRule,
): Promise<{ pkg: Package } | { why: string }> {
  try {
    const pkg = Package.open(await fs.readFile(file), NODE_CODEC);
    await markPackage(pkg, packageMarks(computeMarks(check, rule)));
    return { pkg };
  } catch {
    return { why: UNMARKED };
  }
}

/**
 * The plan as the unit knows it, never by the code the software uses: by the number and date typed for it in
 * Văn bản, as the papers cite it ("Kế hoạch số 12/KH-SCT ngày 03/02/2021 của Sở Công Thương"); while its
 * number is not typed, by its date — the day the campaign was launched — and issuer.
 */
export function planReference(plan: Plan, documentsSheet: DocumentsSheet): string {
  const issuer = properName(plan.issuer.agency);
  const ref = planItself(plan);
  const typed = ref && typedRow(documentsSheet, ref.code);
  if (!ref || !typed?.text) return `Kế hoạch ngày ${formatDate(plan.campaign.start)} của ${issuer}`;
  const date = typed.date ?? ref.date ?? plan.campaign.start;
  return `Kế hoạch số ${printedNumber(typed.text, ref.symbol)} ngày ${formatDate(date)} của ${issuer}`;
}

const VERDICT_COLOURS = {
  ready: { fill: 'FFE2EFDA', font: 'FF0B5A0B' },
  notReady: { fill: 'FFFDECEE', font: 'FF7D1D22' },
};

/** The verdict on top, as the pane and the checker page show it: in colour and in words. */
function verdictRow(ws: ExcelJS.Worksheet, v: Verdict): void {
  const colours = v.ready ? VERDICT_COLOURS.ready : VERDICT_COLOURS.notReady;
  const row = ws.addRow([`${v.ready ? '✔' : '✘'} ${v.text}`]);
  ws.mergeCells(row.number, 1, row.number, WIDTHS.length);
  row.getCell(1).style = {
    font: { bold: true, size: 13, color: { argb: colours.font } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: colours.fill } },
    alignment: { vertical: 'middle', wrapText: true },
  };
  row.height = 24 * linesFor(row.getCell(1).value as string, 150 / 1.3);
}

/** The unit's verdict: its used file's check, or the refusal of the files it sent. */
function unitVerdict(result: MergeResult, unit: string, files: FileVerdict[]): Verdict {
  const check = result.checks.get(unit);
  const used = files.find((f) => f.status === 'accepted');
  return used && check ? verdictOf(check, result) : refusedVerdict(files.flatMap((f) => f.fileIssues));
}
const UNMARKED =
  'Không đánh dấu được vào sổ đơn vị gửi (cấu trúc tệp khác với tệp Excel thông thường); các vấn đề cần sửa ở mục III. Hãy mở sổ bằng Excel, lưu lại dạng .xlsx rồi kiểm tra lại bằng add-in hoặc trang kiem-tra.html.';

/** What the Phản hồi sheet of one unit says, gathered once for its sections. */
interface UnitFeedback {
  result: MergeResult;
  plan: Plan;
  unit: Plan['units'][number];
  files: FileVerdict[];
  used: FileVerdict | undefined;
  mine: Nomination[];
  previous: TypedValues;
  unmarked: string | undefined;
  verdict: Verdict;
  zone: string;
  /** A time as the unit reads it: local, with the time zone named. */
  when: (d: Date) => string;
}

function unitFeedback(result: MergeResult, unit: string, previous: TypedValues, unmarked?: string): UnitFeedback {
  const { plan } = result;
  const files = result.files.filter((f) => f.unit === unit);
  const zone = timeZoneName(plan.timeZone);
  return {
    result,
    plan,
    unit: plan.units.find((x) => x.code === unit)!,
    files,
    used: files.find((f) => f.status === 'accepted'),
    mine: result.nominations.filter((n) => n.unit === unit),
    previous,
    unmarked,
    verdict: unitVerdict(result, unit, files),
    zone,
    when: (d: Date) => `${formatLocalTime(d, plan.timeZone)} (${zone})`,
  };
}

/** A row across the whole width: letterhead and title lines. */
function mergedRow(ws: ExcelJS.Worksheet, value: string, style: Partial<ExcelJS.Style>, height?: number): void {
  const row = ws.addRow([value]);
  ws.mergeCells(row.number, 1, row.number, WIDTHS.length);
  row.getCell(1).style = style;
  if (height) row.height = height;
}

/** Letterhead and title, then the verdict in colour: what a unit reads first. */
function writeHead(ws: ExcelJS.Worksheet, { plan, verdict, previous }: UnitFeedback): void {
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.pageSetup = { ...A4_LANDSCAPE_FIT_WIDTH };
  mergedRow(ws, plan.issuer.parent, { font: { bold: true } });
  mergedRow(ws, plan.issuer.agency, { font: { bold: true } });
  ws.addRow([]);
  mergedRow(
    ws,
    'PHẢN HỒI VỀ HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG',
    { font: { bold: true, size: 14, color: { argb: 'FF1F4E79' } }, alignment: { horizontal: 'center' } },
    22,
  );
  mergedRow(
    ws,
    // The title may end in brackets of its own: the plan's reference goes on a line of its own.
    `${plan.title}\n(${planReference(plan, documentsSheetFrom(previous))})`,
    { font: { italic: true }, alignment: { horizontal: 'center', wrapText: true } },
    48,
  );
  ws.addRow([]);
  verdictRow(ws, verdict);
  ws.addRow([]);
}

/** A bold label and its value across the rest of the width, as tall as the value's text needs. */
function labelledRow(ws: ExcelJS.Worksheet, label: string, value: string, labelFont: Partial<ExcelJS.Font>): void {
  const row = ws.addRow([label, ...Array<string>(LABEL_SPAN - 1).fill(''), value]);
  ws.mergeCells(row.number, 1, row.number, LABEL_SPAN);
  ws.mergeCells(row.number, LABEL_SPAN + 1, row.number, WIDTHS.length);
  row.getCell(1).font = labelFont;
  row.getCell(1).alignment = { vertical: 'top' };
  row.getCell(LABEL_SPAN + 1).alignment = { wrapText: true, vertical: 'top' };
  row.height = heightFor(
    linesFor(
      value,
      WIDTHS.slice(LABEL_SPAN).reduce((a, b) => a + b, 0),
    ),
  );
}

/** "7 đề nghị: 0 hợp lệ, 0 có lỗi, 7 gửi muộn.", as the master and the terminal count; with late files
 *  included, which late ones the secretariat considers with nothing else wrong. */
function countsText(mine: Nomination[], rule: LateRule): string {
  const count = (s: Nomination['status']) => mine.filter((n) => n.status === s).length;
  const late = count('late');
  const lateOnly = mine.filter(isLateOnly).length;
  const considered =
    rule.includeLate && late ? ` (Văn phòng Sở vẫn xét: ${lateOnly} ${NOTHING_ELSE}, ${late - lateOnly} có lỗi)` : '';
  return `${mine.length} đề nghị: ${count('valid')} hợp lệ, ${count('invalid')} có lỗi, ${late} gửi muộn${considered}.`;
}

/** When the used file arrived (as the secretariat recorded it, when it did); with none used, when the last
 *  refused one did, as section I says. */
function receivedText({ files, used, when }: UnitFeedback, status: UnitStatus | undefined): string {
  if (used)
    return `${when(status?.receivedAt ?? used.receivedAt)}${status?.receivedFrom === 'secretariat' ? ', theo Văn phòng ghi nhận' : ''}`;
  const last = files.reduce<FileVerdict | undefined>((a, f) => (!a || f.receivedAt > a.receivedAt ? f : a), undefined);
  return last ? when(last.receivedAt) : '–';
}

/** The unit, its file, when it arrived (as the secretariat recorded it, when it did) and the counts. */
function writeFacts(ws: ExcelJS.Worksheet, feedback: UnitFeedback): void {
  const { result, plan, unit, used, mine, unmarked, zone, when } = feedback;
  const status = result.units.find((x) => x.unit === unit.code);
  const facts: [string, string][] = [
    ['Đơn vị', `${unit.name} (${unit.code})`],
    ['Tệp được dùng', used ? used.file : 'Chưa có tệp hợp lệ'],
    ['Thời điểm nhận', receivedText(feedback, status)],
    ['Hạn gửi hồ sơ', `Hết ngày ${formatDate(plan.deadline)} (${zone})`],
    ['Tình trạng', status ? unitStatusLabel(status, result) : UNIT_STATUS_LABELS.refused],
    ['Kết quả kiểm tra', used ? countsText(mine, result) : '–'],
    ['Tổng hợp lúc', when(result.generatedAt)],
    ...(unmarked ? [['Bản đánh dấu lỗi', unmarked] as [string, string]] : []),
  ];
  for (const [label, value] of facts) labelledRow(ws, label, value, { bold: true });
}

/** Asks for a new file when none was accepted, or when the accepted one is not ready while the deadline is open;
 *  once the deadline has passed, says so first and what a file sent now is. */
function writeResend(ws: ExcelJS.Worksheet, { result, plan, used, verdict }: UnitFeedback): void {
  const open = daysToDeadline(plan, result.generatedAt) >= 0;
  if (used && (verdict.ready || !open)) return;
  const deadline = formatDate(plan.deadline);
  const when = open
    ? `Cần sửa và gửi lại chậm nhất đến hết ngày ${deadline}.`
    : `Hạn gửi hồ sơ đã hết (hết ngày ${deadline}): tệp gửi lại bây giờ là hồ sơ gửi muộn, chỉ được xét khi Văn phòng Sở đồng ý.`;
  const sheets = templateSheetNames(plan).join(', ');
  const how = used
    ? 'Các vấn đề cần sửa ở mục III và trên từng ô được tô màu trong bản đánh dấu kèm theo (di chuột vào ô để đọc hướng dẫn).'
    : `Hồ sơ chưa được tiếp nhận vì các lý do ở mục I. Hãy sửa theo hướng dẫn trong sổ mẫu ${properName(plan.issuer.agency)} đã gửi cho đơn vị (sổ có các trang ${sheets}) và lưu dạng .xlsx.`;
  labelledRow(
    ws,
    'Cần gửi lại',
    `${when} ${how} Kiểm tra lại (bấm nút "${CHECK_BUTTON}" trên thẻ Trang đầu của Excel, hoặc mở trang kiểm tra hồ sơ Sở gửi kèm) cho đến khi hiện "${READY}", rồi gửi lại cho Văn phòng Sở.`,
    { bold: true, color: { argb: 'FFA4262C' } },
  );
}

function writeFiles(ws: ExcelJS.Worksheet, { result, plan, files, used, when }: UnitFeedback): void {
  heading(ws, FEEDBACK_SECTIONS.files);
  table(
    ws,
    FEEDBACK_HEADERS.files,
    SPANS.files,
    files.map((f, i) => [i + 1, f.file, when(f.receivedAt), handling(f, result), describeFile(f, used, plan)]),
  );
}

/** Each nomination's verdict beside what the secretariat and the council typed for it in the master. */
function writeNominations(ws: ExcelJS.Worksheet, { result, plan, mine, previous }: UnitFeedback): void {
  heading(ws, FEEDBACK_SECTIONS.nominations);
  table(
    ws,
    FEEDBACK_HEADERS.nominations,
    SPANS.nominations,
    mine.map((n) => {
      const typed = keptRow(previous, MASTER_SHEETS.tally, n.id)?.values;
      const said = (h: string) => typedText(typed?.get(h)) || null;
      return [
        n.source.sheet,
        rowLabel(mine, n.source.sheet, n.source.row),
        n.name,
        plan.forms.find((f) => f.code === n.form)?.label ?? n.values.form ?? '',
        rowReason(n, result),
        said(TALLY_TYPED_HEADERS.office),
        said(TALLY_TYPED_HEADERS.council),
      ];
    }),
  );
}

/** A sheet row as the clerk knows it: "6 (STT 5)" when the row has an STT, else its number. */
function rowLabel(mine: Nomination[], sheet: string | undefined, row: number | undefined): string | number | null {
  if (row === undefined) return null;
  const seq = mine.find((n) => n.source.sheet === sheet && n.source.row === row)?.values.seq;
  return seq ? `${row} (STT ${seq})` : row;
}

/** An issue's sentence; a late arrival the secretariat decided to consider says so instead of "not considered". */
function issueText(i: Issue, rule: LateRule): string {
  if (i.code !== 'DEADLINE_LATE' || !rule.includeLate) return formatIssue(i, { withLocation: false });
  const at = formatLocalTime(new Date(i.params.receivedAt), i.params.timeZone);
  return `Hồ sơ nhận lúc ${at}, sau hạn gửi hết ngày ${formatDate(i.params.deadline)}. Văn phòng Sở vẫn xét hồ sơ gửi muộn này.`;
}

/** Section III, what to fix, then section IV, what only the secretariat can settle (when there is any). */
function writeIssues(ws: ExcelJS.Worksheet, { result, mine }: UnitFeedback): void {
  const issues = issuesInReadingOrder(mine);
  const toRow = (i: Issue) => [
    i.sheet ?? WHOLE_SUBMISSION,
    rowLabel(mine, i.sheet, i.row),
    i.column ?? '',
    SEVERITY_LABELS[i.severity],
    issueText(i, result),
  ];
  const toFix = issues.filter((i) => !SECRETARIAT_CODES.has(i.code));
  const notes = issues.filter((i) => SECRETARIAT_CODES.has(i.code));
  heading(ws, FEEDBACK_SECTIONS.issues);
  if (toFix.length) table(ws, FEEDBACK_HEADERS.issues, SPANS.issues, toFix.map(toRow));
  else ws.addRow(['Không có lỗi hay cảnh báo nào cần sửa.']);
  if (!notes.length) return;
  heading(ws, FEEDBACK_SECTIONS.notes);
  table(ws, FEEDBACK_HEADERS.notes, SPANS.notes, notes.map(toRow));
}

/** The "Phản hồi" sheet of one unit. */
function writeFeedbackSheet(
  ws: ExcelJS.Worksheet,
  result: MergeResult,
  unit: string,
  previous: TypedValues,
  unmarked?: string,
): void {
  const feedback = unitFeedback(result, unit, previous, unmarked);
  writeHead(ws, feedback);
  writeFacts(ws, feedback);
  writeResend(ws, feedback);
  writeFiles(ws, feedback);
  // Without an accepted file there are no nominations to judge: section I says why.
  if (!feedback.used) return;
  writeNominations(ws, feedback);
  writeIssues(ws, feedback);
}

/** Units that sent at least one file (accepted or not), in the plan's order. */
export function unitsThatSent(result: MergeResult): string[] {
  const sent = new Set(result.files.map((f) => f.unit));
  return result.plan.units.map((u) => u.code).filter((c) => sent.has(c));
}

/** A workbook holding only the Phản hồi sheet. */
function feedbackSheetOnly(result: MergeResult, unit: string, previous: TypedValues, unmarked?: string) {
  const wb = new ExcelJS.Workbook();
  wb.creator = result.plan.issuer.agency;
  writeFeedbackSheet(wb.addWorksheet(FEEDBACK_SHEET), result, unit, previous, unmarked);
  return wb;
}

/** One unit's feedback workbook: Phản hồi in front of its own marked workbook (the sheet is written on its
 *  own, then put first in the patched package), or Phản hồi alone saying why the workbook is not there. */
async function feedbackWorkbook(
  file: string | undefined,
  check: WorkbookCheck | undefined,
  result: MergeResult,
  unit: string,
  previous: TypedValues,
): Promise<Uint8Array> {
  const marked = file && check ? await markedPackage(file, check, result) : undefined;
  let unmarked = marked && 'why' in marked ? marked.why : undefined;
  if (marked && 'pkg' in marked) {
    try {
      const sheet = await feedbackSheetOnly(result, unit, previous).xlsx.writeBuffer();
      await graftFirstSheet(marked.pkg, Package.open(new Uint8Array(sheet), NODE_CODEC), FEEDBACK_SHEET);
      return await marked.pkg.save();
    } catch {
      unmarked = UNMARKED;
    }
  }
  return new Uint8Array(await feedbackSheetOnly(result, unit, previous, unmarked).xlsx.writeBuffer());
}

/** Writes DIR/<UNIT>.xlsx for every unit that sent a file, each atomically; returns the paths written. */
export async function writeFeedback(
  dir: string,
  inbox: string,
  result: MergeResult,
  previous: TypedValues,
): Promise<string[]> {
  const written: string[] = [];
  await fs.mkdir(dir, { recursive: true });
  for (const unit of unitsThatSent(result)) {
    const used = result.files.find((f) => f.unit === unit && f.status === 'accepted');
    const data = await feedbackWorkbook(
      used && path.join(inbox, used.file),
      result.checks.get(unit),
      result,
      unit,
      previous,
    );
    const target = path.join(dir, `${unit}.xlsx`);
    await writeAtomic(target, (tmp) => fs.writeFile(tmp, data));
    written.push(target);
  }
  return written;
}
