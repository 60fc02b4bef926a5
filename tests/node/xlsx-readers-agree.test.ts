// The two xlsx readers — the unit reader (node/xlsx-grid.ts) and the master reader (node/xlsx-rows.ts) — read
// the same files to the same values: dates in every built-in date format, the East-Asian ones WPS writes
// (27–36, 50–58) included, in the 1900 and 1904 systems; lower-case cell references; parts found through
// relationships wherever the writer put them. Files as exceljs writes them, as an Excel-like writer lays them
// out, and as LibreOffice re-saves them.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { isFormula, readXlsxRows, type TypedCell } from '../../node/xlsx-rows.js';
import { AS_XLSX, haveSoffice, soffice } from '../soffice.js';
import { tmpDir } from '../sync/inbox.js';
import { editPart, readEntries, sheetPart, writeEntries } from '../sync/zip-entries.js';

const dir = tmpDir('readers-agree');
const SHEET = 'Dữ liệu';
/** Number formats whose cells hold the same serial: the built-in and East-Asian ids are set in styles.xml. */
const DATE_IDS = [14, 22, 27, 28, 30, 31, 34, 36, 50, 52, 55, 57, 58];

async function exceljsFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.addRow(['Tên', 'Ngày', 'Số', 'Đúng', 'Ngày tùy chỉnh']);
  DATE_IDS.forEach((id, i) => {
    const row = ws.addRow([`định dạng ${id} & <x>`, 44300 + i, 1234.5 + i, i % 2 === 0, 44300.5 + i]);
    // A distinct custom code per row, later turned into the built-in id by editing the styles.
    row.getCell(2).numFmt = `0.${'0'.repeat(i + 3)}`;
    row.getCell(5).numFmt = i % 2 ? 'dd/mm/yyyy hh:mm' : 'DD"năm"YYYY';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** The exceljs file with the date column's formats made built-in East-Asian ids, as WPS writes them. */
async function wpsLike(data: Buffer, date1904: boolean): Promise<Buffer> {
  const entries = await readEntries(data);
  editPart(entries, 'xl/styles.xml', (xml) => {
    let out = xml;
    DATE_IDS.forEach((id, i) => {
      const code = `0.${'0'.repeat(i + 3)}`;
      const custom = new RegExp(`<numFmt numFmtId="(\\d+)" formatCode="${code.replace(/\./g, '\\.')}"/>`).exec(out)!;
      out = out.replace(custom[0], '').replace(new RegExp(`numFmtId="${custom[1]}"`, 'g'), `numFmtId="${id}"`);
    });
    return out;
  });
  // Lower-case references, as some writers emit them, and parts reached through absolute targets.
  editPart(entries, sheetPart(entries, SHEET), (xml) =>
    xml.replace(/ r="([A-Z]+)(\d+)"/g, (_, c: string, r) => ` r="${c.toLowerCase()}${r}"`),
  );
  editPart(entries, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(/Target="(?!\/)/g, 'Target="/xl/'));
  if (date1904) editPart(entries, 'xl/workbook.xml', (xml) => xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
  return writeEntries(entries);
}

/** Both readers' values, cell by cell, as comparable JSON. */
async function bothReads(file: string): Promise<[unknown[][], unknown[][]]> {
  const grid = await readXlsxGrid(readFileSync(file), { wantSheet: (n) => n === SHEET });
  const rows: TypedCell[][] = [];
  await readXlsxRows(file, { pick: () => [SHEET], onRow: (e) => void (rows[e.row - 1] = e.cells) });
  // The master reader keeps a formula (LibreOffice writes TRUE as =TRUE()); the unit reader gives its result.
  const norm = (r: unknown[][]) =>
    Array.from(r, (line) => Array.from(line ?? [], (v) => (isFormula(v) ? (v.result ?? null) : (v ?? null))));
  return [norm(grid.sheets[0]!.rows), norm(rows)];
}

describe('the unit reader and the master reader', () => {
  it.each([
    ['exceljs', false],
    ['WPS-like, 1900', false],
    ['WPS-like, 1904', true],
  ] as const)('read a %s workbook to the same values, dates included', async (kind, date1904) => {
    const plain = await exceljsFile();
    const data = kind === 'exceljs' ? plain : await wpsLike(plain, date1904);
    const file = path.join(dir, `${kind}.xlsx`);
    writeFileSync(file, data);
    const [grid, rows] = await bothReads(file);
    expect(rows).toEqual(grid);
    if (kind === 'exceljs') return;
    // Every East-Asian built-in date format shows a date, in the file's own system.
    const dates = grid.slice(1).map((r) => r[1]);
    expect(dates.every((d) => d instanceof Date)).toBe(true);
    expect((dates[0] as Date).toISOString().slice(0, 10)).toBe(date1904 ? '2025-04-15' : '2021-04-14');
    expect(grid[1]![0]).toBe('định dạng 14 & <x>');
  });

  it.runIf(haveSoffice)(
    'read a workbook LibreOffice re-saved to the same values',
    async () => {
      const src = path.join(dir, 'lo-src', 'wps.xlsx');
      mkdirSync(path.dirname(src), { recursive: true });
      writeFileSync(src, await wpsLike(await exceljsFile(), false));
      await soffice(AS_XLSX, dir, [src]);
      const [grid, rows] = await bothReads(path.join(dir, 'wps.xlsx'));
      expect(rows).toEqual(grid);
      expect(grid.slice(1).every((r) => r[1] instanceof Date)).toBe(true);
    },
    300_000,
  );
});
