// The lists the secretariat prints once a decision is signed (SPEC §8), written by `sync documents`: the
// prize money list for the Giấy khen the Sở pays (amounts as the plan states them, total in figures and in
// words, a signature column; blanks where the plan leaves a figure blank) and the certificate list of every
// form whose decision number is typed, in the decision's order. Read back with exceljs, and printed by
// LibreOffice on one A4 page.
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { HIGHER_VALUES, TALLY_TYPED_HEADERS as H } from '../../sync/master/layout.js';
import { higherKey } from '../../sync/master/documents-sheet.js';
import { certificateList, prizeList } from '../../sync/documents/print-lists.js';
import { convert, haveOffice, printedPages } from '../print.js';
import { soffice } from '../soffice.js';
import { BCT, GK, masterNominee, person, team, typeTally, UBND } from './campaign.js';
import { typeRegister } from './council-counts.js';
import { openWorkbook, PLAN, rowsOf, runSync, tmpDir, unit, writeInbox } from './inbox.js';

/** Every row of the list's only sheet, as text cells (blank cells as ''). */
async function sheetText(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  expect(wb.worksheets).toHaveLength(1);
  const rows = rowsOf(wb.worksheets[0]!);
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r) =>
    Array.from({ length: width }, (_, i) => (r[i] === null || r[i] === undefined ? '' : String(r[i]))),
  );
}

// A unit's own collective is named with its unit, as in the decision's list.
const TEAM = 'Tổ Kế hoạch tổng hợp, Phòng Kinh tế và Hạ tầng huyện Ba Tơ';

/** The table's rows: from the header row (STT) to the row before the total. */
function tableRows(rows: string[][]): string[][] {
  const start = rows.findIndex((r) => r[0] === 'STT');
  const end = rows.findIndex((r, i) => i > start && r.some((c) => /^Tổng cộng/.test(c)));
  return rows.slice(start + 1, end < 0 ? undefined : end).filter((r) => /^\d+$/.test(r[0] ?? ''));
}

/** The i-th awarded individual of Ba Tơ. */
const awardedMember = (i: number) => masterNominee({ id: `ID${i}`, name: `Nguyễn Văn An ${i + 1}`, line: i + 2 });

