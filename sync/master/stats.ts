// Thống kê: what leaders read first, printed at full size on A4 (no text under 10 pt, two pages rather than
// a shrunk one): the key figures per form (received, valid, approved by the council), which units sent on
// time, the per-form and per-unit detail, women and leaders among individuals, and the form × type × group
// table. Every figure is a field of the one count (statuses.ts).
import type ExcelJS from 'exceljs';
import type { ColumnChart } from '../../node/xlsx-chart.js';
import { formatClock, isPerson, localDate, NOMINATION_STATUS_LABELS, type Nomination } from '../../engine/index.js';
import { longDate } from '../../node/official-docx.js';
import { A4 } from '../../node/print.js';
import type { MergeResult } from '../merge-model.js';
import { countNominations, type Counts } from '../statuses.js';
import { COUNCIL_LABELS } from '../typed-values/council.js';
import { MASTER_SHEETS } from './layout.js';
import { BORDER, MASTER_FONT } from './styles.js';
import { linesHeight, wrappedLines } from '../../node/row-height.js';
import { UNIT_STATUS_LABELS, unitStanding, type UnitStanding } from './units.js';

/** The figures a leader reads first, per form: each a field of the one count. */
export const KEY_FIGURES = {
  all: 'Tiếp nhận',
  valid: NOMINATION_STATUS_LABELS.valid,
  approved: 'Hội đồng đồng ý',
} as const satisfies Partial<Record<keyof Counts, string>>;
import { writeStagesSection } from './stage-stats.js';

/** Column headers of the per-form table, each a field of the one count. */
export const STATS_FORM_HEADERS = {
  ...KEY_FIGURES,
  invalid: NOMINATION_STATUS_LABELS.invalid,
  late: NOMINATION_STATUS_LABELS.late,
  rejected: 'Hội đồng không đồng ý',
  pending: COUNCIL_LABELS.pending,
  listed: 'Đưa vào danh sách',
} as const satisfies Partial<Record<keyof Counts, string>>;

export const STATS_UNIT_HEADERS = { total: 'Tổng số đơn vị', ...UNIT_STATUS_LABELS } as const;

/** Section headings, in the order they print. */
export const STATS_SECTIONS = {
  key: '1. Đề nghị tiếp nhận, hợp lệ và được Hội đồng đồng ý',
  units: '2. Đơn vị gửi hồ sơ',
  forms: '3. Đề nghị theo hình thức khen thưởng',
  perUnit: '4. Đề nghị theo đơn vị',
  people: '5. Cá nhân hợp lệ: nữ, lãnh đạo quản lý',
  groups: '6. Đề nghị hợp lệ theo loại đối tượng và khối',
} as const;

/** Beyond this many units, section 4 gives one row per group so that Thống kê stays two readable pages;
 *  Theo đơn vị keeps every unit's own counts. */
export const MAX_UNIT_ROWS = 30;
const STATS_PER_GROUP_SECTION = '4. Đề nghị theo khối đơn vị (từng đơn vị: xem trang Theo đơn vị)';

/** The plan's groups that have units, each labelled with its number of units. */
function unitGroups(result: MergeResult): { label: string; members: Set<string> }[] {
  return result.plan.groups
    .map((g) => ({ g, units: result.units.filter((u) => u.group === g.code) }))
    .filter(({ units }) => units.length)
    .map(({ g, units }) => ({
      label: `${g.label} (${units.length} đơn vị)`,
      members: new Set(units.map((u) => u.unit)),
    }));
}

/** Said where the template has no field to count from. */
export const NO_FEMALE_HEAD_FIELD =
  'Mẫu đề nghị không có thông tin về người đứng đầu tập thể, nên chưa thống kê được tập thể do nữ làm thủ trưởng.';

const FONT = MASTER_FONT.name;
/** The smallest text on the printed page: the sheet prints at 100 %, so this is the size on paper. */
export const STATS_MIN_FONT_SIZE = 10;
const SIZE = STATS_MIN_FONT_SIZE;
// A label column wide enough for a unit's name on one line and eight figure columns fill an A4 portrait
// page between its margins at 100 % (widths in digits of the default font, MASTER_FONT).
const WIDTHS = [35, 7.4, 7.4, 7.4, 7.4, 7.4, 7.4, 7.4, 7.4];
const LAST = WIDTHS.length;

