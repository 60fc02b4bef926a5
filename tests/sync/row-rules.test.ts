// Two row rules, each through the real merge command and through the engine as the add-in calls it (with
// the plan the workbook carries):
// - GROUP_NOT_ALLOWED: a unit proposes only nominees of its own group and of the groups the plan opens to
//   every unit. The case reported — a district office marking its own staff "Phòng, đơn vị thuộc Sở" to reach
//   the Director's Giấy khen — and its mirror, a Sở department proposing a district office's team.
// - TEXT_FORMULA_LIKE behind a line break: "\n=…" is stored as text, yet whoever trims it gets a formula.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkWorkbook, formatIssue, planForWorkbook } from '../../engine/index.js';
import { validRowFor } from '../../dev/sample/rows.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { mergeWithReport, PLAN, tmpDir, unit, writeInbox } from './inbox.js';

const group = (code: string) => PLAN.groups.find((g) => g.code === code)!.label;
const form = (code: string) => PLAN.forms.find((f) => f.code === code)!.label;
const unitName = (code: string) => PLAN.units.find((u) => u.code === code)!.name;

const DISTRICT = 'TP-QUANGNGAI';
const DEPARTMENT = 'SCT-QLCN';

const inbox = tmpDir('inbox-row-rules');
const out = tmpDir('out-row-rules');
let report: Awaited<ReturnType<typeof mergeWithReport>>['report'];
let code: number;

type Nom = { unit: string; name: string; status: string; issues: { code: string; column: string; message: string }[] };
/** unit:name of every nomination carrying GROUP_NOT_ALLOWED. */
const flagged = (noms: Nom[]) =>
  noms
    .filter((n) => n.issues.some((i) => i.code === 'GROUP_NOT_ALLOWED'))
    .map((n) => `${n.unit}:${n.name}`)
    .sort();

beforeAll(async () => {
  await writeInbox(inbox, [
    unit(DISTRICT, {
      collectives: 0,
      individuals: 0,
      extraRows: [
        // Its own staff, marked as one of the Sở's departments to reach the Director's Giấy khen.
        validRowFor(
          PLAN,
          'ca_nhan',
          { name: 'Nguyễn Văn Tâm', group: group('so_unit'), form: form('GK_SCT') },
          DISTRICT,
        ),
        // Its own staff, said so: fine.
        validRowFor(PLAN, 'ca_nhan', { name: 'Lê Thị Hạnh', form: form('GK_SCT') }, DISTRICT),
        // Text that a spreadsheet takes for a formula once the leading line break is trimmed.
        validRowFor(PLAN, 'ca_nhan', { name: '\n=Đỗ Văn Công' }, DISTRICT),
        validRowFor(
          PLAN,
          'tap_the',
          { name: 'Tổ Quản lý chợ', summary: '\r\n+Hoàn thành xuất sắc nhiệm vụ quản lý chợ năm 2021' },
          DISTRICT,
        ),
        // An enterprise: any unit may propose it.
        validRowFor(
          PLAN,
          'tap_the',
          { name: 'Công ty Cổ phần Cơ khí Quảng Ngãi', group: group('other'), form: form('BK_BCT') },
          DISTRICT,
        ),
      ],
    }),
    unit(DEPARTMENT, {
      collectives: 0,
      individuals: 0,
      extraRows: [
        // A district office's team proposed by a Sở department.
        validRowFor(
          PLAN,
          'tap_the',
          { name: 'Phòng Kinh tế và Hạ tầng huyện Trà Bồng', group: group('district_office') },
          DEPARTMENT,
        ),
        validRowFor(PLAN, 'ca_nhan', { name: 'Trần Minh Quang' }, DEPARTMENT),
      ],
    }),
  ]);
  const merged = await mergeWithReport(inbox, out);
  report = merged.report;
  code = merged.run.code;
}, 60_000);

