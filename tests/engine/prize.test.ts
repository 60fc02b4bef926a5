// The prize money of a form as the plan states it: coefficient × base salary, rounded up as the decree
// says; the 2021 regime gives the amounts the Sở paid, and a figure the plan leaves blank stays blank.
import { describe, expect, it } from 'vitest';
import { parsePlan, prizeAmount, prizeForms, type Plan } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { loadPlan } from '../../node/plan-file.js';
import { JSON_2026 } from '../../dev/plans/make-2026.js';

const form = (plan: Plan, code: string) => plan.forms.find((f) => f.code === code)!;

describe('prize money as plan data', () => {
  it('pays the 2021 Giấy khen 450.000 đồng a person and 900.000 a collective (Nghị định 91/2017)', () => {
    const gk = form(DEFAULT_PLAN, 'GK_SCT');
    expect(prizeForms(DEFAULT_PLAN).map((f) => f.code)).toEqual(['GK_SCT']);
    expect(prizeAmount(DEFAULT_PLAN, gk, 'ca_nhan')).toBe(450_000);
    expect(prizeAmount(DEFAULT_PLAN, gk, 'tap_the')).toBe(900_000);
    expect(DEFAULT_PLAN.prize!.baseSalary).toBe(1_490_000);
    expect(gk.prize!.basis).toMatch(/91\/2017\/NĐ-CP/);
    expect(DEFAULT_PLAN.prize!.roundingBasis).toMatch(/[Kk]hoản 2 Điều 68.*làm tròn số lên hàng chục ngàn đồng/);
    expect(DEFAULT_PLAN.dossier.reportForm).toEqual({ label: 'Mẫu số 07', basis: expect.stringMatching(/91\/2017/) });
  });

  it('pays no money for a form decided above the Sở', () => {
    expect(prizeAmount(DEFAULT_PLAN, form(DEFAULT_PLAN, 'BK_UBND'), 'ca_nhan')).toBeNull();
  });

  it('rounds up to the plan’s step, and never down', () => {
    const plan = parsePlan({ ...DEFAULT_PLAN, prize: { ...DEFAULT_PLAN.prize!, baseSalary: 1_800_000 } });
    // 0.3 × 1.800.000 = 540.000 exactly; 0.15 × 1.490.000 = 223.500 → 230.000.
    expect(prizeAmount(plan, form(plan, 'GK_SCT'), 'ca_nhan')).toBe(540_000);
    const low = parsePlan({
      ...DEFAULT_PLAN,
      forms: DEFAULT_PLAN.forms.map((f) => (f.prize ? { ...f, prize: { ...f.prize, individual: 0.15 } } : f)),
    });
    expect(prizeAmount(low, form(low, 'GK_SCT'), 'ca_nhan')).toBe(230_000);
  });

  it('pays 702.000 đồng to a person in 2026 and leaves blank what the plan could not verify', async () => {
    const plan = await loadPlan(JSON_2026);
    const gk = form(plan, 'GK_SCT');
    expect(gk.prize!.individual).toBe(0.3);
    expect(gk.prize!.basis).toMatch(/Điều 54 Nghị định số 152\/2025\/NĐ-CP/);
    expect(gk.prize!.collective).toBeUndefined();
    expect(plan.prize!.baseSalaryBasis).toMatch(/73\/2024\/NĐ-CP/);
    // 0,3 × 2.340.000 đồng, whole already: no rounding rule of Nghị định 152/2025 is needed (none verified).
    expect(prizeAmount(plan, gk, 'ca_nhan')).toBe(702_000);
    expect(plan.prize!.roundUpTo).toBeUndefined();
    expect(prizeAmount(plan, gk, 'tap_the')).toBeNull();
    expect(plan.dossier.reportForm!.label).toBeUndefined();
    expect(plan.sources!.join('\n')).toMatch(/152\/2025\/NĐ-CP.*https:\/\//);
  });
});
