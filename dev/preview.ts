// npm run addin:preview: the task pane with an in-page Excel stand-in and a sample unit workbook, over
// plain HTTP on 127.0.0.1, for any browser. Development tooling: the sample comes from dev/sample.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { ADDIN_DIR, build, BUNDLE_OPTIONS, DIST } from '../addin/build.js';
import { serveStatic } from '../addin/serve.js';
import { DEFAULT_PLAN } from '../engine/plans/index.js';
import { isEntryPoint, runCommand } from '../node/cli.js';
import { readXlsxGrid } from '../node/xlsx-grid.js';
import { buildTemplate, LISTS_SHEET } from '../templates/workbook.js';
import type { Visibility } from '../addin/preview/fake-excel.js';
import { PLAN_SHEET, type Plan } from '../engine/index.js';
import { validRowFor } from './sample/rows.js';

/** The sample workbook of the preview: a unit's template with rows showing the typical mistakes. */
/** `plan` is the one the sample carries: another plan shows the pane checking against the workbook's own. */
export async function sampleWorkbook(plan: Plan = DEFAULT_PLAN) {
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
  // Sheet states are not in the grid: the template hides these two.
  const hidden: Record<string, Visibility> = { [LISTS_SHEET]: 'Hidden', [PLAN_SHEET]: 'VeryHidden' };
  return grid.sheets.map((s) => ({
    name: s.name,
    visibility: hidden[s.name] ?? 'Visible',
    values: s.rows.map((r) =>
      Array.from(r, (v) => (v instanceof Date ? v.getTime() / 86_400_000 + 25_569 : v === undefined ? null : v)),
    ),
  }));
}

/** Builds the pane into `out`, then the preview page beside it (preview.html). */
export async function buildPreview(out = DIST): Promise<string> {
  await build(out);
  await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(ADDIN_DIR, 'preview/main.ts')],
    outfile: path.join(out, 'preview.js'),
  });
  const html = await fs.readFile(path.join(ADDIN_DIR, 'taskpane.html'), 'utf8');
  // The preview swaps Microsoft's office.js (unreachable offline) for the stand-in, and shows the sheet.
  const preview = html
    .replace(
      /<script src="https:\/\/appsforoffice[^>]*><\/script>/,
      '<script src="preview-workbook.js"></script>\n  <script src="preview.js"></script>\n  <link rel="stylesheet" href="preview.css">',
    )
    .replace('<main id="app">', '<div class="preview"><main id="app">')
    .replace('</main>', '</main>\n  <section id="sheet-view" aria-label="Sổ mẫu (xem thử)"></section></div>');
  await fs.writeFile(path.join(out, 'preview.html'), preview);
  await fs.copyFile(path.join(ADDIN_DIR, 'preview/preview.css'), path.join(out, 'preview.css'));
  await fs.writeFile(
    path.join(out, 'preview-workbook.js'),
    `window.__SAMPLE__ = ${JSON.stringify(await sampleWorkbook())};\n`,
  );
  return out;
}

if (isEntryPoint(import.meta.url))
  process.exitCode = await runCommand('npm run addin:preview', async () => {
    const { url } = await serveStatic(await buildPreview(DIST), Number(process.env.PORT ?? 3001));
    console.log(`Xem thử add-in với sổ mẫu: ${url}/preview.html  (Ctrl+C để dừng)`);
    return 0;
  });
