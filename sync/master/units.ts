// Theo đơn vị: every unit of the plan, also those that sent nothing, so the secretariat knows whom to chase.
import { wideTablePrint } from '../../node/print.js';
import type ExcelJS from 'exceljs';
import { formatLocalTime, NOMINATION_STATUS_LABELS, type Plan } from '../../engine/index.js';
import type { MergeResult, UnitStatus } from '../merge-model.js';
import { countNominations, type Counts } from '../statuses.js';
import { keptRow, type TypedSheet, type TypedValues } from '../typed-values/master.js';
import { MASTER_SHEETS, RECEIVED_BY_OFFICE_HEADER, UNIT_CODE_HEADER } from './layout.js';
import { BOLD_STYLE, styleHeader, TOP_STYLE, WRAP_STYLE } from './styles.js';
import { addRow } from './tally.js';

/** The received time the secretariat types per unit (SPEC §7), kept across re-merges by unit code; one
 *  typed on a row that is no unit of the plan is set aside. */
export const UNITS_TYPED: TypedSheet = {
  sheet: MASTER_SHEETS.units,
  key: UNIT_CODE_HEADER,
  columns: [RECEIVED_BY_OFFICE_HEADER],
};
export const unitsTyped = (plan: Plan): TypedSheet => ({
  ...UNITS_TYPED,
  keys: new Set(plan.units.map((u) => u.code)),
  computed: unitsHeaders(plan),
});

/** The headers of Theo đơn vị, in order. */
function unitsHeaders(plan: Plan): string[] {
  return [
    UNIT_CODE_HEADER,
    'Tên đơn vị',
    'Khối',
    'Tệp',
    'Thời điểm nhận',
    RECEIVED_BY_OFFICE_HEADER,
    'Tình trạng',
    ...plan.nomineeTypes.map((t) => t.label),
    ...plan.forms.map((f) => f.label),
    ...Object.values(COUNT_HEADERS),
  ];
}

/** Where a unit stands with its submission, in one vocabulary for every sheet, paper and terminal line. */
export const UNIT_STATUS_LABELS = {
  onTime: 'Gửi đúng hạn',
  late: 'Gửi muộn',
  refused: 'Tệp bị từ chối',
  missing: 'Chưa gửi',
} as const;
export type UnitStanding = keyof typeof UNIT_STATUS_LABELS;

/** A unit without an accepted file whose files were all refused says so: it did send, and can mend them. */
export function unitStanding(u: UnitStatus, result: MergeResult): UnitStanding {
  if (u.status === 'submitted') return 'onTime';
  if (u.status === 'late') return 'late';
  return result.files.some((f) => f.unit === u.unit && f.status === 'rejected') ? 'refused' : 'missing';
}

export const unitStatusLabel = (u: UnitStatus, result: MergeResult): string =>
  UNIT_STATUS_LABELS[unitStanding(u, result)];

/** Status columns of Theo đơn vị, each a field of the one count. */
export const COUNT_HEADERS = {
  valid: NOMINATION_STATUS_LABELS.valid,
  invalid: NOMINATION_STATUS_LABELS.invalid,
  late: NOMINATION_STATUS_LABELS.late,
  approved: 'Hội đồng đồng ý',
  rejected: 'Hội đồng không đồng ý',
  listed: 'Đưa vào danh sách',
} as const;
const countColumns = (c: Counts) => (Object.keys(COUNT_HEADERS) as (keyof typeof COUNT_HEADERS)[]).map((k) => c[k]);

export function writeUnits(wb: ExcelJS.stream.xlsx.WorkbookWriter, result: MergeResult, previous: TypedValues): void {
  const { plan } = result;
  const ws = wb.addWorksheet(MASTER_SHEETS.units, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: wideTablePrint(),
  });
  const groupLabel = new Map(plan.groups.map((g) => [g.code, g.label]));
  const headers = unitsHeaders(plan);
  const counted = 7;
  ws.columns = headers.map((h, i) => ({
    width: i === 1 || i === 2 ? 32 : i === 3 ? 24 : i < counted ? 18 : 12,
    style: i < counted ? WRAP_STYLE : TOP_STYLE,
  }));
  styleHeader(ws.addRow(headers), (c) => headers[c - 1] === RECEIVED_BY_OFFICE_HEADER);

  const totals = new Array<number>(headers.length - counted).fill(0);
  for (const u of result.units) {
    const mine = result.nominations.filter((n) => n.unit === u.unit);
    const counts = [
      ...plan.nomineeTypes.map((t) => mine.filter((n) => n.type === t.code).length),
      ...plan.forms.map((f) => mine.filter((n) => n.form === f.code).length),
      ...countColumns(countNominations(result, mine)),
    ];
    counts.forEach((c, i) => (totals[i]! += c));
    addRow(
      ws,
      [
        u.unit,
        u.name,
        groupLabel.get(u.group) ?? u.group,
        u.file ?? null,
        u.fileReceivedAt ? formatLocalTime(u.fileReceivedAt, plan.timeZone) : null,
        keptRow(previous, MASTER_SHEETS.units, u.unit)?.values.get(RECEIVED_BY_OFFICE_HEADER) ?? null,
        unitStatusLabel(u, result),
        ...counts,
      ],
      WRAP_STYLE,
    );
  }
  const submitted = result.units.filter((u) => u.status !== 'missing').length;
  const total = ws.addRow([
    'Tổng cộng',
    `${submitted}/${result.units.length} đơn vị đã gửi`,
    null,
    null,
    null,
    null,
    null,
    ...totals,
  ]);
  total.eachCell((c) => (c.style = BOLD_STYLE));
  total.commit();
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  ws.commit();
}
