// The pane's list of issues: grouped by kind with the Thông tin kinds first, each sentence once, without the
// location its row label already shows, and the column by key so a click selects the right cell.
import { describe, expect, it } from 'vitest';
import { computeMarks } from '../../engine/index.js';
import { groupIssues, statusCounts } from '../../addin/src/summary.js';
import { check, PLAN, validRow } from '../engine/grids.js';

describe('the pane’s issue list', () => {
  const result = check(PLAN, {
    info: { letterNo: '' },
    individuals: [
      validRow(PLAN, 'ca_nhan', { birthYear: 'năm 85', summary: 'Ngắn' }),
      validRow(PLAN, 'ca_nhan', { name: 'Lê Văn Cường', birthYear: 1900 }),
    ],
  });
  const groups = groupIssues(result);

  it('groups by kind: the Thông tin kind first and said to apply to every row, then errors, then warnings', () => {
    expect(groups.map((g) => [g.code, g.dossier, g.items.length])).toEqual([
      ['DOSSIER_NO_TOTRINH', true, 1],
      ['FIELD_INVALID', false, 2],
      ['SUMMARY_TOO_SHORT', false, 1],
    ]);
    expect(groups[1]!.title).toBe('Giá trị không hợp lệ');
    const [first, second] = groups[1]!.items;
    expect([first!.where, first!.column, first!.columnKey]).toEqual([
      'Cá nhân – dòng 2: Trần Thị Bình',
      'Năm sinh',
      'birthYear',
    ]);
    expect(second!.where).toBe('Cá nhân – dòng 3: Lê Văn Cường');
    expect(first!.message).toBe('Giá trị "năm 85" không hợp lệ. Năm sinh phải là năm có 4 chữ số, từ 1940 đến 2005.');
    expect(groups[0]!.items[0]!.message).toMatch(/^Chưa có Tờ trình đề nghị khen thưởng \(thiếu Số Tờ trình\)\./);
  });

  it('counts rows by their own cells: the Thông tin error does not turn a clean row into an error row', () => {
    const clean = check(PLAN, { info: { letterNo: '' }, individuals: [validRow(PLAN, 'ca_nhan')] });
    expect(statusCounts(PLAN, clean).bySheet.find((t) => t.label === 'Cá nhân')).toMatchObject({
      total: 1,
      errors: 0,
      clean: 1,
    });
    expect(groupIssues(clean).map((g) => g.code)).toEqual(['DOSSIER_NO_TOTRINH']);
  });

  it('fills the cell of the column each issue names', () => {
    const layout = result.layouts.find((l) => l.sheet === 'Cá nhân')!;
    const cells = computeMarks(result).cells.filter((c) => c.sheet === 'Cá nhân' && c.row === 1);
    expect(cells.map((c) => c.col).sort()).toEqual([layout.columns.birthYear, layout.columns.summary].sort());
  });
});
