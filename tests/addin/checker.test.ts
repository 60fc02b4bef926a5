// The offline checker page (kiem-tra.html) in headless Chromium, opened from disk as a clerk opens an email
// attachment: a real file chosen in the file input, the verdict on screen, the marked workbook downloaded
// and read back, the merge's own words for files it refuses, and not one network request.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildChecker } from '../../addin/build.js';
import { serveStatic } from '../../addin/serve.js';
import { ERROR_FILL } from '../../engine/index.js';
import { checkWorkbook, formatIssue, sheetColumns, type Cell } from '../../engine/index.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import { readZip } from '../../ooxml/zip.js';
import { AS_XLSX, haveSoffice, soffice } from '../soffice.js';
import { compoundFile } from '../sync/hostile-files.js';
import { parseFile, screenFile } from '../../sync/intake/intake.js';
import { buildTemplate } from '../../templates/workbook.js';
import { groupIssues } from '../../addin/src/summary.js';
import { verdictOf } from '../../engine/verdict.js';
import { editPart, readEntries, writeEntries } from '../sync/zip-entries.js';
import { asZip64 } from '../zip.js';
import { PLAN, validInfo, validRow } from '../engine/grids.js';
import { axeViolations } from './axe.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve('test-output/checker');
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI === 'true')
  throw new Error(`Chromium không có ở ${CHROMIUM}: CI phải cài (apt-get install chromium).`);

const dir = mkdtempSync(path.join(os.tmpdir(), 'checker-page-'));
const fixture = (name: string) => path.join(dir, name);
const RESULT = 'Kết quả kiểm tra';

async function writeWorkbook(name: string, wb: ExcelJS.Workbook): Promise<string> {
  await wb.xlsx.writeFile(fixture(name));
  return fixture(name);
}

/** What `sync merge` says about a file it refuses: the page must say the same. */
async function mergeMessage(file: string): Promise<string> {
  const intake = await parseFile(PLAN, await screenFile(file));
  expect(intake.fileIssues.length).toBeGreaterThan(0);
  return formatIssue(intake.fileIssues[0]!);
}

const form = (code: string) => PLAN.forms.find((f) => f.code === code)!.label;
const group = (code: string) => PLAN.groups.find((g) => g.code === code)!.label;

