// Tổng hợp: one row per nomination of the accepted files, all its fields, route, status and issues, its
// id, then the secretariat's three columns carried over by id. Rows that disappeared from the inbox but
// carry a secretariat value stay, marked withdrawn.
import { wideTableAcrossPages } from '../../node/print.js';
import type ExcelJS from 'exceljs';
import { formatIssue, matchKey, type ColumnKey, type Nomination, type Plan } from '../../engine/index.js';
import { fitCell } from '../../engine/limits.js';
import type { MergeResult } from '../merge-model.js';
import { isFormula, type TypedCell } from '../../node/xlsx-rows.js';
import { isListedNomination } from '../statuses.js';
import { keptRow, keptRows, keyOf, typedText, type TypedSheet, type TypedValues } from '../typed-values/master.js';
import {
  COUNCIL_VALUES,
  ID_HEADER,
  LISTED_HEADER,
  LISTED_VALUES,
  MASTER_SHEETS,
  TALLY_TYPED_HEADERS,
  TALLY_TYPED_KEYS,
  STATUS_HEADER,
  STATUS_LABELS,
} from './layout.js';
import { cellValue, dataValidationsOf, dateStyle, MASTER_FONT, styleHeader, TOP_STYLE, WRAP_STYLE } from './styles.js';
import { fitRow } from '../../node/row-height.js';
import { dataRowsRange, flagVotes, validateOutcomeColumns } from './outcome-columns.js';

type CellValue = string | number | null;

interface TallyColumn {
  header: string;
  width: number;
  value: (n: Nomination) => CellValue;
}

const text = (v: string | undefined): string | null => (v ? v : null);

/** Tổng hợp's column naming the nominee: the sheet is frozen through it. */
const NAME_HEADER = 'Tên tập thể / Họ và tên';

export function tallyColumns(plan: Plan, listed: (n: Nomination) => boolean = () => false): TallyColumn[] {
  const unitName = new Map(plan.units.map((u) => [u.code, u.name]));
  const typeLabel = new Map(plan.nomineeTypes.map((t) => [t.code, t.label]));
  const groupLabel = new Map(plan.groups.map((g) => [g.code, g.label]));
  const forms = new Map(plan.forms.map((f) => [f.code, f]));
  const criteriaCount = Math.max(...Object.values(plan.criteria).map((c) => c?.length ?? 0));
  const v = (key: ColumnKey) => (n: Nomination) => text(n.values[key]);
  return [
    { header: 'Đơn vị', width: 14, value: (n) => n.unit },
    { header: 'Tên đơn vị', width: 30, value: (n) => unitName.get(n.unit) ?? n.unit },
    { header: 'Tệp', width: 22, value: (n) => n.source.file ?? null },
    { header: 'Trang', width: 10, value: (n) => n.source.sheet },
    { header: 'Dòng', width: 7, value: (n) => n.source.row },
    { header: 'Loại', width: 9, value: (n) => typeLabel.get(n.type) ?? n.type },
    { header: NAME_HEADER, width: 28, value: v('name') },
    { header: 'Giới tính', width: 9, value: v('gender') },
    { header: 'Năm sinh', width: 9, value: (n) => n.birthYear ?? text(n.values.birthYear) },
    { header: 'Chức vụ', width: 18, value: v('position') },
    { header: 'Đơn vị công tác', width: 24, value: v('workplace') },
    { header: 'Thuộc khối', width: 24, value: (n) => (n.group ? groupLabel.get(n.group)! : text(n.values.group)) },
    { header: 'Lãnh đạo quản lý', width: 10, value: v('leader') },
    { header: 'Hình thức đề nghị', width: 30, value: (n) => (n.form ? forms.get(n.form)!.label : text(n.values.form)) },
    { header: 'Cấp quyết định', width: 22, value: (n) => (n.form ? forms.get(n.form)!.decidedBy : null) },
    {
      header: 'Tuyến trình',
      width: 34,
      value: (n) => (n.form ? ['Đơn vị', ...forms.get(n.form)!.route].join(' → ') : null),
    },
    ...Array.from({ length: criteriaCount }, (_, i): TallyColumn => ({
      header: `Tiêu chuẩn ${i + 1}`,
      width: 10,
      value: v(`criterion${i}`),
    })),
    { header: 'Tiêu biểu xuất sắc', width: 10, value: v('outstanding') },
    { header: 'Tóm tắt thành tích', width: 50, value: v('summary') },
    { header: 'Báo cáo thành tích', width: 10, value: v('report') },
    { header: 'Xác nhận của cấp trình', width: 11, value: v('confirmation') },
    { header: 'Ghi chú', width: 18, value: v('note') },
    { header: STATUS_HEADER, width: 13, value: (n) => STATUS_LABELS[n.status] },
    { header: LISTED_HEADER, width: 11, value: (n) => (listed(n) ? LISTED_VALUES.yes : LISTED_VALUES.no) },
    { header: 'Mã lỗi', width: 24, value: (n) => text([...new Set(n.issues.map((i) => i.code))].join(', ')) },
    { header: 'Nội dung lỗi', width: 70, value: (n) => text(n.issues.map((i) => `• ${formatIssue(i)}`).join('\n')) },
    { header: ID_HEADER, width: 20, value: (n) => n.id },
  ];
}

