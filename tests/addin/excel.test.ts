// The Excel module against the strict stand-in at the requirement levels offices really have (1.1: Excel
// 2016; 1.4; 1.8: Excel 2019 / Mac; latest: Microsoft 365): a check costs the same syncs for 5 rows as for
// 5,000, writes only "Kết quả kiểm tra" and fills, and "Xóa đánh dấu" gives every cell its own fill back.
import { beforeEach, describe, expect, it } from 'vitest';
import {
  checkWorkbook,
  PLAN_SHEET,
  planJson,
  planSheetRows,
  sheetColumns,
  stableHash,
  type Plan,
} from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import {
  applyMarks,
  capabilities,
  clearMarks,
  PAYLOAD_BUDGET,
  readSnapshot,
  selectCell,
  STORE_SETTING,
  STORE_SHEET,
  watchChanges,
} from '../../addin/src/excel.js';
import { computeMarks, ERROR_FILL, VALID_TEXT } from '../../engine/index.js';
import { FakeWorkbook, installFakeOffice, type FakeCell } from '../../addin/preview/fake-excel.js';
import { infoSheet, validInfo, validRow } from '../engine/grids.js';

const plan: Plan = DEFAULT_PLAN;
const LEVELS = ['1.1', '1.4', '1.8', 'latest'] as const;
const CLERK_FILL = '#00B0F0';

function workbookWith(people: number, api: string): FakeWorkbook {
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
  const book = new FakeWorkbook(
    [
      { name: 'Thông tin', values: info },
      { name: 'Tập thể', values: tapThe },
      { name: 'Cá nhân', values: rows },
    ],
    { api },
  );
  const yearCol = specs.findIndex((s) => s.key === 'birthYear');
  book.sheet('Cá nhân')!.fills.set(`1,${yearCol}`, CLERK_FILL); // the clerk's own colour on a wrong cell
  return book;
}

const use = (book: FakeWorkbook) => installFakeOffice(globalThis as unknown as Record<string, unknown>, book);

async function check(book: FakeWorkbook) {
  use(book);
  const caps = capabilities();
  const snapshot = await readSnapshot([plan], caps);
  const result = checkWorkbook(plan, snapshot.grid);
  const marks = computeMarks(result);
  await applyMarks(snapshot, marks, caps);
  return { caps, result, marks };
}

const column = (book: FakeWorkbook, header: string) => book.sheet('Cá nhân')!.values[0]!.indexOf(header);

