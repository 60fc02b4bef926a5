// `sync push` against the fake Sheets API: the master's sheets land in the spreadsheet, and whatever the
// secretariat typed in the Sheet's Tổng hợp comes back into the master first.
import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runPush } from '../../sync/google/push.js';
import { pushStatePath } from '../../sync/google/push-state.js';
import { rowDigests } from '../../sync/google/sheet-guard.js';
import { MAX_CELLS_PER_REQUEST } from '../../sync/google/limits.js';
import { UNMATCHED_HEADERS, UNMATCHED_REASONS } from '../../sync/typed-values/master.js';
import { MASTER_SHEETS } from '../../sync/master/layout.js';
import { unmatchedOf } from '../sync/inbox.js';
import { googleError, TEST_TOKEN, type FakeTab } from './fake-google.js';
import { ACCOUNT, closeHarness, openHarness, type Harness } from './harness.js';
import { BASE_ROWS, readSecretariat, TALLY_HEADERS, writeMaster, type TallyRow } from './master-fixture.js';

let h: Harness;
let master: string;
beforeEach(async () => {
  h = await openHarness();
  master = path.join(h.dir, 'master.xlsx');
  await writeMaster(master);
  h.fake.addSpreadsheet('sheet-1', [{ title: 'Trang tính1', values: [['ghi chú riêng của lãnh đạo']] }]);
});
afterEach(() => closeHarness(h));

const push = () => runPush({ sheet: 'sheet-1', master }, h.deps);
const tab = (title: string): FakeTab => h.fake.tab('sheet-1', title)!;
const valueWrites = () => h.fake.requests.filter((r) => r.path.endsWith('/values:batchUpdate'));

/** Types a value into the fake Sheet's Tổng hợp, finding row and column by text as a person would. */
function typeInSheet(id: string, header: string, value: string): void {
  const t = tab('Tổng hợp');
  const col = t.values[0]!.indexOf(header);
  const row = t.values.findIndex((r) => r.includes(id));
  expect(col).toBeGreaterThanOrEqual(0);
  expect(row).toBeGreaterThan(0);
  t.values[row]![col] = value;
}

function sheetCell(id: string, header: string): unknown {
  const t = tab('Tổng hợp');
  return t.values.find((r) => r.includes(id))?.[t.values[0]!.indexOf(header)];
}

