// The lists printed once a decision is signed, as Excel workbooks laid out like an official list (the
// two-line headings, the title, the decision it goes with; A4, Times New Roman): the certificate list
// (in-bang-<FORM>.xlsx: who, unit, the decision's number and date, in the decision's order) for every form
// whose decision number is typed, and the prize money list (chi-tien-thuong-<FORM>.xlsx: amount per
// nominee as the plan states it, the total in figures and in words, a column to sign) for those the Sở pays.
// A figure the plan leaves blank prints as a blank to fill by hand, never as a guess.
import ExcelJS from 'exceljs';
import { amountInWords, isDecidedAbove, isPerson, prizeAmount, type Plan } from '../../engine/index.js';
import { NATIONAL_NAME, MOTTO } from '../../node/official-docx.js';
import { A4_PORTRAIT_FIT_WIDTH, pageRowPoints } from '../../node/print.js';
import { awardedLists, type AwardedList } from '../awarded.js';
import { documentYear, fillWording, shortDate } from '../master/documents-sheet.js';
import { BORDER, MASTER_FONT } from '../master/styles.js';
import { setDefaultFont } from '../../node/xlsx-default-font.js';
import { NODE_CODEC } from '../../node/zip-codec.js';
import { Package } from '../../ooxml/package.js';
import {
  collectiveName,
  countByType,
  countedTotal,
  documentText,
  unitFullName,
  workplaceName,
} from '../master/list-names.js';
import type { MasterNomination, MasterSnapshot } from './master-read.js';

/** What a written list is, for the terminal. */
export const printListTitle = (file: string): string =>
  file.startsWith('chi-tien-thuong-') ? 'danh sách chi tiền thưởng' : 'danh sách in bằng, giấy khen';

export interface ListFile {
  file: string;
  data: Buffer;
}

type Value = string | number | null;
/** The table's header row, under the six heading rows: printed again on every page. */
const TABLE_HEADER_ROW = 7;
const FONT = 'Times New Roman';
const BLANK = '……';
const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const text = (size: number, bold = false, italic = false, align = center): Partial<ExcelJS.Style> => ({
  font: { name: FONT, size, bold, italic },
  alignment: align,
});
const box = (align: Partial<ExcelJS.Alignment>, bold = false): Partial<ExcelJS.Style> => ({
  ...text(12, bold, false, { vertical: 'top', wrapText: true, ...align }),
  border: BORDER,
});
const MONEY = { ...box({ horizontal: 'right' }), numFmt: '#,##0' };

