// npm run addin:build: bundles the task pane and the offline checker page (kiem-tra.html) into addin/dist. The preview page, with its sample workbook,
// is development tooling and is built by dev/preview.ts on top of this.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import * as esbuild from 'esbuild';
import { BUNDLED_PLANS, DEFAULT_PLAN } from '../engine/plans/index.js';
import { isEntryPoint, runCommand } from '../node/cli.js';
import { ICON_SIZES, iconPng } from './icons.js';

export const ADDIN_DIR = path.dirname(fileURLToPath(import.meta.url));
export const DIST = path.join(ADDIN_DIR, 'dist');

/**
 * The bundled plans go in validated already (here, by the plan schema, as the sync command loads them): else
 * every page would validate them again as it opens, and the checker page twice (the page and its worker).
 */
const validatedPlans: esbuild.Plugin = {
  name: 'validated-plans',
  setup(build) {
    build.onLoad({ filter: /[\\/]engine[\\/]plans[\\/]index\.ts$/ }, () => {
      const json = JSON.stringify(BUNDLED_PLANS);
      // A plan is plain data; were it ever not, the page would get a different plan than the command.
      if (!isDeepStrictEqual(JSON.parse(json), BUNDLED_PLANS)) throw new Error('A bundled plan is not plain JSON');
      return {
        loader: 'js',
        contents: [
          `export const BUNDLED_PLANS = ${json};`,
          `export const DEFAULT_PLAN = BUNDLED_PLANS[${BUNDLED_PLANS.indexOf(DEFAULT_PLAN)}];`,
        ].join('\n'),
      };
    });
  },
};

/** esbuild options every browser bundle of the add-in shares. */
export const BUNDLE_OPTIONS = {
  plugins: [validatedPlans],
  bundle: true,
  format: 'iife',
  target: 'es2020',
  logLevel: 'warning',
  legalComments: 'none',
} as const satisfies esbuild.BuildOptions;

/** File name of the offline checker page (SPEC §7). */
export const CHECKER_PAGE = 'kiem-tra.html';

/**
 * The offline checker page: one HTML file with its styles and its one script inline (the script is also
 * its own Worker), so it works opened from disk, from the add-in's host or from an email attachment.
 */
export async function buildChecker(out = DIST): Promise<string> {
  const bundle = await esbuild.build({
    ...BUNDLE_OPTIONS,
    entryPoints: [path.join(ADDIN_DIR, 'checker/main.ts')],
    minify: true,
    write: false,
  });
  // Inside an inline script "</script" would end it early; escaped, it means the same to JavaScript.
  const js = bundle.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  const css = [
    await fs.readFile(path.join(ADDIN_DIR, 'taskpane.css'), 'utf8'),
    await fs.readFile(path.join(ADDIN_DIR, 'checker/checker.css'), 'utf8'),
  ].join('\n');
  const html = (await fs.readFile(path.join(ADDIN_DIR, 'checker/checker.html'), 'utf8'))
    .replace('/* STYLES */', () => css)
    .replace('/* SCRIPT */', () => js);
  const file = path.join(out, CHECKER_PAGE);
  await fs.mkdir(out, { recursive: true });
  await fs.writeFile(file, html);
  return file;
}

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
  await buildChecker(out);
  return out;
}

if (isEntryPoint(import.meta.url))
  process.exitCode = await runCommand('npm run addin:build', async () => {
    console.log(`Đã đóng gói add-in vào ${await build()}`);
    return 0;
  });
