// npm run addin:build: bundles the task pane (and the preview page) into addin/dist.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { readXlsxGrid } from '../sync/xlsx-grid.js';
import { validRowFor } from '../sync/sample/rows.js';
import { buildTemplate } from '../templates/workbook.js';
import { ICON_SIZES, iconPng } from './icons.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.join(here, 'dist');

/** The sample workbook of the preview: a unit's template with rows showing the typical mistakes. */
export async function sampleWorkbook() {
  const plan = DEFAULT_PLAN;
  const form = (code: string) => plan.forms.find((f) => f.code === code)!.label;
  const group = (code: string) => plan.groups.find((g) => g.code === code)!.label;
  const wb = buildTemplate(plan, 'H-BATO', {
    info: {
      preparedBy: 'Đinh Thị Hồng',
      phone: '0255 3863 123',
      letterNo: '21/TTr-KTHT',
      letterDate: new Date(Date.UTC(2021, 3, 9)),
      meetingDate: new Date(Date.UTC(2021, 3, 7)),
      hasLetter: 'Có',
      hasMinutes: 'Chưa',
    },
    rows: [
      validRowFor(plan, 'tap_the', {
        name: 'Tổ Điện nông thôn',
        group: group('district_office'),
        form: form('GK_SCT'),
      }),
      validRowFor(plan, 'tap_the', { name: 'Hợp tác xã Ba Tơ', group: group('other'), form: form('GK_SCT') }),
      validRowFor(plan, 'ca_nhan', {
        name: 'Phạm Văn Hùng',
        gender: 'Nam',
        birthYear: 1979,
        position: 'Trưởng phòng',
        leader: 'Có',
        workplace: 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ',
      }),
      validRowFor(plan, 'ca_nhan', {
        name: 'Đinh Thị Lan',
        birthYear: 1938,
        criterion1: 'Không đạt',
        workplace: 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ',
      }),
      validRowFor(plan, 'ca_nhan', {
        name: 'Phạm Văn Hưng',
        gender: 'Nam',
        form: form('BK_UBND'),
        outstanding: 'Không',
        report: 'Chưa',
        summary: 'Hoàn thành tốt',
        workplace: 'Phòng Kinh tế và Hạ tầng huyện Ba Tơ',
      }),
    ],
  });
  const grid = await readXlsxGrid(Buffer.from(await wb.xlsx.writeBuffer()));
  // Range.values holds numbers, strings and booleans; dates arrive as serial numbers.
  return grid.sheets.map((s) => ({
    name: s.name,
    values: s.rows.map((r) =>
      Array.from(r, (v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v === undefined ? null : v)),
    ),
  }));
}

export async function build(out = DIST): Promise<string> {
  await fs.mkdir(path.join(out, 'assets'), { recursive: true });
  const common = {
    bundle: true,
    format: 'iife' as const,
    target: 'es2020',
    logLevel: 'warning' as const,
    legalComments: 'none' as const,
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(here, 'src/taskpane.ts')],
    outfile: path.join(out, 'taskpane.js'),
    minify: true,
  });
  await esbuild.build({
    ...common,
    entryPoints: [path.join(here, 'preview/main.ts')],
    outfile: path.join(out, 'preview.js'),
  });
  const html = await fs.readFile(path.join(here, 'taskpane.html'), 'utf8');
  await fs.writeFile(path.join(out, 'taskpane.html'), html);
  await fs.copyFile(path.join(here, 'taskpane.css'), path.join(out, 'taskpane.css'));
  // The preview swaps Microsoft's office.js (unreachable offline) for the stand-in, and shows the sheet.
  const preview = html
    .replace(
      /<script src="https:\/\/appsforoffice[^>]*><\/script>/,
      '<script src="preview-workbook.js"></script>\n  <script src="preview.js"></script>\n  <link rel="stylesheet" href="preview.css">',
    )
    .replace('<main id="app">', '<div class="preview"><main id="app">')
    .replace('</main>', '</main>\n  <section id="sheet-view" aria-label="Sổ mẫu (xem thử)"></section></div>');
  await fs.writeFile(path.join(out, 'preview.html'), preview);
  await fs.copyFile(path.join(here, 'preview/preview.css'), path.join(out, 'preview.css'));
  await fs.writeFile(
    path.join(out, 'preview-workbook.js'),
    `window.__SAMPLE__ = ${JSON.stringify(await sampleWorkbook())};\n`,
  );
  for (const size of ICON_SIZES) await fs.writeFile(path.join(out, 'assets', `icon-${size}.png`), iconPng(size));
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = await build();
  console.log(`Đã đóng gói add-in vào ${out}`);
}