describe('prize money and certificate lists', () => {
  const dir = tmpDir('prize-lists');
  const master = path.join(dir, 'master.xlsx');
  const docs = path.join(dir, 'van-ban');
  const early = path.join(dir, 'truoc-quyet-dinh');

  beforeAll(async () => {
    await writeInbox(path.join(dir, 'inbox'), [
      unit('H-BATO', {
        collectives: 0,
        individuals: 0,
        extraRows: [
          person('Lê Văn Cường', BCT),
          person('Hồ Thị Giang', UBND),
          person('Đinh Văn Khoa', GK, { position: 'Trưởng phòng' }),
          person('Trần Văn Bình', GK),
          person('Nguyễn Thị Hoa', GK, { position: 'Chuyên viên' }),
          team('Tổ Kế hoạch tổng hợp', GK),
        ],
      }),
    ]);
    expect((await runSync(['merge', '--inbox', path.join(dir, 'inbox'), '--out', master])).code).toBe(0);
    const wb = await openWorkbook(master);
    typeTally(wb, {
      'Lê Văn Cường': { [H.council]: 'Đồng ý', [H.higher]: HIGHER_VALUES.awarded },
      'Hồ Thị Giang': { [H.council]: 'Đồng ý' },
      'Đinh Văn Khoa': { [H.council]: 'Đồng ý' },
      'Trần Văn Bình': { [H.council]: 'Không đồng ý' },
      'Nguyễn Thị Hoa': { [H.council]: 'Đồng ý' },
      'Tổ Kế hoạch tổng hợp': { [H.council]: 'Đồng ý' },
    });
    await wb.xlsx.writeFile(master);
    // Before any decision number is typed: no list to print or pay.
    expect((await runSync(['documents', '--master', master, '--out', early])).code).toBe(0);
    typeRegister(wb, {
      [higherKey(BCT)]: { value: '2345/QĐ-BCT', date: new Date(Date.UTC(2021, 4, 10)) },
      [GK.code]: { value: 45, date: new Date(Date.UTC(2021, 3, 21)) },
    });
    await wb.xlsx.writeFile(master);
    const run = await runSync(['documents', '--master', master, '--out', docs]);
    expect(run.code).toBe(0);
  }, 900_000);

  it('writes them only for forms whose decision number is typed, the money list only where the Sở pays', async () => {
    const early_ = await fs.readdir(early);
    expect(early_.filter((f) => /^(chi-tien-thuong|in-bang)-/.test(f))).toEqual([]);
    const files = (await fs.readdir(docs)).filter((f) => /^(chi-tien-thuong|in-bang)-/.test(f)).sort();
    expect(files).toEqual([`chi-tien-thuong-${GK.code}.xlsx`, `in-bang-${BCT.code}.xlsx`, `in-bang-${GK.code}.xlsx`]);
  });

  it('pays each awarded nominee the plan’s amount, totals it in figures and in words, with a column to sign', async () => {
    const rows = await sheetText(path.join(docs, `chi-tien-thuong-${GK.code}.xlsx`));
    const all = rows.map((r) => r.join(' ')).join('\n');
    expect(all).toContain('UBND TỈNH QUẢNG NGÃI');
    expect(all).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(all).toContain('DANH SÁCH CHI TIỀN THƯỞNG');
    expect(all).toContain('Kèm theo Quyết định số 45/QĐ-SCT ngày 21/04/2021 của Giám đốc Sở Công Thương');
    const header = rows.find((r) => r[0] === 'STT')!;
    expect(header.filter(Boolean)).toEqual([
      'STT',
      'Tên tập thể / Họ và tên',
      'Chức vụ, đơn vị',
      'Cá nhân / Tập thể',
      'Số tiền (đồng)',
      'Ký nhận',
    ]);
    const table = tableRows(rows);
    expect(table.map((r) => [r[1], r[3], r[4], r[5]])).toEqual([
      [TEAM, 'Tập thể', '900000', ''],
      ['Đinh Văn Khoa', 'Cá nhân', '450000', ''],
      ['Nguyễn Thị Hoa', 'Cá nhân', '450000', ''],
    ]);
    expect(table[1]![2]).toContain('Trưởng phòng');
    expect(all).not.toContain('Trần Văn Bình');
    const total = rows.find((r) => r.some((c) => /^Tổng cộng/.test(c)))!;
    expect(total).toContain('1800000');
    expect(all).toContain('Bằng chữ: Một triệu tám trăm nghìn đồng');
    expect(all).toMatch(/0,3 lần mức lương cơ sở/);
  });

  it('lists the certificates to print in the decision’s order, with its number and date', async () => {
    const gk = await sheetText(path.join(docs, `in-bang-${GK.code}.xlsx`));
    const header = gk.find((r) => r[0] === 'STT')!;
    expect(header.filter(Boolean)).toEqual([
      'STT',
      'Tên tập thể / Họ và tên',
      'Đơn vị',
      'Số quyết định',
      'Ngày quyết định',
    ]);
    expect(tableRows(gk).map((r) => [r[1], r[2], r[3], r[4]])).toEqual([
      [TEAM, 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ', '45/QĐ-SCT', '21/04/2021'],
      ['Đinh Văn Khoa', 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ', '45/QĐ-SCT', '21/04/2021'],
      ['Nguyễn Thị Hoa', 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ', '45/QĐ-SCT', '21/04/2021'],
    ]);
    // A form decided above: only the names the decider awarded, under the decider's decision.
    const bct = await sheetText(path.join(docs, `in-bang-${BCT.code}.xlsx`));
    expect(tableRows(bct).map((r) => [r[1], r[3], r[4]])).toEqual([['Lê Văn Cường', '2345/QĐ-BCT', '10/05/2021']]);
    // The Sở's own list under the Minister's decision is not an annex of it; no group of none is counted.
    const bctText = bct.map((r) => r.join(' ')).join('\n');
    expect(bctText).toContain('(Theo Quyết định số 2345/QĐ-BCT ngày 10/05/2021 của Bộ trưởng Bộ Công Thương)');
    expect(bctText).not.toContain('Kèm theo');
    expect(bctText).toContain('Tổng cộng: 1 cá nhân');
    expect(bctText).not.toMatch(/0 tập thể/);
    const gkText = gk.map((r) => r.join(' ')).join('\n');
    expect(gkText).toContain('(Kèm theo Quyết định số 45/QĐ-SCT ngày 21/04/2021 của Giám đốc Sở Công Thương)');
    expect(gkText).toContain('Tổng cộng: 3 (1 tập thể, 2 cá nhân)');
  });

  it('leaves a blank to fill where the plan leaves the base salary blank, and says why', async () => {
    const { baseSalary: _unverified, ...prize } = PLAN.prize!;
    const planFile = path.join(dir, 'ke-hoach-chua-co-luong.json');
    await fs.writeFile(planFile, JSON.stringify({ ...PLAN, prize }));
    const out = path.join(dir, 'van-ban-trong');
    expect((await runSync(['documents', '--master', master, '--out', out, '--plan', planFile])).code).toBe(0);
    const rows = await sheetText(path.join(out, `chi-tien-thuong-${GK.code}.xlsx`));
    expect(tableRows(rows).map((r) => r[4])).toEqual(['', '', '']);
    const all = rows.map((r) => r.join(' ')).join('\n');
    expect(all).toContain('Bằng chữ: ……');
    expect(all).toContain('chưa có mức lương cơ sở');
  }, 600_000);

  it('names each unit in full, as the decision does, and never nests brackets in a line', async () => {
    const members = [{ ...awardedMember(0), unit: 'SCT-VP', group: 'so_unit' }, awardedMember(1)];
    const list = { form: GK, decision: { number: '127/QĐ-SCT', date: '2021-04-22' }, members };
    for (const made of [await prizeList(PLAN, list), await certificateList(PLAN, list)]) {
      const file = path.join(dir, made.file);
      await fs.writeFile(file, made.data);
      const rows = await sheetText(file);
      const cells = rows.flat().filter(Boolean);
      expect(
        cells.some((c) => c.includes('Văn phòng Sở Công Thương')),
        made.file,
      ).toBe(true);
      expect(
        cells.filter((c) => /\)\)|\) \(|\(\(/.test(c)),
        made.file,
      ).toEqual([]);
    }
  });

  it('keeps the total, the amount in words and the signatures on the page of the last names, whatever the length', async () => {
    if (!haveOffice) return;
    // Lists of 14 to 45 names: among them, lengths whose tail would fall alone on a page of its own.
    const lengths = Array.from({ length: 32 }, (_, i) => 14 + i);
    const out = path.join(dir, 'lengths');
    await fs.mkdir(out, { recursive: true });
    const files: string[] = [];
    for (const n of lengths) {
      const members = Array.from({ length: n }, (_, i) => awardedMember(i));
      const list = { form: GK, decision: { number: '127/QĐ-SCT', date: '2021-04-22' }, members };
      for (const made of [await prizeList(PLAN, list), await certificateList(PLAN, list)]) {
        const file = path.join(out, made.file.replace('.xlsx', `-${n}.xlsx`));
        await fs.writeFile(file, made.data);
        files.push(file);
      }
    }
    await soffice('pdf', path.join(out, 'pdf'), files);
    const alone: string[] = [];
    for (const file of files) {
      const pages = await printedPages(path.join(out, 'pdf', path.basename(file).replace('.xlsx', '.pdf')));
      const last = pages[pages.length - 1]!.text;
      const n = Number(/-(\d+)\.xlsx$/.exec(file)![1]);
      // The last page holds the last name's row, the total, and (on the money list) the words and signatures.
      const tail = [` ${n} `, 'Tổng cộng', ...(file.includes('chi-tien') ? ['Bằng chữ', '(Ký, ghi rõ họ tên)'] : [])];
      if (!tail.every((t) => last.includes(t))) alone.push(path.basename(file));
    }
    expect(alone).toEqual([]);
  }, 600_000);

  it('prints on one A4 page in LibreOffice', async () => {
    if (!haveOffice) return;
    const pdf = await convert(path.join(docs, `chi-tien-thuong-${GK.code}.xlsx`), path.join(dir, 'pdf'));
    expect(existsSync(pdf)).toBe(true);
    const pages = await printedPages(pdf);
    expect(pages).toHaveLength(1);
    // pdftotext may split a Vietnamese word at its diacritics: compare without spaces.
    const printed = pages[0]!.text.replace(/\s+/g, '');
    for (const words of ['DANH SÁCH CHI TIỀN THƯỞNG', 'Bằng chữ: Một triệu tám trăm nghìn đồng', 'Ký nhận'])
      expect(printed).toContain(words.replace(/\s+/g, ''));
  }, 180_000);
});
