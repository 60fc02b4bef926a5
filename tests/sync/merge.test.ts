// The secretariat's merge on the demo inbox: verdicts, supersede, lateness, units, report and master.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDemoInbox } from '../../dev/sample/demo-inbox.js';
import { ID_HEADER, MASTER_SHEETS, TALLY_TYPED_HEADERS } from '../../sync/master/layout.js';
import { typedName } from './council-counts.js';
import { openWorkbook, PLAN, readReport, rowsOf, runSync, tmpDir, type CliResult } from './inbox.js';

type Report = Awaited<ReturnType<typeof readReport>>;
type Nom = {
  id: string;
  unit: string;
  name: string;
  form: string | null;
  status: string;
  type: string;
  issues: { code: string }[];
};

describe('merging the demo inbox', () => {
  const dir = tmpDir('merge');
  const inbox = path.join(dir, 'inbox');
  const master = path.join(dir, 'master.xlsx');
  let run: CliResult;
  let report: Report;

  beforeAll(async () => {
    await writeDemoInbox(PLAN, inbox);
    run = await runSync(['merge', '--inbox', inbox, '--out', master, '--report', path.join(dir, 'report.json')]);
    report = await readReport(path.join(dir, 'report.json'));
  }, 60_000);

  it('reports every unit of the plan, including the one that sent nothing and the one whose file was refused', () => {
    expect(report.plan).toBe(PLAN.id);
    expect(report.units.map((u: { unit: string }) => u.unit)).toEqual(PLAN.units.map((u) => u.code));
    const status = Object.fromEntries(report.units.map((u: { unit: string; status: string }) => [u.unit, u.status]));
    expect(status).toMatchObject({
      'H-LYSON': 'missing',
      'SCT-QLNL': 'missing',
      'H-SONTAY': 'late',
      'H-BATO': 'submitted',
    });
    expect(report.files.find((f: { file: string }) => f.file === 'SCT-QLNL-de-nghi.xls')).toMatchObject({
      unit: 'SCT-QLNL',
      status: 'rejected',
      error: { code: 'FILE_UNSUPPORTED' },
    });
  });

  it('keeps the later file of a unit that sent two, and marks the other superseded', () => {
    const files = Object.fromEntries(report.files.map((f: { file: string; status: string }) => [f.file, f.status]));
    expect(files).toMatchObject({ 'H-BINHSON-lan1.xlsx': 'superseded', 'H-BINHSON-lan2.xlsx': 'accepted' });
    const binhSon = report.nominations.filter((n: Nom & { source: { file: string } }) => n.unit === 'H-BINHSON');
    expect(binhSon.every((n: { source: { file: string } }) => n.source.file === 'H-BINHSON-lan2.xlsx')).toBe(true);
  });

  it('marks every nomination of the late file late, with received time in local time', () => {
    const late = report.nominations.filter((n: Nom) => n.unit === 'H-SONTAY');
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((n: Nom) => n.status === 'late' && n.issues.some((i) => i.code === 'DEADLINE_LATE'))).toBe(true);
    expect(report.files.find((f: { file: string }) => f.file === 'H-SONTAY.xlsx')).toMatchObject({
      late: true,
      receivedAt: '2021-04-16T01:30:00.000Z',
    });
  });

  it('warns both units proposing the same person', () => {
    const twins = report.nominations.filter((n: Nom) => n.name === 'Phạm Văn Đồng');
    expect(twins.map((n: Nom) => n.unit).sort()).toEqual(['H-TUNGHIA', 'SCT-VP']);
    expect(twins.every((n: Nom) => n.issues.some((i) => i.code === 'DUPLICATE_ACROSS_UNITS'))).toBe(true);
  });

  it('has report nominations in the contract shape', () => {
    const n = report.nominations[0];
    expect(Object.keys(n)).toEqual(
      expect.arrayContaining(['id', 'unit', 'type', 'name', 'birthYear', 'form', 'status', 'issues', 'source']),
    );
    expect(n.source).toMatchObject({ file: expect.any(String), sheet: expect.any(String), row: expect.any(Number) });
    expect(new Set(report.nominations.map((x: Nom) => x.id)).size).toBe(report.nominations.length);
  });

  it('prints a per-unit table, the refused file and where the master is', () => {
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/H-LYSON\s+Chưa gửi/);
    expect(run.stdout).toMatch(/SCT-QLNL\s+Tệp bị từ chối/);
    expect(run.stdout).toMatch(/H-SONTAY\s+Gửi muộn\s+08:30 16\/04\/2021/);
    expect(run.stdout).toContain(`Sổ tổng hợp: ${master}`);
  });

  it('writes the master with the contract sheets, in order', async () => {
    const wb = await openWorkbook(master);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      ...Object.values(MASTER_SHEETS),
      ...PLAN.forms.map((f) => f.listSheet),
    ]);
    const tally = rowsOf(wb.getWorksheet(MASTER_SHEETS.tally)!);
    const typed = Object.values(TALLY_TYPED_HEADERS);
    expect(tally[0]!.slice(-1 - typed.length)).toEqual([ID_HEADER, ...typed]);
    expect(tally.length - 1).toBe(report.nominations.length);
    const units = rowsOf(wb.getWorksheet(MASTER_SHEETS.units)!);
    expect(units.slice(1, 21).map((r) => r[0])).toEqual(PLAN.units.map((u) => u.code));
    expect(units.find((r) => r[0] === 'H-LYSON')![6]).toBe('Chưa gửi');
  });

  it('prints Tổng hợp, Theo đơn vị, Lỗi and Ghi chú không khớp on A4 landscape, the header row on every page', async () => {
    const wb = await openWorkbook(master);
    const a4 = { paperSize: 9, orientation: 'landscape', printTitlesRow: '1:1' };
    const fitted = { ...a4, fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    for (const sheet of [MASTER_SHEETS.units, MASTER_SHEETS.issues, MASTER_SHEETS.unmatched])
      expect(wb.getWorksheet(sheet)!.pageSetup, sheet).toMatchObject(fitted);
    // Tổng hợp's 34 columns would print at a fifth of their size on one page's width: readable type, pages
    // across, each row's pages one after another.
    expect(wb.getWorksheet(MASTER_SHEETS.tally)!.pageSetup).toMatchObject({
      ...a4,
      scale: 85,
      pageOrder: 'overThenDown',
    });
  });

  it('proposes people with posts that exist in their unit and birth years that fit them', async () => {
    const rows = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!);
    const col = (h: string) => rows[0]!.indexOf(h);
    const people = rows
      .slice(1)
      .filter((r) => r[col('Loại')] === 'Cá nhân')
      .map((r) => ({
        unit: String(r[col('Đơn vị')]),
        post: String(r[col('Chức vụ')]),
        born: Number(r[col('Năm sinh')]),
      }));
    const byUnit = (code: string) => people.filter((p) => p.unit === code).map((p) => p.post);
    expect(people.filter((p) => p.post === 'Chánh Thanh tra').every((p) => p.unit === 'SCT-TTR')).toBe(true);
    expect(byUnit('SCT-VP')).not.toContain('Trưởng phòng');
    expect(byUnit('SCT-VP').some((p) => p.includes('Chánh Văn phòng'))).toBe(true);
    for (const u of PLAN.units.filter((x) => x.group === 'district_office'))
      for (const post of byUnit(u.code))
        expect(['Trưởng phòng', 'Phó Trưởng phòng', 'Chuyên viên chính', 'Chuyên viên'], u.code).toContain(post);
    // One head per unit, of an age to lead; nobody past retirement or too young to be a civil servant.
    for (const u of PLAN.units)
      expect(byUnit(u.code).filter((p) => p === 'Trưởng phòng').length).toBeLessThanOrEqual(1);
    const heads = people.filter((p) => /^(Trưởng phòng|Chánh |Giám đốc)/.test(p.post));
    expect(heads.every((p) => p.born >= 1961 && p.born <= 1980)).toBe(true);
    expect(people.filter((p) => p.born !== 1932).every((p) => p.born >= 1961 && p.born <= 2000)).toBe(true);
  });

  it('lists in each annex exactly the valid nominations of its form, with counts in parts I and II', async () => {
    const wb = await openWorkbook(master);
    for (const form of PLAN.forms) {
      const ws = wb.getWorksheet(form.listSheet)!;
      const rows = rowsOf(ws);
      const valid = report.nominations.filter((n: Nom) => n.form === form.code && n.status === 'valid');
      const names = rows.filter((r) => typeof r[0] === 'number').map((r) => typedName(String(r[1])));
      expect(names.sort()).toEqual(valid.map((n: Nom) => n.name).sort());
      const flat = rows.map((r) => String(r[0] ?? ''));
      expect(flat).toContain(`I. TẬP THỂ (${valid.filter((n: Nom) => n.type === 'tap_the').length})`);
      expect(flat).toContain(`II. CÁ NHÂN (${valid.filter((n: Nom) => n.type === 'ca_nhan').length})`);
      // Nothing is decided yet: each list proposes.
      expect(flat).toContain(form.proposalListTitle ?? form.listTitle);
      expect(rows[0]).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
      expect(ws.pageSetup).toMatchObject({
        paperSize: 9,
        orientation: 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '7:7',
      });
    }
  });

  it('never turns a text starting with "=" into a formula', async () => {
    const wb = await openWorkbook(master);
    let formulas = 0;
    let equalsText = 0;
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          if (c.type === 6 /* Formula */) formulas++;
          if (typeof c.value === 'string' && c.value.startsWith('=')) equalsText++;
        }),
      );
    expect(formulas).toBe(0);
    expect(equalsText).toBeGreaterThan(0);
  });

  it('puts late nominations without other errors into the lists with --include-late', async () => {
    const out = path.join(dir, 'with-late.xlsx');
    await runSync(['merge', '--inbox', inbox, '--out', out, '--include-late']);
    const wb = await openWorkbook(out);
    const listed = PLAN.forms.flatMap((f) =>
      rowsOf(wb.getWorksheet(f.listSheet)!)
        .filter((r) => typeof r[0] === 'number')
        .map((r) => typedName(String(r[1]))),
    );
    const lateClean = report.nominations.filter(
      (n: Nom) =>
        n.status === 'late' &&
        n.issues.every(
          (i) =>
            i.code === 'DEADLINE_LATE' ||
            ['SUMMARY_TOO_SHORT', 'TEXT_FORMULA_LIKE', 'DUPLICATE_ACROSS_UNITS'].includes(i.code),
        ),
    );
    expect(lateClean.length).toBeGreaterThan(0);
    for (const n of lateClean) expect(listed).toContain(n.name);
  });
});

