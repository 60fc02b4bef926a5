// A row that passes every check of a plan, for scripted sample cases.
import { isPerson, type Cell, type ColumnKey, type NomineeTypeCode, type Plan } from '../../engine/index.js';
import type { FillRow } from '../../templates/workbook.js';

export function validRowFor(
  plan: Plan,
  type: NomineeTypeCode,
  overrides: Partial<Record<ColumnKey, Cell>> = {},
): FillRow {
  const form = plan.forms.find((f) => !f.requiresOutstanding) ?? plan.forms[0]!;
  const group = plan.groups.find((g) => form.eligibleGroups.includes(g.code))!;
  const values: Partial<Record<ColumnKey, Cell>> = {
    name: isPerson(plan, type) ? 'Trần Thị Bình' : 'Phòng Kinh tế và Hạ tầng',
    group: group.label,
    form: form.label,
    outstanding: 'Không',
    summary: 'Hoàn thành xuất sắc nhiệm vụ được giao trong đợt thi đua đặc biệt năm nay',
    report: 'Có',
    confirmation: 'Có',
  };
  (plan.criteria[type] ?? []).forEach((_, i) => (values[`criterion${i}`] = 'Đạt'));
  if (isPerson(plan, type))
    Object.assign(values, {
      gender: 'Nữ',
      birthYear: 1985,
      position: 'Chuyên viên',
      workplace: 'Phòng Kinh tế',
      leader: 'Không',
    });
  return { type, values: { ...values, ...overrides } };
}
