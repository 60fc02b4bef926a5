// The plan as a workbook: export → check → import gives back the same plan, every schema field travels
// (including fields added later), and a mistake is told by sheet, row and column in Vietnamese.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { PlanSchema, planFingerprint, planWorkbookSheets, readPlanWorkbook, type Plan } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { loadPlan } from '../../node/plan-file.js';
import { buildPlanWorkbook, checkPlanWorkbookBytes } from '../../node/plan-workbook.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { main as planCli } from '../../templates/plan-cli.js';
import { AS_XLSX, soffice } from '../soffice.js';
import { tmpDir } from '../sync/inbox.js';
import { everyFieldFilled } from './plan-fill.js';
import { JSON_2026 } from '../../dev/plans/make-2026.js';

const bytesOf = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

async function edited(plan: Plan, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytesOf(buildPlanWorkbook(plan))) as unknown as ArrayBuffer);
  edit(wb);
  return bytesOf(wb);
}

/** The row of a sheet whose first cell (or Khóa, on key/value sheets) is `key`. */
function rowOf(ws: ExcelJS.Worksheet, key: string): ExcelJS.Row {
  let found: ExcelJS.Row | undefined;
  ws.eachRow((row) => {
    if (row.getCell(1).text === key || row.getCell(3).text === key) found ??= row;
  });
  if (!found) throw new Error(`no row ${key} in ${ws.name}`);
  return found;
}

async function captured(argv: string[]): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const log = console.log;
  const err = console.error;
  console.log = console.error = (...a: unknown[]) => lines.push(a.join(' '));
  try {
    return { code: await planCli(argv), out: lines.join('\n') };
  } finally {
    console.log = log;
    console.error = err;
  }
}

describe('plan workbook round trip', () => {
  it('gives back the same plan (fingerprint) from the workbook, through the one plan loader', async () => {
    const dir = tmpDir('plan-wb');
    const file = path.join(dir, 'Ke-hoach.xlsx');
    expect((await captured(['export', '--out', file])).code).toBe(0);
    const back = await loadPlan(file);
    expect(planFingerprint(back)).toBe(planFingerprint(DEFAULT_PLAN));
    expect(back).toEqual(DEFAULT_PLAN);
  });

  it('carries every field the schema has, optional ones filled, including fields no sheet names yet', async () => {
    const full = everyFieldFilled(DEFAULT_PLAN);
    // The filler reaches every optional field: a field a later schema adds is filled here too.
    expect(JSON.stringify(full)).not.toBe(JSON.stringify(DEFAULT_PLAN));
    const grid = await readXlsxGrid(await bytesOf(buildPlanWorkbook(full)));
    const read = readPlanWorkbook(grid);
    expect(read.problems).toEqual([]);
    expect(read.json).toEqual(JSON.parse(JSON.stringify(full)));
  });

  it('keeps the plan when LibreOffice saves the workbook again', async () => {
    if (!existsSync('/usr/bin/soffice')) return;
    const dir = tmpDir('plan-lo');
    const src = path.join(dir, 'src', 'Ke-hoach.xlsx');
    await fs.mkdir(path.dirname(src));
    await fs.writeFile(src, await bytesOf(buildPlanWorkbook(DEFAULT_PLAN)));
    await soffice(AS_XLSX, dir, [src]);
    const back = await loadPlan(path.join(dir, 'Ke-hoach.xlsx'));
    expect(planFingerprint(back)).toBe(planFingerprint(DEFAULT_PLAN));
  }, 120_000);
});

