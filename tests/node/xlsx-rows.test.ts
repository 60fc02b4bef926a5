// The master reader: chosen sheets of an .xlsx read row by row with what a person typed keeping its type,
// Vietnamese text whole, and a damaged file refused rather than read as something else.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readXlsxRows, XlsxReadError, type RowEvent, type SheetLayout } from '../../node/xlsx-rows.js';
import { crc32, readZip, writeZip } from '../../ooxml/zip.js';
import { readEntries, sheetPart, writeEntries } from '../sync/zip-entries.js';

const dir = mkdtempSync(path.join(os.tmpdir(), 'xlsx-rows-'));
const file = path.join(dir, 'master.xlsx');
const NOTE = 'Đã kiểm tra — thiếu xác nhận của Ủy ban\ndòng hai: ăâđêôơư ỳỷỹýỵ';

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const tally = wb.addWorksheet('Tổng hợp');
  tally.addRow(['Mã', 'Ghi chú', 'Số', 'Ngày', 'Đúng', 'Công thức']);
  tally.addRow(['a-1', NOTE, 12.5, new Date(Date.UTC(2021, 3, 20)), true, { formula: 'C2*2', result: 25 }]);
  tally.getCell('D2').numFmt = 'dd/mm/yyyy';
  tally.getCell('B4').value = { formula: 'TODAY()-1' } as ExcelJS.CellFormulaValue;
  tally.getCell('A4').value = 'a-3';
  wb.addWorksheet('Đơn vị').addRow(['H-BATO', 'Ba Tơ']);
  wb.addWorksheet('Ghi chú không khớp').addRow(['Trang']);
  await wb.xlsx.writeFile(file);
});

async function read(target: string, pick: (names: string[]) => string[], stopAfter = Infinity) {
  const rows: RowEvent[] = [];
  const names = await readXlsxRows(target, {
    pick,
    onRow: (e) => {
      rows.push(e);
      return rows.filter((r) => r.sheet === e.sheet).length < stopAfter;
    },
  });
  return { names, rows };
}

