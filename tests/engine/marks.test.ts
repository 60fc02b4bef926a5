// What travels with the marked copy: each row's Kết quả kiểm tra and each marked cell's note say the full fix,
// so a clerk can fix the workbook from the file alone.
import { describe, expect, it } from 'vitest';
import { computeMarks, ERROR_FILL, formatIssue, WARNING_FILL } from '../../engine/index.js';
import { check, PLAN, validRow } from '../engine/grids.js';

describe('the marks of a check', () => {
  const result = check(PLAN, {
    info: { meetingDate: '12/04/2021', letterDate: '09/04/2021' },
    individuals: [
      validRow(PLAN, 'ca_nhan', { name: 'Trần Thị Bình' }),
      validRow(PLAN, 'ca_nhan', { name: 'Đinh Thị Lan', birthYear: 1938, summary: 'Hoàn thành tốt' }),
    ],
    collectives: [validRow(PLAN, 'tap_the', { name: 'Tổ Điện nông thôn', summary: 'Hoàn thành tốt' })],
  });
  const marks = computeMarks(result);
  const lan = result.nominations.find((n) => n.name === 'Đinh Thị Lan')!;
  const layout = result.layouts.find((l) => l.sheet === 'Cá nhân')!;
  const sentence = (code: string, n = lan) =>
    formatIssue(
      n.issues.find((i) => i.code === code)!,
      { withLocation: false },
    );
  const texts = (sheet: string) => marks.results.find((r) => r.sheet === sheet)!.texts;

  it('writes the full fix sentence of every issue in Kết quả kiểm tra, and the Thông tin error on every row', () => {
    const [bình, lanText] = texts('Cá nhân');
    const meeting = sentence('DATE_BIENBAN_AFTER_TOTRINH');
    expect(lanText).toBe(
      [
        `Lỗi – Năm sinh: ${sentence('FIELD_INVALID')}`,
        `Cảnh báo – Tóm tắt thành tích: ${sentence('SUMMARY_TOO_SHORT')}`,
        `Lỗi ở trang Thông tin, áp dụng cho mọi dòng – Ngày họp bình xét: ${meeting}`,
      ].join(' • '),
    );
    expect(bình).toBe(`Lỗi ở trang Thông tin, áp dụng cho mọi dòng – Ngày họp bình xét: ${meeting}`);
  });

  it('says "Hợp lệ (có cảnh báo)" first on a row with only warnings, and "Hợp lệ" on a clean row', () => {
    const clean = check(PLAN, {
      individuals: [validRow(PLAN, 'ca_nhan'), validRow(PLAN, 'ca_nhan', { name: 'B', summary: 'Ngắn' })],
    });
    const [first, second] = computeMarks(clean).results.find((r) => r.sheet === 'Cá nhân')!.texts;
    expect(first).toBe('Hợp lệ');
    expect(second).toMatch(
      /^Hợp lệ \(có cảnh báo\) • Cảnh báo – Tóm tắt thành tích: Tóm tắt thành tích chỉ có 4 ký tự/,
    );
  });

  it('gives each marked cell its kind, fill and the full sentence as its note', () => {
    const at = (row: number, col: number) =>
      marks.cells.find((c) => c.sheet === 'Cá nhân' && c.row === row && c.col === col);
    expect(at(lan.source.row - 1, layout.columns.birthYear!)).toEqual({
      sheet: 'Cá nhân',
      row: 2,
      col: layout.columns.birthYear,
      kind: 'error',
      fill: ERROR_FILL,
      comment: sentence('FIELD_INVALID'),
    });
    expect(at(2, layout.columns.summary!)).toMatchObject({ kind: 'warning', fill: WARNING_FILL });
    const info = marks.cells.find((c) => c.sheet === 'Thông tin')!;
    expect(info).toMatchObject({ col: 1, kind: 'error', comment: sentence('DATE_BIENBAN_AFTER_TOTRINH') });
  });

  it('marks Thông tin of a blank template', () => {
    const blank = computeMarks(check(PLAN, { info: { letterNo: '' } }));
    expect(blank.cells.map((c) => [c.sheet, c.kind])).toEqual([['Thông tin', 'error']]);
    expect(blank.cells[0]!.comment).toMatch(/^Chưa có Tờ trình đề nghị khen thưởng/);
  });

  describe("on a file received after the deadline (the merge's feedback copy)", () => {
    const late = check(
      PLAN,
      {
        individuals: [
          validRow(PLAN, 'ca_nhan', { name: 'Trần Thị Bình' }),
          validRow(PLAN, 'ca_nhan', { name: 'Đinh Thị Lan', birthYear: 1938 }),
        ],
      },
      { receivedAt: new Date('2021-05-01') },
    );
    const lateTexts = (opts = {}) => computeMarks(late, opts).results.find((r) => r.sheet === 'Cá nhân')!.texts;

    it('says on every row that it is late and not considered, never "Hợp lệ"', () => {
      const [bình, lanText] = lateTexts();
      expect(bình).toBe('Gửi muộn – không được xét');
      expect(lanText).toMatch(/^Gửi muộn – không được xét • Lỗi – Năm sinh: /);
    });

    it('with late files included, says the secretariat considers the rows, and what still is wrong', () => {
      const [bình, lanText] = lateTexts({ includeLate: true });
      // Not "Hợp lệ": the row stays late, as the counts say; nothing else is wrong with it.
      expect(bình).toBe('Gửi muộn – Văn phòng Sở vẫn xét • Không có lỗi khác');
      expect(lanText).toMatch(/^Gửi muộn – Văn phòng Sở vẫn xét • Lỗi – Năm sinh: /);
    });
  });
});
