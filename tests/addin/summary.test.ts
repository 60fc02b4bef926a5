// The pane's list of issues: each sentence once, without the location the group title and the column label
// already show, and the column by key so a click selects the right cell.
import { describe, expect, it } from 'vitest';
import { computeMarks } from '../../engine/index.js';
import { groupIssues } from '../../addin/src/summary.js';
import { check, PLAN, validRow } from '../engine/grids.js';

describe('the pane’s issue list', () => {
  const result = check(PLAN, {
    info: { letterNo: '' },
    individuals: [validRow(PLAN, 'ca_nhan', { birthYear: 'năm 85', summary: 'Ngắn' })],
  });
  const groups = groupIssues(result);

  it('lists the Thông tin rows first, then the nomination row, each sentence without its location', () => {
    expect(groups.map((g) => g.title)).toEqual(['Thông tin – dòng 7', 'Cá nhân – dòng 2: Trần Thị Bình']);
    const row = groups[1]!.items;
    expect(row.map((i) => [i.code, i.column, i.columnKey])).toEqual([
      ['FIELD_INVALID', 'Năm sinh', 'birthYear'],
      ['SUMMARY_TOO_SHORT', 'Tóm tắt thành tích', 'summary'],
    ]);
    expect(row[0]!.message).toBe('Giá trị "năm 85" không hợp lệ. Năm sinh phải là năm có 4 chữ số, từ 1940 đến 2005.');
    expect(groups[0]!.items[0]!.message).toMatch(/^Chưa có Tờ trình đề nghị khen thưởng \(thiếu Số Tờ trình\)\./);
  });

  it('fills the cell of the column each issue names', () => {
    const layout = result.layouts.find((l) => l.sheet === 'Cá nhân')!;
    const cells = computeMarks(result).cells.filter((c) => c.sheet === 'Cá nhân');
    expect(cells.map((c) => c.col).sort()).toEqual([layout.columns.birthYear, layout.columns.summary].sort());
  });
});
