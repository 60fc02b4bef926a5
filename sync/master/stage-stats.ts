// Thống kê's last section (SPEC §8): each form's proposals through their stages — valid proposals, approved
// by the council, decided above (awarded, not awarded, not known yet) — then per unit as "proposed →
// approved → awarded". Kept apart from the sheet's own layout: it only appends rows under what is there.
import { isDecidedAbove } from '../../engine/index.js';
import { countStages, stagesText } from '../council-outcomes.js';
import type { MergeResult } from '../merge-model.js';
import { standingOf } from '../statuses.js';
import type { SheetWriter } from './stats.js';

export const STAGE_HEADERS = {
  // Only valid proposals go to the council: "Đề nghị" alone would read as every proposal received.
  proposed: 'Đề nghị hợp lệ',
  approved: 'Hội đồng đồng ý',
  awarded: 'Cấp trên: được khen',
  notAwarded: 'Cấp trên: không được khen',
  awaiting: 'Chưa có kết quả cấp trên',
} as const;

export const STAGES_TITLE = '7. Kết quả xét và quyết định khen thưởng';

/**
 * Written once the council has decided something: before that every stage after "proposed" is zero and
 * section 1 already says so, and Thống kê stays on its two pages. It starts a page of its own, its heading
 * with its tables.
 */
export function writeStagesSection(w: SheetWriter, result: MergeResult): void {
  const { plan } = result;
  if (result.nominations.every((n) => standingOf(result, n).council === 'pending')) return;
  w.pageBreak();
  w.section(STAGES_TITLE);
  const keys = Object.keys(STAGE_HEADERS) as (keyof typeof STAGE_HEADERS)[];
  const forms = plan.forms.map((form) => {
    const s = countStages(
      result,
      result.nominations.filter((n) => n.form === form.code),
    );
    // A form the Sở decides has no stage above: its cells say so instead of a zero.
    const values = keys.map((k) => (k === 'proposed' || k === 'approved' || isDecidedAbove(form) ? s[k] : '–'));
    return { label: form.label, values };
  });
  w.table(['Hình thức', ...Object.values(STAGE_HEADERS)], forms, w.spread(keys.length));
  w.gap();
  const units = result.units
    .filter((x) => x.status !== 'missing')
    .map((u) => {
      const mine = result.nominations.filter((n) => n.unit === u.unit);
      const stages = (code: string) =>
        countStages(
          result,
          mine.filter((n) => n.form === code),
        );
      return { label: u.name, values: plan.forms.map((f) => stagesText(stages(f.code), f)) };
    });
  w.table(
    ['Đơn vị (đề nghị hợp lệ → đồng ý → được khen)', ...plan.forms.map((f) => f.shortLabel ?? f.label)],
    units,
    w.spread(plan.forms.length),
  );
}
