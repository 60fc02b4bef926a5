// The secretariat's slips in the master cost nothing typed: a renamed or cleared header of a typed column
// sends its values to Ghi chú không khớp (and the merge says so), `documents` refuses rather than print
// papers without the Văn bản numbers, and an id re-typed in capitals keeps its row and its note.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ID_HEADER,
  MASTER_SHEETS,
  TALLY_TYPED_HEADERS,
  STATUS_HEADER,
  STATUS_LABELS,
} from '../../sync/master/layout.js';
import { DOCUMENTS_HEADERS, DOCUMENTS_KEYS, DOCUMENTS_SHEET } from '../../sync/master/documents-sheet.js';
import { openWorkbook, PLAN, rowsOf, runSync, mergedMaster, unit, unmatchedOf } from './inbox.js';

describe('slips in the master lose nothing typed', () => {
  it('renamed headers in Tổng hợp, Văn bản and Theo đơn vị, an id in capitals', async () => {
    const { dir, inbox, master } = await mergedMaster('slips', [unit('SCT-VP'), unit('H-BATO')]);

    const wb = await openWorkbook(master);
    const tally = wb.getWorksheet(MASTER_SHEETS.tally)!;
    const head = rowsOf(tally)[0]!;
    const col = (h: string) => head.indexOf(h) + 1;
    // Row 2: an opinion typed under a renamed header. Row 3: a note, and its id upper-cased by hand.
    tally.getCell(1, col(TALLY_TYPED_HEADERS.office)).value = 'Ý kiến VP';
    tally.getCell(2, col(TALLY_TYPED_HEADERS.office)).value = 'Đủ hồ sơ, trình Hội đồng';
    const id = String(tally.getCell(3, col(ID_HEADER)).value);
    tally.getCell(3, col(ID_HEADER)).value = id.toUpperCase();
    tally.getCell(3, col(TALLY_TYPED_HEADERS.officeNote)).value = 'Đã gọi điện';
    // Văn bản: the value header renamed, a number and "Có" typed under it.
    const register = wb.getWorksheet(DOCUMENTS_SHEET)!;
    const form = PLAN.forms.find((f) => f.document)!;
    register.eachRow((row) => {
      if (row.getCell(1).value === DOCUMENTS_HEADERS[0]) row.getCell(3).value = 'Số VB';
      if (row.getCell(1).value === form.code) row.getCell(3).value = 125;
      if (row.getCell(1).value === DOCUMENTS_KEYS.approvedOnly) row.getCell(3).value = 'Có';
    });
    // Theo đơn vị: the received-time header cleared, a time typed below it.
    const units = wb.getWorksheet(MASTER_SHEETS.units)!;
    const unitsHead = rowsOf(units)[0]!;
    const timeCol = unitsHead.indexOf('Thời điểm nhận (Văn phòng ghi)') + 1;
    units.getCell(1, timeCol).value = null;
    units.getCell(2, timeCol).value = '15/04/2021 16:30';
    await wb.xlsx.writeFile(master);

    // documents refuses: its papers would lack the number and the "Có" typed.
    const docs = await runSync(['documents', '--master', master, '--out', path.join(dir, 'van-ban')]);
    expect(docs.code).toBe(1);
    expect(docs.stderr).toContain(`Trang "${DOCUMENTS_SHEET}"`);
    expect(docs.stderr).toContain('"Số VB"');
    expect(docs.stderr).toContain('chưa ghi tệp nào');

    const run = await runSync(['merge', '--inbox', inbox, '--out', master]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Trang "${MASTER_SHEETS.tally}": cột "Ý kiến VP"`);
    expect(run.stdout).toContain(`Trang "${DOCUMENTS_SHEET}": cột "Số VB"`);
    expect(run.stdout).toContain(`Trang "${MASTER_SHEETS.units}": cột "Cột F"`);

    const values = (await unmatchedOf(master)).map((u) => [u['Trang'], u['Cột'], u['Giá trị đã nhập']]);
    expect(values).toEqual(
      expect.arrayContaining([
        [MASTER_SHEETS.tally, 'Ý kiến VP', 'Đủ hồ sơ, trình Hội đồng'],
        [DOCUMENTS_SHEET, 'Số VB', 125],
        [DOCUMENTS_SHEET, 'Số VB', 'Có'],
        [MASTER_SHEETS.units, 'Cột F', '15/04/2021 16:30'],
      ]),
    );
    // The note stays on the real row; no phantom withdrawn row.
    const after = rowsOf((await openWorkbook(master)).getWorksheet(MASTER_SHEETS.tally)!);
    const h = after[0]!;
    expect(after.filter((r) => r[h.indexOf(STATUS_HEADER)] === STATUS_LABELS.withdrawn)).toEqual([]);
    const real = after.find((r) => r[h.indexOf(ID_HEADER)] === id)!;
    expect(real[h.indexOf(TALLY_TYPED_HEADERS.officeNote)]).toBe('Đã gọi điện');

    // A third merge keeps the set-aside values, once each.
    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    expect((await unmatchedOf(master)).filter((u) => u['Giá trị đã nhập'] === 125)).toHaveLength(1);
  }, 180_000);
});
