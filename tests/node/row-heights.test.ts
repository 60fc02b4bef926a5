// The heights the marks give the rows they rewrite: tall enough for the longest wrapped text of the row,
// never lower than a height the unit set, and nothing else of the sheet touched.
import { describe, expect, it } from 'vitest';
import { fitRows, heightFor, linesFor } from '../../ooxml/row-heights.js';

const sheet = (rows: string) =>
  `<worksheet><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="1" width="10"/><col min="2" max="2" width="40"/></cols><sheetData>${rows}</sheetData></worksheet>`;
const long =
  'Lỗi ở trang Thông tin, áp dụng cho mọi dòng – Ngày họp bình xét: Ngày họp bình xét 11/04/2021 sau Ngày Tờ trình 09/04/2021.';
const fit = { wraps: (s: number) => s === 1, shared: (i: number) => (i === 0 ? long : undefined) };
const heightOf = (xml: string, r: number) => new RegExp(`<row r="${r}"[^>]*?ht="([\\d.]+)"`).exec(xml)?.[1];

describe('fitting marked rows to their wrapped text', () => {
  it('gives a marked row the height its longest wrapped cell needs, inline or shared', () => {
    const xml = fitRows(
      sheet(
        `<row r="2"><c r="A2" s="0"><v>1</v></c><c r="B2" s="1" t="inlineStr"><is><t>${long}</t></is></c></row>` +
          `<row r="3"><c r="B3" s="1" t="s"><v>0</v></c></row>`,
      ),
      new Set([1, 2]),
      fit,
    );
    const needed = String(heightFor(linesFor(long, 40)));
    expect(Number(needed)).toBeGreaterThan(30);
    expect(heightOf(xml, 2)).toBe(needed);
    expect(heightOf(xml, 3)).toBe(needed);
    expect(xml).toContain(`<row r="2" ht="${needed}" customHeight="1">`);
  });

  it('keeps a taller height, leaves unmarked, self-closing and unwrapped rows as they were', () => {
    const rows =
      `<row r="2" ht="200" customHeight="1"><c r="B2" s="1" t="inlineStr"><is><t>${long}</t></is></c></row>` +
      `<row r="3"/>` +
      `<row r="4"><c r="B4" s="1" t="inlineStr"><is><t>${long}</t></is></c></row>` +
      `<row r="5"><c r="B5" s="0" t="inlineStr"><is><t>${long}</t></is></c></row>` +
      `<row r="6"><c r="B6" s="1" t="inlineStr"><is><t>Hợp lệ</t></is></c></row>`;
    expect(fitRows(sheet(rows), new Set([1, 2, 4, 5]), fit)).toBe(sheet(rows));
  });
});