describe('a nominee of a group the unit may not propose', () => {
  it('is an error on Thuộc khối through the real merge, naming the unit, the group chosen and the groups allowed', () => {
    expect(code).toBe(0);
    expect(flagged(report.nominations)).toEqual([
      `${DEPARTMENT}:Phòng Kinh tế và Hạ tầng huyện Trà Bồng`,
      `${DISTRICT}:Nguyễn Văn Tâm`,
    ]);
    const tam = report.nominations.find((n: Nom) => n.name === 'Nguyễn Văn Tâm') as Nom;
    expect(tam.status).toBe('invalid');
    const issue = tam.issues.find((i) => i.code === 'GROUP_NOT_ALLOWED')!;
    expect(issue).toMatchObject({ severity: 'error', column: 'Thuộc khối' });
    expect(issue.message).toContain(unitName(DISTRICT));
    expect(issue.message).toContain(`khối "${group('so_unit')}"`);
    expect(issue.message).toContain(`"${group('district_office')}", "${group('other')}"`);
    // The others are valid: their own group, and an enterprise open to every unit.
    const valid = report.nominations.filter((n: Nom) => n.status === 'valid').map((n: Nom) => n.name);
    expect(valid.sort()).toEqual(
      ['Công ty Cổ phần Cơ khí Quảng Ngãi', 'Lê Thị Hạnh', 'Tổ Quản lý chợ', 'Trần Minh Quang', '=Đỗ Văn Công'].sort(),
    );
  });

  it('is found the same by the engine as the add-in calls it, with the plan the workbook carries', async () => {
    const nominations: Nom[] = [];
    for (const unitCode of [DISTRICT, DEPARTMENT]) {
      const grid = await readXlsxGrid(await fs.readFile(path.join(inbox, `${unitCode}.xlsx`)));
      const carried = planForWorkbook(grid, [PLAN]);
      expect(carried).toMatchObject({ source: 'workbook' });
      expect(carried.damaged).toBeUndefined();
      const result = checkWorkbook(carried.plan, grid);
      for (const n of result.nominations)
        nominations.push({
          unit: n.unit,
          name: n.name,
          status: n.status,
          issues: n.issues.map((i) => ({ code: i.code, column: i.column ?? '', message: formatIssue(i) })),
        });
    }
    expect(flagged(nominations)).toEqual(flagged(report.nominations));
    const team = nominations.find((n) => n.unit === DEPARTMENT && n.status === 'invalid')!;
    const issue = team.issues.find((i) => i.code === 'GROUP_NOT_ALLOWED')!;
    expect(issue.column).toBe('Thuộc khối');
    expect(issue.message).toContain(unitName(DEPARTMENT));
    expect(issue.message).toContain(`"${group('so_unit')}", "${group('other')}"`);
  });
});

describe('text starting with a line break then = + - @', () => {
  const formulaLike = (noms: Nom[]) =>
    noms
      .flatMap((n) => n.issues.filter((i) => i.code === 'TEXT_FORMULA_LIKE').map((i) => `${n.name}:${i.column}`))
      .sort();
  const expected = ['=Đỗ Văn Công:Họ và tên', 'Tổ Quản lý chợ:Tóm tắt thành tích'];

  it('is warned about through the real merge, on its column, and stays valid', () => {
    expect(formulaLike(report.nominations)).toEqual(expected);
    const issue = report.nominations
      .find((n: Nom) => n.name === '=Đỗ Văn Công')
      .issues.find((i: { code: string }) => i.code === 'TEXT_FORMULA_LIKE');
    expect(issue).toMatchObject({ severity: 'warning' });
    expect(issue.message).toContain('có thể bị hiểu là công thức');
  });

  it('is warned about by the engine as the add-in calls it', async () => {
    const grid = await readXlsxGrid(await fs.readFile(path.join(inbox, `${DISTRICT}.xlsx`)));
    const result = checkWorkbook(planForWorkbook(grid, [PLAN]).plan, grid);
    const noms = result.nominations.map((n) => ({
      unit: n.unit,
      name: n.name,
      status: n.status,
      issues: n.issues.map((i) => ({ code: i.code, column: i.column ?? '', message: formatIssue(i) })),
    }));
    expect(formulaLike(noms)).toEqual(expected);
  });
});
