// npm run addin:package -- --url https://HOST/PATH --out DIR [--office-js local]: a folder the Sở's IT copies
// as is to an internal HTTPS server at that address — the built pane, the offline checker page, the icons,
// and a manifest whose every URL points there. With --office-js local, Microsoft's office.js is served from
// the same folder (copied from the @microsoft/office-js package) for intranets without internet.
import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isEntryPoint, parseOptions, runCommand, UsageError } from '../node/cli.js';
import { ADDIN_DIR, build } from './build.js';

const USAGE = 'npm run addin:package -- --url https://MÁY_CHỦ/ĐƯỜNG_DẪN --out THƯ_MỤC [--office-js local]';

/** Where the repository's manifest (for `addin:serve`) points; the package replaces it. */
export const DEV_ORIGIN = 'https://localhost:3000';
/** Microsoft's CDN address of office.js, as taskpane.html loads it. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
/** The local copy's folder in the package: office.js loads its per-host files from beside itself. */
export const OFFICE_JS_DIR = 'office-js';

export interface PackageOptions {
  url: string;
  out: string;
  officeJs: 'cdn' | 'local';
}

export interface PackageAddress {
  /** https://HOST[:PORT]: the manifest's app domain. */
  origin: string;
  /** https://HOST[:PORT]/PATH without a trailing slash: where the folder's files are served. */
  base: string;
}

/** The address the files will be served at; only HTTPS, as Office requires. */
export function packageAddress(url: string): PackageAddress {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(
      `--url phải là một địa chỉ đầy đủ, ví dụ https://addin.soct.quangngai.gov.vn/kiem-tra: "${url}".`,
    );
  }
  if (parsed.protocol !== 'https:')
    throw new UsageError(`--url phải bắt đầu bằng https:// (Office chỉ nạp add-in qua HTTPS): "${url}".`);
  if (parsed.search || parsed.hash || parsed.username || parsed.password)
    throw new UsageError(`--url chỉ gồm máy chủ và đường dẫn, không có "?", "#" hay tài khoản: "${url}".`);
  return { origin: parsed.origin, base: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}` };
}

/** The repository's manifest with every URL at `base`; the app domain is its origin. */
export function packagedManifest(xml: string, address: PackageAddress): string {
  const out = xml
    .replaceAll(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${address.origin}</AppDomain>`)
    .replaceAll(`${DEV_ORIGIN}/`, `${address.base}/`);
  if (out.includes('localhost'))
    throw new Error('manifest.xml còn địa chỉ localhost sau khi thay: hãy báo lập trình viên.');
  return out;
}

function officeJsDist(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
}

export async function packageAddin(options: PackageOptions): Promise<string[]> {
  const address = packageAddress(options.url);
  const out = path.resolve(options.out);
  await build(out);
  if (options.officeJs === 'local') {
    await fs.cp(officeJsDist(), path.join(out, OFFICE_JS_DIR), { recursive: true });
    const pane = path.join(out, 'taskpane.html');
    const html = await fs.readFile(pane, 'utf8');
    if (!html.includes(`src="${OFFICE_JS_CDN}"`)) throw new Error('taskpane.html không còn nạp office.js từ CDN.');
    await fs.writeFile(pane, html.replace(`src="${OFFICE_JS_CDN}"`, `src="${OFFICE_JS_DIR}/office.js"`));
  }
  const manifest = await fs.readFile(path.join(ADDIN_DIR, '..', 'manifest.xml'), 'utf8');
  await fs.writeFile(path.join(out, 'manifest.xml'), packagedManifest(manifest, address));
  const top = await fs.readdir(out, { withFileTypes: true });
  return top.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
}

export async function main(argv: string[]): Promise<number> {
  return runCommand(USAGE, async () => {
    const values = parseOptions(argv, {
      usage: USAGE,
      options: { url: 'string', out: 'string', 'office-js': 'string' },
      required: ['url', 'out'],
    });
    const officeJs = values['office-js'] ?? 'cdn';
    if (officeJs !== 'local' && officeJs !== 'cdn')
      throw new UsageError(`--office-js chỉ nhận "local" (hoặc "cdn", mặc định): "${officeJs}".`);
    const files = await packageAddin({ url: values.url!, out: values.out!, officeJs });
    const { base } = packageAddress(values.url!);
    console.log(`Đã đóng gói add-in vào ${path.resolve(values.out!)}: ${files.join(', ')}`);
    console.log(`Chép cả thư mục lên máy chủ để mở được ${base}/taskpane.html,`);
    console.log('rồi phát hành manifest.xml của thư mục đó (xem README, mục Triển khai cho các đơn vị).');
    if (officeJs === 'local')
      console.log(
        'office.js được đặt cùng thư mục (office-js/): cập nhật @microsoft/office-js và đóng gói lại định kỳ, vì Microsoft chỉ hỗ trợ bản mới nhất.',
      );
    return 0;
  });
}

if (isEntryPoint(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
