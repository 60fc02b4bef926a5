// Bench only, bundled for Chromium by tests/bench/checker.ts: the engine alone where the checker page runs it.
// On the page, the unit workbook is read with the page's own reader; the grid is then posted to a fresh
// worker that holds nothing but the engine, which times its first check (what the page's worker pays once
// per file, its code not yet compiled) and then the same check warmed up.
import { checkWorkbook, type WorkbookGrid } from '../../engine/index.js';
import { DEFAULT_PLAN } from '../../engine/plans/index.js';
import { memoryParts, readGrid } from '../../ooxml/grid-read.js';
import { BROWSER_CODEC } from '../../addin/checker/codec.js';

export interface EngineTimes {
  first: number;
  warm: number;
}

const WARM_RUNS = 3;

function timeEngine(grid: WorkbookGrid): EngineTimes {
  const time = () => {
    const t0 = performance.now();
    checkWorkbook(DEFAULT_PLAN, grid, { file: 'H-BATO.xlsx' });
    return performance.now() - t0;
  };
  const first = time();
  let warm = Infinity;
  for (let i = 0; i < WARM_RUNS; i++) warm = Math.min(warm, time());
  return { first, warm };
}

declare const self: { onmessage: ((e: MessageEvent<WorkbookGrid>) => void) | null; postMessage(m: EngineTimes): void };

if (typeof document === 'undefined') {
  self.onmessage = (e) => self.postMessage(timeEngine(e.data));
} else {
  const source = document.currentScript?.textContent ?? '';
  Object.assign(window, {
    /** The unit workbook's bytes, as base64 → the engine's times in a fresh worker. */
    timeEngineInWorker: async (base64: string): Promise<EngineTimes> => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const grid = await readGrid(memoryParts(bytes, BROWSER_CODEC));
      const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
      const times = await new Promise<EngineTimes>((resolve) => {
        worker.onmessage = (e: MessageEvent<EngineTimes>) => resolve(e.data);
        worker.postMessage(grid);
      });
      worker.terminate();
      return times;
    },
  });
}
