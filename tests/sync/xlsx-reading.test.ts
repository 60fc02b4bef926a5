// The .xlsx reader on packages other writers produce: prefixed XML, inline and rich strings with phonetic
// runs, escaped characters, error and boolean cells, sheets it need not read; and its caps, which turn a
// file too big to check into a clear refusal instead of a run out of memory.
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../engine/index.js';
import { LIMITS } from '../../engine/limits.js';
import { readXlsxGrid, WorkbookReadError } from '../../node/xlsx-grid.js';
import { DEFAULT_PLAN as PLAN } from '../../engine/plans/index.js';
import { parseFile, screenFile } from '../../sync/intake/intake.js';
import { tmpDir } from './inbox.js';
import { writeEntries, type Entries } from './zip-entries.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A minimal package: sheets given as sheetData XML, every element written with an "x:" prefix. */
function packageOf(sheets: Record<string, string>, sharedStrings?: string): Buffer {
  const names = Object.keys(sheets);
  const e: Entries = new Map();
  e.set(
    '_rels/.rels',
    Buffer.from(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
  );
  e.set(
    'xl/workbook.xml',
    Buffer.from(
      `<?xml version="1.0"?><x:workbook xmlns:x="${NS}" xmlns:r="${REL}"><x:workbookPr date1904="1"/><x:sheets>${names
        .map((n, i) => `<x:sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</x:sheets></x:workbook>`,
    ),
  );
  e.set(
    'xl/_rels/workbook.xml.rels',
    Buffer.from(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/s${i + 1}.xml"/>`)
        .join(
          '',
        )}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rT" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    ),
  );
  e.set(
    'xl/styles.xml',
    Buffer.from(
      `<x:styleSheet xmlns:x="${NS}"><x:numFmts><x:numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></x:numFmts><x:cellXfs count="2"><x:xf numFmtId="0"/><x:xf numFmtId="164"/></x:cellXfs></x:styleSheet>`,
    ),
  );
  if (sharedStrings) e.set('xl/sharedStrings.xml', Buffer.from(`<x:sst xmlns:x="${NS}">${sharedStrings}</x:sst>`));
  names.forEach((n, i) =>
    e.set(
      `xl/worksheets/s${i + 1}.xml`,
      Buffer.from(`<x:worksheet xmlns:x="${NS}"><x:sheetData>${sheets[n]}</x:sheetData></x:worksheet>`),
    ),
  );
  return writeEntries(e);
}

describe('reading an .xlsx package', () => {
  it('reads prefixed XML, shared and inline rich text without phonetic runs, escapes, errors, booleans and 1904 dates', async () => {
    const grid = await readXlsxGrid(
      packageOf(
        {
          'Trang 1': [
            '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c>',
            '<x:c r="C1" t="inlineStr"><x:is><x:r><x:t>Phòng </x:t></x:r><x:r><x:t>Kinh tế</x:t></x:r></x:is></x:c></x:row>',
            '<x:row r="3"><x:c r="A3" t="e"><x:f>1/0</x:f><x:v>#DIV/0!</x:v></x:c><x:c r="B3" t="b"><x:v>1</x:v></x:c>',
            '<x:c r="C3" s="1"><x:v>42000</x:v></x:c><x:c r="D3" t="str"><x:f>A1</x:f><x:v>Có</x:v></x:c>',
            '<x:c r="E3" s="1"/><x:c r="F3"><x:f>1+1</x:f></x:c></x:row>',
          ].join(''),
        },
        '<x:si><x:r><x:t>Nguyễn </x:t></x:r><x:r><x:t>Văn An</x:t></x:r><x:rPh sb="0" eb="1"><x:t>グエン</x:t></x:rPh></x:si>' +
          '<x:si><x:t>dòng 1_x000D_\ndòng 2 &amp; &#7871;</x:t></x:si>',
      ),
    );
    expect(grid.date1904).toBe(true);
    const rows = grid.sheets[0]!.rows;
    expect(rows[0]).toEqual(['Nguyễn Văn An', 'dòng 1\r\ndòng 2 & ế', 'Phòng Kinh tế']);
    expect(rows[1]).toBeUndefined();
    // 42000 in the 1904 system is 1462 days later than in the 1900 one.
    expect(rows[2]!.slice(0, 4)).toEqual(['#DIV/0!', true, new Date(Date.UTC(2018, 11, 28)), 'Có']);
    expect(rows[2]!.length).toBe(4);
  });

  it('keeps rows sparse: a cell at row 1,048,576 makes one row, not a million', async () => {
    const grid = await readXlsxGrid(
      packageOf({
        A: '<x:row r="1048576"><x:c r="XFD1048576" t="inlineStr"><x:is><x:t>cuối</x:t></x:is></x:c></x:row>',
      }),
    );
    const rows = grid.sheets[0]!.rows;
    expect(rows.length).toBe(1_048_576);
    expect(Object.keys(rows)).toEqual(['1048575']);
    expect(rows[1_048_575]![16_383]).toBe('cuối');
  });

  it('keeps one character past the cell limit of a longer text, so the checks can tell it was cut', async () => {
    const long = 'x'.repeat(200_000);
    const grid = await readXlsxGrid(
      packageOf({ A: '<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c></x:row>' }, `<x:si><x:t>${long}</x:t></x:si>`),
    );
    expect(grid.sheets[0]!.rows[0]![0]).toBe('x'.repeat(LIMITS.cellChars + 1));
  });

  it('reads only the sheets asked for', async () => {
    const data = packageOf({
      'Thông tin': '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row>',
      Nháp: '<x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row>',
    });
    const grid = await readXlsxGrid(data, { wantSheet: (n) => n === 'Thông tin' });
    expect(grid.sheets.map((s) => s.name)).toEqual(['Thông tin']);
  });

  it(`refuses more than ${LIMITS.cells.toLocaleString('en')} cells with a value, as too large to check, naming the limit`, async () => {
    const perRow = 100;
    const rows = Math.ceil((LIMITS.cells + 1) / perRow);
    const row = (r: number) => `<x:row r="${r}">${'<x:c><x:v>1</x:v></x:c>'.repeat(perRow)}</x:row>`;
    const data = packageOf({ 'Cá nhân': Array.from({ length: rows }, (_, i) => row(i + 1)).join('') });
    await expect(readXlsxGrid(data)).rejects.toBeInstanceOf(WorkbookReadError);

    const inbox = tmpDir('inbox-cells');
    const file = path.join(inbox, 'H-BATO.xlsx');
    await fs.writeFile(file, data);
    const intake = await parseFile(PLAN, await screenFile(file));
    expect(intake.fileIssues[0]).toMatchObject({ code: 'FILE_TOO_LARGE', file: 'H-BATO.xlsx' });
    expect(formatIssue(intake.fileIssues[0]!)).toContain('vượt giới hạn 300.000 ô');
  });
});
