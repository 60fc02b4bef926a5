// The offline checker page in Chromium on a 5,000-row unit workbook: from the file chosen to the verdict on
// screen (the page's worker reading the zip with the merge's grid reader over the browser's inflate, the
// engine on a cold start, the result copied to the page and drawn), against the engine alone, warmed up, on
// the same rows in Node. The file is chosen as soon as the page has loaded, so the worker's own start counts.
// The ratio is what the browser's reading, starting and messaging cost on top of the rules.
import { existsSync, mkdtempSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { buildChecker, CHECKER_PAGE } from '../../addin/build.js';
import { writeUnitFile } from '../../dev/sample/inbox.js';
import { checkWorkbook } from '../../engine/index.js';
import { DEFAULT_PLAN as plan } from '../../engine/plans/index.js';
import { readXlsxGrid } from '../../node/xlsx-grid.js';

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
  const page: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const tab = await browser.newPage();
      await tab.goto(pathToFileURL(html).href);
      await tab.setInputFiles('#file', file);
      await tab.waitForFunction(() => document.body.dataset.state === 'checked', null, { timeout: 300_000 });
      page.push(Number(await tab.getAttribute('body', 'data-check-ms')));
      await tab.close();
    }
  } finally {
    await browser.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
  const best = (xs: number[]) => Math.min(...xs);
  return [
    `Checker page: ${CHECKER_PAGE} weighs ${Math.round(pageBytes / 1024)} KB`,
    `Checker page: ${ROWS.toLocaleString('en')} rows in Chromium, file chosen to verdict shown, best of ${RUNS}: ${best(page).toFixed(0)} ms`,
    `Checker page vs engine alone (${best(engine).toFixed(0)} ms in Node): ${(best(page) / best(engine)).toFixed(1)}×`,
  ];
}