/** A sheet of `widths` columns on A4 portrait, fitted to the page's width, its table header repeated. */
function listSheet(widths: number[]): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách', {
    pageSetup: {
      ...A4_PORTRAIT_FIT_WIDTH,
      horizontalCentered: true,
      // Nghị định 30/2020/NĐ-CP: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm.
      margins: { left: 1.2, right: 0.7, top: 0.85, bottom: 0.85, header: 0.3, footer: 0.3 },
      printTitlesRow: `${TABLE_HEADER_ROW}:${TABLE_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  return { wb, ws };
}

/** A row across the whole table (merged), in one style. */
function line(ws: ExcelJS.Worksheet, value: Value, style: Partial<ExcelJS.Style>, height?: number): void {
  const row = ws.addRow([value]);
  row.getCell(1).style = style;
  ws.mergeCells(row.number, 1, row.number, ws.columns.length);
  if (height) row.height = height;
}

/** A row of cells side by side: each [value, first column, last column]. */
function blocks(ws: ExcelJS.Worksheet, cells: [Value, number, number][], style: Partial<ExcelJS.Style>): void {
  const row = ws.addRow([]);
  for (const [value, from, to] of cells) {
    row.getCell(from).value = value;
    row.getCell(from).style = style;
    if (to > from) ws.mergeCells(row.number, from, row.number, to);
  }
}

/** Rows 1–6: the Sở and the state's motto, the title, the campaign, the decision it goes with. */
function heading(ws: ExcelJS.Worksheet, plan: Plan, list: AwardedList, title: string): void {
  const n = ws.columns.length;
  const split = Math.floor(n / 2);
  blocks(
    ws,
    [
      [plan.issuer.parent, 1, split],
      [NATIONAL_NAME, split + 1, n],
    ],
    text(12),
  );
  ws.getRow(1).getCell(split + 1).font = { name: FONT, size: 12, bold: true };
  blocks(
    ws,
    [
      [plan.issuer.agency, 1, split],
      [MOTTO, split + 1, n],
    ],
    text(13, true),
  );
  ws.addRow([]);
  const award = (list.form.document?.award ?? list.form.label).toUpperCase();
  line(ws, fillWording(title, { award }), text(14, true), 40);
  // The campaign's title has brackets of its own: printed bare, in italics, as the Word annex prints it.
  line(ws, plan.title, text(13, false, true), 36);
  const wording = plan.documents!.printLists!;
  const decision = fillWording((isDecidedAbove(list.form) && wording.decidedAbove) || wording.decision, {
    number: list.decision?.number ?? BLANK,
    date: shortDate(list.decision?.date ?? null, documentYear(plan)),
    decider: list.form.decidedBy,
  });
  line(ws, `(${decision})`, text(13, false, true), 22);
}

function header(ws: ExcelJS.Worksheet, titles: string[]): void {
  const row = ws.addRow(titles);
  row.eachCell((c) => (c.style = box(center, true)));
  row.height = 36;
}

/** A body row, its height enough for each cell's wrapped lines (no viewer auto-fits reliably), and at least
 *  `least` points (room for a signature). */
function bodyRow(ws: ExcelJS.Worksheet, values: Value[], styles: Partial<ExcelJS.Style>[], least = 0): void {
  const row = ws.addRow(values);
  styles.forEach((s, i) => (row.getCell(i + 1).style = s));
  const widths = ws.columns.map((c) => c.width ?? 10);
  const lines = Math.max(1, ...values.map((v, i) => Math.ceil(String(v ?? '').length / ((widths[i]! - 2) * 0.9))));
  row.height = Math.max(least, lines * 16 + 4);
}

/** A row of the money list: high enough to sign in its Ký nhận cell. */
const SIGNING_ROW = 32;

const nameOf = (plan: Plan, n: MasterNomination) =>
  isPerson(plan, n.type) ? documentText(n.name) : collectiveName(plan, n);
/** The workbook's bytes, its default font Times New Roman as the master's: column widths count that font's
 *  digits, so the page breaks reckoned here fall where Excel and LibreOffice put them. */
async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const pkg = Package.open(Buffer.from(await wb.xlsx.writeBuffer()), NODE_CODEC);
  await setDefaultFont(pkg, MASTER_FONT.name, MASTER_FONT.size);
  return Buffer.from(await pkg.save());
}

/** in-bang-<FORM>.xlsx: the certificates to print, in the decision's order. */
export async function certificateList(plan: Plan, list: AwardedList): Promise<ListFile> {
  const { wb, ws } = listSheet([6, 34, 40, 16, 14]);
  heading(ws, plan, list, plan.documents!.printLists!.certificateTitle);
  header(ws, ['STT', 'Tên tập thể / Họ và tên', 'Đơn vị', 'Số quyết định', 'Ngày quyết định']);
  const date = shortDate(list.decision?.date ?? null, documentYear(plan));
  list.members.forEach((n, i) =>
    bodyRow(
      ws,
      [i + 1, nameOf(plan, n), unitFullName(plan, n.unit), list.decision?.number ?? BLANK, date],
      [box(center), box({}), box({}), box(center), box(center)],
    ),
  );
  line(
    ws,
    `Tổng cộng: ${countedTotal(plan, countByType(plan, list.members))}`,
    text(13, true, false, { vertical: 'middle' }),
  );
  return { file: `in-bang-${list.form.code}.xlsx`, data: await toBuffer(wb) };
}

/** What the amounts rest on, under the total: the form's căn cứ, the base salary (or why it is blank). */
function prizeBasis(plan: Plan, list: AwardedList): string[] {
  const prize = plan.prize;
  const base = prize?.baseSalary
    ? `Mức lương cơ sở: ${prize.baseSalary.toLocaleString('vi-VN')} đồng/tháng (${prize.baseSalaryBasis}).`
    : `Mức lương cơ sở: ${BLANK} đồng (kế hoạch chưa có mức lương cơ sở${prize ? `: ${prize.baseSalaryBasis}` : ''}).`;
  return [`Căn cứ: ${list.form.prize!.basis}.`, base, ...(prize?.roundingBasis ? [`${prize.roundingBasis}.`] : [])];
}

/** chi-tien-thuong-<FORM>.xlsx: the prize money per nominee, the total in figures and words, signatures. */
export async function prizeList(plan: Plan, list: AwardedList): Promise<ListFile> {
  const wording = plan.documents!.printLists!;
  const { wb, ws } = listSheet([6, 28, 32, 12, 14, 14]);
  heading(ws, plan, list, wording.prizeTitle);
  header(ws, ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ, đơn vị', 'Cá nhân / Tập thể', 'Số tiền (đồng)', 'Ký nhận']);
  const amounts = list.members.map((n) => prizeAmount(plan, list.form, n.type));
  list.members.forEach((n, i) => {
    const person = isPerson(plan, n.type);
    const where = person
      ? [documentText(n.position), workplaceName(plan, n)].filter(Boolean).join(', ')
      : unitFullName(plan, n.unit);
    const kind = plan.nomineeTypes.find((t) => t.code === n.type)?.label ?? n.type;
    bodyRow(
      ws,
      [i + 1, nameOf(plan, n), where, kind, amounts[i] ?? null, null],
      [box(center), box({}), box({}), box(center), MONEY, box({})],
      SIGNING_ROW,
    );
  });
  const total = amounts.every((a) => a !== null) ? amounts.reduce<number>((s, a) => s + a!, 0) : null;
  const totalRow = ws.addRow([null, 'Tổng cộng', null, null, total, null]);
  totalRow.eachCell({ includeEmpty: true }, (c) => (c.style = box({}, true)));
  totalRow.getCell(5).style = { ...MONEY, font: { name: FONT, size: 12, bold: true } };
  line(
    ws,
    `Bằng chữ: ${total === null ? BLANK + BLANK + BLANK : amountInWords(total)}.`,
    text(13, false, true, { vertical: 'middle' }),
    22,
  );
  for (const basis of prizeBasis(plan, list))
    line(ws, basis, text(11, false, true, { vertical: 'top', wrapText: true }), 30);
  ws.addRow([]);
  signatures(ws, plan, wording.prizeSignatures);
  keepEndWithLastRow(ws, totalRow.number - 1);
  return { file: `chi-tien-thuong-${list.form.code}.xlsx`, data: await toBuffer(wb) };
}

/** A row's height when none is set: one line of 12–13 pt type, as Excel and LibreOffice fit it. */
const LINE_ROW = 18;
/** Where a page ends is reckoned at Excel's scale; LibreOffice prints the same sheet a few per cent smaller
 *  (more rows a page). Every page length between is tried. */
const PAGE_SPREAD = [0.98, 1, 1.02, 1.04, 1.06, 1.08];

/**
 * What follows the table (the total, the amount in words, the signatures) never starts a page of its own,
 * under a repeated header and no name: when at any likely page length it would not fit below the last row,
 * the page breaks before that row, which goes over with it. Excel cannot keep rows together, so where pages
 * end is reckoned from the rows' heights and the scale the sheet prints at.
 */
function keepEndWithLastRow(ws: ExcelJS.Worksheet, lastRow: number): void {
  const page = pageRowPoints(
    ws.columns.map((c) => c.width ?? 10),
    ws.pageSetup,
  );
  const height = (r: number) => ws.getRow(r).height ?? LINE_ROW;
  let end = 0;
  for (let r = lastRow + 1; r <= ws.rowCount; r++) end += height(r);
  const endAlone = (length: number) => {
    let used = 0;
    for (let r = 1; r <= lastRow; r++)
      used = used + height(r) > length ? height(TABLE_HEADER_ROW) + height(r) : used + height(r);
    return used + end > length;
  };
  if (PAGE_SPREAD.some((k) => endAlone(page * k))) ws.getRow(lastRow - 1).addPageBreak();
}

/** The date line on the right, then each signer's title over "(Ký, ghi rõ họ tên)", side by side. */
function signatures(ws: ExcelJS.Worksheet, plan: Plan, titles: string[]): void {
  const n = ws.columns.length;
  blocks(
    ws,
    [[`${plan.issuer.place}, ngày ${BLANK} tháng ${BLANK} năm ${documentYear(plan)}`, Math.ceil(n / 2), n]],
    text(13, false, true),
  );
  const span = n / titles.length;
  const at = (i: number): [number, number] => [Math.floor(i * span) + 1, Math.floor((i + 1) * span)];
  blocks(
    ws,
    titles.map((t, i) => [t, ...at(i)]),
    text(12, true),
  );
  blocks(
    ws,
    titles.map((_, i) => ['(Ký, ghi rõ họ tên)', ...at(i)]),
    text(12, false, true),
  );
}

/**
 * The lists of every form whose decision number is typed in Văn bản: the certificates for each, the prize
 * money for those the Sở pays. Nothing while the plan carries no wording for them.
 */
export async function printListsOf(plan: Plan, snapshot: MasterSnapshot): Promise<ListFile[]> {
  if (!plan.documents?.printLists) return [];
  const out: ListFile[] = [];
  for (const list of awardedLists(plan, snapshot)) {
    if (!list.decision) continue;
    out.push(await certificateList(plan, list));
    if (list.form.prize) out.push(await prizeList(plan, list));
  }
  return out;
}