function cleanWorkbook(): ExcelJS.Workbook {
  return buildTemplate(PLAN, 'H-BATO', {
    info: validInfo(PLAN, 'H-BATO'),
    rows: [
      { type: 'tap_the', values: validRow(PLAN, 'tap_the', { name: 'Tổ Điện nông thôn' }) },
      { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Phạm Văn Hùng' }) },
      { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Đinh Thị Lan' }) },
    ],
  });
}

/** Errors on all three sheets: the meeting after the letter, a form closed to the group, a bad year. */
function faultyWorkbook(): ExcelJS.Workbook {
  return buildTemplate(PLAN, 'H-BATO', {
    info: { ...validInfo(PLAN, 'H-BATO'), meetingDate: '12/04/2021', letterDate: '09/04/2021' },
    rows: [
      { type: 'tap_the', values: validRow(PLAN, 'tap_the', { name: 'Tổ Điện nông thôn' }) },
      {
        type: 'tap_the',
        values: validRow(PLAN, 'tap_the', { name: 'Hợp tác xã Ba Tơ', group: group('other'), form: form('GK_SCT') }),
      },
      { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Phạm Văn Hùng' }) },
      {
        type: 'ca_nhan',
        values: validRow(PLAN, 'ca_nhan', { name: 'Đinh Thị Lan', birthYear: 1938, summary: 'Hoàn thành tốt' }),
      },
    ],
  });
}

/** Real dates on Thông tin (the meeting after the letter) and a birth year out of range. */
function datedWorkbook(): ExcelJS.Workbook {
  return buildTemplate(PLAN, 'H-BATO', {
    info: {
      ...validInfo(PLAN, 'H-BATO'),
      meetingDate: new Date(Date.UTC(2021, 3, 12)),
      letterDate: new Date(Date.UTC(2021, 3, 9)),
    },
    rows: [
      { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Phạm Văn Hùng' }) },
      { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Đinh Thị Lan', birthYear: 1938 }) },
    ],
  });
}

/** As WPS Spreadsheets writes a workbook: dates in a built-in East-Asian format (31), lower-case cell
 *  references, and the workbook's parts reached through absolute targets. */
async function wpsLike(data: Buffer): Promise<Buffer> {
  const entries = await readEntries(data);
  editPart(entries, 'xl/styles.xml', (xml) => {
    const custom = /<numFmt numFmtId="(\d+)" formatCode="dd\/mm\/yyyy"\/>/.exec(xml)!;
    return xml.replace(custom[0], '').replace(new RegExp(`numFmtId="${custom[1]}"`, 'g'), 'numFmtId="31"');
  });
  for (const name of entries.keys())
    if (name.startsWith('xl/worksheets/sheet'))
      editPart(entries, name, (xml) =>
        xml.replace(/ r="([A-Z]+)(\d+)"/g, (_, c: string, r) => ` r="${c.toLowerCase()}${r}"`),
      );
  editPart(entries, 'xl/_rels/workbook.xml.rels', (xml) => xml.replace(/Target="(?!\/)/g, 'Target="/xl/'));
  return writeEntries(entries);
}

describe.runIf(haveBrowser)('the offline checker page', () => {
  let browser: Browser;
  let context: BrowserContext;
  let pageUrl: string;
  let server: http.Server;
  let serverUrl: string;
  const requests: string[] = [];
  const files: Record<string, string> = {};
  const refused: Record<string, string> = {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const html = await buildChecker(path.join(dir, 'dist'));
    pageUrl = pathToFileURL(html).href;
    ({ server, url: serverUrl } = await serveStatic(path.join(dir, 'dist')));
    files.clean = await writeWorkbook('H-BATO.xlsx', cleanWorkbook());
    files.faulty = await writeWorkbook('H-BATO-loi.xlsx', faultyWorkbook());
    files.warned = await writeWorkbook(
      'H-BATO-canh-bao.xlsx',
      buildTemplate(PLAN, 'H-BATO', {
        info: validInfo(PLAN, 'H-BATO'),
        rows: [
          { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Phạm Văn Hùng', summary: 'Hoàn thành tốt' }) },
          { type: 'ca_nhan', values: validRow(PLAN, 'ca_nhan', { name: 'Đinh Thị Lan' }) },
        ],
      }),
    );
    // 5,000 rows: 3,400 with a birth year out of range, 1,000 with a short summary.
    files.big = await writeWorkbook(
      'H-BATO-5000.xlsx',
      buildTemplate(PLAN, 'H-BATO', {
        info: validInfo(PLAN, 'H-BATO'),
        rows: Array.from({ length: 5000 }, (_, i) => ({
          type: 'ca_nhan' as const,
          values: validRow(PLAN, 'ca_nhan', {
            name: `Nguyễn Văn ${i + 1}`,
            ...(i < 3400 ? { birthYear: 1900 } : {}),
            ...(i >= 4000 ? { summary: 'Hoàn thành tốt' } : {}),
          }),
        })),
      }),
    );
    // A template with Thông tin half filled: the meeting not yet recorded.
    files.blank = await writeWorkbook(
      'H-BATO-mau-trong.xlsx',
      buildTemplate(PLAN, 'H-BATO', { info: { ...validInfo(PLAN, 'H-BATO'), hasMinutes: null, meetingDate: null } }),
    );
    const foreign = new ExcelJS.Workbook();
    foreign.addWorksheet('Sheet1').addRows([
      ['Họ tên', 'Năm sinh'],
      ['Nguyễn Văn A', 1990],
    ]);
    files.foreign = await writeWorkbook('danh-sach.xlsx', foreign);
    const whole = readFileSync(files.clean);
    files.truncated = fixture('H-BATO-cat-cut.xlsx');
    writeFileSync(files.truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    files.xls = fixture('H-BATO.xls');
    writeFileSync(files.xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    // An Excel 97–2003 workbook renamed .xlsx, and a password-protected one: both compound files.
    files.renamedXls = fixture('H-BATO-cu.xlsx');
    writeFileSync(files.renamedXls, compoundFile(['Workbook', '\u0005SummaryInformation']));
    files.encrypted = fixture('H-BATO-mat-khau.xlsx');
    writeFileSync(files.encrypted, compoundFile(['EncryptionInfo', 'EncryptedPackage']));
    // What clerks really pick by mistake, under the names they carry: the unit's file copied as 0 bytes,
    // and the lock files Excel and LibreOffice keep beside it while it is open.
    mkdirSync(path.join(dir, 'refused'));
    const refusedFile = (name: string, content: string | Buffer) => {
      refused[name] = path.join(dir, 'refused', name);
      writeFileSync(refused[name], content);
    };
    refusedFile('H-BATO.xlsx', Buffer.alloc(0));
    refusedFile('~$H-BATO.xlsx', Buffer.from('Nguyen Van An'.padEnd(165, ' ')));
    refusedFile('.~lock.H-BATO.xlsx#', 'Nguyen Van An,MAY-1,MAY-1,02.04.2021 09:15,file:///C:/Users;\n');

    // Re-saved by LibreOffice once for the file, in one run: each start of soffice costs seconds.
    if (haveSoffice) {
      const plain = await writeWorkbook('H-BATO-lo.xlsx', datedWorkbook());
      await soffice(AS_XLSX, path.join(dir, 'lo'), [files.faulty, plain]);
      files.loFaulty = path.join(dir, 'lo', path.basename(files.faulty));
      files.loDated = path.join(dir, 'lo', path.basename(plain));
    }

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1000, height: 900 } });
    // Every request of every page and worker: only the page itself may be loaded.
    context.on('request', (r) => requests.push(r.url()));
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  /** One page per width and address, loaded once: a load parses the whole bundle twice (page and worker),
   *  seconds on a busy machine, while choosing another file is exactly what a clerk does between checks. */
  const pages = new Map<string, Page>();
  async function pageAt(width?: number, url = pageUrl): Promise<Page> {
    const key = `${width ?? 'default'} ${url}`;
    let page = pages.get(key);
    if (!page) {
      page = await context.newPage();
      if (width) await page.setViewportSize({ width, height: 700 });
      await page.goto(url);
      pages.set(key, page);
    }
    // A test that failed mid-check leaves the page busy: start it afresh. Otherwise back to the top, as loaded.
    if (await page.isDisabled('#file')) await page.reload();
    await page.evaluate(() => window.scrollTo(0, 0));
    return page;
  }

  /** Chooses `file` on the page and waits for this file's result, not the one shown before it. */
  async function checkOn(page: Page, file: string): Promise<Page> {
    await page.evaluate(() => delete document.body.dataset.state);
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => document.body.dataset.state === 'checked', null, { timeout: 60_000 });
    return page;
  }

  const check = async (file: string, url = pageUrl) => checkOn(await pageAt(undefined, url), file);

  async function downloadFrom(page: Page): Promise<ExcelJS.Workbook> {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const saved = fixture(download.suggestedFilename());
    await download.saveAs(saved);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    return wb;
  }

  it("checks a workbook against the plan it carries: another season's deadline", async () => {
    // The same page; the workbook's template carries a plan whose deadline is 05/04/2021.
    const carried = { ...PLAN, deadline: '2021-04-05' };
    const wb = buildTemplate(carried, 'H-BATO', {
      info: { ...validInfo(PLAN, 'H-BATO'), meetingDate: '07/04/2021', letterDate: '09/04/2021' },
      rows: [{ type: 'tap_the', values: validRow(PLAN, 'tap_the', { name: 'Tổ Điện nông thôn' }) }],
    });
    const page = await check(await writeWorkbook('H-BATO-ke-hoach-moi.xlsx', wb));
    expect(await page.textContent('#deadline')).toContain('hết ngày 05/04/2021');
    // The Tờ trình of 09/04/2021 is on time for the bundled plan (15/04/2021), late for the carried one.
    expect(await page.textContent('#results')).toContain('Ngày Tờ trình 09/04/2021 sau hạn gửi hồ sơ 05/04/2021');
  });

  it('says when its worker is ready, and checks a file chosen before that all the same', async () => {
    const idle = await context.newPage();
    await idle.goto(pageUrl);
    // Nothing asked of it: the worker says by itself that it has started.
    await idle.waitForFunction(() => document.body.dataset.workerReady === 'true', null, { timeout: 60_000 });
    await idle.close();
    const eager = await context.newPage();
    await eager.goto(pageUrl);
    expect(await eager.isEnabled('#file')).toBe(true);
    await checkOn(eager, files.faulty!);
    expect(await eager.textContent('#verdict')).toContain('Chưa sẵn sàng: 4/4 đề nghị có lỗi');
    expect(await eager.getAttribute('body', 'data-worker-ready')).toBe('true');
    await eager.close();
  });

  it('says on screen that the file never leaves the computer', async () => {
    const page = await pageAt();
    expect(await page.textContent('#private')).toContain('Tệp không được gửi đi đâu');
  });

  it('finds nothing wrong in a clean workbook, shows the unit and the checklist, and marks every row valid', async () => {
    const page = await check(files.clean!);
    expect(await page.getAttribute('body', 'data-worker')).toBe('yes');
    expect(await page.textContent('#unit')).toBe('Phòng Kinh tế và Hạ tầng huyện Ba Tơ (H-BATO)');
    expect(await page.textContent('#plan')).toContain(PLAN.id);
    expect(await page.textContent('#deadline')).toMatch(/hạn gửi hồ sơ/);
    expect(await page.textContent('#results')).toContain('Không có lỗi hay cảnh báo nào.');
    const done = await page.$$eval('#checklist li.done', (items) => items.map((i) => i.textContent));
    expect(done.join('\n')).toContain('không dòng nào có lỗi');
    expect(await page.textContent('#status')).toContain('Đã kiểm tra 3 đề nghị');
    await page.screenshot({ path: path.join(SHOTS, 'so-sach.png'), fullPage: true });

    const wb = await downloadFrom(page);
    for (const t of PLAN.nomineeTypes) {
      const ws = wb.getWorksheet(t.sheet)!;
      const col = sheetColumns(PLAN, t.code).findIndex((s) => s.key === 'result') + 1;
      const verdicts: unknown[] = [];
      for (let r = 2; r <= ws.actualRowCount; r++) verdicts.push(ws.getCell(r, col).value);
      expect(verdicts.every((v) => v === 'Hợp lệ')).toBe(true);
    }
  });

  it('lists the errors of all three sheets by row, and the download marks them, changing nothing else', async () => {
    const page = await check(files.faulty!);
    const results = await page.textContent('#results');
    expect(results).toContain('Thông tin – dòng 9');
    expect(results).toContain('Ngày họp bình xét');
    expect(results).toContain('Tập thể – dòng 3: Hợp tác xã Ba Tơ');
    expect(results).toContain('không dành cho khối "Doanh nghiệp, tổ chức khác"');
    expect(results).toContain('Cá nhân – dòng 3: Đinh Thị Lan');
    expect(results).toContain('Năm sinh');
    expect(results).toContain('Tóm tắt thành tích');
    const todo = await page.$$eval('#checklist li.todo', (items) => items.map((i) => i.textContent));
    expect(todo.join('\n')).toContain('không dòng nào có lỗi');
    await page.screenshot({ path: path.join(SHOTS, 'co-loi.png'), fullPage: true });

    const marked = await downloadFrom(page);
    const original = new ExcelJS.Workbook();
    await original.xlsx.readFile(files.faulty!);
    // Same sheets, same visibility, same widths; the dropdowns are still there far down the sheet.
    expect(marked.worksheets.map((w) => [w.name, w.state])).toEqual(original.worksheets.map((w) => [w.name, w.state]));
    for (const ws of original.worksheets)
      ws.columns?.forEach((c, i) => expect(marked.getWorksheet(ws.name)!.getColumn(i + 1).width).toBe(c.width));
    expect(marked.getWorksheet('Cá nhân')!.getCell(800, 3).dataValidation?.type).toBe('list');

    // Every value is the clerk's, except the verdict column.
    const before = await readXlsxGrid(readFileSync(files.faulty!));
    const after = await readXlsxGrid(Buffer.from(await marked.xlsx.writeBuffer()));
    for (const sheet of before.sheets) {
      const rows = after.sheets.find((s) => s.name === sheet.name)!.rows;
      const resultCol = sheet.rows[0]?.indexOf(RESULT) ?? -1;
      // Trailing empty cells are no difference: a written verdict widens a row, an empty one does not.
      const strip = (grid: Cell[][]) =>
        grid.map((r) => {
          const line = Array.from(r ?? [], (v, c) => (c === resultCol ? null : (v ?? null)));
          while (line.length && line[line.length - 1] === null) line.pop();
          return line;
        });
      expect(strip(rows.slice(0, sheet.rows.length)), sheet.name).toEqual(strip(sheet.rows));
    }

    const caNhan = marked.getWorksheet('Cá nhân')!;
    const col = (key: string) => sheetColumns(PLAN, 'ca_nhan').findIndex((s) => s.key === key) + 1;
    const fill = (ws: ExcelJS.Worksheet, r: number, c: number) =>
      (ws.getCell(r, c).fill as ExcelJS.FillPattern)?.fgColor?.argb;
    const red = `FF${ERROR_FILL.slice(1)}`;
    // The fix travels with the file: the row's text and the cell's note say it in full.
    const yearFix = 'Giá trị "1938" không hợp lệ. Năm sinh phải là năm có 4 chữ số, từ 1940 đến 2005.';
    expect(String(caNhan.getCell(3, col('result')).value)).toContain(`Lỗi – Năm sinh: ${yearFix}`);
    expect(caNhan.getCell(3, col('birthYear')).note).toBe(yearFix);
    expect(String(marked.getWorksheet('Thông tin')!.getCell(9, 2).note)).toMatch(/^Ngày họp bình xét 12\/04\/2021 sau/);
    expect(fill(caNhan, 3, col('birthYear'))).toBe(red);
    expect(fill(caNhan, 2, col('birthYear'))).not.toBe(red);
    const tapThe = marked.getWorksheet('Tập thể')!;
    const formCol = sheetColumns(PLAN, 'tap_the').findIndex((s) => s.key === 'form') + 1;
    expect(fill(tapThe, 3, formCol)).toBe(red);
    expect(fill(marked.getWorksheet('Thông tin')!, 9, 2)).toBe(red);
  });

  it.runIf(haveSoffice)('downloads the marked copy of a workbook LibreOffice saved, its tables kept', async () => {
    const page = await check(files.loFaulty!);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const bytes = readFileSync((await download.path())!);
    const tables = (b: Buffer) => readZip(b).filter((e) => e.name.startsWith('xl/tables/')).length;
    expect(tables(bytes)).toBeGreaterThan(0);
    expect(tables(bytes)).toBe(tables(readFileSync(files.loFaulty!)));
    const grid = await readXlsxGrid(bytes);
    const rows = grid.sheets.find((s) => s.name === 'Cá nhân')!.rows;
    expect(String(rows[2]![rows[0]!.indexOf(RESULT)])).toContain('Lỗi – Năm sinh:');
  });

  /** The page finds in `file` what the merge's reader and the engine find (the received time aside: the page
   *  has none), and its download marks the rows the merge marks. */
  async function readsAsTheMerge(file: string): Promise<void> {
    const merged = checkWorkbook(PLAN, await readXlsxGrid(readFileSync(file)), { file: path.basename(file) });
    expect(merged.accepted).toBe(true);
    const page = await check(file);
    expect(await page.textContent('#verdict')).toContain(verdictOf(merged).text);
    const count = groupIssues(merged).reduce((n, g) => n + g.items.length, 0);
    expect(await page.textContent('#results')).toContain(`Các vấn đề (${count})`);
    // The meeting after the letter is only found when both dates are read as dates.
    expect(await page.textContent('#results')).toContain('Thông tin – dòng 9');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
    const grid = await readXlsxGrid(readFileSync((await download.path())!));
    const rows = grid.sheets.find((s) => s.name === 'Cá nhân')!.rows;
    expect(String(rows[2]![rows[0]!.indexOf(RESULT)])).toContain('Lỗi – Năm sinh:');
  }

  it('reads a WPS-like workbook (East-Asian date format, lower-case references) as the merge does', async () => {
    const plain = await writeWorkbook('H-BATO-ngay.xlsx', datedWorkbook());
    const wps = fixture('H-BATO-wps.xlsx');
    writeFileSync(wps, await wpsLike(readFileSync(plain)));
    await readsAsTheMerge(wps);
  });

  it('reads a workbook written with zip64 records (as some libraries write even a small file) as the merge does', async () => {
    const plain = await writeWorkbook('H-BATO-ngay.xlsx', datedWorkbook());
    const zip64 = fixture('H-BATO-zip64.xlsx');
    writeFileSync(zip64, asZip64(readFileSync(plain)));
    await readsAsTheMerge(zip64);
  });

  it.runIf(haveSoffice)('reads a workbook LibreOffice saved (rows in tables) as the merge does', async () => {
    await readsAsTheMerge(files.loDated!);
  });

  it('says of a workbook that is not the template what the merge says', async () => {
    const page = await check(files.foreign!);
    expect(await page.textContent('#results')).toContain('Sổ này không phải mẫu của kế hoạch');
    expect(await page.textContent('#results')).toContain(await mergeMessage(files.foreign!));
    expect(await page.isHidden('#download')).toBe(true);
  });

  it('explains a truncated file, an .xls (renamed or not) and a password with the merge’s own words', async () => {
    const messages: string[] = [];
    for (const file of [files.truncated!, files.xls!, files.renamedXls!, files.encrypted!]) {
      const page = await check(file);
      const text = await page.textContent('#results');
      expect(text).toContain('Không đọc được tệp này');
      messages.push(await mergeMessage(file));
      expect(text).toContain(messages.at(-1));
      await page.screenshot({ path: path.join(SHOTS, `${path.basename(file)}.png`), fullPage: true });
    }
    // A renamed .xls is told to save as .xlsx, not to remove a password it does not have.
    expect(messages[2]).not.toBe(messages[3]);
  });

  it('names a 0-byte file and an Excel or LibreOffice lock file for what they are, and gives the save-as steps of each program', async () => {
    const empty = fixture('H-BATO-rong.xlsx');
    writeFileSync(empty, Buffer.alloc(0));
    const excelLock = fixture('~$H-BATO.xlsx');
    writeFileSync(excelLock, Buffer.from('Nguyen Van An'.padEnd(165, ' ')));
    const calcLock = fixture('.~lock.H-BATO.xlsx#');
    writeFileSync(calcLock, 'Nguyen Van An,MAY-1,MAY-1,02.04.2021 09:15,file:///C:/Users;\n');
    const said = async (file: string) => {
      const page = await check(file);
      const text = (await page.textContent('#results'))!;
      expect(await page.textContent('#verdict')).toContain('Chưa sẵn sàng');
      for (const id of ['#unit', '#plan', '#deadline']) expect(await page.isHidden(id), id).toBe(true);
      return text;
    };
    const emptyText = await said(empty);
    expect(emptyText).toContain('Tệp rỗng (0 byte)');
    expect(emptyText).toContain(await mergeMessage(empty));
    for (const lock of [excelLock, calcLock]) {
      const text = await said(lock);
      expect(text).toContain('tệp khóa tạm');
      expect(text).not.toContain('không phải tệp nén');
    }
    const xls = await said(files.xls!);
    for (const program of ['Excel', 'LibreOffice Calc', 'WPS Spreadsheets']) expect(xls).toContain(program);
  });

  it('works from the add-in’s web host as well', async () => {
    const page = await check(files.faulty!, `${serverUrl}/kiem-tra.html`);
    expect(await page.textContent('#results')).toContain('Cá nhân – dòng 3: Đinh Thị Lan');
  });

  describe.each([350, 1024])('the verdict first, at %i px', (width) => {
    const checkAt = async (file: string) => checkOn(await pageAt(width), file);
    const top = (page: Page, selector: string) => page.$eval(selector, (e) => e.getBoundingClientRect().top);

    it('says "Chưa sẵn sàng" with the rows in error and the Thông tin error that applies to every row, above everything', async () => {
      const page = await checkAt(files.faulty!);
      const verdict = await page.textContent('#verdict');
      // The Thông tin error puts every row in error; the rows with errors of their own are counted apart.
      expect(verdict).toContain(
        'Chưa sẵn sàng: 4/4 đề nghị có lỗi (1 lỗi ở trang Thông tin áp dụng cho mọi dòng; 2 đề nghị có thêm lỗi ở chính dòng đó)',
      );
      expect(await page.getAttribute('#verdict .verdict', 'class')).toContain('not-ready');
      // Seen without scrolling, and before the issues, the tallies and the checklist.
      const box = (await page.$eval('#verdict .verdict', (e) => e.getBoundingClientRect().bottom))!;
      expect(box).toBeLessThanOrEqual(700);
      for (const below of ['#results', '#checklist', 'table.counts'])
        expect(await top(page, below)).toBeGreaterThan(box);
      // Counts keep the dossier apart: Tập thể has one row in error of its own, one without any issue.
      const tapThe = await page.$$eval('table.counts tbody tr', (rows) =>
        rows.map((r) => [...r.querySelectorAll('th,td')].map((c) => c.textContent)),
      );
      expect(tapThe[0]).toEqual(['Tập thể (2)', '1', '0', '1']);
      expect(await page.$$eval('table.counts thead th:first-child', (c) => c.map((x) => x.textContent))).toEqual([
        'Trang',
        'Hình thức',
      ]);
      // The checklist is worded as requirements; the meeting date is the error, so Biên bản is not met.
      const todo = await page.$$eval('#checklist li.todo', (items) => items.map((i) => i.textContent).join('\n'));
      expect(todo).toContain('Biên bản họp bình xét: ghi "Có", có Ngày họp; ngày họp phải trước ngày Tờ trình');
      expect(await page.textContent('#checklist')).not.toContain('đã có');
      expect(await page.textContent('#results')).toMatch(/Các vấn đề \(\d+\)/);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `ket-luan-co-loi-${width}.png`), fullPage: true });
    });

    it('says "Sẵn sàng gửi" when only warnings are left: such a row is valid', async () => {
      const page = await checkAt(files.warned!);
      expect(await page.textContent('#verdict')).toContain('Sẵn sàng gửi: 2 đề nghị hợp lệ, 1 có cảnh báo');
      expect(await page.getAttribute('#verdict .verdict', 'class')).toContain(' ready');
      const head = await page.$$eval('table.counts thead th', (c) => c.map((x) => x.textContent));
      expect(head).toContain('Hợp lệ (có cảnh báo)');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('checks Thông tin of a blank template', async () => {
      const page = await checkAt(files.blank!);
      expect(await page.textContent('#verdict')).toContain(
        'Chưa sẵn sàng: chưa có đề nghị nào; 1 lỗi ở trang Thông tin',
      );
      expect(await page.textContent('#results')).toContain('Chưa có Biên bản họp bình xét');
      expect(await axeViolations(page)).toEqual([]);
    });

    it('gives 5,000 rows one screen of groups by kind, each opening to its rows a step at a time', async () => {
      const page = await checkAt(files.big!);
      expect(await page.textContent('#verdict')).toContain('Chưa sẵn sàng: 3400/5000 đề nghị có lỗi');
      const kinds = await page.$$eval('details.kind', (ds) =>
        ds.map((d) => [d.getAttribute('data-code'), d.querySelector('summary')!.textContent]),
      );
      expect(kinds).toEqual([
        ['FIELD_INVALID', 'Lỗi Giá trị không hợp lệ (3400)'],
        ['SUMMARY_TOO_SHORT', 'Cảnh báo Tóm tắt thành tích quá ngắn (1000)'],
      ]);
      // No row is drawn until its group opens: the page stays about one screen, not thousands of cards.
      expect(await page.$$eval('.issue', (x) => x.length)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2000);
      expect(await top(page, 'details.kind')).toBeLessThan(700);
      await page.click('details.kind[data-code="FIELD_INVALID"] > summary');
      await expect.poll(() => page.$$eval('.issue', (x) => x.length)).toBe(50);
      expect(await page.textContent('details.kind[data-code="FIELD_INVALID"] button.more')).toBe(
        'Xem thêm 50 (còn 3350)',
      );
      await page.click('details.kind[data-code="FIELD_INVALID"] button.more');
      expect(await page.$$eval('.issue', (x) => x.length)).toBe(100);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `5000-dong-${width}.png`) });
    }, 120_000);

    it('checks the same file again in one action: the input is cleared, and the focus is on the verdict', async () => {
      const page = await checkAt(files.faulty!);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('verdict-text');
      expect(await page.inputValue('#file')).toBe('');
      await page.setInputFiles('#file', files.faulty!);
      await page.waitForFunction(() => document.body.dataset.state === 'checked', null, { timeout: 60_000 });
      expect(await page.textContent('#verdict')).toContain('Chưa sẵn sàng');
    });

    it(width < 600 ? 'does not say "Kéo thả" on a phone' : 'offers to drag the file on a wide screen', async () => {
      const page = await pageAt(width);
      const said = await page.innerText('#drop');
      if (width < 600) expect(said).not.toContain('Kéo thả');
      else expect(said).toContain('Kéo thả');
      expect(said).toContain('chọn');
    });

    it('shows only the refusal for a file it cannot read: no unit, plan or deadline it does not know', async () => {
      const page = await checkAt(files.encrypted!);
      expect(await page.textContent('#verdict')).toContain('Chưa sẵn sàng: tệp có mật khẩu');
      for (const id of ['#unit', '#plan', '#deadline']) expect(await page.isHidden(id), id).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
    });
    /** A refused file: the verdict says not ready, nothing pretends to know its unit, plan or deadline. */
    async function refusalAt(file: string): Promise<string> {
      const page = await checkAt(file);
      expect(await page.textContent('#verdict')).toContain('Chưa sẵn sàng');
      for (const id of ['#unit', '#plan', '#deadline']) expect(await page.isHidden(id), id).toBe(true);
      expect(await page.isHidden('#download')).toBe(true);
      const text = await page.innerText('#results');
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SHOTS, `tu-choi-${path.basename(file)}-${width}.png`), fullPage: true });
      return text;
    }

    it('says a 0-byte H-BATO.xlsx is empty, not a damaged workbook, and shows only that', async () => {
      const text = await refusalAt(refused['H-BATO.xlsx']!);
      expect(text).toContain('Tệp rỗng (0 byte)');
      expect(text).toMatch(/chép lại tệp sổ/);
      expect(text).not.toContain('không phải tệp nén');
    });

    it.each(['~$H-BATO.xlsx', '.~lock.H-BATO.xlsx#'])(
      'says %s is the lock file of an open workbook and to choose H-BATO.xlsx instead',
      async (name) => {
        const text = await refusalAt(refused[name]!);
        expect(text).toContain('tệp khóa tạm');
        expect(text).toContain('tạo ra khi sổ "H-BATO.xlsx" đang mở');
        expect(text).toContain('Hãy chọn tệp sổ thật "H-BATO.xlsx"');
        expect(text).not.toContain('không phải tệp nén');
      },
    );

    it.each(['H-BATO-cu.xlsx', 'H-BATO-mat-khau.xlsx'])(
      'gives for %s the steps to save as .xlsx in Excel, LibreOffice Calc and WPS Spreadsheets',
      async (name) => {
        const text = await refusalAt(fixture(name));
        for (const program of ['Excel', 'LibreOffice Calc', 'WPS Spreadsheets']) expect(text).toContain(program);
        // Each program's own menu path, and the .xlsx type to pick in it.
        expect(text).toContain('Lưu thành');
        expect(text).toContain('"Excel 2007-365 (.xlsx)"');
        expect(text).toContain('"Excel Workbook (*.xlsx)"');
      },
    );
  });

  it('made no network request: only the page itself was ever loaded', () => {
    const own = new Set([pageUrl, `${serverUrl}/kiem-tra.html`]);
    // The worker is made from the page's own text (a blob: address inside the browser), not fetched.
    expect(requests.filter((u) => !own.has(u) && !u.startsWith('blob:'))).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });
});
