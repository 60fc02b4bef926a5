// One printable list per award form, laid out as the official annex a leader signs: the two-line
// headings, the title, part I (collectives) and part II (individuals) with counts (a type with none left
// out), A4 with the table header repeated on every page and fit to the page width.
import type ExcelJS from 'exceljs';
import type { Nomination, Plan, PlanForm } from '../../engine/index.js';
import { A4_PORTRAIT_FIT_WIDTH } from '../../node/print.js';
import type { MergeResult } from '../merge-model.js';
import { isListedNomination } from '../statuses.js';
import {
  countByType,
  countedTotal,
  documentText,
  heldTypes,
  listCells,
  partHeading,
  type ListedNominee,
} from './list-names.js';
import { attachmentLine, emptyDocumentsSheet, typedNumberDate, type DocumentsSheet } from './documents-sheet.js';
import { fittedHeight } from '../../node/row-height.js';
import { BORDER } from './styles.js';

/** Row of the table header: repeated on every printed page. */
export const ANNEX_HEADER_ROW = 7;

const center: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true };
const cellBox = (
  bold = false,
  align: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true },
): Partial<ExcelJS.Style> => ({
  border: BORDER,
  alignment: align,
  font: { name: 'Times New Roman', size: 13, bold },
});
const BODY = cellBox();
const BODY_CENTER = cellBox(false, { ...center, vertical: 'top' });
const HEAD = cellBox(true, center);
const PART = {
  ...cellBox(true, { vertical: 'middle' }),
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
} as Partial<ExcelJS.Style>;
const heading = (bold: boolean, italic = false): Partial<ExcelJS.Style> => ({
  font: { name: 'Times New Roman', size: 13, bold, italic },
  alignment: center,
});

/** The nominations a form's list holds, in unit then row order: see `isListed`. */
export function listMembers(result: MergeResult, form: PlanForm): Nomination[] {
  const unitOrder = new Map(result.plan.units.map((u, i) => [u.code, i]));
  return result.nominations
    .filter((n) => n.form === form.code && isListedNomination(result, n))
    .sort((a, b) => unitOrder.get(a.unit)! - unitOrder.get(b.unit)! || a.source.row - b.source.row);
}

// Fitted to the A4 width between the margins, these print at 89 % in Excel (fitToWidthScale) and above 80 % in
// LibreOffice, which counts a digit of Times New Roman a little wider: 13 pt type reads as 11 pt or more.
const WIDTHS = [5, 23, 13, 22, 35];
const SIZE = 13;
/** The two-line headings: the agency over its first three columns, the state's motto over the last two. */
const HEADING_SPANS = [WIDTHS.slice(0, 3), WIDTHS.slice(3)].map((w) => w.reduce((a, b) => a + b, 0));
const ALL = WIDTHS.reduce((a, b) => a + b, 0);

/** A row as tall as its wrapped text at the lists' size (`widths`: what each cell spans). */
const fit = (row: ExcelJS.Row, values: unknown[], widths = WIDTHS, size = SIZE) =>
  (row.height = fittedHeight(values, widths, size));

function writeRow(
  ws: ExcelJS.Worksheet,
  values: (string | number | null)[],
  styles: Partial<ExcelJS.Style>[],
): ExcelJS.Row {
  const row = ws.addRow(values);
  styles.forEach((s, i) => (row.getCell(i + 1).style = s));
  return row;
}

/** A nomination as the list names it: the row's texts as the unit typed them. */
const listedNominee = (n: Nomination): ListedNominee => ({
  name: n.values.name ?? n.name,
  unit: n.unit,
  group: n.group,
  position: n.values.position ?? '',
  workplace: n.values.workplace ?? '',
});

export function writeAnnex(
  wb: ExcelJS.stream.xlsx.WorkbookWriter,
  result: MergeResult,
  form: PlanForm,
  register: DocumentsSheet = emptyDocumentsSheet(),
): void {
  const plan: Plan = result.plan;
  const ws = addAnnexSheet(wb, form);
  const members = listMembers(result, form);
  writeAnnexHeading(ws, plan, form, register);
  // Part I, II, …: one per nominee type the list holds, in the plan's order (a type with none has no part).
  const counts = countByType(plan, members);
  heldTypes(plan, counts).forEach((t, p) =>
    writeAnnexPart(
      ws,
      plan,
      t,
      p,
      members.filter((n) => n.type === t.code),
    ),
  );
  const total = `Tổng cộng: ${countedTotal(plan, counts)}`;
  const totalRow = writeRow(ws, [total], [heading(true)]);
  fit(totalRow, [total], [ALL]);
  ws.mergeCells(`A${totalRow.number}:E${totalRow.number}`);
  totalRow.commit();
  ws.commit();
}