describe('the master reader', () => {
  it('reads text, numbers, dates, true/false and formulas with their types, skipping empty rows', async () => {
    const { names, rows } = await read(file, () => ['Tổng hợp']);
    expect(names).toEqual(['Tổng hợp', 'Đơn vị', 'Ghi chú không khớp']);
    expect(rows.map((r) => r.row)).toEqual([1, 2, 4]);
    const [, typed, sparse] = rows;
    expect(typed!.sheet).toBe('Tổng hợp');
    expect(typed!.cells).toEqual([
      'a-1',
      NOTE,
      12.5,
      new Date(Date.UTC(2021, 3, 20)),
      true,
      { formula: 'C2*2', result: 25 },
    ]);
    // A formula no program computed has no result.
    expect(sparse!.cells[0]).toBe('a-3');
    expect(sparse!.cells[1]).toEqual({ formula: 'TODAY()-1' });
  });

  it('reads only the sheets picked, in the order given, and stops a sheet when told', async () => {
    const { rows } = await read(file, (all) => [all[2]!, all[0]!], 1);
    expect(rows.map((r) => [r.sheet, r.row])).toEqual([
      ['Ghi chú không khớp', 1],
      ['Tổng hợp', 1],
    ]);
  });

  it('refuses a cut-off or non-zip file as a damaged workbook, and leaves a missing file to the caller', async () => {
    const cut = path.join(dir, 'cut.xlsx');
    writeFileSync(cut, readFileSync(file).subarray(0, 2000));
    await expect(read(cut, (all) => all)).rejects.toBeInstanceOf(XlsxReadError);
    const text = path.join(dir, 'text.xlsx');
    writeFileSync(text, 'Mã,Ghi chú\n');
    await expect(read(text, (all) => all)).rejects.toBeInstanceOf(XlsxReadError);
    // The message is shown as it is: Vietnamese only; the zip library's English is the cause, for the log.
    await expect(read(text, (all) => all)).rejects.toMatchObject({
      message: 'không phải tệp .xlsx hợp lệ',
      cause: expect.any(Error),
    });
    await expect(read(path.join(dir, 'none.xlsx'), (all) => all)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps Vietnamese text whole across the pieces a long sheet is inflated and decoded in', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tổng hợp');
    // Odd lengths of multi-byte characters: piece boundaries fall inside characters somewhere in 2 MB.
    const texts = Array.from({ length: 4000 }, (_, i) => `${i} ${'Ủy ban ăâđêôơư ỳỷỹýỵ '.repeat(1 + (i % 37))}`);
    for (const t of texts) ws.addRow([t, NOTE]);
    const long = path.join(dir, 'long.xlsx');
    await wb.xlsx.writeFile(long);
    const { rows } = await read(long, () => ['Tổng hợp']);
    expect(rows.map((r) => r.cells[0])).toEqual(texts);
    expect(rows.every((r) => r.cells[1] === NOTE)).toBe(true);
  });

  it('refuses a part whose text is not UTF-8 or whose bytes do not match their CRC', async () => {
    const entries = await readEntries(readFileSync(file));
    const part = sheetPart(entries, 'Tổng hợp');
    // "a-1" with its last byte as a Latin-1 writer would leave an "é": not UTF-8.
    const data = Buffer.from(entries.get(part)!);
    data[data.indexOf('a-1') + 2] = 0xe9;
    entries.set(part, data);
    const notUtf8 = path.join(dir, 'latin1.xlsx');
    writeFileSync(notUtf8, writeEntries(entries));
    await expect(read(notUtf8, () => ['Tổng hợp'])).rejects.toBeInstanceOf(XlsxReadError);

    const zip = readZip(readFileSync(file)).map((e) => (e.name === part ? { ...e, crc: crc32(Buffer.from('x')) } : e));
    const badCrc = path.join(dir, 'crc.xlsx');
    writeFileSync(badCrc, writeZip(zip));
    await expect(read(badCrc, () => ['Tổng hợp'])).rejects.toMatchObject({
      message: 'tệp nén bị hỏng',
      cause: expect.any(Error),
    });
  });

  it('names a sheet whose part is missing, and passes on what the caller throws untouched', async () => {
    const entries = await readEntries(readFileSync(file));
    entries.delete(sheetPart(entries, 'Đơn vị'));
    const partless = path.join(dir, 'partless.xlsx');
    writeFileSync(partless, writeEntries(entries));
    await expect(read(partless, () => ['Đơn vị'])).rejects.toThrow('thiếu phần của trang "Đơn vị"');

    const mine = new Error('của bên gọi');
    const reading = readXlsxRows(file, {
      pick: () => ['Tổng hợp'],
      onRow: () => {
        throw mine;
      },
    });
    await expect(reading).rejects.toBe(mine);
  });

  it("reports each sheet's merged ranges and frozen pane, so a push lays the Sheet out as the master", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tổng hợp', { views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }] });
    ws.addRow(['DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG &amp; <b>']);
    ws.mergeCells('A1:D1');
    ws.addRow([]);
    ws.addRow(['Mã', 'Họ và tên']);
    ws.mergeCells('B5:C6');
    wb.addWorksheet('Đơn vị').addRow(['H-BATO']);
    const laid = path.join(dir, 'layout.xlsx');
    await wb.xlsx.writeFile(laid);
    const layouts: SheetLayout[] = [];
    const rows: RowEvent[] = [];
    await readXlsxRows(laid, { pick: (n) => n, onRow: (e) => void rows.push(e), onLayout: (l) => layouts.push(l) });
    expect(layouts).toEqual([
      { sheet: 'Tổng hợp', merged: ['A1:D1', 'B5:C6'], frozenRows: 3, frozenColumns: 2 },
      { sheet: 'Đơn vị', merged: [], frozenRows: 0, frozenColumns: 0 },
    ]);
    // Entities in a text are decoded once: what was typed comes back, not "&amp;".
    expect(rows[0]!.cells[0]).toBe('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG &amp; <b>');
  });
});
