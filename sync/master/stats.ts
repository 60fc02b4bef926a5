// Thống kê: what leaders read first, on one printed A4 page — which units sent on time, how many valid
// proposals and council approvals per form and per unit, women and leaders among individuals, and the
// form × type × group table. Every figure is a field of the one count (statuses.ts).
import type ExcelJS from 'exceljs';
import { formatLocalTime, isPerson, type Nomination } from '../../engine/index.js';
import type { MergeResult } from '../merge-model.js';
import { countNominations, type Counts } from '../statuses.js';
import { MASTER_SHEETS } from './layout.js';
import { BORDER } from './styles.js';

/** Column headers of the per-form table, each a field of the one count. */
export const STATS_FORM_HEADERS = {
  valid: 'Đề nghị hợp lệ',
  approved: 'Hội đồng đồng ý',
  rejected: 'Hội đồng không đồng ý',
  pending: 'Chưa xét',
  listed: 'Đưa vào danh sách',
  invalid: 'Không hợp lệ',
  late: 'Gửi muộn',
} as const satisfies Partial<Record<keyof Counts, string>>;

export const STATS_UNIT_HEADERS = {
  total: 'Tổng số đơn vị',
  sent: 'Đã gửi',
  onTime: 'Đúng hạn',
  late: 'Gửi muộn',
  missing: 'Chưa gửi',
} as const;

/** Said where the template has no field to count from. */
export const NO_FEMALE_HEAD_FIELD =
  'Mẫu đề nghị không có thông tin về người đứng đầu tập thể, nên chưa thống kê được tập thể do nữ làm thủ trưởng.';

const FONT = 'Times New Roman';
const WIDTHS = [30, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5, 9.5];
const LAST = WIDTHS.length;
const SIZE = 10;

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
const TITLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 13, bold: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const SUBTITLE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: SIZE, italic: true },
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const SECTION: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: 11, bold: true },
  alignment: { vertical: 'bottom' },
};
const NOTE: Partial<ExcelJS.Style> = {
  font: { name: FONT, size: SIZE, italic: true },
  alignment: { vertical: 'top', wrapText: true },
};

/** Lines a text takes wrapped at word boundaries in a cell `width` characters wide. */
export function wrappedLines(text: string, width: number): number {
  // Generous: a Times New Roman character at 10 pt is narrower than Excel's width unit, but bold
  // capitals and diacritics are not; a line too many is blank space, a line too few is cut text.
  const perLine = Math.max(1, Math.floor(width * 1.05) - 2);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (used && used + 1 + word.length > perLine) {
        lines++;
        used = 0;
      }
      used += (used ? 1 : 0) + word.length;
      while (used > perLine) {
        lines++;
        used -= perLine;
      }
    }
  }
  return lines;
}

/** Row height in points that shows every cell's wrapped text (spans: columns each cell covers). */
function heightFor(values: (string | number | null)[], spans: number[] = [], size = SIZE): number {
  let col = 0;
  let lines = 1;
  values.forEach((v, i) => {
    const span = spans[i] ?? 1;
    const width = WIDTHS.slice(col, col + span).reduce((a, b) => a + b, 0);
    if (v !== null && v !== '') lines = Math.max(lines, wrappedLines(String(v), width));
    col += span;
  });
  return Math.ceil(lines * size * 1.3 + 5);
}

