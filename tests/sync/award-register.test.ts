// The award register across two campaigns (SPEC §8): the 2021 council and the deciders above decide, the
// register command appends the awarded (twice: nothing changes), a hand-typed award survives a re-save by
// LibreOffice, and the 2022 merge warns ALREADY_AWARDED — in the report and the unit's feedback — for the
// same person and the same collective, not for a namesake born another year.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { AWARD_HEADERS, AWARD_SHEET } from '../../sync/award-register.js';
import { HIGHER_VALUES, TALLY_TYPED_HEADERS as H } from '../../sync/master/layout.js';
import { higherKey } from '../../sync/master/documents-sheet.js';
import { BCT, GK, person, team, typeTally, UBND } from './campaign.js';
import { soffice } from '../soffice.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, PLAN, readReport, rowsOf, runSync, tmpDir, unit, writeInbox } from './inbox.js';

const NEXT_PLAN = {
  ...PLAN,
  id: 'SCT-QNG-2022-DTDB',
  campaign: { start: '2022-02-10', end: '2022-04-20' },
  deadline: '2022-04-20',
};

/** The register's lines as records by header. */
async function registerLines(file: string) {
  const rows = rowsOf((await openWorkbook(file)).getWorksheet(AWARD_SHEET)!);
  const h = rows.findIndex((r) => r[1] === AWARD_HEADERS.name);
  return rows.slice(h + 1).map((r) => Object.fromEntries(rows[h]!.map((k, i) => [String(k), r[i] ?? null])));
}