const box = (bold: boolean, horizontal: 'left' | 'center' = 'center'): Partial<ExcelJS.Style> => ({
  font: { name: FONT, size: SIZE, bold },
  border: BORDER,
  alignment: { horizontal, vertical: 'middle', wrapText: true },
});
const HEAD = {
  ...box(true),
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
} as Partial<ExcelJS.Style>;
const LABEL = box(false, 'left');
const NUMBER = box(false);
const TOTAL_LABEL = box(true, 'left');
const TOTAL = box(true);
const KEY_LABEL = { ...box(true, 'left'), font: { name: FONT, size: 12, bold: true } } as Partial<ExcelJS.Style>;
const KEY_NUMBER = { ...box(true), font: { name: FONT, size: 12, bold: true } } as Partial<ExcelJS.Style>;
const STANDING = { ...box(false), font: { name: FONT, size: SIZE, italic: true } } as Partial<ExcelJS.Style>;
const TITLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 14, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const SUBTITLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: SIZE, italic: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const SECTION: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 12, bold: true },
  alignment: { vertical: 'bottom' },
};
const NOTE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: SIZE, italic: true },
  alignment: { vertical: 'top', wrapText: true },
};

/** Row height in points that shows every cell's wrapped text (spans: columns each cell covers). */
function heightFor(values: (string | number | null)[], spans: number[] = [], size = SIZE): number {
  let col = 0;
  let lines = 1;
  values.forEach((v, i) => {
    const span = spans[i] ?? 1;
    const width = WIDTHS.slice(col, col + span).reduce((a, b) => a + b, 0);
    // Larger type fits fewer characters in the same width.
    if (v !== null && v !== '') lines = Math.max(lines, wrappedLines(String(v), width, size));
    col += span;
  });
  return linesHeight(lines, size);
}

type Value = string | number | null;
type Style = Partial<ExcelJS.Style>;

/** Spans of a row whose label is followed by `n` cells sharing the figure columns, the later ones wider when
 *  they do not share evenly (a header grows along the stages it names). */
function figureSpans(n: number): number[] {
  const base = Math.max(1, Math.floor((LAST - 1) / n));
  const extra = n <= LAST - 1 ? (LAST - 1) % n : 0;
  return [1, ...Array.from({ length: n }, (_, i) => base + (i >= n - extra ? 1 : 0))];
}

/** Rows of the sheet as it is written: spanned cells merged, each row as tall as its wrapped text. */
function sheetWriter(ws: ExcelJS.Worksheet) {
  /** `measure`: the spans the texts will cover once merged, when they are written unmerged. */
  const put = (
    values: Value[],
    styles: Style | Style[],
    opts: { spans?: number[]; size?: number; measure?: number[] } = {},
  ) => {
    // Spanned cells are laid out at their first column, the rest of the span left empty.
    const cells: Value[] = [];
    const cellStyles: Style[] = [];
    values.forEach((v, i) => {
      const style = Array.isArray(styles) ? styles[i]! : styles;
      for (let k = 0; k < (opts.spans?.[i] ?? 1); k++) {
        cells.push(k === 0 ? v : null);
        cellStyles.push(style);
      }
    });
    const row = ws.addRow(cells);
    cellStyles.forEach((s, i) => (row.getCell(i + 1).style = s));
    let col = 1;
    for (const span of opts.spans ?? []) {
      if (span > 1) ws.mergeCells(row.number, col, row.number, col + span - 1);
      col += span;
    }
    row.height = heightFor(values, opts.measure ?? opts.spans, opts.size);
    return row;
  };
  return {
    put,
    wide: (text: string, style: Style, size = SIZE) => put([text], style, { spans: [LAST], size }),
    gap: () => (ws.addRow([]).height = 8),
    /** A numbered section's title, after a gap. */
    section: (title: string) => {
      ws.addRow([]).height = 8;
      put([title], SECTION, { spans: [LAST], size: 12 });
    },
    spread: figureSpans,
    /** The next rows start a new printed page. */
    pageBreak: () => ws.lastRow!.addPageBreak(),
    /** A header and rows of figures; a row may carry a text that spans its figures instead. */
    table: (
      header: string[],
      rows: { label: string; values: (number | string)[]; total?: boolean }[],
      spans?: number[],
    ) => {
      put(header, HEAD, { spans });
      for (const r of rows)
        put(
          [r.label, ...r.values],
          [r.total ? TOTAL_LABEL : LABEL, ...r.values.map(() => (r.total ? TOTAL : NUMBER))],
          { spans },
        );
    },
    /** Merges the first header row down over the second in the given columns (1-based, or first and last). */
    mergeDown: (cols: (number | [number, number])[]) => {
      const second = ws.lastRow!.number;
      for (const c of cols) {
        const [from, to] = typeof c === 'number' ? [c, c] : c;
        ws.mergeCells(second - 1, from, second, to);
      }
    },
  };
}
export type SheetWriter = ReturnType<typeof sheetWriter>;

