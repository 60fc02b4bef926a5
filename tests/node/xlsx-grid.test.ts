// The unit reader on the shared zip layer: a clerk's file is read even when a writer left a byte that is not
// UTF-8 (it shows as U+FFFD, as Excel would show a stray character), while the master stays strict; a file
// that is no zip is named as not a workbook.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NODE_CODEC } from '../../node/zip-codec.js';
import { readXlsxGrid, WorkbookReadError } from '../../node/xlsx-grid.js';
import { readXlsxRows } from '../../node/xlsx-rows.js';
import { Package } from '../../ooxml/package.js';
import { editPart, readEntries, sheetPart, writeEntries } from '../sync/zip-entries.js';

const SHEET = 'Cá nhân';

/** A unit's workbook whose "Nguyễn Văn A" cell has its "A" replaced by a Latin-1 writer's "é" (0xE9). */
async function latin1Unit(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['Họ và tên', 'Năm sinh']);
  ws.addRow(['Nguyễn Văn A', 1980]);
  const entries = await readEntries(Buffer.from(await wb.xlsx.writeBuffer()));
  const part = [...entries.keys()].find((n) => n.includes('sharedStrings')) ?? sheetPart(entries, SHEET);
  const data = Buffer.from(entries.get(part)!);
  data[data.indexOf('Văn A') + Buffer.byteLength('Văn ')] = 0xe9;
  entries.set(part, data);
  return writeEntries(entries);
}

describe('the unit reader (node/xlsx-grid.ts)', () => {
  it('reads a clerk file with a byte that is not UTF-8, the byte shown as U+FFFD, the rest whole', async () => {
    const grid = await readXlsxGrid(await latin1Unit());
    const rows = grid.sheets.find((s) => s.name === SHEET)!.rows;
    expect(rows[0]).toEqual(['Họ và tên', 'Năm sinh']);
    expect(rows[1]![0]).toBe('Nguyễn Văn \uFFFD');
    expect(rows[1]![1]).toBe(1980);
  });

  it('keeps the strict reading the default of the zip layer: the same part is an error there', async () => {
    const bytes = await latin1Unit();
    const scanAll = async (pkg: Package) => {
      for (const name of pkg.names()) await pkg.scan(name, { open() {}, close() {}, text() {}, wantsText: () => true });
    };
    await expect(scanAll(Package.open(bytes, NODE_CODEC))).rejects.toThrow(TypeError);
    await expect(scanAll(Package.open(bytes, NODE_CODEC, { badText: 'replace' }))).resolves.toBeUndefined();
  });

  it('names bytes that are no zip as not a workbook', async () => {
    const reading = readXlsxGrid(Buffer.from('PK\u0003\u0004 chỉ là chữ, không phải tệp nén'));
    await expect(reading).rejects.toBeInstanceOf(WorkbookReadError);
    await expect(reading).rejects.toMatchObject({ reason: 'notWorkbook' });
  });
});

describe('one decoding of a cell for both readers', () => {
  it('reads values a program wrote loosely the same in a unit file and in the master: padded, malformed, empty', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET).addRow(['x']);
    const entries = await readEntries(Buffer.from(await wb.xlsx.writeBuffer()));
    const cells =
      '<c r="A1" t="d"><v>không phải ngày</v></c><c r="B1"><v> 12.5 </v></c><c r="C1"><v>12 tháng</v></c>' +
      '<c r="D1" t="b"><v> 1 </v></c><c r="E1" t="e"><v> #N/A </v></c><c r="F1"><v></v></c>' +
      '<c r="G1" t="d"><v>2021-04-20T00:00:00.000Z</v></c><c r="H1" t="str"><v>  giữ khoảng trắng  </v></c>';
    editPart(entries, sheetPart(entries, SHEET), (xml) =>
      xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, `<sheetData><row r="1">${cells}</row></sheetData>`),
    );
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'decode-')), 'loose.xlsx');
    writeFileSync(file, writeEntries(entries));
    const expected = [
      'không phải ngày',
      12.5,
      '12 tháng',
      true,
      '#N/A',
      undefined,
      new Date(Date.UTC(2021, 3, 20)),
      '  giữ khoảng trắng  ',
    ];
    const grid = await readXlsxGrid(readFileSync(file));
    expect([...grid.sheets[0]!.rows[0]!]).toEqual(expected);
    let master: unknown[] = [];
    await readXlsxRows(file, { pick: (n) => n, onRow: (e) => void (master = [...e.cells]) });
    expect(master).toEqual(expected);
  });
});