describe.each(LEVELS)('the Excel module at ExcelApi %s', (api) => {
  let small: FakeWorkbook;
  let large: FakeWorkbook;
  const quiet = api === '1.8' || api === 'latest';
  beforeEach(() => {
    small = workbookWith(5, api);
    large = workbookWith(5_000, api);
  });

  it('checks 5,000 rows with exactly as many syncs as 5 rows', async () => {
    await check(small);
    await check(large);
    // names, sizes, values, own fills, writes; and turning events back on where they were turned off.
    expect(small.syncs).toBe(quiet ? 6 : 5);
    expect(large.syncs).toBe(small.syncs);
  });

  it('writes the verdict of every row into "Kết quả kiểm tra" and changes no other value', async () => {
    const before = large.sheets.map((s) => s.values.map((r) => [...r]));
    await check(large);
    const sheet = large.sheet('Cá nhân')!;
    const resultCol = column(large, 'Kết quả kiểm tra');
    expect(sheet.values[1]![resultCol]).toMatch(/^Lỗi – Năm sinh: Giá trị "\S+" không hợp lệ\. Năm sinh phải là năm/);
    expect(sheet.values[2]![resultCol]).toBe(VALID_TEXT);
    const changed = before.flatMap((rows, s) =>
      rows.flatMap((r, i) => r.map((v, c) => ({ s, c, v })).filter((x) => large.sheets[s]!.values[i]![x.c] !== x.v)),
    );
    expect(changed.length).toBe(5_000);
    expect(changed.filter((x) => x.s !== 2 || x.c !== resultCol)).toEqual([]);
  });

  it("fills error cells red, remembers the clerk's own fills, and gives them back on clear", async () => {
    const { caps, marks } = await check(small);
    const sheet = small.sheet('Cá nhân')!;
    const yearCol = column(small, 'Năm sinh');
    expect(sheet.fills.get(`1,${yearCol}`)).toBe(ERROR_FILL);
    expect(sheet.fills.get(`2,${yearCol}`)).toBeUndefined(); // row 2 is valid
    if (api === '1.1') {
      // No hidden sheet without 1.2: the remembered fills go to the document's settings.
      expect(small.sheet(STORE_SHEET)).toBeUndefined();
      expect(small.savedSettings[STORE_SETTING]).toContainEqual(['Cá nhân', 1, yearCol, CLERK_FILL]);
    } else {
      expect(small.sheet(STORE_SHEET)?.visibility).toBe('VeryHidden');
    }

    const before = small.syncs;
    await clearMarks(await readSnapshot([plan], caps), marks.results, caps);
    expect(small.syncs - before).toBe(3 + 1 + (quiet ? 1 : 0));
    // The clerk's colour is back; cells that had none have none (cleared, not painted white).
    expect([...sheet.fills.entries()]).toEqual([[`1,${yearCol}`, CLERK_FILL]]);
    expect(sheet.values.slice(1).every((r) => r[column(small, 'Kết quả kiểm tra')] === '')).toBe(true);
    expect(small.sheet(STORE_SHEET)).toBeUndefined();
    expect(small.savedSettings[STORE_SETTING]).toBeUndefined();
  });

  it('restores a cell whose mistake was fixed at the next check', async () => {
    await check(small);
    const sheet = small.sheet('Cá nhân')!;
    const yearCol = column(small, 'Năm sinh');
    const nameCol = column(small, 'Họ và tên');
    sheet.values[1]![yearCol] = 1981;
    sheet.values[2]![nameCol] = '';
    await check(small);
    expect(sheet.fills.get(`2,${nameCol}`)).toBe(ERROR_FILL);
    sheet.values[2]![nameCol] = 'Người thứ hai';
    await check(small);
    expect([...sheet.fills.entries()]).toEqual([[`1,${yearCol}`, CLERK_FILL]]);
  });

  it('selects a cell in one sync', async () => {
    use(small);
    await selectCell('Cá nhân', 4, 3);
    expect(small.selection).toEqual({ sheet: 'Cá nhân', address: 'D5' });
    expect(small.syncs).toBe(1);
  });

  it('reads a workbook that is not the template without failing', async () => {
    const other = new FakeWorkbook([{ name: 'Sheet1', values: [['Họ tên'], ['A']] }], { api });
    use(other);
    const snapshot = await readSnapshot([plan], capabilities());
    expect(checkWorkbook(plan, snapshot.grid).fileIssues.map((i) => i.code)).toEqual(['TEMPLATE_UNKNOWN']);
  });

  it.runIf(quiet)('re-checks on a change of the clerk, never on its own writes', async () => {
    const { caps } = await check(small);
    expect(caps.live).toBe(true);
    let calls = 0;
    await watchChanges(['Cá nhân'], () => calls++);
    await check(small);
    await new Promise((r) => setTimeout(r, 10));
    expect(calls).toBe(0);
    await small.type('Cá nhân', 2, 3, 1985);
    expect(calls).toBe(1);
  });

  it.runIf(!quiet)('offers no live re-check', async () => {
    const { caps } = await check(small);
    expect(caps.live).toBe(false);
  });
});

