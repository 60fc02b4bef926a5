// The 2026 example plan, made only through the plan workbook (dev/plans/make-2026.ts): the workbook shipped
// and the JSON shipped are the same plan, valid, on the regime in force since 2024, with its sources.
import { describe, expect, it } from 'vitest';
import { planFingerprint } from '../../engine/index.js';
import { loadPlan } from '../../node/plan-file.js';
import { JSON_2026, WORKBOOK_2026 } from '../../dev/plans/make-2026.js';

describe('the 2026 example plan', () => {
  it('is the same plan in the shipped workbook and the shipped JSON', async () => {
    const fromWorkbook = await loadPlan(WORKBOOK_2026);
    const fromJson = await loadPlan(JSON_2026);
    expect(planFingerprint(fromWorkbook)).toBe(planFingerprint(fromJson));
  });

  it('has the Sở departments and about a hundred commune-level units, no district level', async () => {
    const plan = await loadPlan(JSON_2026);
    expect(plan.units.length).toBeGreaterThanOrEqual(100);
    expect(plan.units.filter((u) => u.group === 'so_unit')).toHaveLength(8);
    expect(plan.units.some((u) => /huyện/.test(u.name))).toBe(false);
    expect(plan.units.map((u) => u.name)).toContain('Phòng Kinh tế, Hạ tầng và Đô thị phường Kon Tum');
    expect(plan.campaign.start <= plan.deadline && plan.deadline <= plan.campaign.end).toBe(true);
  });

  it('cites the law of 2022 and Nghị định 98/2023, with the published sources and its example data marked', async () => {
    const plan = await loadPlan(JSON_2026);
    expect(plan.documents!.basis.slice(0, 2)).toEqual([
      'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng',
    ]);
    expect(plan.sources!.join('\n')).toMatch(/06\/2022\/QH15.*https:\/\//);
    expect(plan.sources!.join('\n')).toMatch(/98\/2023\/NĐ-CP.*https:\/\//);
    expect(plan.sources!.join('\n')).toContain('dữ liệu mẫu');
    expect(plan.title).toContain('dữ liệu mẫu');
  });
});
