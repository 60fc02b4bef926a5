// The pane's list of issues: grouped by kind with the Thông tin kinds first, each sentence once, without the
// location its row label already shows, and the column by key so a click selects the right cell. The view of
// a check gathers all of it as plain data: the checker page's worker posts only the view, never the check.
import { describe, expect, it } from 'vitest';
import { computeMarks, verdictOf } from '../../engine/index.js';
import { groupIssues, statusCounts, viewOf } from '../../addin/src/summary.js';
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

  it('counts rows by sheet and by form, a row without a known form under "Chưa rõ hình thức"', () => {
    const form = PLAN.forms[0]!;
    const rows = check(PLAN, {
      collectives: [validRow(PLAN, 'tap_the')],
      individuals: [
        validRow(PLAN, 'ca_nhan', { form: form.label, birthYear: 1900 }),
        validRow(PLAN, 'ca_nhan', { form: 'Bằng khen của Chính phủ nước ngoài' }),
      ],
    });
    const t = statusCounts(PLAN, rows);
    const of = (list: typeof t.bySheet) => list.map((c) => [c.label, c.total, c.errors, c.warnings, c.clean]);
    expect(of(t.bySheet)).toEqual([
      ['Tập thể', 1, 0, 0, 1],
      ['Cá nhân', 2, 2, 0, 0],
    ]);
    // The group's row has the first form too; a form nobody chose is not listed.
    expect(of(t.byForm)).toEqual([
      [form.label, 2, 1, 0, 1],
      ['Chưa rõ hình thức', 1, 1, 0, 0],
    ]);
  });

  it('fills the cell of the column each issue names', () => {
    const layout = result.layouts.find((l) => l.sheet === 'Cá nhân')!;
    const cells = computeMarks(result).cells.filter((c) => c.sheet === 'Cá nhân' && c.row === 1);
    expect(cells.map((c) => c.col).sort()).toEqual([layout.columns.birthYear, layout.columns.summary].sort());
  });
});

describe('the view of a check', () => {
  const now = new Date('2021-04-01T09:00:00+07:00');
  const person = (name: string, o = {}) => validRow(PLAN, 'ca_nhan', { name, ...o });

  it('holds what the pane shows: verdict, groups, counts by sheet and form, checklist, unit and row count', () => {
    const result = check(PLAN, { individuals: [person('Lê Văn Cường', { birthYear: 1900 }), person('Đinh Thị Lan')] });
    const view = viewOf(PLAN, result, now);
    expect(view.verdict).toEqual(verdictOf(result));
    expect(view.groups).toEqual(groupIssues(result));
    expect(view.counts).toEqual(statusCounts(PLAN, result));
    expect(view.checklist.find((c) => c.label.includes('không dòng nào có lỗi'))!.done).toBe(false);
    expect([view.accepted, view.empty, view.markable, view.nominations]).toEqual([true, false, true, 2]);
    expect(view.unit).toEqual(result.unit);
  });

  it('of a file that is not the template: its refusal only, and no download of a marked copy', () => {
    const result = check(PLAN, { info: { planId: null }, individuals: [person('Đinh Thị Lan')] });
    const view = viewOf(PLAN, result, now);
    expect(view.verdict.headline).toBe('Chưa sẵn sàng');
    expect(view.fileIssues.map((i) => i.code)).toEqual(['TEMPLATE_UNKNOWN']);
    expect([view.accepted, view.markable, view.unit, view.groups, view.checklist]).toEqual([
      false,
      false,
      null,
      [],
      [],
    ]);
  });

  it('of a blank template: checked, nothing to mark', () => {
    const view = viewOf(PLAN, check(PLAN, {}), now);
    expect([view.accepted, view.empty, view.markable, view.nominations]).toEqual([true, true, false, 0]);
  });

  it('is plain data, and valid rows add only to its counts: 2,000 of them post as much as one', () => {
    const posted = (rows: number) => {
      const valid = Array.from({ length: rows }, (_, i) => person(`Người số ${i + 1}`));
      const view = viewOf(
        PLAN,
        check(PLAN, { individuals: [person('Lê Văn Cường', { birthYear: 1900 }), ...valid] }),
        now,
      );
      expect(structuredClone(view)).toEqual(view);
      return JSON.stringify(view).length;
    };
    // The counts' digits aside (2 → 2001, 1 → 2000, in a few places).
    expect(posted(2000) - posted(1)).toBeLessThan(30);
  });
});