describe('the Excel module on one workbook across Excel versions', () => {
  it('clears on Excel 2016 what Microsoft 365 marked: the very hidden store is emptied, not deleted', async () => {
    const book = workbookWith(5, 'latest');
    const { marks } = await check(book);
    const yearCol = column(book, 'Năm sinh');
    const old = new FakeWorkbook(book.sheets, { api: '1.1' });
    old.sheets.forEach((s, i) => (s.fills = book.sheets[i]!.fills));
    use(old);
    const caps = capabilities();
    await clearMarks(await readSnapshot([plan], caps), marks.results, caps);
    expect([...old.sheet('Cá nhân')!.fills.entries()]).toEqual([[`1,${yearCol}`, CLERK_FILL]]);
    expect(old.sheet(STORE_SHEET)?.visibility).toBe('VeryHidden');
    expect(
      old
        .sheet(STORE_SHEET)!
        .values.flat()
        .every((v) => v === ''),
    ).toBe(true);
  });

  it('splits a sheet of 40,000 rows into more syncs, none over the web payload budget', async () => {
    const huge = workbookWith(40_000, 'latest');
    await check(huge);
    expect(huge.syncs).toBeGreaterThan(6);
    expect(huge.largestSyncCells * 40).toBeLessThanOrEqual(PAYLOAD_BUDGET);
    const sheet = huge.sheet('Cá nhân')!;
    expect(sheet.values[40_000]![column(huge, 'Kết quả kiểm tra')]).toBe(VALID_TEXT);
  });
});

describe('the plan the workbook carries', () => {
  // Next season's plan: the same template, another deadline. A Tờ trình of 10/05/2021 is late under the
  // bundled 2021 plan (deadline 15/04/2021) and on time under the one the workbook carries.
  const nextPlan = { ...plan, deadline: '2021-06-30' };
  const LETTER_10_MAY_2021 = 44326;

  function carrying(rows: FakeCell[][] | null, api = '1.1'): FakeWorkbook {
    const book = workbookWith(3, api);
    const info = book.sheet('Thông tin')!;
    const letterRow = info.values.findIndex((r) => r[0] === 'Ngày Tờ trình');
    info.values[letterRow]![1] = LETTER_10_MAY_2021;
    if (rows) book.sheets.push({ name: PLAN_SHEET, values: rows, fills: new Map(), visibility: 'VeryHidden' });
    return book;
  }
  const codesOf = (result: ReturnType<typeof checkWorkbook>) =>
    new Set(result.nominations.flatMap((n) => n.issues.map((i) => i.code)));

  it('is read in the same three syncs and used instead of the bundled plan', async () => {
    const book = carrying(planSheetRows(nextPlan) as FakeCell[][]);
    use(book);
    const snapshot = await readSnapshot([plan], capabilities());
    expect(book.syncs).toBe(3);
    expect(snapshot.plan).toEqual({ plan: nextPlan, source: 'workbook' });
    expect(codesOf(checkWorkbook(snapshot.plan.plan, snapshot.grid))).not.toContain('DATE_TOTRINH_AFTER_DEADLINE');
    expect(codesOf(checkWorkbook(plan, snapshot.grid))).toContain('DATE_TOTRINH_AFTER_DEADLINE');
  });

  it('falls back to the bundled plan of its Mã kế hoạch when it carries none', async () => {
    use(carrying(null));
    const snapshot = await readSnapshot([plan], capabilities());
    expect(snapshot.plan).toEqual({ plan, source: 'bundled' });
  });

  it('says so when the carried plan is damaged, and checks with the bundled plan', async () => {
    const rows = planSheetRows(nextPlan) as FakeCell[][];
    rows[1]![1] = String(rows[1]![1]).replace('"2021-06-30"', '"2021-07-31"'); // edited by hand
    use(carrying(rows));
    const snapshot = await readSnapshot([plan], capabilities());
    expect(snapshot.plan.source).toBe('bundled');
    expect(snapshot.plan.plan).toBe(plan);
    expect(snapshot.plan.damaged).toContain('Kế hoạch lưu trong sổ bị hỏng (nội dung không khớp dấu vân tay');
    expect(codesOf(checkWorkbook(snapshot.plan.plan, snapshot.grid))).toContain('PLAN_OUTDATED');
  });

  it('names the field when the carried plan is intact but not a valid plan', async () => {
    const bad = JSON.stringify({ ...JSON.parse(planJson(nextPlan)), deadline: '30/06/2021' });
    use(
      carrying([
        ['Dấu vân tay', stableHash(bad)],
        ['Kế hoạch (JSON)', bad],
      ]),
    );
    const snapshot = await readSnapshot([plan], capabilities());
    expect(snapshot.plan.damaged).toContain('deadline: phải là ngày dạng YYYY-MM-DD');
  });
});
