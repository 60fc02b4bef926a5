// The built task pane in headless Chromium, with the stand-in for Office/Excel backed by a workbook made
// with the templates: the clerk clicks "Kiểm tra", reads the issues, clicks one, and finds the marks.
import { existsSync, mkdirSync } from 'node:fs';
import type http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPreview, sampleWorkbook } from '../../dev/preview.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { serveStatic } from '../../addin/serve.js';
import { axeViolations } from './axe.js';

const CHROMIUM = '/usr/bin/chromium';
const SHOTS = path.resolve('test-output/addin');
const haveBrowser = existsSync(CHROMIUM);
if (!haveBrowser && process.env.CI === 'true')
  throw new Error(`Chromium không có ở ${CHROMIUM}: CI phải cài (apt-get install chromium).`);
if (!haveBrowser) console.warn(`Bỏ qua kiểm thử trình duyệt: không có ${CHROMIUM}. Cài bằng: apt-get install chromium`);

describe.runIf(haveBrowser)('the task pane in Chromium', () => {
  let server: http.Server;
  let url: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    const dist = await buildPreview(path.join(os.tmpdir(), `addin-dist-${process.pid}`));
    ({ server, url } = await serveStatic(dist));
    mkdirSync(SHOTS, { recursive: true });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    // Only the local server may be reached: the real page's office.js from Microsoft's CDN is refused here,
    // exactly as on a machine without internet.
    await context.route('**/*', (route) =>
      new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
    );
    page = await context.newPage();
    await page.goto(`${url}/preview.html`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const fills = (p: Page) =>
    p.evaluate(() => Object.fromEntries(window.__book.sheets.map((s) => [s.name, Object.fromEntries(s.fills)])));
  const values = (p: Page) =>
    p.evaluate(() => Object.fromEntries(window.__book.sheets.map((s) => [s.name, s.values.map((r) => [...r])])));
  const syncs = (p: Page) => p.evaluate(() => window.__book.syncs);

  // Each level is the pane on an Excel of that requirement level: 1.1 Excel 2016, 1.4, 1.8 Excel 2019 and
  // Mac, latest Microsoft 365. Syncs per action stay fixed; 1.8 adds one to turn events back on.
  describe.each(['1.1', '1.4', '1.8', 'latest'])('on ExcelApi %s', (api) => {
    const live = api === '1.8' || api === 'latest';
    const quiet = live ? 1 : 0;
    let p: Page;
    beforeAll(async () => {
      p = await context.newPage();
      await p.goto(`${url}/preview.html?api=${api}`);
      await p.waitForSelector('body[data-ready]');
    });
    afterAll(() => p?.close());

    it('shows the unit, the plan, the deadline, and what this Excel supports', async () => {
      await expect.poll(() => p.textContent('#unit')).toContain('Phòng Kinh tế và Hạ tầng huyện Ba Tơ (H-BATO)');
      expect(await p.textContent('#plan')).toContain('SCT-QNG-2021-DTDB');
      expect(await p.textContent('#deadline')).toMatch(/quá hạn gửi hồ sơ \d+ ngày/);
      const support = await p.textContent('#support');
      expect(support).toContain(`ExcelApi ${api === 'latest' ? '1.20' : api}`);
      if (live) expect(support).toContain('hỗ trợ đủ');
      else expect(support).toContain('chưa hỗ trợ tự kiểm tra lại khi sửa ô');
      expect(await p.isDisabled('#live')).toBe(!live);
    });

    it('lists the issues by row after "Kiểm tra", and writes the marks', async () => {
      const before = await values(p);
      const start = await syncs(p);
      await p.click('#check');
      await p.waitForSelector('ol.issues');
      await expect.poll(() => p.textContent('#status')).toContain('Đã kiểm tra');
      expect((await syncs(p)) - start).toBe(5 + quiet);
      const text = await p.textContent('#results');
      expect(text).toContain('Cá nhân – dòng 3: Đinh Thị Lan');
      expect(text).toContain('Năm sinh');
      expect(text).toContain('Tiêu chuẩn 2');
      expect(text).toContain('Giấy khen của Giám đốc Sở Công Thương không dành cho khối "Doanh nghiệp, tổ chức khác"');
      expect(text).toContain('Thông tin – dòng 11');
      expect(await p.textContent('#checklist')).toContain('Biên bản họp bình xét: ghi "Có", có Ngày họp');
      // The verdict first: Biên bản is still "Chưa" on Thông tin, one error that applies to every row.
      expect(await p.textContent('#verdict')).toMatch(
        /^✘Chưa sẵn sàng: (\d+)\/\1 đề nghị có lỗi \(\d lỗi ở trang Thông tin áp dụng cho mọi dòng/,
      );
      if (api === 'latest') await p.screenshot({ path: path.join(SHOTS, 'kiem-tra.png'), fullPage: true });

      // Marks: "Kết quả kiểm tra" holds the verdicts; error cells are red; nothing else changed.
      const after = await values(p);
      const caNhan = after['Cá nhân']!;
      const resultCol = caNhan[0]!.indexOf('Kết quả kiểm tra');
      // Biên bản is still "Chưa" on Thông tin: every row says so; the valid row has nothing else.
      expect(caNhan[1]![resultCol]).toMatch(
        /^Lỗi ở trang Thông tin, áp dụng cho mọi dòng – Biên bản họp bình xét: Chưa có Biên bản họp bình xét/,
      );
      expect(String(caNhan[2]![resultCol])).toMatch(/^Lỗi – Năm sinh: Giá trị "1938" không hợp lệ\./);
      expect(String(caNhan[2]![resultCol])).toContain('Lỗi – Tiêu chuẩn 2: Chưa đạt Tiêu chuẩn 2');
      // Every cell of the clerk's sheets that changed is in the "Kết quả kiểm tra" column.
      const changed = Object.entries(before).flatMap(([name, rows]) =>
        after[name]!.flatMap((r, i) => r.map((v, c) => ({ name, c, same: (rows[i]?.[c] ?? '') === (v ?? '') }))).filter(
          (x) => !x.same,
        ),
      );
      expect(changed.length).toBeGreaterThan(0);
      expect(changed.filter((x) => after[x.name]![0]![x.c] !== 'Kết quả kiểm tra')).toEqual([]);
      const f = await fills(p);
      const yearCol = caNhan[0]!.indexOf('Năm sinh');
      expect(f['Cá nhân']![`2,${yearCol}`]).toBe('#FFC7CE');
    });

    it('selects the offending cell when an issue is clicked, in one sync', async () => {
      const start = await syncs(p);
      await p.click('button.issue[data-code="FIELD_INVALID"]');
      await expect.poll(() => p.evaluate(() => window.__book.selection)).toEqual({ sheet: 'Cá nhân', address: 'D3' });
      expect((await syncs(p)) - start).toBe(1);
      if (api === 'latest') await p.screenshot({ path: path.join(SHOTS, 'chon-o.png'), fullPage: true });
    });

    it(live ? 're-checks by itself when the clerk changes a cell' : 'does not re-check by itself', async () => {
      const start = await syncs(p);
      await p.evaluate(() => window.__book.type('Cá nhân', 2, 3, 1980));
      if (live) {
        await expect.poll(() => p.textContent('#results'), { timeout: 5000 }).not.toContain('Giá trị "1938"');
        await expect.poll(() => p.textContent('#status')).toContain('Đã kiểm tra');
        // No cell newly marked: the own-fills read is skipped.
        expect((await syncs(p)) - start).toBe(4 + quiet);
      } else {
        await new Promise((r) => setTimeout(r, 1000));
        expect(await p.textContent('#results')).toContain('Giá trị "1938"');
        expect(await syncs(p)).toBe(start);
      }
    });

    it('"Xóa đánh dấu" gives every cell its own fill back and removes the store', async () => {
      const start = await syncs(p);
      await p.click('#clear');
      await expect.poll(() => p.textContent('#status')).toContain('Đã xóa đánh dấu');
      expect((await syncs(p)) - start).toBe(4 + quiet);
      const f = await fills(p);
      expect(Object.values(f).every((sheet) => Object.keys(sheet).length === 0)).toBe(true);
      expect(await p.evaluate(() => window.__book.sheets.map((s) => s.name))).not.toContain('_DanhDauKiemTra');
      expect(await p.evaluate(() => Object.keys(window.__book.savedSettings))).toEqual([]);
      if (api === 'latest') await p.screenshot({ path: path.join(SHOTS, 'xoa-danh-dau.png'), fullPage: true });
    });
  });

  describe.each([350, 1024])('at %i px', (width) => {
    it('shows the verdict first, the first group of issues without scrolling, and keeps the chosen issue highlighted', async () => {
      const p = await context.newPage();
      await p.setViewportSize({ width, height: 700 });
      await p.goto(`${url}/preview.html`);
      await p.waitForSelector('body[data-ready]');
      await p.click('#check');
      await p.waitForSelector('ol.issues');
      // The focus is on the verdict, which is above the buttons and every result.
      expect(await p.evaluate(() => document.activeElement?.id)).toBe('verdict-text');
      const box = (sel: string) => p.$eval(sel, (e) => e.getBoundingClientRect().toJSON() as DOMRect);
      const verdict = await box('#verdict .verdict');
      expect(verdict.bottom).toBeLessThan((await box('#check')).top);
      expect((await box('details.kind')).bottom).toBeLessThanOrEqual(700);
      expect(await p.textContent('#deadline')).toContain('Đã quá hạn');
      expect(await p.getAttribute('#deadline', 'class')).toContain('late');
      // A chosen issue stays highlighted, also when the list is drawn again by the next check.
      await p.click('button.issue[data-code="FIELD_INVALID"]');
      const current = () =>
        p.$$eval('button.issue[aria-current="true"]', (b) => b.map((x) => x.getAttribute('data-code')));
      expect(await current()).toEqual(['FIELD_INVALID']);
      await p.click('#check');
      await expect.poll(() => p.textContent('#status')).toContain('Đã kiểm tra');
      await expect.poll(current).toEqual(['FIELD_INVALID']);
      expect(await axeViolations(p)).toEqual([]);
      await p.screenshot({ path: path.join(SHOTS, `ket-luan-${width}.png`), fullPage: true });
      await p.close();
    });
  });

  it("checks a workbook against the plan it carries: another season's deadline", async () => {
    // The same add-in build; the workbook's template carries a plan whose deadline is 05/04/2021.
    const sample = await sampleWorkbook({ ...DEFAULT_PLAN, deadline: '2021-04-05' });
    const p = await context.newPage();
    await p.route('**/preview-workbook.js', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: `window.__SAMPLE__ = ${JSON.stringify(sample)};` }),
    );
    await p.goto(`${url}/preview.html`);
    await p.waitForSelector('body[data-ready]');
    expect(await p.textContent('#plan')).toBe('Kế hoạch SCT-QNG-2021-DTDB (lưu trong sổ)');
    expect(await p.textContent('#deadline')).toContain('hết ngày 05/04/2021');
    await p.click('#check');
    await p.waitForSelector('ol.issues');
    // The Tờ trình of 09/04/2021 is on time for the bundled plan (15/04/2021), late for the carried one.
    expect(await p.textContent('#results')).toContain('Ngày Tờ trình 09/04/2021 sau hạn gửi hồ sơ 05/04/2021');
    expect(await p.textContent('#checklist')).toContain('Gửi trước hạn: hết ngày 05/04/2021');
    expect(await p.textContent('#plan-note')).toBe('');
    await p.close();
  });

  it('is usable by keyboard: Tab reaches "Kiểm tra" and Enter runs it', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('check');
    await page.keyboard.press('Enter');
    await page.waitForSelector('ol.issues');
  });

  it('explains, without crashing, when the workbook is not the template', async () => {
    await page.evaluate(() => {
      window.__book.sheets = [
        {
          name: 'Sheet1',
          values: [
            ['Họ tên', 'Năm sinh'],
            ['A', 1990],
          ],
          fills: new Map(),
          visibility: 'Visible',
        },
      ];
    });
    await page.click('#check');
    await expect
      .poll(() => page.textContent('#results'), { timeout: 3000 })
      .toContain('Sổ này không phải mẫu của kế hoạch');
    await page.screenshot({ path: path.join(SHOTS, 'khong-phai-mau.png'), fullPage: true });
  });

  it('says office.js could not load, and points to the offline checker page', async () => {
    const bare = await context.newPage();
    await bare.goto(`${url}/taskpane.html`); // Microsoft's CDN is refused, as on a machine without internet
    await expect.poll(() => bare.textContent('#app')).toContain('Không tải được thư viện Office (office.js)');
    expect(await bare.textContent('#app')).toContain('https://appsforoffice.microsoft.com/lib/1/hosted/office.js');
    expect(await bare.getAttribute('#app a', 'href')).toBe('kiem-tra.html');
    await bare.screenshot({ path: path.join(SHOTS, 'khong-tai-office-js.png'), fullPage: true });
    await bare.close();
  });

  it('says to open it in Excel when office.js runs outside Office', async () => {
    const bare = await context.newPage();
    // What office.js does in a plain browser: onReady resolves with no host.
    await bare.addInitScript(() => {
      (window as unknown as { Office: unknown }).Office = { onReady: async () => ({ host: null, platform: null }) };
    });
    await bare.goto(`${url}/taskpane.html`);
    await expect.poll(() => bare.textContent('#app')).toContain('Hãy mở trang này trong Excel');
    expect(await bare.getAttribute('#app a', 'href')).toBe('kiem-tra.html');
    await bare.close();
  });

  it.each([true, false])(
    'in the Internet Explorer webview, says in the page itself that this Excel is too old (bundle blocked: %s)',
    async (blockBundle) => {
      const ie = await context.newPage();
      if (blockBundle) await ie.route('**/taskpane.js', (route) => route.abort());
      await ie.addInitScript(() => Object.defineProperty(document, 'documentMode', { value: 11 }));
      await ie.goto(`${url}/taskpane.html`);
      await ie.waitForSelector('#too-old', { state: 'visible' });
      expect(await ie.textContent('#too-old')).toContain('Excel này quá cũ cho add-in kiểm tra hồ sơ');
      expect(await ie.textContent('#too-old-address')).toBe(`${url}/kiem-tra.html`);
      expect(await ie.getAttribute('#too-old-link', 'href')).toBe(`${url}/kiem-tra.html`);
      expect(await ie.isVisible('#app')).toBe(false);
      if (!blockBundle) {
        // The bundle, had it parsed, leaves the message alone.
        await new Promise((r) => setTimeout(r, 300));
        expect(await ie.isVisible('#too-old')).toBe(true);
        expect(await ie.textContent('#app')).not.toContain('office.js');
      }
      if (blockBundle) await ie.screenshot({ path: path.join(SHOTS, 'excel-qua-cu.png'), fullPage: true });
      await ie.close();
    },
  );
});