/** The previous master's typed columns of Tổng hợp: by nomination id, whole rows kept for withdrawn ones. */
export const TALLY_TYPED: TypedSheet = {
  sheet: MASTER_SHEETS.tally,
  key: ID_HEADER,
  columns: TALLY_TYPED_KEYS.map((k) => TALLY_TYPED_HEADERS[k]),
  keepRows: true,
  findByHeaders: true,
  required: true,
  // Copies that disagree on the council's decision: a refusal on any copy wins, so no refused nominee
  // slips back into a list; the other decision is set aside, not lost.
  prefer: (column, [, second]) =>
    column === TALLY_TYPED_HEADERS.council && matchKey(typedText(second)) === matchKey(COUNCIL_VALUES.reject) ? 1 : 0,
};

/** What the secretariat typed for a nomination, by column header. */
export const keptFor = (previous: TypedValues, id: string): Map<string, TypedCell> | undefined =>
  keptRow(previous, MASTER_SHEETS.tally, id)?.values;

/** Adds and commits a data row whose cells all share one style object: exceljs looks shared styles up
 *  by identity, where a fresh object per cell (its default) costs a serialization each. Typed values
 *  carried from the previous master keep their type: a date keeps a date format, a formula stays one. */
export function addRow(
  ws: ExcelJS.Worksheet,
  values: TypedCell[],
  style: Partial<ExcelJS.Style> = TOP_STYLE,
  decorate?: (row: ExcelJS.Row) => void,
): void {
  // A cell holds at most 32,767 characters: a longer text (a row's messages quoting a long value) is cut, marked.
  const row = ws.addRow(values.map((v) => (typeof v === 'string' ? fitCell(v) : cellValue(v))));
  row.eachCell((cell, col) => {
    const v = values[col - 1];
    cell.style = v instanceof Date || (isFormula(v) && v.result instanceof Date) ? dateStyle(v, style) : style;
  });
  decorate?.(row);
  // Wrapped text in a row left at the default height prints over the rows around it.
  if (style.alignment?.wrapText) fitRow(row, values, MASTER_FONT.size);
  row.commit();
}

export function writeTally(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult, previous: TypedValues): void {
  const columns = tallyColumns(result.plan, (n) => isListedNomination(result, n));
  const typedFrom = columns.length + 1;
  const widths = [...columns.map((c) => c.width), ...TALLY_TYPED_KEYS.map(() => 24)];
  // The nominee stays in view while the secretariat types in its columns at the far right.
  const xSplit = columns.findIndex((c) => c.header === NAME_HEADER) + 1;
  const ws = wb.addWorksheet(MASTER_SHEETS.tally, {
    views: [{ state: 'frozen', ySplit: 1, xSplit }],
    pageSetup: wideTableAcrossPages(),
  });
  ws.columns = widths.map((width) => ({ width }));
  const header = ws.addRow([...columns.map((c) => c.header), ...TALLY_TYPED_KEYS.map((k) => TALLY_TYPED_HEADERS[k])]);
  styleHeader(header, (c) => c >= typedFrom);
  header.commit();

  const typed = (kept: Map<string, TypedCell> | undefined) =>
    TALLY_TYPED_KEYS.map((k) => kept?.get(TALLY_TYPED_HEADERS[k]) ?? null);
  const seen = new Set<string>();
  const votesCol = typedFrom + TALLY_TYPED_KEYS.indexOf('votes');
  let lastRow = 1;
  for (const n of result.nominations) {
    lastRow++;
    seen.add(keyOf(n.id));
    addRow(ws, [...columns.map((c) => c.value(n)), ...typed(keptFor(previous, n.id))], WRAP_STYLE, (row) =>
      flagVotes(row.getCell(votesCol), result, n),
    );
  }
  // Withdrawn: gone from the inbox, but the secretariat wrote something about it.
  for (const prev of keptRows(previous, MASTER_SHEETS.tally)) {
    if (seen.has(keyOf(prev.key))) continue;
    const id = prev.key;
    const values = columns.map((c) =>
      c.header === STATUS_HEADER
        ? STATUS_LABELS.withdrawn
        : c.header === ID_HEADER
          ? id
          : c.header === LISTED_HEADER
            ? LISTED_VALUES.no
            : (prev.row.get(c.header) ?? null),
    );
    addRow(ws, [...values, ...typed(prev.values)], WRAP_STYLE);
    lastRow++;
  }
  const last = columns.length + TALLY_TYPED_KEYS.length;
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: last } };
  // The council's decision is one of two values.
  const councilCol = columns.length + TALLY_TYPED_KEYS.indexOf('council') + 1;
  dataValidationsOf(ws).add(dataRowsRange(councilCol, lastRow), {
    type: 'list',
    allowBlank: true,
    formulae: [`"${COUNCIL_VALUES.approve},${COUNCIL_VALUES.reject}"`],
    showErrorMessage: true,
    errorTitle: 'Kết quả Hội đồng',
    error: `Chọn "${COUNCIL_VALUES.approve}" hoặc "${COUNCIL_VALUES.reject}".`,
  });
  validateOutcomeColumns(ws, typedFrom, lastRow);
  ws.commit();
}