describe('push', () => {
  it('creates the missing tabs and writes every visible master sheet RAW, with frozen headers', async () => {
    const before = await readFile(master);
    expect(await push()).toBe(0);

    expect(h.fake.requests.every((r) => r.authorization === `Bearer ${TEST_TOKEN}`)).toBe(true);
    const titles = h.fake.spreadsheets.get('sheet-1')!.tabs.map((t) => t.title);
    expect(titles).toEqual(['Trang tính1', 'Tổng hợp', 'Theo đơn vị', 'DS BK Bộ trưởng']);
    expect(tab('Trang tính1').values).toEqual([['ghi chú riêng của lãnh đạo']]);

    expect(tab('Tổng hợp').values[0]).toEqual(TALLY_HEADERS);
    expect(tab('Tổng hợp').values[1]).toEqual([
      'H-BINHSON',
      'Nguyễn Văn An',
      '=SUM(1)',
      '15/04/2021 09:30',
      1980,
      'nom-1',
    ]);
    expect(tab('Tổng hợp').values[2]).toEqual([
      'H-BINHSON',
      'Phòng Kinh tế và Hạ tầng huyện Bình Sơn',
      'Hoàn thành xuất sắc nhiệm vụ năm 2020',
      '15/04/2021',
      '',
      'nom-2',
    ]);
    expect(valueWrites().every((r) => (r.body as { valueInputOption: string }).valueInputOption === 'RAW')).toBe(true);
    expect(tab('Tổng hợp').frozenRowCount).toBe(1);
    expect(tab('Theo đơn vị').frozenRowCount).toBe(1);
    expect(tab('DS BK Bộ trưởng').frozenRowCount).toBe(3);
    expect(tab('DS BK Bộ trưởng').values[0]).toEqual(['DANH SÁCH ĐỀ NGHỊ TẶNG BẰNG KHEN CỦA BỘ TRƯỞNG BỘ CÔNG THƯƠNG']);
    expect(tab('Theo đơn vị').values[2]).toEqual(['H-LYSON', 'Phòng Kinh tế và Hạ tầng nông thôn huyện Lý Sơn', 1]);

    expect(await readFile(master)).toEqual(before);
    expect(h.log.text).toContain('Ghi trang "Tổng hợp" (trang mới): 4 dòng, cố định 1 dòng tiêu đề.');
  });

  it('brings values typed in the Sheet back into the master (by header, not position) and keeps them on the next push', async () => {
    await push();
    typeInSheet('nom-1', 'Kết quả Hội đồng', 'Đồng ý');
    typeInSheet('nom-3', 'Ý kiến Văn phòng', 'Thiếu biên bản họp');
    typeInSheet('nom-2', 'Ghi chú Văn phòng', '');
    // Someone moved the id column to the front of the Sheet.
    for (const row of tab('Tổng hợp').values) row.unshift(row.splice(5, 1)[0] ?? '');

    expect(await push(), h.log.text).toBe(0);
    const kept = await readSecretariat(master);
    expect(kept.get('nom-1')).toEqual(['', 'Đồng ý', '']);
    expect(kept.get('nom-3')).toEqual(['Thiếu biên bản họp', '', '']);
    expect((await readSecretariat(master.replace('.xlsx', '.bak.xlsx'))).get('nom-3')).toEqual(['Đủ hồ sơ', '', '']);
    expect(h.log.text).toContain(
      'Lấy từ Google Sheet: mã nom-1, "Kết quả Hội đồng" = "Đồng ý" (trong sổ tổng hợp trước đó: trống).',
    );
    expect(h.log.text).toContain(
      'Lấy từ Google Sheet: mã nom-3, "Ý kiến Văn phòng" = "Thiếu biên bản họp" (trong sổ tổng hợp trước đó: "Đủ hồ sơ").',
    );

    // The Sheet is rewritten from the master, in the master's column order, with the typed values.
    expect(tab('Tổng hợp').values[0]![5]).toBe('Mã đề nghị');
    expect(sheetCell('nom-1', 'Kết quả Hội đồng')).toBe('Đồng ý');
    expect(sheetCell('nom-3', 'Ý kiến Văn phòng')).toBe('Thiếu biên bản họp');
  });

  it('keeps a value typed only in the master, and a master edit made after the last push', async () => {
    await push();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(master);
    wb.getWorksheet('Tổng hợp')!.getCell('G4').value = 'Đã bổ sung tờ trình';
    wb.getWorksheet('Tổng hợp')!.getCell('I2').value = 'Gọi lại đơn vị';
    await wb.xlsx.writeFile(master);

    expect(await push()).toBe(0);
    expect((await readSecretariat(master)).get('nom-3')).toEqual(['Đã bổ sung tờ trình', '', '']);
    expect(sheetCell('nom-3', 'Ý kiến Văn phòng')).toBe('Đã bổ sung tờ trình');
    expect(sheetCell('nom-1', 'Ghi chú Văn phòng')).toBe('Gọi lại đơn vị');
    expect(h.log.text).toContain('Giữ sổ tổng hợp: mã nom-3, "Ý kiến Văn phòng" = "Đã bổ sung tờ trình"');
  });

  it('copies back a row that left the master but carries a value typed in the Sheet', async () => {
    await push();
    typeInSheet('nom-2', 'Kết quả Hội đồng', 'Không đồng ý');
    await writeMaster(
      master,
      BASE_ROWS.filter((r) => r.id !== 'nom-2'),
    );

    expect(await push()).toBe(0);
    const kept = await readSecretariat(master);
    expect(kept.get('nom-2')).toEqual(['', 'Không đồng ý', '']);
    expect(h.log.text).toContain('Giữ lại dòng: mã nom-2');
    expect(sheetCell('nom-2', 'Tên')).toBe('Phòng Kinh tế và Hạ tầng huyện Bình Sơn');
  });

  describe('sets aside, never drops, a value it cannot keep in its row', () => {
    const unmatched = () => unmatchedOf(master);
    const U = UNMATCHED_HEADERS;

    it('two copies of a row (copied in the master before a push) typed differently in the Sheet: the first is kept, the other listed', async () => {
      await writeMaster(master, [...BASE_ROWS, BASE_ROWS[0]!]);
      await push();
      const t = tab('Tổng hợp');
      const office = t.values[0]!.indexOf('Ý kiến Văn phòng');
      const [first, second] = t.values.flatMap((r, i) => (r.includes('nom-1') ? [i] : []));
      t.values[first!]![office] = 'Đủ hồ sơ';
      t.values[second!]![office] = 'Thiếu biên bản họp';
      expect(await push(), h.log.text).toBe(0);
      expect((await readSecretariat(master)).get('nom-1')).toEqual(['Đủ hồ sơ', '', '']);
      expect(await unmatched()).toEqual([
        expect.objectContaining({
          [U.sheet]: 'Tổng hợp (Google Sheet)',
          [U.row]: 5,
          [U.key]: 'nom-1',
          [U.column]: 'Ý kiến Văn phòng',
          [U.value]: 'Thiếu biên bản họp',
          [U.reason]: UNMATCHED_REASONS.copy,
        }),
      ]);
      expect(tab(MASTER_SHEETS.unmatched).values.flat()).toContain('Thiếu biên bản họp');
    });

    it('a value changed both in the master and in the Sheet since the last push: the Sheet wins, the master value is listed', async () => {
      await push();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(master);
      wb.getWorksheet('Tổng hợp')!.getCell('G4').value = 'Đã bổ sung tờ trình';
      await wb.xlsx.writeFile(master);
      typeInSheet('nom-3', 'Ý kiến Văn phòng', 'Chờ ý kiến Phó Giám đốc');

      expect(await push(), h.log.text).toBe(0);
      expect((await readSecretariat(master)).get('nom-3')).toEqual(['Chờ ý kiến Phó Giám đốc', '', '']);
      expect(await unmatched()).toEqual([
        expect.objectContaining({
          [U.sheet]: 'Tổng hợp',
          [U.key]: 'nom-3',
          [U.value]: 'Đã bổ sung tờ trình',
          [U.reason]: UNMATCHED_REASONS.bothEdited,
        }),
      ]);
      expect(h.log.text).toContain('"Đã bổ sung tờ trình" chuyển sang trang "Ghi chú không khớp"');
    });

    it("the council's refusal in the master stays against an approval typed in the Sheet, which is listed", async () => {
      await push();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(master);
      wb.getWorksheet('Tổng hợp')!.getCell('H3').value = 'Không đồng ý';
      await wb.xlsx.writeFile(master);
      typeInSheet('nom-2', 'Kết quả Hội đồng', 'Đồng ý');

      expect(await push(), h.log.text).toBe(0);
      expect((await readSecretariat(master)).get('nom-2')).toEqual(['', 'Không đồng ý', '']);
      expect(await unmatched()).toEqual([
        expect.objectContaining({
          [U.sheet]: 'Tổng hợp (Google Sheet)',
          [U.key]: 'nom-2',
          [U.value]: 'Đồng ý',
          [U.reason]: UNMATCHED_REASONS.bothEdited,
        }),
      ]);
      expect(sheetCell('nom-2', 'Kết quả Hội đồng')).toBe('Không đồng ý');
    });
  });

  it('refuses to overwrite a typed value it cannot match to a nomination id', async () => {
    await push();
    const t = tab('Tổng hợp');
    t.values.push(['', '', '', '', '', '', 'Xem lại toàn bộ hồ sơ Lý Sơn']);
    const before = await readFile(master);
    const writes = valueWrites().length;

    expect(await push()).toBe(1);
    expect(h.log.text).toContain('có giá trị đã nhập ở dòng 5 nhưng không có "Mã đề nghị"');
    expect(valueWrites().length).toBe(writes);
    expect(h.fake.requests.filter((r) => r.path.endsWith('/values:batchClear'))).toHaveLength(1);
    expect(await readFile(master)).toEqual(before);
  });

  it('writes a large tally in several requests, none over the cell limit, and nothing is lost', async () => {
    const rows: TallyRow[] = Array.from({ length: 8000 }, (_, i) => ({
      unit: 'H-SONTINH',
      name: `Cán bộ số ${i + 1}`,
      summary: 'Hoàn thành tốt nhiệm vụ',
      received: new Date(Date.UTC(2021, 3, 1)),
      birthYear: 1970 + (i % 30),
      id: `nom-${i + 1}`,
      note: i % 7 === 0 ? 'ghi chú' : undefined,
    }));
    await writeMaster(master, rows);
    expect(await push()).toBe(0);

    const cellsPerRequest = valueWrites().map((r) =>
      (r.body as { data: Array<{ values: unknown[][] }> }).data.reduce(
        (n, d) => n + d.values.reduce((m, row) => m + Math.max(row.length, 1), 0),
        0,
      ),
    );
    expect(cellsPerRequest.length).toBeGreaterThan(1);
    expect(Math.max(...cellsPerRequest)).toBeLessThanOrEqual(MAX_CELLS_PER_REQUEST);
    expect(tab('Tổng hợp').values).toHaveLength(8001);
    expect(tab('Tổng hợp').values[8000]).toEqual([
      'H-SONTINH',
      'Cán bộ số 8000',
      'Hoàn thành tốt nhiệm vụ',
      '01/04/2021',
      1970 + (7999 % 30),
      'nom-8000',
    ]);
    expect(tab('Tổng hợp').values[7001]).toEqual([
      'H-SONTINH',
      'Cán bộ số 7001',
      'Hoàn thành tốt nhiệm vụ',
      '01/04/2021',
      1970 + (7000 % 30),
      'nom-7001',
      '',
      '',
      'ghi chú',
    ]);
  });

  it('clears what a previous push left below the new end of a sheet', async () => {
    const unannotated = BASE_ROWS.map((r) => ({ ...r, office: undefined }));
    await writeMaster(master, unannotated);
    await push();
    await writeMaster(master, unannotated.slice(0, 1));
    await push();
    expect(tab('Tổng hợp').values).toHaveLength(2);
  });

  it('retries a 429 from the Sheets API and then succeeds', async () => {
    h.fake.fail(
      'GET',
      /^\/v4\/spreadsheets\/sheet-1$/,
      429,
      1,
      googleError(429, 'Quota exceeded', 'RESOURCE_EXHAUSTED'),
    );
    h.fake.fail('POST', /values:batchUpdate$/, 500, 1);
    expect(await push()).toBe(0);
    expect(tab('Tổng hợp').values).toHaveLength(4);
  });

  it('says to share the spreadsheet with the service account on 403, and explains 404', async () => {
    h.fake.fail(
      'GET',
      /^\/v4\/spreadsheets\/sheet-1$/,
      403,
      1,
      googleError(403, 'The caller does not have permission', 'PERMISSION_DENIED'),
    );
    expect(await push()).toBe(1);
    expect(h.log.text).toBe(
      `Không có quyền truy cập bảng tính Google "sheet-1" (HTTP 403). Hãy chia sẻ bảng tính cho tài khoản dịch vụ ${ACCOUNT} với quyền Người chỉnh sửa.`,
    );

    h.log.lines.length = 0;
    expect(await runPush({ sheet: 'missing-sheet', master }, h.deps)).toBe(1);
    expect(h.log.text).toContain('Không tìm thấy bảng tính Google "missing-sheet" (HTTP 404)');
    expect(h.log.text).toContain('mã bảng tính là phần giữa "/d/" và "/edit"');
  });

  it('takes the spreadsheet from an address pasted from the browser', async () => {
    expect(await runPush({ sheet: 'https://docs.google.com/spreadsheets/d/sheet-1/edit#gid=0', master }, h.deps)).toBe(
      0,
    );
    expect(tab('Tổng hợp').values).toHaveLength(4);
  });

  it('stops with a clear message when the master is missing or is not a master', async () => {
    expect(await runPush({ sheet: 'sheet-1', master: path.join(h.dir, 'none.xlsx') }, h.deps)).toBe(1);
    expect(h.log.text).toContain('Không tìm thấy sổ tổng hợp');
    h.log.lines.length = 0;
    const other = path.join(h.dir, 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').addRow(['x']);
    await wb.xlsx.writeFile(other);
    expect(await runPush({ sheet: 'sheet-1', master: other }, h.deps)).toBe(1);
    expect(h.log.text).toContain('không có trang "Tổng hợp"');
    await writeFile(other, 'not a zip');
    expect(await runPush({ sheet: 'sheet-1', master: other }, h.deps)).toBe(1);
    expect(h.log.text).toContain('Không đọc được sổ tổng hợp');
    expect(h.fake.requests).toEqual([]);
    expect((await stat(other)).size).toBe(9);
    // A folder given for the master is said to be a folder, not a master that was never merged.
    h.log.lines.length = 0;
    expect(await runPush({ sheet: 'sheet-1', master: h.dir }, h.deps)).toBe(1);
    expect(h.log.text).toContain(`Không đọc được sổ tổng hợp "${h.dir}": "${h.dir}" là một thư mục, không phải tệp.`);
    expect(h.log.text).not.toContain('Không tìm thấy');
  });

  describe('never clears what it has not merged back', () => {
    const clears = () => h.fake.requests.filter((r) => r.path.endsWith('/values:batchClear')).length;
    const snapshot = () => JSON.stringify(h.fake.spreadsheets.get('sheet-1')!.tabs);

    it.each([
      ['a renamed "Kết quả Hội đồng"', 'Kết quả Hội đồng', 'Kết quả HĐ'],
      ["a leader's own column", null, 'Ý kiến Giám đốc'],
    ])('stops on %s holding values, and leaves the Sheet and the master as they are', async (_, from, to) => {
      await push();
      const t = tab('Tổng hợp');
      const col = from ? t.values[0]!.indexOf(from) : t.values[0]!.length;
      t.values[0]![col] = to;
      t.values[1]![col] = 'Không đồng ý';
      const before = snapshot();
      const master0 = await readFile(master);
      const cleared = clears();
      expect(await push()).toBe(1);
      expect(h.log.text).toContain(`có cột mà sổ tổng hợp không có: "${to}"`);
      expect(h.log.text).toContain('chưa ghi gì');
      expect(clears()).toBe(cleared);
      expect(snapshot()).toBe(before);
      expect(await readFile(master)).toEqual(master0);
    });

    it('stops when someone typed in another tab since the last push', async () => {
      await push();
      tab('Theo đơn vị').values[2]![3] = 'Đã gọi điện nhắc';
      const before = snapshot();
      expect(await push()).toBe(1);
      expect(h.log.text).toContain('ở trang "Theo đơn vị" (dòng 3)');
      expect(snapshot()).toBe(before);
    });

    it('takes the row digests of a push made before Theo đơn vị was merged back, and still sees an edit there', async () => {
      await push();
      // The state as the earlier push wrote it: Theo đơn vị digested row by row, whole.
      const state = JSON.parse(await readFile(pushStatePath(master), 'utf8'));
      state.spreadsheets['sheet-1'].tabs['Theo đơn vị'].rows = rowDigests(tab('Theo đơn vị').values).map(
        (d) => d.digest,
      );
      await writeFile(pushStatePath(master), JSON.stringify(state));
      expect(await push(), h.log.text).toBe(0);

      state.spreadsheets['sheet-1'].tabs['Theo đơn vị'].rows = rowDigests(tab('Theo đơn vị').values).map(
        (d) => d.digest,
      );
      await writeFile(pushStatePath(master), JSON.stringify(state));
      tab('Theo đơn vị').values[2]![1] = 'Phòng Kinh tế – Hạ tầng Lý Sơn';
      expect(await push()).toBe(1);
      expect(h.log.text).toContain('ở trang "Theo đơn vị" (dòng 3)');
    });

    it('finds a renamed Tổng hợp tab, merges what was typed there and renames it back', async () => {
      await push();
      const titles = h.fake.spreadsheets.get('sheet-1')!.tabs.map((x) => x.title);
      tab('Tổng hợp').title = 'Tổng hợp (lãnh đạo xem)';
      const t = tab('Tổng hợp (lãnh đạo xem)');
      t.values[1]![t.values[0]!.indexOf('Kết quả Hội đồng')] = 'Đồng ý';
      expect(await push(), h.log.text).toBe(0);
      expect(h.log.text).toContain(
        'Trang "Tổng hợp (lãnh đạo xem)" trên Google Sheet là trang "Tổng hợp" đã bị đổi tên',
      );
      expect(h.fake.spreadsheets.get('sheet-1')!.tabs.map((x) => x.title)).toEqual(titles);
      expect((await readSecretariat(master)).get('nom-1')).toEqual(['', 'Đồng ý', '']);
      expect(sheetCell('nom-1', 'Kết quả Hội đồng')).toBe('Đồng ý');
    });

    it('stops on a renamed Tổng hợp tab it has no record of', async () => {
      await push();
      await rm(pushStatePath(master));
      tab('Tổng hợp').title = 'TH';
      const before = snapshot();
      expect(await push()).toBe(1);
      expect(h.log.text).toContain(
        'Trang "TH" trên Google Sheet có cột "Mã đề nghị": có vẻ là trang "Tổng hợp" đã bị đổi tên',
      );
      expect(snapshot()).toBe(before);
    });
  });
});
