// Entry of kiem-tra.html's single inline script. On the page it wires the form; run again as a Worker
// (from its own text, so the page stays one file with nothing to fetch) it does the reading and checking.
import { BUNDLED_PLANS, DEFAULT_PLAN } from '../../engine/plans/index.js';
import { startPage } from './page.js';
import { checker, noPause, type FromWorker, type ToWorker } from './work.js';

declare const self: {
  postMessage(msg: FromWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
};

if (typeof document === 'undefined') {
  const handle = checker(BUNDLED_PLANS, (msg, transfer = []) => self.postMessage(msg, transfer), noPause);
  self.onmessage = (e) => void handle(e.data);
  // Parsed and listening: the page may say so. A file chosen before now was queued, and is checked next.
  self.postMessage({ kind: 'ready' });
} else {
  // Read now: document.currentScript is only set while the script first runs.
  const source = document.currentScript?.textContent ?? null;
  const start = () => startPage(DEFAULT_PLAN, BUNDLED_PLANS, source);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