const PAGE: Partial<ExcelJS.PageSetup> = {
  paperSize: A4,
  orientation: 'portrait',
  // Printed at 100 %: fitting to a page would shrink the type below what a leader reads without glasses.
  scale: 100,
  fitToPage: false,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.4, top: 0.4, bottom: 0.4, header: 0.2, footer: 0.2 },
};

/** Writes Thống kê; returns the chart of its key figures, which exceljs cannot write (added to the package). */
export function writeStats(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult): ColumnChart {
  const ws = wb.addWorksheet(MASTER_SHEETS.stats, {
    // The tab the workbook opens on (exceljs writes the flag but does not type it).
    views: [{ tabSelected: true } as Partial<ExcelJS.WorksheetView>],
    pageSetup: PAGE,
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const w = sheetWriter(ws);
  writeTitle(w, result);
  const chart = writeKeyFigures(w, ws, result);
  writeUnitStandings(w, result);
  writeForms(w, result);
  // Page 1 holds what a leader reads first; the detail starts page 2.
  w.pageBreak();
  writePerUnit(w, result);
  writePeople(w, result);
  writeGroups(w, result);
  writeStagesSection(w, result);
  ws.commit();
  return chart;
}

function writeTitle(w: SheetWriter, result: MergeResult): void {
  const { plan } = result;
  w.wide('THỐNG KÊ ĐỀ NGHỊ KHEN THƯỞNG', TITLE, 14);
  w.wide(plan.title, SUBTITLE);
  const rule = result.approvedOnly
    ? 'danh sách chỉ gồm đề nghị được Hội đồng đồng ý'
    : 'danh sách gồm đề nghị hợp lệ, trừ đề nghị Hội đồng không đồng ý';
  const at = `${formatClock(result.generatedAt, plan.timeZone)}, ${longDate(localDate(result.generatedAt, plan.timeZone))}`;
  w.wide(`Số liệu lập lúc ${at}; ${rule}${result.includeLate ? ', kể cả hồ sơ gửi muộn' : ''}.`, SUBTITLE);
}

/** Nominations of each form of the plan (and those naming none), then all of them: label and list. */
function byForm(result: MergeResult, list = result.nominations): { label: string; list: Nomination[] }[] {
  const noForm = list.filter((n) => !n.form);
  return [
    ...result.plan.forms.map((f) => ({ label: f.label, list: list.filter((n) => n.form === f.code) })),
    ...(noForm.length ? [{ label: 'Chưa rõ hình thức', list: noForm }] : []),
  ];
}

/** Key-table columns (0-based): the label spans three, each figure two. */
const KEY_SPANS = [3, ...Object.keys(KEY_FIGURES).map(() => 2)];
const KEY_COLUMNS = KEY_SPANS.slice(1).map((_, i) => 3 + 2 * i);
/** The chart's room below the key table, in points: its columns and labels readable on page 1. */
const CHART_HEIGHT = 190;
export const KEY_CHART_TITLE = 'Biểu đồ đề nghị tiếp nhận, hợp lệ và được Hội đồng đồng ý theo hình thức';

function writeKeyFigures(w: SheetWriter, ws: ExcelJS.Worksheet, result: MergeResult): ColumnChart {
  w.gap();
  w.wide(STATS_SECTIONS.key, SECTION, 12);
  const keys = Object.keys(KEY_FIGURES) as (keyof typeof KEY_FIGURES)[];
  const spans = KEY_SPANS;
  const header = w.put(['Hình thức khen thưởng', ...Object.values(KEY_FIGURES)], HEAD, { spans });
  const figures = (label: string, list: Nomination[]) => {
    const c = countNominations(result, list);
    return { label, values: keys.map((k) => c[k]) };
  };
  const forms = byForm(result).map((f) => figures(f.label, f.list));
  for (const f of [...forms, figures('Tổng cộng', result.nominations)])
    w.put([f.label, ...f.values], [KEY_LABEL, ...keys.map(() => KEY_NUMBER)], { spans, size: 12 });
  const room = ws.addRow([]);
  room.height = CHART_HEIGHT;
  return keyFiguresChart(header.number - 1, forms, room.number - 1, CHART_HEIGHT);
}

/**
 * The key figures per form as a clustered column chart drawn in the room row below the table; its series
 * read the table's cells, so the chart follows a figure a leader corrects. The total is left out: it
 * would dwarf the forms. Rows are 0-based.
 */
export function keyFiguresChart(
  headerRow: number,
  forms: { label: string; values: number[] }[],
  roomRow: number,
  height: number,
): ColumnChart {
  return {
    sheet: MASTER_SHEETS.stats,
    title: KEY_CHART_TITLE,
    headerRow,
    firstRow: headerRow + 1,
    lastRow: headerRow + forms.length,
    categoryColumn: 0,
    categories: forms.map((f) => f.label),
    series: Object.values(KEY_FIGURES).map((name, i) => ({
      column: KEY_COLUMNS[i]!,
      name,
      values: forms.map((f) => f.values[i]!),
    })),
    height,
    from: { row: roomRow, col: 0 },
    to: { row: roomRow + 1, col: LAST },
  };
}

/** The key-figures chart of a Thống kê read back from a master (undefined when the table is not there). */
export function keyFiguresChartOf(ws: ExcelJS.Worksheet): ColumnChart | undefined {
  const text = (r: number, c = 1) => String(ws.getRow(r).getCell(c).value ?? '');
  let section = 0;
  ws.eachRow((r, n) => {
    if (!section && text(n) === STATS_SECTIONS.key) section = n;
  });
  if (!section) return undefined;
  const forms: { label: string; values: number[] }[] = [];
  let r = section + 2;
  for (; text(r) && text(r) !== 'Tổng cộng'; r++)
    forms.push({ label: text(r), values: KEY_COLUMNS.map((c) => Number(ws.getRow(r).getCell(c + 1).value) || 0) });
  // The room row follows the total; its height is the one merge gave it.
  const height = ws.getRow(r + 1).height || CHART_HEIGHT;
  return text(r) === 'Tổng cộng' && forms.length ? keyFiguresChart(section, forms, r, height) : undefined;
}

function writeUnitStandings(w: SheetWriter, result: MergeResult): void {
  w.gap();
  w.wide(STATS_SECTIONS.units, SECTION, 12);
  const standings = result.units.map((u) => ({ u, standing: unitStanding(u, result) }));
  const of = (s: UnitStanding) => standings.filter((x) => x.standing === s).map((x) => x.u.name);
  const order = Object.keys(UNIT_STATUS_LABELS) as UnitStanding[];
  w.table(
    ['', ...Object.values(STATS_UNIT_HEADERS)],
    [{ label: 'Số đơn vị', values: [result.units.length, ...order.map((s) => of(s).length)] }],
  );
  for (const s of order.filter((x) => x !== 'onTime'))
    if (of(s).length) w.wide(`${UNIT_STATUS_LABELS[s]}: ${of(s).join('; ')}.`, NOTE);
}

function writeForms(w: SheetWriter, result: MergeResult): void {
  w.gap();
  w.wide(STATS_SECTIONS.forms, SECTION, 12);
  const keys = Object.keys(STATS_FORM_HEADERS) as (keyof typeof STATS_FORM_HEADERS)[];
  const row = (label: string, c: Counts, total = false) => ({ label, values: keys.map((k) => c[k]), total });
  w.table(
    ['Hình thức', ...Object.values(STATS_FORM_HEADERS)],
    [
      ...byForm(result).map((f) => row(f.label, countNominations(result, f.list))),
      row('Tổng cộng', countNominations(result, result.nominations), true),
    ],
  );
}

/** Per unit: what was received and why it is not valid, so a zero explains itself; a unit without an
 *  accepted file says where it stands instead of a row of zeros. */
function writePerUnit(w: SheetWriter, result: MergeResult): void {
  const grouped = result.units.length > MAX_UNIT_ROWS;
  w.gap();
  w.wide(grouped ? STATS_PER_GROUP_SECTION : STATS_SECTIONS.perUnit, SECTION, 12);
  const spans = [1, 1, 1, 1, 1, 2, 2];
  // The last two headers cover both header rows: written once, in single cells merged afterwards.
  const { approved, listed } = STATS_FORM_HEADERS;
  w.put(['Đơn vị', 'Đề nghị tiếp nhận', approved, '', listed, ''], HEAD, {
    spans: [1, 4, 1, 1, 1, 1],
    measure: [1, 4, 2, 0, 2, 0],
  });
  const { valid, invalid, late } = STATS_FORM_HEADERS;
  w.put(['', 'Tổng số', valid, invalid, late, '', '', '', ''], HEAD);
  w.mergeDown([1, [6, 7], [8, 9]]);
  const figures = (list: Nomination[]) => {
    const c = countNominations(result, list);
    return [c.all, c.valid, c.invalid, c.late, c.approved, c.listed];
  };
  if (grouped) {
    for (const { label, members } of unitGroups(result)) {
      const values = figures(result.nominations.filter((n) => members.has(n.unit)));
      w.put([label, ...values], [LABEL, ...values.map(() => NUMBER)], { spans });
    }
  }
  for (const u of grouped ? [] : result.units) {
    const standing = unitStanding(u, result);
    if (standing === 'refused' || standing === 'missing') {
      w.put([u.name, UNIT_STATUS_LABELS[standing]], [LABEL, STANDING], { spans: [1, LAST - 1] });
      continue;
    }
    const values = figures(result.nominations.filter((n) => n.unit === u.unit));
    w.put([u.name, ...values], [LABEL, ...values.map(() => NUMBER)], { spans });
  }
  const totals = figures(result.nominations);
  w.put(['Tổng cộng', ...totals], [TOTAL_LABEL, ...totals.map(() => TOTAL)], { spans });
}

function writePeople(w: SheetWriter, result: MergeResult): void {
  const { plan } = result;
  w.gap();
  w.wide(STATS_SECTIONS.people, SECTION, 12);
  const valid = result.nominations.filter((n) => n.status === 'valid');
  const personRow = (label: string, list: Nomination[], total = false) => {
    const p = list.filter((n) => isPerson(plan, n.type));
    const women = p.filter((n) => n.gender === 'Nữ');
    return {
      label,
      total,
      values: [
        p.length,
        women.length,
        p.length ? `${Math.round((women.length / p.length) * 100)}%` : '–',
        countNominations(result, women).approved,
        p.filter((n) => n.leader === true).length,
        p.filter((n) => n.leader === false).length,
        p.filter((n) => n.leader === null).length,
      ],
    };
  };
  // The two long headers take two columns each, so the header row stays low.
  w.table(
    [
      'Hình thức',
      'Cá nhân',
      'Nữ',
      'Tỷ lệ nữ',
      'Nữ được Hội đồng đồng ý',
      'Lãnh đạo quản lý',
      'Không giữ chức vụ lãnh đạo',
      'Chưa ghi',
    ],
    [...byForm(result, valid).map((f) => personRow(f.label, f.list)), personRow('Tổng cộng', valid, true)],
    [1, 1, 1, 1, 2, 1, 1, 1],
  );
  w.wide(`"Chưa ghi": cá nhân để trống cột "Lãnh đạo quản lý". ${NO_FEMALE_HEAD_FIELD}`, NOTE);
}

function writeGroups(w: SheetWriter, result: MergeResult): void {
  const { plan } = result;
  w.gap();
  w.wide(STATS_SECTIONS.groups, SECTION, 12);
  w.put(['Hình thức', ...plan.nomineeTypes.map((t) => t.label), 'Tổng cộng'], HEAD, {
    spans: [1, ...plan.nomineeTypes.map(() => plan.groups.length), 1],
  });
  w.put(['', ...plan.nomineeTypes.flatMap(() => plan.groups.map((g) => g.label)), ''], HEAD);
  w.mergeDown([1, 2 + plan.nomineeTypes.length * plan.groups.length]);
  const valid = result.nominations.filter((n) => n.status === 'valid');
  const combos = plan.nomineeTypes.flatMap((t) => plan.groups.map((g) => ({ t: t.code, g: g.code })));
  const groupRow = (label: string, list: Nomination[], total = false) => ({
    label,
    total,
    values: [...combos.map(({ t, g }) => list.filter((n) => n.type === t && n.group === g).length), list.length],
  });
  const rows = [...byForm(result, valid).map((f) => groupRow(f.label, f.list)), groupRow('Tổng cộng', valid, true)];
  for (const r of rows)
    w.put([r.label, ...r.values], [r.total ? TOTAL_LABEL : LABEL, ...r.values.map(() => (r.total ? TOTAL : NUMBER))]);
}
