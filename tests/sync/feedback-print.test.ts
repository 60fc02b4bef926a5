// A feedback workbook as a clerk prints it: LibreOffice opens it as it is (no row grows by itself to fit its
// wrapped text), so every row must already be as tall as its text, on Phản hồi and on the unit's own sheets,
// and the column holding each row's result must be wide enough not to stretch the rows.
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { FEEDBACK_HEADERS, FEEDBACK_SHEET } from '../../sync/feedback.js';
import { convert, haveOffice, overprintedWords, printedPages } from '../print.js';
import { openWorkbook, runSync, tmpDir, unit, writeInbox } from './inbox.js';

describe.runIf(haveOffice)('a feedback workbook, printed', () => {
  it('prints every sheet with no text over other text, and Phản hồi with rows no taller than their text', async () => {
    const dir = tmpDir('feedback-print');
    const inbox = path.join(dir, 'inbox');
    const feedback = path.join(dir, 'phan-hoi');
    // The meeting after the letter: a Thông tin error, so every row's result is a long sentence.
    await writeInbox(inbox, [
      unit('TX-DUCPHO', { mistakes: 0.5, info: { meetingDate: new Date(Date.UTC(2021, 3, 11)) } }),
    ]);
    const run = await runSync(['merge', '--inbox', inbox, '--out', path.join(dir, 'm.xlsx'), '--feedback', feedback]);
    expect(run.code, run.stderr).toBe(0);
    const book = path.join(feedback, 'TX-DUCPHO.xlsx');

    const ws = (await openWorkbook(book)).getWorksheet(FEEDBACK_SHEET)!;
    const header = findRow(ws, FEEDBACK_HEADERS.nominations[2]);
    const width = (h: string) => ws.getColumn(header.values.indexOf(h)).width!;
    const [, , , , result, office, council] = FEEDBACK_HEADERS.nominations;
    expect(width(result)).toBeGreaterThan(width(office));
    expect(width(result)).toBeGreaterThan(width(council));
    for (let r = header.row + 1; ws.getCell(r, 1).value; r++)
      expect(ws.getRow(r).height, `Phản hồi row ${r}`).toBeLessThanOrEqual(63);

    const pdf = await convert(book, path.join(dir, 'pdf'));
    const pages = await printedPages(pdf);
    expect(pages.flatMap((p, i) => overprintedWords(p).map((w) => `page ${i + 1}: ${w}`))).toEqual([]);
  }, 300_000);
});

function findRow(ws: ExcelJS.Worksheet, text: string): { row: number; values: unknown[] } {
  for (let r = 1; r <= ws.rowCount; r++) {
    const values = ws.getRow(r).values as unknown[];
    if (values.includes(text)) return { row: r, values };
  }
  throw new Error(`no row with ${text}`);
}