describe('exit code 1 writes nothing', () => {
  it.each([
    [['merge', '--inbox', '/nonexistent-inbox', '--out', 'OUT'], 'Không có thư mục hồ sơ'],
    [['merge', '--inbox', 'INBOX'], 'Thiếu --out'],
    // A missing output folder is made; a file standing where the folder should be is not.
    [['merge', '--inbox', 'INBOX', '--out', 'PLANFILE/master.xlsx'], 'không phải thư mục'],
    [['merge', '--inbox', 'INBOX', '--out', 'OUT', '--plan', 'PLANFILE'], 'không hợp lệ'],
    [['merge', '--inbox', 'INBOX', '--out', 'OUT', '--bogus'], 'Cách dùng'],
    [['tong-hop'], 'Không có lệnh "tong-hop"'],
    [['pull', '--inbox', 'INBOX'], 'Thiếu --drive-folder'],
    [['push', '--sheet', 'abc', '--master', 'OUT', '--credentials', 'PLANFILE'], 'PLANFILE_NAME'],
  ])('%j', async (args, message) => {
    const dir = tmpDir('bad-args');
    const inbox = path.join(dir, 'inbox');
    await fs.mkdir(inbox);
    await fs.writeFile(path.join(dir, 'plan.json'), JSON.stringify({ id: 'X' }));
    const fill = (a: string) =>
      a
        .replace('INBOX', inbox)
        .replace('OUT', path.join(dir, 'out', 'master.xlsx'))
        .replace('PLANFILE_NAME', 'plan.json')
        .replace('PLANFILE', path.join(dir, 'plan.json'));
    await fs.mkdir(path.join(dir, 'out'));
    const run = await runSync(args.map(fill));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(fill(message));
    expect(await fs.readdir(path.join(dir, 'out'))).toEqual([]);
  });

  it('stops without touching a previous master it cannot read', async () => {
    const dir = tmpDir('bad-master');
    const master = path.join(dir, 'master.xlsx');
    await fs.writeFile(master, 'not a workbook');
    await fs.mkdir(path.join(dir, 'inbox'));
    const run = await runSync(['merge', '--inbox', path.join(dir, 'inbox'), '--out', master]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Không đọc được sổ tổng hợp cũ');
    expect(await fs.readFile(master, 'utf8')).toBe('not a workbook');
    expect((await fs.readdir(dir)).sort()).toEqual(['inbox', 'master.xlsx']);
  });
});
