// The Excel module against the stand-in that counts context.sync(): a check costs the same number of
// syncs for 5 rows as for 5,000, writes only "Kết quả kiểm tra" and fills, and "Xóa đánh dấu" restores.
import { beforeEach, describe, expect, it } from 'vitest';
import { checkWorkbook, sheetColumns, type Plan } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import {
  applyMarks,
  capabilities,
  clearMarks,
  PAYLOAD_BUDGET,
  readWorkbook,
  selectCell,
  STORE_SHEET,
} from '../../addin/src/excel.js';
import { computeMarks, ERROR_FILL, VALID_TEXT } from '../../addin/src/marks.js';
import { FakeWorkbook, installFakeOffice, type FakeCell } from '../../addin/preview/fake-excel.js';
import { infoSheet, validInfo, validRow } from '../engine/grids.js';

const plan: Plan = DEFAULT_PLAN;

function workbookWith(people: number): FakeWorkbook {
  const specs = sheetColumns(plan, 'ca_nhan');
  const rows: FakeCell[][] = [specs.map((s) => s.header)];
  for (let i = 0; i < people; i++) {
    const r = validRow(plan, 'ca_nhan', { name: `Người thứ ${i + 1}`, birthYear: i % 7 === 0 ? 1900 : 1980 });
    rows.push(specs.map((s) => (s.key === 'seq' ? i + 1 : ((r[s.key] as FakeCell) ?? ''))));
  }
  const tapThe = [sheetColumns(plan, 'tap_the').map((s) => s.header)];
  const info = infoSheet(validInfo(plan)).rows.map(
    (r) => r.map((v) => (v instanceof Date ? 44300 : (v ?? ''))) as FakeCell[],
  );
  const book = new FakeWorkbook([
    { name: 'Thông tin', values: info },
    { name: 'Tập thể', values: tapThe },
    { name: 'Cá nhân', values: rows },
  ]);
  book.sheet('Cá nhân')!.fills.set('1,1', '#00B0F0'); // the clerk's own colour on a name
  return book;
}

async function check(book: FakeWorkbook) {
  installFakeOffice(globalThis as unknown as Record<string, unknown>, book);
  const caps = capabilities();
  const snapshot = await readWorkbook(plan);
  const result = checkWorkbook(plan, snapshot.grid);
  const marks = computeMarks(result);
  await applyMarks(snapshot, marks, caps);
  return { caps, result, marks };
}

describe('the Excel module', () => {
  let small: FakeWorkbook;
  let large: FakeWorkbook;
  beforeEach(() => {
    small = workbookWith(5);
    large = workbookWith(5_000);
  });

  it('checks 5,000 rows with exactly as many syncs as 5 rows (5: names, sizes, values, own fills, writes)', async () => {
    await check(small);
    await check(large);
    expect(small.syncs).toBe(5);
    expect(large.syncs).toBe(small.syncs);
  });

  it('splits a sheet of 40,000 rows into more syncs, none over the web payload budget', async () => {
    const huge = workbookWith(40_000);
    await check(huge);
    expect(huge.syncs).toBeGreaterThan(5);
    expect(huge.largestSyncCells * 40).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    const sheet = huge.sheet('Cá nhân')!;
    expect(sheet.values[40_000]![sheet.values[0]!.indexOf('Kết quả kiểm tra')]).toBe(VALID_TEXT);
  });

  it('writes the verdict of every row into "Kết quả kiểm tra" and changes no other value', async () => {
    const before = large.sheets.map((s) => s.values.map((r) => [...r]));
    await check(large);
    const sheet = large.sheet('Cá nhân')!;
    const resultCol = sheet.values[0]!.indexOf('Kết quả kiểm tra');
    expect(sheet.values[1]![resultCol]).toBe('Lỗi: Năm sinh');
    expect(sheet.values[2]![resultCol]).toBe(VALID_TEXT);
    before.forEach((rows, s) =>
      rows.forEach((r, i) =>
        r.forEach((v, c) => {
          if (c !== resultCol || s !== 2) expect(large.sheets[s]!.values[i]![c]).toBe(v);
        }),
      ),
    );
  });

  it("fills error cells red and keeps the clerk's own fills to restore them", async () => {
    const { caps, marks } = await check(small);
    const sheet = small.sheet('Cá nhân')!;
    const yearCol = sheet.values[0]!.indexOf('Năm sinh');
    expect(sheet.fills.get(`1,${yearCol}`)).toBe(ERROR_FILL);
    expect(sheet.fills.get('1,1')).toBe('#00B0F0');
    expect(small.sheet(STORE_SHEET)?.visibility).toBe('VeryHidden');

    const before = small.syncs;
    await clearMarks(await readWorkbook(plan), marks.results, caps);
    expect(small.syncs - before).toBe(3 + 1);
    expect([...sheet.fills.entries()]).toEqual([['1,1', '#00B0F0']]);
    expect(sheet.values.slice(1).every((r) => r[sheet.values[0]!.indexOf('Kết quả kiểm tra')] === '')).toBe(true);
    expect(small.sheet(STORE_SHEET)).toBeUndefined();
  });

  it('restores a cell whose mistake was fixed at the next check', async () => {
    await check(small);
    const sheet = small.sheet('Cá nhân')!;
    const yearCol = sheet.values[0]!.indexOf('Năm sinh');
    sheet.values[1]![yearCol] = 1981;
    await check(small);
    expect(sheet.fills.has(`1,${yearCol}`)).toBe(false);
  });

  it('selects a cell in one sync', async () => {
    installFakeOffice(globalThis as unknown as Record<string, unknown>, small);
    await selectCell('Cá nhân', 4, 3);
    expect(small.selection).toEqual({ sheet: 'Cá nhân', address: 'D5' });
    expect(small.syncs).toBe(1);
  });

  it('reads a workbook that is not the template without failing', async () => {
    const other = new FakeWorkbook([{ name: 'Sheet1', values: [['Họ tên'], ['A']] }]);
    installFakeOffice(globalThis as unknown as Record<string, unknown>, other);
    const snapshot = await readWorkbook(plan);
    expect(checkWorkbook(plan, snapshot.grid).fileIssues.map((i) => i.code)).toEqual(['TEMPLATE_UNKNOWN']);
  });
});
