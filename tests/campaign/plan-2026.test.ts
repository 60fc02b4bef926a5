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

  it('cites the law of 2022 and the decree in force since 1 July 2025 (Nghị định 152/2025), never the one it ended', async () => {
    const plan = await loadPlan(JSON_2026);
    expect(plan.documents!.basis.slice(0, 2)).toEqual([
      'Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
      'Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025 của Chính phủ quy định về phân cấp, phân quyền trong lĩnh vực thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, khen thưởng',
    ]);
    // Khoản 2 Điều 59 of Nghị định 152/2025 ended Nghị định 98/2023 on 1 July 2025: no paper may rest on it.
    const wording = JSON.stringify(plan.documents);
    expect(wording).not.toContain('98/2023');
    expect(plan.documents!.quyet_dinh.articles!.join('\n')).toContain('Nghị định số 152/2025/NĐ-CP');
    expect(plan.sources!.join('\n')).toMatch(/06\/2022\/QH15.*https:\/\//);
    expect(plan.sources!.join('\n')).toMatch(/152\/2025\/NĐ-CP.*Điều 59.*98\/2023\/NĐ-CP.*hết hiệu lực/);
    expect(plan.sources!.join('\n')).toContain('dữ liệu mẫu');
    expect(plan.title).toContain('dữ liệu mẫu');
  });

  it('pays the prize on the base salary in force when a decision of May 2026 is signed, and says when it changes', async () => {
    const plan = await loadPlan(JSON_2026);
    // Nghị định 73/2024 (2.340.000 đồng) holds until Nghị định 161/2026 replaces it on 1 July 2026.
    expect(plan.prize!.baseSalary).toBe(2_340_000);
    expect(plan.prize!.baseSalaryBasis).toMatch(/73\/2024\/NĐ-CP.*01\/7\/2026.*2\.530\.000.*161\/2026\/NĐ-CP/);
    expect(plan.sources!.join('\n')).toMatch(/161\/2026\/NĐ-CP.*2\.530\.000.*https:\/\//);
    // What stays unverified is left blank, never guessed.
    expect(plan.forms.find((f) => f.prize)!.prize!.collective).toBeUndefined();
    expect(plan.dossier.reportForm!.label).toBeUndefined();
  });
});