describe('plan workbook for a secretariat', () => {
  it('has a guide, Vietnamese headers, and dropdowns where a value comes from a list', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(buildPlanWorkbook(DEFAULT_PLAN))) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Hướng dẫn',
      'Thông tin chung',
      'Loại đối tượng',
      'Khối',
      'Đơn vị',
      'Tiêu chuẩn',
      'Hình thức',
      'Văn bản',
      'Hồ sơ',
      'Tiền thưởng',
    ]);
    const units = wb.getWorksheet('Đơn vị')!;
    expect((units.getRow(1).values as unknown[]).slice(0, 4)).toEqual([undefined, 'Mã đơn vị', 'Tên đơn vị', 'Khối']);
    expect((units.getRow(1).values as unknown[]).slice(1).every((h) => !/^[a-z]+\./.test(String(h)))).toBe(true);
    const rule = units.getCell('C30').dataValidation;
    expect(rule.type).toBe('list');
    expect(rule.formulae?.[0]).toMatch(/^'Khối'!\$A\$2:\$A\$\d+$/);
    const forms = wb.getWorksheet('Hình thức')!;
    const outstanding = forms.getRow(1).values as string[];
    const col = outstanding.indexOf('Chỉ thành tích tiêu biểu xuất sắc');
    expect(forms.getCell(3, col).value).toBe('Có');
    expect(forms.getCell(3, col).dataValidation.formulae?.[0]).toBe('"Có,Không"');
    const general = wb.getWorksheet('Thông tin chung')!;
    expect(rowOf(general, 'deadline').getCell(1).text).toBe('Hạn nộp hồ sơ (ngày cuối)');
    expect(rowOf(general, 'deadline').getCell(2).value).toEqual(new Date('2021-04-15T00:00:00Z'));
  });

  it('tells each mistake by sheet, row and column, and exits 1', async () => {
    const data = await edited(DEFAULT_PLAN, (wb) => {
      const units = wb.getWorksheet('Đơn vị')!;
      units.getCell('C3').value = 'khong_co';
      units.getCell('C4').value = null;
      units.getCell('A5').value = 'TP-QUANGNGAI';
      const general = wb.getWorksheet('Thông tin chung')!;
      rowOf(general, 'templateVersion').getCell(2).value = 'một';
      const forms = wb.getWorksheet('Hình thức')!;
      forms.getCell('I2').value = 'Danh sách đề nghị Bộ trưởng tặng Bằng khen năm nay';
    });
    const dir = tmpDir('plan-bad');
    const file = path.join(dir, 'Ke-hoach.xlsx');
    await fs.writeFile(file, data);
    const { code, out } = await captured(['check', file]);
    expect(code).toBe(1);
    expect(out).toContain('Sheet "Đơn vị", dòng 3, cột C (Khối): khối "khong_co" không có trong sheet "Khối"');
    expect(out).toContain('Sheet "Đơn vị", dòng 4, cột C (Khối): đơn vị chưa thuộc khối nào: chọn mã khối');
    expect(out).toContain('Sheet "Đơn vị", dòng 5, cột A (Mã đơn vị): mã "TP-QUANGNGAI" bị trùng');
    expect(out).toMatch(/Sheet "Thông tin chung", dòng \d+, cột B \(Nội dung\): phải là số, đang là "một"/);
    expect(out).toContain('Sheet "Hình thức", dòng 2, cột I (Tên sheet danh sách): dài quá 31 ký tự');
    await expect(loadPlan(file)).rejects.toThrow(/Sheet "Đơn vị", dòng 3/);
  });

  it('tells what the schema cannot see: a deadline before the start, a form nobody may receive', async () => {
    const data = await edited(DEFAULT_PLAN, (wb) => {
      const general = wb.getWorksheet('Thông tin chung')!;
      rowOf(general, 'deadline').getCell(2).value = '01/01/2021';
      const groups = wb.getWorksheet('Khối')!;
      groups.addRow(['khoi_le', 'Khối chưa có đơn vị', 'Không', 'khoi_le, other']);
      const forms = wb.getWorksheet('Hình thức')!;
      forms.getCell('G4').value = 'khoi_le';
    });
    const check = await checkPlanWorkbookBytes(data);
    const lines = check.problems.map((p) => `${p.sheet}|${p.row}|${p.header}|${p.message}`);
    expect(lines).toContainEqual(
      expect.stringMatching(/^Thông tin chung\|\d+\|Nội dung\|hạn nộp hồ sơ trước ngày bắt đầu/),
    );
    expect(lines).toContainEqual(
      expect.stringMatching(/^Hình thức\|4\|Khối được đề nghị\|không đơn vị nào được đề nghị/),
    );
    expect(check.plan).toBeUndefined();
  });

  it('names a placeholder the papers do not fill, where it was typed, with those they do', async () => {
    let typedAt = 0;
    const data = await edited(DEFAULT_PLAN, (wb) =>
      wb.getWorksheet('Văn bản')!.eachRow((row, n) => {
        const text = row.getCell(2).text;
        if (typedAt || !text.includes('{nominees}')) return;
        row.getCell(2).value = text.replace('{nominees}', '{nominess}');
        typedAt = n;
      }),
    );
    expect(typedAt).toBeGreaterThan(0);
    const check = await checkPlanWorkbookBytes(data);
    const lines = check.problems.map((p) => `${p.sheet}|${p.row}|${p.header}|${p.message}`);
    expect(lines).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Văn bản\\|${typedAt}\\|[^|]+\\|.*\\{nominess\\}.*\\{nominees\\}.*\\{KH_SCT\\}`),
      ),
    );
    expect(check.plan).toBeUndefined();
    // The plans shipped use none the papers do not fill.
    expect((await checkPlanWorkbookBytes(await edited(DEFAULT_PLAN, () => undefined))).problems).toEqual([]);
  });

  it('names a missing sheet and an unknown column', async () => {
    const data = await edited(DEFAULT_PLAN, (wb) => {
      wb.removeWorksheet(wb.getWorksheet('Hồ sơ')!.id);
      wb.getWorksheet('Đơn vị')!.getCell('D1').value = 'Ghi chú của tôi';
    });
    const check = await checkPlanWorkbookBytes(data);
    const texts = check.problems.map((p) => `${p.sheet}: ${p.message}`);
    expect(texts).toContain('Hồ sơ: thiếu sheet này');
    expect(texts).toContain('Đơn vị: cột "Ghi chú của tôi" không thuộc kế hoạch; hãy xóa cột này');
  });

  it('heads every column and labels every row in Vietnamese, never with a field path', async () => {
    for (const plan of [DEFAULT_PLAN, await loadPlan(JSON_2026), everyFieldFilled(DEFAULT_PLAN)]) {
      const shown = planWorkbookSheets(plan).flatMap((s) =>
        s.spec.kind === 'table'
          ? s.rows[0]!.map((h) => `${s.spec.name}: ${String(h)}`)
          : s.rows.slice(1).map((r) => `${s.spec.name}: ${String(r[0])}`),
      );
      expect(shown.filter((h) => /: [A-Za-z_]+(\.[A-Za-z0-9_]+)*$/.test(h))).toEqual([]);
    }
  });

  it('carries the prize rates: per form for a person and a collective, the base salary and the rounding', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytesOf(buildPlanWorkbook(DEFAULT_PLAN))) as unknown as ArrayBuffer);
    const forms = wb.getWorksheet('Hình thức')!;
    const headers = forms.getRow(1).values as string[];
    const gk = forms.getRow(4);
    expect(gk.getCell(1).value).toBe('GK_SCT');
    expect(gk.getCell(headers.indexOf('Hệ số tiền thưởng cá nhân (lần mức lương cơ sở)')).value).toBe(0.3);
    expect(gk.getCell(headers.indexOf('Hệ số tiền thưởng tập thể (lần mức lương cơ sở)')).value).toBe(0.6);
    expect(String(gk.getCell(headers.indexOf('Căn cứ mức tiền thưởng')).value)).toMatch(/Điều 73/);
    const prize = wb.getWorksheet('Tiền thưởng')!;
    expect(rowOf(prize, 'prize.baseSalary').getCell(1).text).toBe('Mức lương cơ sở (đồng)');
    expect(rowOf(prize, 'prize.baseSalary').getCell(2).value).toBe(1_490_000);
    expect(rowOf(prize, 'prize.roundUpTo').getCell(1).text).toBe('Làm tròn lên đến bội số của (đồng)');
  });

  it('writes the rows a new group or unit needs from the plan alone', () => {
    const sheets = planWorkbookSheets(DEFAULT_PLAN);
    const units = sheets.find((s) => s.spec.name === 'Đơn vị')!;
    expect(units.rows).toHaveLength(DEFAULT_PLAN.units.length + 1);
    expect(PlanSchema.safeParse(readPlanWorkbook({ sheets: [] }).json).success).toBe(false);
  });
});
