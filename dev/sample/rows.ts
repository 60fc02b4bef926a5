// A row that passes every check of a plan, for scripted sample cases.
import { isPerson, type Cell, type ColumnKey, type NomineeTypeCode, type Plan } from '../../engine/index.js';
import type { FillRow } from '../../templates/workbook.js';

/**
 * A valid row of `unitCode`'s file (by default the plan's first unit, the one test workbooks name): the
 * nominee is of the unit's own group, which a unit may always propose, and the form is one open to that
 * group without needing "Tiêu biểu xuất sắc".
 */
export function validRowFor(
  plan: Plan,
  type: NomineeTypeCode,
  overrides: Partial<Record<ColumnKey, Cell>> = {},
  unitCode: string = plan.units[0]!.code,
): FillRow {
  const unit = plan.units.find((u) => u.code === unitCode);
  if (!unit) throw new Error(`No unit ${unitCode} in plan ${plan.id}`);
  const group = plan.groups.find((g) => g.code === unit.group)!;
  const open = plan.forms.filter((f) => f.eligibleGroups.includes(group.code));
  const form = open.find((f) => !f.requiresOutstanding) ?? open[0] ?? plan.forms[0]!;
  const values: Partial<Record<ColumnKey, Cell>> = {
    name: isPerson(plan, type) ? 'Trần Thị Bình' : 'Phòng Kinh tế và Hạ tầng',
    group: group.label,
    form: form.label,
    outstanding: form.requiresOutstanding ? 'Có' : 'Không',
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
