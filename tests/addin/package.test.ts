// The folder the Sở's IT copies to its HTTPS server: every URL of its manifest is at the given address and
// names a file of the folder; with --office-js local the pane loads Microsoft's office.js from that folder.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../addin/build.js';
import { main, OFFICE_JS_CDN, packageAddin } from '../../addin/package.js';
import { serveStatic } from '../../addin/serve.js';

const ADDRESS = 'https://intranet.soct.quangngai.example/add-in/kiem-tra/';
const BASE = 'https://intranet.soct.quangngai.example/add-in/kiem-tra';
const CHROMIUM = '/usr/bin/chromium';

const listFiles = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();

/** Every http(s) address in the manifest outside the namespace declarations. */
const urlsOf = (xml: string) =>
  [...xml.replace(/xmlns(:\w+)?="[^"]*"/g, '').matchAll(/https?:\/\/[^"<\s]+/g)].map((m) => m[0]);

describe('npm run addin:package', () => {
  let cdn: string;
  let local: string;
  let built: string;
  beforeAll(async () => {
    built = await build(mkdtempSync(path.join(os.tmpdir(), 'addin-build-')));
    cdn = mkdtempSync(path.join(os.tmpdir(), 'addin-package-cdn-'));
    local = mkdtempSync(path.join(os.tmpdir(), 'addin-package-local-'));
    await packageAddin({ url: ADDRESS, out: cdn, officeJs: 'cdn' });
    await packageAddin({ url: ADDRESS, out: local, officeJs: 'local' });
  }, 120_000);
  afterAll(() => [cdn, local, built].forEach((d) => d && rmSync(d, { recursive: true, force: true })));

  it('writes a manifest whose every URL is at the address and names a file of the folder', async () => {
    const file = path.join(cdn, 'manifest.xml');
    const xml = readFileSync(file, 'utf8');
    const info = await OfficeAddinManifest.readManifestFile(file);
    expect(info.defaultSettings?.sourceLocation).toBe(`${BASE}/taskpane.html`);
    expect(info.appDomains).toEqual(['https://intranet.soct.quangngai.example']);
    const urls = urlsOf(xml).filter((u) => u !== 'https://intranet.soct.quangngai.example');
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      expect(url.startsWith(`${BASE}/`), url).toBe(true);
      expect(existsSync(path.join(cdn, url.slice(BASE.length + 1))), url).toBe(true);
    }
    expect(xml).not.toContain('localhost');
    // The same manifest otherwise: id, requirement, permissions.
    const dev = readFileSync('manifest.xml', 'utf8');
    expect(
      xml.replaceAll(BASE, 'https://localhost:3000').replace(/(<AppDomain>)[^<]*/, '$1https://localhost:3000'),
    ).toBe(dev);
  });

  it('holds the pane and its icons, and by default loads office.js from Microsoft', () => {
    for (const f of ['taskpane.html', 'taskpane.js', 'taskpane.css', 'assets/icon-32.png', 'assets/icon-80.png'])
      expect(existsSync(path.join(cdn, f)), f).toBe(true);
    expect(readFileSync(path.join(cdn, 'taskpane.html'), 'utf8')).toContain(`src="${OFFICE_JS_CDN}"`);
    expect(existsSync(path.join(cdn, 'office-js'))).toBe(false);
    // Everything the build makes goes with it (the offline checker page kiem-tra.html too), plus the manifest.
    expect(listFiles(cdn)).toEqual([...listFiles(built), 'manifest.xml'].sort());
  });

  it('with --office-js local, serves office.js and its Excel files from the folder', () => {
    const html = readFileSync(path.join(local, 'taskpane.html'), 'utf8');
    expect(html).toContain('src="office-js/office.js"');
    expect(html).not.toContain('appsforoffice.microsoft.com');
    for (const f of ['office.js', 'excel-win32-16.01.js', 'excel-web-16.00.js', 'vi-vn/office_strings.js'])
      expect(existsSync(path.join(local, 'office-js', f)), f).toBe(true);
  });

  it.runIf(existsSync(CHROMIUM))(
    'with --office-js local, the pane runs office.js from the folder without internet',
    async () => {
      const { server, url } = await serveStatic(local);
      const browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
      });
      try {
        const context = await browser.newContext();
        await context.route('**/*', (route) =>
          new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort(),
        );
        const page = await context.newPage();
        await page.goto(`${url}/taskpane.html`);
        // office.js loaded (from the folder) and found no Office around it: the pane asks to open it in Excel.
        await expect
          .poll(() => page.textContent('#app'), { timeout: 15_000 })
          .toContain('Hãy mở trang này trong Excel');
        expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe('object');
      } finally {
        await browser.close();
        server.close();
      }
    },
  );

  it('refuses an address that is not HTTPS, before writing anything', async () => {
    const out = path.join(os.tmpdir(), `addin-package-http-${process.pid}`);
    const errors: string[] = [];
    const original = console.error;
    console.error = (m: string) => errors.push(m);
    try {
      expect(await main(['--url', 'http://intranet.example/addin', '--out', out])).toBe(1);
      expect(await main(['--url', ADDRESS, '--out', out, '--office-js', 'mang-noi-bo'])).toBe(1);
    } finally {
      console.error = original;
    }
    expect(errors[0]).toContain('--url phải bắt đầu bằng https://');
    expect(errors[1]).toContain('--office-js chỉ nhận "local"');
    expect(existsSync(out)).toBe(false);
  });
});
