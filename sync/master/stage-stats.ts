// Thống kê's last section (SPEC §8): each form's proposals through their stages — proposed, approved by the
// council, decided above (awarded, not awarded, not known yet) — then per unit as "proposed → approved →
// awarded". Kept apart from the sheet's own layout: it only appends rows under what is there.
import type ExcelJS from 'exceljs';
import { isDecidedAbove } from '../../engine/index.js';
import { countStages, stagesText } from '../council-outcomes.js';
import type { MergeResult } from '../merge-model.js';
import { standingOf } from '../statuses.js';
import { BORDER } from './styles.js';

export const STAGE_HEADERS = {
  proposed: 'Đề nghị',
  approved: 'Hội đồng đồng ý',
  awarded: 'Cấp trên: được khen',
  notAwarded: 'Cấp trên: không được khen',
  awaiting: 'Chưa có kết quả cấp trên',
} as const;

export const STAGES_TITLE = '7. Kết quả xét và quyết định khen thưởng';

const font = (bold: boolean, italic = false) => ({ name: 'Times New Roman', size: 10, bold, italic });
const BOX: Partial<ExcelJS.Style> = {
  font: font(false),
  border: BORDER,
  alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
};
const HEAD: Partial<ExcelJS.Style> = {
  ...BOX,
  font: font(true),
  fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
};
const LABEL: Partial<ExcelJS.Style> = { ...BOX, alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } };

function put(ws: ExcelJS.Worksheet, values: (string | number)[], styles: Partial<ExcelJS.Style>[], height = 15) {
  const row = ws.addRow(values);
  styles.forEach((s, i) => (row.getCell(i + 1).style = s));
  row.height = height;
}

/**
 * Written once the council has decided something: before that every stage after "proposed" is zero and
 * section 1 already says so, and Thống kê stays on its two pages.
 */
export function writeStagesSection(ws: ExcelJS.Worksheet, result: MergeResult): void {
  const { plan } = result;
  if (result.nominations.every((n) => standingOf(result, n).council === 'pending')) return;
  ws.addRow([]).height = 6;
  put(ws, [STAGES_TITLE], [{ font: { ...font(true), size: 11 } }]);
  const keys = Object.keys(STAGE_HEADERS) as (keyof typeof STAGE_HEADERS)[];
  put(ws, ['Hình thức', ...Object.values(STAGE_HEADERS)], [HEAD, ...keys.map(() => HEAD)], 28);
  for (const form of plan.forms) {
    const s = countStages(
      result,
      result.nominations.filter((n) => n.form === form.code),
    );
    // A form the Sở decides has no stage above: its cells say so instead of a zero.
    const values = keys.map((k) => (k === 'proposed' || k === 'approved' || isDecidedAbove(form) ? s[k] : '–'));
    put(ws, [form.label, ...values], [LABEL, ...values.map(() => BOX)], 28);
  }
  put(
    ws,
    ['Đơn vị (đề nghị → đồng ý → được khen)', ...plan.forms.map((f) => f.shortLabel ?? f.label)],
    [HEAD, ...plan.forms.map(() => HEAD)],
    28,
  );
  for (const u of result.units.filter((x) => x.status !== 'missing')) {
    const mine = result.nominations.filter((n) => n.unit === u.unit);
    const values = plan.forms.map((f) =>
      stagesText(
        countStages(
          result,
          mine.filter((n) => n.form === f.code),
        ),
        f,
      ),
    );
    put(ws, [u.name, ...values], [LABEL, ...values.map(() => BOX)]);
  }
}
