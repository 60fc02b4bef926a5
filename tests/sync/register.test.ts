// Văn bản is read back with the notes' machinery: a row the secretariat copied with another number keeps
// one number for the documents and sets the other aside in Ghi chú không khớp, never drops it.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import { DOCUMENTS_SHEET } from '../../sync/master/documents-sheet.js';
import { docxParagraphs } from '../zip.js';
import { listOf } from './council-counts.js';
import { openWorkbook, PLAN, rowsOf, runSync, mergedMaster, unit } from './inbox.js';

describe('Văn bản typed by the secretariat', () => {
  it('keeps the first of two copied rows for the list, and the other number in Ghi chú không khớp', async () => {
    const { dir, inbox, master } = await mergedMaster('register', [unit('SCT-VP')]);

    const gk = PLAN.forms.find((f) => f.document?.kind === 'quyet_dinh')!;
    const wb = await openWorkbook(master);
    const ws = wb.getWorksheet(DOCUMENTS_SHEET)!;
    ws.eachRow((row) => {
      if (row.getCell(1).value !== gk.code) return;
      row.getCell(3).value = 45;
      row.getCell(4).value = new Date(Date.UTC(2021, 3, 21));
    });
    // The secretariat copies the row and types another number in the copy.
    ws.addRow([gk.code, 'bản chép', 46, null]);
    await wb.xlsx.writeFile(master);

    expect((await runSync(['merge', '--inbox', inbox, '--out', master])).code).toBe(0);
    const after = await openWorkbook(master);
    expect(
      listOf(after, gk.listSheet).text.some((t) => t.startsWith('(Kèm theo Quyết định số 45/QĐ-SCT ngày 21/04/2021')),
    ).toBe(true);
    const unmatched = rowsOf(after.getWorksheet(MASTER_SHEETS.unmatched)!);
    const entry = unmatched.find((r) => r.includes(46));
    expect(entry).toBeDefined();
    expect(entry).toContain(DOCUMENTS_SHEET);
    expect(entry).toContain(gk.code);
    // The Quyết định the documents command writes carries the same number as the list it is attached to, read
    // by the same rule, even when the row is copied again after the merge.
    const again = await openWorkbook(master);
    again.getWorksheet(DOCUMENTS_SHEET)!.addRow([gk.code, 'bản chép', 47, null]);
    await again.xlsx.writeFile(master);
    const docs = path.join(dir, 'documents');
    expect((await runSync(['documents', '--master', master, '--out', docs])).code).toBe(0);
    const decision = (await docxParagraphs(path.join(docs, `quyet-dinh-${gk.code}.docx`))).join('\n');
    expect(decision).toContain('45/QĐ-SCT');
    expect(decision).not.toContain('47/QĐ-SCT');
    // The date typed stays a date.
    const kept = rowsOf(after.getWorksheet(DOCUMENTS_SHEET)!).find((r) => r[0] === gk.code)!;
    expect(kept[3]).toEqual(new Date(Date.UTC(2021, 3, 21)));
  }, 180_000);
});