export function writeStats(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult): void {
  const { plan } = result;
  const ws = wb.addWorksheet(MASTER_SHEETS.stats, {
    // The tab the workbook opens on (exceljs writes the flag but does not type it).
    views: [{ tabSelected: true } as Partial<ExcelJS.WorksheetView>],
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 1,
      horizontalCentered: true,
      margins: { left: 0.6, right: 0.4, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
    },
  });
  ws.columns = WIDTHS.map((width) => ({ width }));
  const count = (list: Nomination[]) => countNominations(result, list);

  const put = (
    values: (string | number | null)[],
    styles: Partial<ExcelJS.Style> | Partial<ExcelJS.Style>[],
    opts: { spans?: number[]; size?: number } = {},
  ): ExcelJS.Row => {
    // Spanned cells are laid out at their first column, the rest of the span left empty.
    const cells: (string | number | null)[] = [];
    const cellStyles: Partial<ExcelJS.Style>[] = [];
    values.forEach((v, i) => {
      const span = opts.spans?.[i] ?? 1;
      const style = Array.isArray(styles) ? styles[i]! : styles;
      cells.push(v);
      cellStyles.push(style);
      for (let k = 1; k < span; k++) {
        cells.push(null);
        cellStyles.push(style);
      }
    });
    const row = ws.addRow(cells);
    cellStyles.forEach((s, i) => (row.getCell(i + 1).style = s));
    let col = 1;
    (opts.spans ?? []).forEach((span) => {
      if (span > 1) ws.mergeCells(row.number, col, row.number, col + span - 1);
      col += span;
    });
    row.height = heightFor(values, opts.spans, opts.size);
    return row;
  };
  const wide = (text: string, style: Partial<ExcelJS.Style>, size = SIZE) =>
    put([text], style, { spans: [LAST], size });
  const gap = () => (ws.addRow([]).height = 6);
  const table = (header: string[], rows: { label: string; values: (number | string)[]; total?: boolean }[]) => {
    put(header, HEAD);
    for (const r of rows)
      put([r.label, ...r.values], [r.total ? TOTAL_LABEL : LABEL, ...r.values.map(() => (r.total ? TOTAL : NUMBER))]);
  };

  wide('THỐNG KÊ ĐỀ NGHỊ KHEN THƯỞNG', TITLE, 13);
  wide(plan.title, SUBTITLE);
  const rule = result.approvedOnly
    ? 'danh sách chỉ gồm đề nghị được Hội đồng đồng ý'
    : 'danh sách gồm đề nghị hợp lệ, trừ đề nghị Hội đồng không đồng ý';
  wide(
    `Số liệu lập lúc ${formatLocalTime(result.generatedAt, plan.timeZone)}; ${rule}${result.includeLate ? ', kể cả hồ sơ gửi muộn' : ''}.`,
    SUBTITLE,
  );

  // 1. Units.
  gap();
  wide('1. Đơn vị gửi hồ sơ', SECTION, 11);
  const units = result.units;
  const sent = units.filter((u) => u.status !== 'missing');
  const late = units.filter((u) => u.status === 'late');
  table(
    ['', ...Object.values(STATS_UNIT_HEADERS)],
    [
      {
        label: 'Số đơn vị',
        values: [units.length, sent.length, sent.length - late.length, late.length, units.length - sent.length],
      },
    ],
  );
  const missing = units.filter((u) => u.status === 'missing').map((u) => u.name);
  if (late.length) wide(`Gửi muộn: ${late.map((u) => u.name).join('; ')}.`, NOTE);
  if (missing.length) wide(`Chưa gửi: ${missing.join('; ')}.`, NOTE);

  // 2. Per form: proposed and approved side by side.
  gap();
  wide('2. Đề nghị theo hình thức khen thưởng', SECTION, 11);
  const formKeys = Object.keys(STATS_FORM_HEADERS) as (keyof typeof STATS_FORM_HEADERS)[];
  const formRow = (label: string, c: Counts, total = false) => ({ label, values: formKeys.map((k) => c[k]), total });
  const noForm = result.nominations.filter((n) => !n.form);
  table(
    ['Hình thức', ...Object.values(STATS_FORM_HEADERS)],
    [
      ...plan.forms.map((f) => formRow(f.label, count(result.nominations.filter((n) => n.form === f.code)))),
      ...(noForm.length ? [formRow('Chưa rõ hình thức', count(noForm))] : []),
      formRow('Tổng cộng', count(result.nominations), true),
    ],
  );

  // 3. Unit × form: proposed (valid) and approved.
  gap();
  wide('3. Đề nghị hợp lệ và được Hội đồng đồng ý theo đơn vị', SECTION, 11);
  const short = (f: (typeof plan.forms)[number]) => f.shortLabel ?? f.label;
  put(['Đơn vị', ...plan.forms.map(short), 'Tổng cộng'], HEAD, { spans: [1, ...plan.forms.map(() => 2), 2] });
  const pairHeader = ['Hợp lệ', 'Đồng ý'];
  put(['', ...[...plan.forms, null].flatMap(() => pairHeader)], HEAD);
  ws.mergeCells(ws.lastRow!.number - 1, 1, ws.lastRow!.number, 1);
  const pair = (c: Counts) => [c.valid, c.approved];
  const byUnit = new Map<string, Nomination[]>();
  for (const n of result.nominations) {
    const list = byUnit.get(n.unit);
    if (list) list.push(n);
    else byUnit.set(n.unit, [n]);
  }
  for (const u of units) {
    const mine = byUnit.get(u.unit) ?? [];
    const values = [
      ...plan.forms.flatMap((f) => pair(count(mine.filter((n) => n.form === f.code)))),
      ...pair(count(mine)),
    ];
    put([u.name, ...values], [LABEL, ...values.map(() => NUMBER)]);
  }
  const totals = [
    ...plan.forms.flatMap((f) => pair(count(result.nominations.filter((n) => n.form === f.code)))),
    ...pair(count(result.nominations)),
  ];
  put(['Tổng cộng', ...totals], [TOTAL_LABEL, ...totals.map(() => TOTAL)]);

  // 4. Individuals: women and leaders; collectives.
  gap();
  wide('4. Cá nhân hợp lệ: nữ, lãnh đạo quản lý', SECTION, 11);
  const valid = result.nominations.filter((n) => n.status === 'valid');
  const people = (list: Nomination[]) => list.filter((n) => isPerson(plan, n.type));
  const personRow = (label: string, list: Nomination[], total = false) => {
    const p = people(list);
    const women = p.filter((n) => n.gender === 'Nữ').length;
    const approvedWomen = count(p.filter((n) => n.gender === 'Nữ')).approved;
    return {
      label,
      total,
      values: [
        p.length,
        women,
        p.length ? `${Math.round((women / p.length) * 100)}%` : '–',
        approvedWomen,
        p.filter((n) => n.leader === true).length,
        p.filter((n) => n.leader === false).length,
        p.filter((n) => n.leader === null).length,
      ],
    };
  };
  table(
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
    [
      ...plan.forms.map((f) =>
        personRow(
          f.label,
          valid.filter((n) => n.form === f.code),
        ),
      ),
      personRow('Tổng cộng', valid, true),
    ],
  );
  wide(`"Chưa ghi": cá nhân để trống cột "Lãnh đạo quản lý". ${NO_FEMALE_HEAD_FIELD}`, NOTE);

  // 5. Form × type × group.
  gap();
  wide('5. Đề nghị hợp lệ theo loại đối tượng và khối', SECTION, 11);
  put(['Hình thức', ...plan.nomineeTypes.map((t) => t.label), 'Tổng cộng'], HEAD, {
    spans: [1, ...plan.nomineeTypes.map(() => plan.groups.length), 1],
  });
  put(['', ...plan.nomineeTypes.flatMap(() => plan.groups.map((g) => g.label)), ''], HEAD);
  const headerRow = ws.lastRow!.number;
  const totalCol = 2 + plan.nomineeTypes.length * plan.groups.length;
  ws.mergeCells(headerRow - 1, 1, headerRow, 1);
  ws.mergeCells(headerRow - 1, totalCol, headerRow, totalCol);
  const combos = plan.nomineeTypes.flatMap((t) => plan.groups.map((g) => ({ t: t.code, g: g.code })));
  const groupRow = (label: string, list: Nomination[], total = false) => ({
    label,
    total,
    values: [...combos.map(({ t, g }) => list.filter((n) => n.type === t && n.group === g).length), list.length],
  });
  for (const r of [
    ...plan.forms.map((f) =>
      groupRow(
        f.label,
        valid.filter((n) => n.form === f.code),
      ),
    ),
    groupRow('Tổng cộng', valid, true),
  ])
    put([r.label, ...r.values], [r.total ? TOTAL_LABEL : LABEL, ...r.values.map(() => (r.total ? TOTAL : NUMBER))]);
  ws.commit();
}
