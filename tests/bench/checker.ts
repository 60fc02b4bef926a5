// The offline checker page in Chromium on a 5,000-row unit workbook, as a clerk meets it: the page opened,
// its worker ready, then from the file chosen to the verdict on screen (the worker reading the zip with the
// merge's grid reader over the browser's inflate, the engine on its first run, the view posted to the page
// and drawn); then the same file checked again in the same tab, as after fixing a cell. A clerk takes seconds
// to pick a file; the bench chooses it the moment the worker says it is ready, while the browser is still
// settling the page, so it errs on the slow side. Each against the engine alone, warmed up, on the same rows
// in Node (the baseline): the ratio is what the browser's reading, starting and messaging cost on top
// of the rules, and also what a first run costs in a worker whose code is not yet compiled. So the engine alone
// is timed in the same Chromium too, on the grid the page's reader makes, in a fresh worker holding only the
// engine (tests/bench/browser-engine.ts): its first check against the page's first. For comparison with older
// runs, the file is also chosen the instant the page has loaded, so the worker's own start counts as well.
import { existsSync, mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { buildChecker, CHECKER_PAGE } from '../../addin/build.js';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { checkWorkbook } from '../../engine/index.js';
import { DEFAULT_PLAN as plan } from '../../engine/plans/index.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';
import type { EngineTimes } from './browser-engine.js';

const CHROMIUM = '/usr/bin/chromium';
const ROWS = 5_000;
const RUNS = 3;

export async function runCheckerBench(): Promise<string[]> {
  if (!existsSync(CHROMIUM)) return [`Checker page: skipped, no Chromium at ${CHROMIUM}`];
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-checker-'));
  const file = await writeUnitFile(plan, dir, {
    unit: 'H-BATO',
    file: 'H-BATO.xlsx',
    receivedAt: new Date('2021-04-10T10:00:00+07:00'),
    collectives: ROWS / 10,
    individuals: ROWS - ROWS / 10,
    mistakes: 0.1,
    seed: 7,
  });
  const html = await buildChecker(path.join(dir, 'dist'));
  const pageBytes = (await fs.stat(html)).size;

  const grid = await readXlsxGrid(await fs.readFile(file));
  checkWorkbook(plan, grid); // warm-up
  const engine: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    checkWorkbook(plan, grid, { file: 'H-BATO.xlsx' });
    engine.push(performance.now() - t0);
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const ready: number[] = [];
  const again: number[] = [];
  const instant: number[] = [];
  const inBrowser: EngineTimes[] = [];
  try {
    const script = await engineScript();
    const base64 = (await fs.readFile(file)).toString('base64');
    for (let i = 0; i < RUNS; i++) inBrowser.push(await engineInBrowser(browser, script, base64));
    for (let i = 0; i < RUNS; i++) {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(html).href);
      await tab.waitForFunction(() => document.body.dataset.workerReady === 'true', null, { timeout: 300_000 });
      ready.push(await checkOn(tab, file));
      again.push(await checkOn(tab, file));
      await tab.close();
    }
    for (let i = 0; i < RUNS; i++) {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(html).href);
      instant.push(await checkOn(tab, file));
      await tab.close();
    }
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  const best = (xs: number[]) => Math.min(...xs);
  const line = (what: string, xs: number[]) =>
    `Checker page: ${what}, best of ${RUNS}: ${best(xs).toFixed(0)} ms, ${(best(xs) / best(engine)).toFixed(1)}× the engine alone`;
  return [
    `Checker page: ${CHECKER_PAGE} weighs ${Math.round(pageBytes / 1024)} KB; ${ROWS.toLocaleString('en')} rows, file chosen to verdict shown in Chromium; engine alone in Node ${best(engine).toFixed(0)} ms`,
    line('worker ready, then the file chosen', ready),
    line('the same file again in the same tab', again),
    line('the file chosen as the page loads', instant),
    `Engine alone in the same Chromium, fresh worker, best of ${RUNS}: first check ${best(inBrowser.map((t) => t.first)).toFixed(0)} ms, warmed ${best(inBrowser.map((t) => t.warm)).toFixed(0)} ms`,
    `Checker page (worker ready, file chosen) vs the engine's first check in the same Chromium: ${(best(ready) / best(inBrowser.map((t) => t.first))).toFixed(1)}×`,
  ];
}

/** The bench's engine-only script for the browser (browser-engine.ts), bundled once for every run. */
async function engineScript(): Promise<string> {
  const bundle = await esbuild.build({
    entryPoints: [path.join(import.meta.dirname, 'browser-engine.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    logLevel: 'error',
  });
  return bundle.outputFiles[0]!.text;
}

/** The engine's times in a fresh worker of `browser`, on the grid the page's reader makes of `file`. */
async function engineInBrowser(browser: Browser, script: string, base64: string): Promise<EngineTimes> {
  const tab = await browser.newPage();
  try {
    await tab.setContent('<!doctype html><title>engine</title>');
    await tab.addScriptTag({ content: script });
    return await tab.evaluate(
      (b) => (window as unknown as Record<string, (b: string) => Promise<EngineTimes>>).timeEngineInWorker!(b),
      base64,
    );
  } finally {
    await tab.close();
  }
}

/** Chooses `file` and waits for its verdict: the page's own time from the file chosen to the verdict shown. */
async function checkOn(tab: Page, file: string): Promise<number> {
  await tab.evaluate(() => delete document.body.dataset.state);
  await tab.setInputFiles('#file', file);
  await tab.waitForFunction(() => document.body.dataset.state === 'checked', null, { timeout: 300_000 });
  return Number(await tab.getAttribute('body', 'data-check-ms'));
}
