// The plan file is validated on load; a wrong file gets a message naming the bad field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PLAN_SHEET,
  planForWorkbook,
  planSheetRows,
  proposableGroups,
  safeParsePlan,
  type Plan,
} from '../../engine/index.js';
import { PLAN } from './grids.js';

const raw = () =>
  JSON.parse(readFileSync(new URL('../../engine/plans/sct-qng-2021-dtdb.json', import.meta.url), 'utf8'));

/** The message a broken plan is refused with. */
function refusal(plan: unknown, source?: string): string {
  const result = safeParsePlan(plan, source);
  expect(result.success).toBe(false);
  return result.success ? '' : result.message;
}

describe('the plan as data', () => {
  it('holds the 2021 plan: 20 units, 3 forms with their routes, the deadline and time zone', () => {
    expect(PLAN.id).toBe('SCT-QNG-2021-DTDB');
    expect(PLAN.units).toHaveLength(20);
    expect(PLAN.forms.map((f) => f.code)).toEqual(['BK_BCT', 'BK_UBND', 'GK_SCT']);
    expect(PLAN.forms.find((f) => f.code === 'GK_SCT')!.eligibleGroups).toEqual(['so_unit', 'district_office']);
    expect(PLAN.forms.find((f) => f.code === 'BK_UBND')!.route).toContain('Sở Nội vụ (Ban Thi đua – Khen thưởng)');
    expect([PLAN.deadline, PLAN.timeZone, PLAN.campaign.start]).toEqual([
      '2021-04-15',
      'Asia/Ho_Chi_Minh',
      '2021-02-03',
    ]);
  });

  it('names the bad field of a broken plan, never throwing', () => {
    const plan = raw();
    delete plan.deadline;
    plan.forms[1].listSheet = 'Danh sách đề nghị Chủ tịch UBND tỉnh tặng Bằng khen';
    const message = refusal(plan, 'plan.json');
    expect(message).toContain('plan.json không hợp lệ');
    expect(message).toContain('deadline');
    expect(message).toContain('forms.1.listSheet');
  });

  it("says in Vietnamese what kind of value a field needed, never zod's English type name", () => {
    const plan = raw();
    plan.id = 2021;
    plan.units = 'H-BATO';
    plan.forms[0].label = true;
    const message = refusal(plan);
    expect(message).toContain('id: sai kiểu: phải là chữ (chuỗi ký tự)');
    expect(message).toContain('units: sai kiểu: phải là danh sách');
    expect(message).toContain('forms.0.label: sai kiểu: phải là chữ (chuỗi ký tự)');
    expect(message).not.toMatch(/\b(string|array|object|number|boolean)\b/);
  });

  it('refuses a unit of an unknown group, duplicate unit codes and an unknown time zone', () => {
    const plan = raw();
    plan.units[3].group = 'huyen';
    plan.units[1].code = plan.units[0].code;
    plan.timeZone = 'Asia/Quang_Ngai';
    const message = refusal(plan);
    expect(message).toMatch(/units\.1\.code: mã "TP-QUANGNGAI" bị trùng/);
    expect(message).toMatch(/timeZone/);
    expect(message).toContain('units.3.group: khối "huyen" không có trong groups');
  });

  it('says which groups each unit group may propose, and refuses a list that breaks the rule or is missing', () => {
    expect(
      PLAN.units.map((u) =>
        proposableGroups(PLAN, u)
          .map((g) => g.code)
          .join('+'),
      ),
    ).toEqual(PLAN.units.map((u) => (u.group === 'so_unit' ? 'so_unit+other' : 'district_office+other')));
    const plan = raw();
    delete plan.groups[0].mayPropose; // so_unit has units: it must say
    plan.groups[1].mayPropose = ['district_office', 'so_unit', 'xa']; // forgets "other", names an unknown group
    const message = refusal(plan);
    expect(message).toContain('groups.0.mayPropose: khối có đơn vị phải nêu các khối được đề nghị');
    expect(message).toContain('groups.1.mayPropose.2: khối "xa" không có trong groups');
    expect(message).toContain('groups.1.mayPropose: phải gồm khối "other"');
  });

  describe('the plan a workbook carries', () => {
    const carrying = (plan: Plan) => ({ sheets: [{ name: PLAN_SHEET, rows: planSheetRows(plan) }] });

    it('is the bundled plan itself when it is that plan, so the page and pane need not validate it again', () => {
      const chosen = planForWorkbook(carrying(PLAN), [PLAN]);
      expect(chosen).toEqual({ plan: PLAN, source: 'workbook' });
      expect(chosen.plan).toBe(PLAN);
    });

    it('is validated as its own plan when it differs from every bundled one', () => {
      const next = safeParsePlan({ ...raw(), id: 'SCT-QNG-2022-DTDB', deadline: '2022-04-15' });
      if (!next.success) throw new Error(next.message);
      const chosen = planForWorkbook(carrying(next.plan), [PLAN]);
      expect(chosen.source).toBe('workbook');
      expect(chosen.plan).not.toBe(PLAN);
      expect([chosen.plan.id, chosen.plan.deadline]).toEqual(['SCT-QNG-2022-DTDB', '2022-04-15']);
    });
  });
});
