// The unit reader on the shared zip layer: a clerk's file is read even when a writer left a byte that is not
// UTF-8 (it shows as U+FFFD, as Excel would show a stray character), while the master stays strict; a file
// that is no zip is named as not a workbook.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { NODE_CODEC } from '../../node/zip-codec.js';
import { readXlsxGrid, WorkbookReadError } from '../../node/xlsx-grid.js';
import { Package } from '../../ooxml/package.js';
import { readEntries, sheetPart, writeEntries } from '../sync/zip-entries.js';

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
