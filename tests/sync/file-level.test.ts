// Every file gets a verdict and a bad file never stops the others: each file-level code of SPEC §4.
import { promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatIssue } from '../../engine/index.js';
import { buildTemplate } from '../../templates/workbook.js';
import {
  mergeWithReport,
  readReport,
  runSyncWithFaults,
  tmpDir,
  unit,
  writeInbox,
  PLAN,
  type CliResult,
} from './inbox.js';
import { guardWorkbook } from '../../sync/intake/zip-guard.js';
import { merge } from '../../sync/merge.js';
import { compoundFile, noSheets } from './hostile-files.js';
import { asZip64 } from '../zip.js';

/** `size` zero bytes, deflated: 1.5 GB packs into about 1.5 MB. */
async function deflatedZeros(size: number): Promise<Buffer> {
  const chunk = Buffer.alloc(64 * 1024 * 1024);
  const deflate = zlib.createDeflateRaw({ level: 9, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  for (let done = 0; done < size; done += chunk.length) {
    if (!deflate.write(chunk.subarray(0, Math.min(chunk.length, size - done))))
      await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await new Promise((r) => deflate.on('end', r));
  return Buffer.concat(out);
}

/** A one-entry zip (a sheet's XML) holding `compressed`, whose directory declares `declared` bytes. */
function zipOf(compressed: Buffer, declared: number): Buffer {
  const name = Buffer.from('xl/worksheets/sheet1.xml');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(8, 8); // deflate
  local.writeUInt32LE(compressed.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(8, 10);
  central.writeUInt32LE(compressed.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(local.length + name.length + compressed.length, 16);
  return Buffer.concat([local, name, compressed, central, name, end]);
}

async function templateWith(unitCode: string, change: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = buildTemplate(PLAN, unitCode, { rows: [] });
  change(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('file-level verdicts', () => {
  const inbox = tmpDir('inbox-bad');
  const out = tmpDir('out-bad');
  let run: CliResult;
  let report: Awaited<ReturnType<typeof mergeWithReport>>['report'];

  beforeAll(async () => {
    await writeInbox(inbox, [unit('H-BATO'), unit('H-LYSON')]);
    const good = await fs.readFile(path.join(inbox, 'H-BATO.xlsx'));
    const put = (name: string, data: Buffer | string) => fs.writeFile(path.join(inbox, name), data);
    // Excel opens a workbook whose program wrote zip64 records even for a small file: so must the merge.
    await put('H-LYSON.xlsx', asZip64(await fs.readFile(path.join(inbox, 'H-LYSON.xlsx'))));
    await put('cu.xls', 'x');
    await put('bang.ods', 'x');
    await put('bang.csv', 'STT,Họ và tên\n1,A');
    await put('macro.xlsm', good);
    // Both are OLE compound files: only the one holding an encrypted package has a password.
    await put('mat-khau.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    await put('xls-doi-ten.xlsx', compoundFile(['Workbook', '\u0005SummaryInformation']));
    await put('numbers.xlsx', await noSheets(PLAN, 'H-SONHA'));
    // A link to nowhere: the file it named was moved or deleted.
    await fs.symlink(path.join(inbox, 'da-xoa.xlsx'), path.join(inbox, 'mat-tich.xlsx'));
    await put('cat-cut.xlsx', good.subarray(0, Math.floor(good.length / 2)));
    await put('van-ban.xlsx', 'đây không phải sổ Excel');
    const zeros = await deflatedZeros(1.5 * 1024 ** 3);
    await put('bom.xlsx', zipOf(zeros, 1.5 * 1024 ** 3));
    // The same 1.5 GB, its directory claiming 2 KB: caught while inflating.
    await put('bom-noi-doi.xlsx', zipOf(zeros, 2048));
    await put('bom-zip64.xlsx', asZip64(zipOf(zeros, 2048)));
    const plain = new ExcelJS.Workbook();
    plain.addWorksheet('Sheet1').addRow(['Họ và tên']);
    await put('khac-mau.xlsx', Buffer.from(await plain.xlsx.writeBuffer()));
    await put(
      'ke-hoach-khac.xlsx',
      await templateWith('H-SONHA', (wb) => (wb.getWorksheet('Thông tin')!.getCell('B1').value = 'SCT-QNG-2020-TX')),
    );
    await put(
      'phien-ban.xlsx',
      await templateWith('H-SONHA', (wb) => (wb.getWorksheet('Thông tin')!.getCell('B2').value = 2)),
    );
    await put(
      'don-vi-la.xlsx',
      await templateWith('H-SONHA', (wb) => (wb.getWorksheet('Thông tin')!.getCell('B3').value = 'H-QUANGNAM')),
    );
    await put(
      'thieu-trang.xlsx',
      await templateWith('H-SONHA', (wb) => wb.removeWorksheet(wb.getWorksheet('Cá nhân')!.id)),
    );
    await put(
      'thieu-cot.xlsx',
      await templateWith('H-SONHA', (wb) => (wb.getWorksheet('Cá nhân')!.getCell('D1').value = 'Tuổi')),
    );
    await put('~$H-BATO.xlsx', 'lock');
    await put('.DS_Store', 'x');
    ({ run, report } = await mergeWithReport(inbox, out));
  }, 120_000);

  const verdict = (file: string) => report.files.find((f: { file: string }) => f.file === file);

  it('exits 2 (ran, some file rejected) and still merges the good file', () => {
    expect(run.code).toBe(2);
    expect(verdict('H-BATO.xlsx')).toMatchObject({ status: 'accepted', unit: 'H-BATO' });
    expect(report.nominations.filter((n: { unit: string }) => n.unit === 'H-BATO')).toHaveLength(4);
  });

  it('merges a workbook written with zip64 records as it merges any other', () => {
    expect(verdict('H-LYSON.xlsx')).toMatchObject({ status: 'accepted', unit: 'H-LYSON' });
    expect(report.nominations.filter((n: { unit: string }) => n.unit === 'H-LYSON')).toHaveLength(4);
  });

  it.each([
    ['cu.xls', 'FILE_UNSUPPORTED', 'Lưu thành'],
    ['bang.ods', 'FILE_UNSUPPORTED', '.xlsx'],
    ['bang.csv', 'FILE_UNSUPPORTED', '.xlsx'],
    ['macro.xlsm', 'FILE_UNSUPPORTED', '.xlsm'],
    ['mat-khau.xlsx', 'FILE_ENCRYPTED', 'mật khẩu'],
    [
      'xls-doi-ten.xlsx',
      'FILE_UNSUPPORTED',
      'Tệp là sổ Excel 97–2003 (.xls) dù mang phần mở rộng .xlsx; định dạng này không được hỗ trợ. Hãy mở tệp trong Excel, chọn Lưu thành',
    ],
    ['numbers.xlsx', 'FILE_UNREADABLE', 'không tìm thấy trang tính nào'],
    ['mat-tich.xlsx', 'FILE_UNREADABLE', 'Không tìm thấy tệp trong thư mục hồ sơ'],
    ['cat-cut.xlsx', 'FILE_UNREADABLE', 'Không đọc được'],
    ['van-ban.xlsx', 'FILE_UNREADABLE', '.xlsx'],
    ['bom.xlsx', 'FILE_TOO_LARGE', 'quá lớn'],
    ['bom-noi-doi.xlsx', 'FILE_TOO_LARGE', 'quá lớn'],
    ['bom-zip64.xlsx', 'FILE_TOO_LARGE', 'quá lớn'],
    ['khac-mau.xlsx', 'TEMPLATE_UNKNOWN', 'Thông tin'],
    ['ke-hoach-khac.xlsx', 'TEMPLATE_UNKNOWN', 'SCT-QNG-2020-TX'],
    ['phien-ban.xlsx', 'TEMPLATE_VERSION', 'cần phiên bản 1'],
    ['don-vi-la.xlsx', 'UNIT_UNKNOWN', 'H-QUANGNAM'],
    ['thieu-trang.xlsx', 'MISSING_SHEET', '"Cá nhân"'],
    ['thieu-cot.xlsx', 'MISSING_COLUMN', 'Năm sinh'],
  ])('%s is rejected with %s and a message naming the file', (file, code, words) => {
    expect(verdict(file)).toMatchObject({ status: 'rejected', error: { code } });
    expect(verdict(file).error.message).toContain(`Tệp "${file}"`);
    expect(verdict(file).error.message).toContain(words);
    expect(run.stdout).toContain(`Tệp "${file}"`);
  });

  it('ignores Excel lock files and hidden files', () => {
    expect(report.files.map((f: { file: string }) => f.file)).not.toContain('~$H-BATO.xlsx');
    expect(report.files.map((f: { file: string }) => f.file)).not.toContain('.DS_Store');
  });

  it('refuses a 1.5 GB sheet packed into a small zip within seconds and with flat memory', async () => {
    const data = await fs.readFile(path.join(inbox, 'bom-noi-doi.xlsx'));
    expect(data.length).toBeLessThan(2 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(await guardWorkbook(data)).toMatchObject({ ok: false, code: 'FILE_TOO_LARGE' });
    // A truthful directory is refused from its declared size alone; a lying one when inflating passes it.
    expect(await guardWorkbook(await fs.readFile(path.join(inbox, 'bom.xlsx')))).toMatchObject({
      ok: false,
      code: 'FILE_TOO_LARGE',
    });
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });
});

describe('a file that goes away during the run', () => {
  it('is refused as unreadable and the files around it still merge', async () => {
    const inbox = tmpDir('inbox-vanish');
    await writeInbox(inbox, [unit('H-BATO'), unit('H-LYSON'), unit('SCT-VP')]);
    // Deleted after the listing, while the file before it is being read.
    const result = await merge({
      plan: PLAN,
      inbox,
      onFile: (i) => i === 0 && rmSync(path.join(inbox, 'H-LYSON.xlsx')),
    });
    const verdicts = Object.fromEntries(result.files.map((f) => [f.file, f]));
    expect(verdicts['H-BATO.xlsx']!.status).toBe('accepted');
    expect(verdicts['SCT-VP.xlsx']!.status).toBe('accepted');
    expect(verdicts['H-LYSON.xlsx']).toMatchObject({
      status: 'rejected',
      unit: 'H-LYSON',
      fileIssues: [{ code: 'FILE_UNREADABLE' }],
    });
    // Said as what happened and what the secretariat can do; nothing about saving it again in Excel.
    const message = formatIssue(verdicts['H-LYSON.xlsx']!.fileIssues[0]!);
    expect(message).toContain('Tệp "H-LYSON.xlsx": Không tìm thấy tệp trong thư mục hồ sơ: tệp đã bị xóa');
    expect(message).toContain('chạy lại lệnh tổng hợp');
    expect(message).not.toMatch(/Excel|\.xlsx rồi gửi lại/);
    expect(result.units.find((u) => u.unit === 'H-LYSON')!.status).toBe('missing');
  });
});

describe('a file the account running the merge may not read', () => {
  it('is refused through the real merge with what to do, and the others merge', async () => {
    const dir = tmpDir('no-read');
    const inbox = path.join(dir, 'inbox');
    await writeInbox(inbox, [unit('H-BATO'), unit('SCT-VP')]);
    const report = path.join(dir, 'report.json');
    const run = await runSyncWithFaults(
      ['merge', '--inbox', inbox, '--out', path.join(dir, 'master.xlsx'), '--report', report],
      { FAULT_NO_READ: 'SCT-VP.xlsx' },
    );
    expect(run.code).toBe(2);
    const files = Object.fromEntries((await readReport(report)).files.map((f: { file: string }) => [f.file, f]));
    expect(files['H-BATO.xlsx']).toMatchObject({ status: 'accepted' });
    expect(files['SCT-VP.xlsx']).toMatchObject({ status: 'rejected', error: { code: 'FILE_UNREADABLE' } });
    const message: string = files['SCT-VP.xlsx'].error.message;
    expect(message).toContain('không có quyền đọc tệp');
    expect(message).toContain('chạy lại lệnh tổng hợp');
    expect(message).not.toContain('mở tệp trong Excel');
    expect(run.stdout).toContain('không có quyền đọc tệp');
  }, 60_000);
});
