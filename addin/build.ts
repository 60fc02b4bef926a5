// npm run addin:build: bundles the task pane into addin/dist. The preview page, with its sample workbook,
// is development tooling and is built by dev/preview.ts on top of this.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { isEntryPoint } from '../node/cli.js';
import { ICON_SIZES, iconPng } from './icons.js';

export const ADDIN_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.join(ADDIN_DIR, 'dist');

/** esbuild options every browser bundle of the add-in shares. */
export const BUNDLE_OPTIONS = {
  bundle: true,
  format: 'iife',
  target: 'es2020',
  logLevel: 'warning',
  legalComments: 'none',
} as const satisfies esbuild.BuildOptions;

export async function build(out = DIST): Promise<string> {
  await fs.mkdir(path.join(out, 'assets'), { recursive: true });
  await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(ADDIN_DIR, 'src/taskpane.ts')],
    outfile: path.join(out, 'taskpane.js'),
    minify: true,
  });
  await fs.copyFile(path.join(ADDIN_DIR, 'taskpane.html'), path.join(out, 'taskpane.html'));
  await fs.copyFile(path.join(ADDIN_DIR, 'taskpane.css'), path.join(out, 'taskpane.css'));
  for (const size of ICON_SIZES) await fs.writeFile(path.join(out, 'assets', `icon-${size}.png`), iconPng(size));
  return out;
}

if (isEntryPoint(import.meta.url)) {
  const out = await build();
  console.log(`Đã đóng gói add-in vào ${out}`);
}