describe('award register: a campaign recorded, the next one warned', () => {
  const dir = tmpDir('award-register');
  const master = path.join(dir, 'master.xlsx');
  const register = path.join(dir, 'so-theo-doi-khen-thuong.xlsx');
  const nextReport = path.join(dir, 'report-2022.json');
  const feedback = path.join(dir, 'phan-hoi');
  let first: { code: number; stdout: string };
  let again: { code: number; stdout: string };
  let report: { nominations: { name: string; issues: { code: string; message: string; column: string }[] }[] };

  beforeAll(async () => {
    await writeInbox(path.join(dir, 'inbox-2021'), [
      unit('H-BATO', {
        collectives: 0,
        individuals: 0,
        extraRows: [
          person('Lê Văn Cường', BCT),
          person('Phạm Thị Dung', BCT),
          person('Hồ Thị Giang', UBND),
          person('Đinh Văn Khoa', GK),
          team('Tổ Kế hoạch tổng hợp', GK),
        ],
      }),
    ]);
    expect((await runSync(['merge', '--inbox', path.join(dir, 'inbox-2021'), '--out', master])).code).toBe(0);
    const wb = await openWorkbook(master);
    typeTally(wb, {
      'Lê Văn Cường': { [H.council]: 'Đồng ý', [H.higher]: HIGHER_VALUES.awarded },
      'Phạm Thị Dung': { [H.council]: 'Không đồng ý' },
      'Hồ Thị Giang': { [H.council]: 'Đồng ý', [H.higher]: HIGHER_VALUES.notAwarded },
      'Đinh Văn Khoa': { [H.council]: 'Đồng ý' },
      'Tổ Kế hoạch tổng hợp': { [H.council]: 'Đồng ý' },
    });
    typeRegister(wb, {
      [higherKey(BCT)]: { value: '2345/QĐ-BCT', date: new Date(Date.UTC(2021, 4, 10)) },
      [GK.code]: { value: 45, date: new Date(Date.UTC(2021, 3, 21)) },
    });
    await wb.xlsx.writeFile(master);

    first = await runSync(['register', '--master', master, '--register', register]);
    // A person adds an award from outside the tool, then the file is re-saved by LibreOffice.
    const reg = await openWorkbook(register);
    const ws = reg.getWorksheet(AWARD_SHEET)!;
    ws
      .addRow([99, 'Trương Văn Lâm', 'Cá nhân', 1979, 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ', 'H-BATO', UBND.label])
      .getCell(10).value = '1234/QĐ-UBND';
    ws.lastRow!.getCell(11).value = new Date(Date.UTC(2021, 8, 1));
    await reg.xlsx.writeFile(register);
    const resaved = path.join(dir, 'libreoffice');
    await soffice('xlsx', resaved, [register]);
    await fs.copyFile(path.join(resaved, path.basename(register)), register);
    again = await runSync(['register', '--master', master, '--register', register]);

    // 2022: the same person and collective again, and a namesake of Đinh Văn Khoa born another year.
    const planFile = path.join(dir, 'plan-2022.json');
    await fs.writeFile(planFile, JSON.stringify(NEXT_PLAN));
    const inbox = path.join(dir, 'inbox-2022');
    await fs.mkdir(inbox);
    await writeUnitFile(NEXT_PLAN, inbox, {
      ...unit('H-BATO', { collectives: 0, individuals: 0, receivedAt: new Date('2022-04-12T09:00:00+07:00') }),
      extraRows: [
        person('Lê Văn Cường', BCT),
        person('Đinh Văn Khoa', GK, { birthYear: 1990 }),
        team('Tổ Kế hoạch tổng hợp', GK),
        person('Trương Văn Lâm', UBND, { birthYear: 1979 }),
      ],
    });
    const args = ['--inbox', inbox, '--out', path.join(dir, 'master-2022.xlsx'), '--report', nextReport];
    const run = await runSync(['merge', ...args, '--plan', planFile, '--register', register, '--feedback', feedback]);
    expect(run.code).toBe(0);
    report = await readReport(nextReport);
  }, 900_000);

  it('appends the awarded: approved by the council and, for forms decided above, awarded there', async () => {
    expect(first.code).toBe(0);
    const lines = await registerLines(register);
    const ours = lines.filter((l) => l[AWARD_HEADERS.planId] === PLAN.id);
    expect(ours.map((l) => l[AWARD_HEADERS.name])).toEqual(['Lê Văn Cường', 'Tổ Kế hoạch tổng hợp', 'Đinh Văn Khoa']);
    const cuong = ours[0]!;
    expect(cuong).toMatchObject({
      [AWARD_HEADERS.birthYear]: 1985,
      [AWARD_HEADERS.unitCode]: 'H-BATO',
      [AWARD_HEADERS.form]: BCT.label,
      [AWARD_HEADERS.campaign]: PLAN.title,
      [AWARD_HEADERS.decision]: '2345/QĐ-BCT',
    });
    expect((cuong[AWARD_HEADERS.decisionDate] as Date).toISOString().slice(0, 10)).toBe('2021-05-10');
    // The Sở's own decision, with its ký hiệu; a collective has no birth year.
    expect(ours[1]).toMatchObject({ [AWARD_HEADERS.decision]: '45/QĐ-SCT', [AWARD_HEADERS.birthYear]: null });
  });

  it('changes nothing when appended again, and keeps the hand-typed award through a LibreOffice re-save', async () => {
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/ghi thêm 0 dòng, 3 dòng đã có từ trước; sổ có 4 dòng/);
    const lines = await registerLines(register);
    expect(lines.map((l) => l[AWARD_HEADERS.name])).toEqual([
      'Lê Văn Cường',
      'Tổ Kế hoạch tổng hợp',
      'Đinh Văn Khoa',
      'Trương Văn Lâm',
    ]);
  });

  it('warns ALREADY_AWARDED next year for the same person and collective, not for a namesake', async () => {
    const warned = (name: string) =>
      report.nominations.find((n) => n.name === name)!.issues.find((i) => i.code === 'ALREADY_AWARDED');
    expect(warned('Lê Văn Cường')).toMatchObject({ column: 'Họ và tên' });
    expect(warned('Lê Văn Cường')!.message).toMatch(/đã được tặng "Bằng khen của Bộ trưởng Bộ Công Thương" năm 2021/);
    expect(warned('Lê Văn Cường')!.message).toMatch(/2345\/QĐ-BCT ngày 10\/05\/2021/);
    expect(warned('Tổ Kế hoạch tổng hợp')).toBeDefined();
    expect(warned('Trương Văn Lâm')!.message).toMatch(/1234\/QĐ-UBND/);
    expect(warned('Đinh Văn Khoa')).toBeUndefined();
    const sheet = rowsOf((await openWorkbook(path.join(feedback, 'H-BATO.xlsx'))).worksheets[0]!);
    expect(sheet.flat().some((v) => /Sổ theo dõi khen thưởng, đối tượng này đã được tặng/.test(String(v)))).toBe(true);
  });
});