function addAnnexSheet(wb: ExcelJS.stream.xlsx.WorkbookWriter, form: PlanForm): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(form.listSheet, {
    pageSetup: {
      ...A4_PORTRAIT_FIT_WIDTH,
      horizontalCentered: true,
      // Nghị định 30/2020/NĐ-CP: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm.
      margins: { left: 1.2, right: 0.7, top: 0.85, bottom: 0.85, header: 0.3, footer: 0.3 },
      printTitlesRow: `${ANNEX_HEADER_ROW}:${ANNEX_HEADER_ROW}`,
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  return ws;
}

/** Rows 1–7: the two-line headings, the title, what the list is attached to and the table header. */
function writeAnnexHeading(ws: ExcelJS.Worksheet, plan: Plan, form: PlanForm, register: DocumentsSheet): void {
  // Rows 1–7 stay uncommitted until merged: the streaming writer cannot merge committed rows.
  // Rows 1–2: the issuing agency on the left, the state motto on the right, each on one line.
  const top: [string, string][] = [
    [plan.issuer.parent, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    [plan.issuer.agency, 'Độc lập - Tự do - Hạnh phúc'],
  ];
  top.forEach(([left, right], i) => {
    const styles = [heading(i === 1), heading(i === 1), heading(i === 1), heading(true)];
    fit(writeRow(ws, [left, null, null, right], styles), [left, right], HEADING_SPANS);
  });
  ws.addRow([]);
  const title = annexTitle(form, register);
  const big = { font: { name: 'Times New Roman', size: 14, bold: true }, alignment: center };
  fit(writeRow(ws, [title], [big]), [title], [ALL], 14);
  // The campaign's title has brackets of its own: printed bare, in italics, as the Word annex prints it.
  fit(writeRow(ws, [plan.title], [heading(false, true)]), [plan.title], [ALL]);
  // What the list is attached to: the Sở's Tờ trình, or the Director's Quyết định.
  const attached = attachmentLine(plan, register, form);
  if (attached) fit(writeRow(ws, [`(${attached})`], [heading(false, true)]), [attached], [ALL]);
  else ws.addRow([]);
  const labels = ['STT', 'Tên tập thể / Họ và tên', 'Chức vụ', 'Đơn vị', 'Tóm tắt thành tích'];
  const header = writeRow(
    ws,
    labels,
    labels.map(() => HEAD),
  );
  fit(header, labels);
  for (const range of ['A1:C1', 'D1:E1', 'A2:C2', 'D2:E2', 'A4:E4', 'A5:E5', 'A6:E6']) ws.mergeCells(range);
  header.commit();
}

/**
 * The list's title. A list the Sở's own decision awards reads "được tặng" once that decision's number is
 * typed in Văn bản (as the lists printed for a signed decision); until then it is what the secretariat
 * proposes. A list sent to a decider above stays the Sở's proposal: it holds those the decider turned down.
 */
function annexTitle(form: PlanForm, register: DocumentsSheet): string {
  const awarded = form.document?.kind === 'quyet_dinh' && typedNumberDate(register, form.code);
  return awarded ? form.listTitle : (form.proposalListTitle ?? form.listTitle);
}

/** Part I, II, …: one nominee type's title row with its count, then its nominees numbered from 1. */
function writeAnnexPart(
  ws: ExcelJS.Worksheet,
  plan: Plan,
  type: Plan['nomineeTypes'][number],
  index: number,
  list: Nomination[],
): void {
  const part = writeRow(
    ws,
    [partHeading(index, type.label.toUpperCase(), list.length), null, null, null, null],
    [PART, PART, PART, PART, PART],
  );
  ws.mergeCells(`A${part.number}:E${part.number}`);
  part.commit();
  list.forEach((n, i) => {
    // Named as the documents' annex names it: units in full, a collective with its unit.
    const [name, position, unit] = listCells(plan, listedNominee(n), type.person);
    // The summary as typed, without the formula sign a clerk may have started it with (as in the papers).
    const summary = n.values.summary ? documentText(n.values.summary) : null;
    const values = [i + 1, name, position || null, unit || null, summary];
    const row = writeRow(ws, values, [BODY_CENTER, BODY, BODY, BODY, BODY]);
    fit(row, values);
    row.commit();
  });
}
