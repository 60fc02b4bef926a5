// A master sheet, as our reader hands it over, turned into what the Sheet shows: a merged title once, the
// rows a person sees while scrolling frozen as in the master, texts as typed.
import { describe, expect, it } from 'vitest';
import { sheetContent, type MasterSheet } from '../../sync/google/sheet-values.js';

const sheet = (over: Partial<MasterSheet>): MasterSheet => ({
  title: 'DS BK Bộ trưởng',
  rows: [],
  merged: [],
  frozenRows: 0,
  frozenColumns: 0,
  ...over,
});

describe('a master sheet as the Sheet gets it', () => {
  it('writes a merged title once, even when a program left values in the cells it covers', () => {
    const content = sheetContent(
      sheet({
        rows: [
          ['DANH SÁCH ĐỀ NGHỊ', 'thừa', 'thừa'],
          undefined,
          ['Mã', 'Tên &amp;&lt;', new Date(Date.UTC(2021, 3, 20))],
        ],
        merged: ['A1:C1', 'B3'],
      }),
    );
    expect(content.values).toEqual([['DANH SÁCH ĐỀ NGHỊ'], [], ['Mã', 'Tên &amp;&lt;', '20/04/2021']]);
    expect(content.width).toBe(3);
  });

  it('freezes the pane of the master, else its print titles, else the header row', () => {
    const rows = [['a'], ['b'], ['c'], ['d']];
    expect(sheetContent(sheet({ rows, frozenRows: 3, frozenColumns: 2 }))).toMatchObject({
      frozenRows: 3,
      frozenColumns: 2,
    });
    expect(sheetContent(sheet({ rows, printTitleRows: 2 })).frozenRows).toBe(2);
    expect(sheetContent(sheet({ rows })).frozenRows).toBe(1);
  });
});
