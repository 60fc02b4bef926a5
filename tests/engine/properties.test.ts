// Properties of reading: column order, unknown extra columns and NFC/NFD never change the issues.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkWorkbook, sheetColumns, type ColumnKey, type Cell } from '../../engine/index.js';
import { issueKeys, PLAN, validRow, workbook, type RowValues } from './grids.js';

const FORM_LABELS = PLAN.forms.map((f) => f.label);
const GROUP_LABELS = PLAN.groups.map((g) => g.label);

// Rows mixing valid and invalid values, so that the issues compared are many and varied.
const personRow: fc.Arbitrary<RowValues> = fc
  .record({
    name: fc.constantFrom('Nguyễn Văn Hùng', 'Nguyễn Văn Hưng', 'Lê Thị Ánh', '', 'Phạm Đức Thắng'),
    gender: fc.constantFrom('Nam', 'Nữ', 'nu', null),
    birthYear: fc.constantFrom<Cell>(1980, 1939, '1991', 'abc', null),
    form: fc.constantFrom<Cell>(...FORM_LABELS, 'Huân chương', null),
    group: fc.constantFrom<Cell>(...GROUP_LABELS, null),
    criterion0: fc.constantFrom('Đạt', 'Không đạt', null),
    outstanding: fc.constantFrom('Có', 'Không', null),
    summary: fc.constantFrom('Hoàn thành xuất sắc nhiệm vụ được giao trong năm 2021', 'ngắn', '=1+1 kết quả', ''),
    report: fc.constantFrom('Có', 'Chưa'),
  })
  .map((o) => validRow(PLAN, 'ca_nhan', o));

const toNfd = (v: Cell): Cell => (typeof v === 'string' ? v.normalize('NFD') : v);

describe('reading is independent of layout and Unicode form', () => {
  it('reordering columns, adding unknown columns or switching to NFD never changes the issues', () => {
    const keys = sheetColumns(PLAN, 'ca_nhan').map((s) => s.key);
    fc.assert(
      fc.property(
        fc.array(personRow, { minLength: 1, maxLength: 6 }),
        fc.shuffledSubarray(keys, { minLength: keys.length, maxLength: keys.length }),
        fc.dictionary(
          fc.constantFrom('Số CCCD', 'Email', 'Ghi chú thêm', 'Cột phụ'),
          fc.constantFrom<Cell>('x', 12, null),
        ),
        fc.boolean(),
        (rows, order, extra, nfd) => {
          const base = checkWorkbook(PLAN, workbook(PLAN, { individuals: rows }));
          const changedRows = nfd
            ? rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, toNfd(v)])) as RowValues)
            : rows;
          const headers = nfd
            ? (Object.fromEntries(
                sheetColumns(PLAN, 'ca_nhan').map((s) => [s.key, s.header.normalize('NFD')]),
              ) as Partial<Record<ColumnKey, string>>)
            : undefined;
          const changed = checkWorkbook(
            PLAN,
            workbook(PLAN, {
              individuals: changedRows,
              individualSheet: { order: order as ColumnKey[], extra, headers },
            }),
          );
          expect(issueKeys(changed)).toEqual(issueKeys(base));
          expect(changed.nominations.map((n) => n.id)).toEqual(base.nominations.map((n) => n.id));
        },
      ),
      { numRuns: 150 },
    );
  });
});
