// The offline checker page (kiem-tra.html): the clerk picks or drops the unit workbook; it is read and
// checked in this browser, shown as the task pane shows it, and a marked copy can be downloaded. The file
// goes nowhere: the page has no network code, and its worker is made from its own inline script.
import { screenName, screenSize, screenIssue, type Issue, type Plan } from '../../engine/index.js';
import { showHeader, showResults, statusText } from '../src/results.js';
import { refusedView } from '../src/summary.js';
import { renderFailure } from '../src/failure.js';
import { replace } from '../src/view.js';
import { checker, yieldToPage, type FromWorker, type ToWorker } from './work.js';

type Post = (msg: ToWorker, transfer?: Transferable[]) => void;

/** A Worker built from the page's own script; when the browser refuses one, the same code on the page. */
function openChannel(bundled: readonly Plan[], source: string | null, onMessage: (msg: FromWorker) => void): Post {
  if (source && typeof Worker !== 'undefined') {
    try {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      document.body.dataset.worker = 'yes';
      // data-worker-ready comes with the worker's 'ready'; the file input is usable before: the worker queues.
      return (msg, transfer = []) => worker.postMessage(msg, transfer);
    } catch {
      // Some browsers refuse workers on file:// pages: check on the page, yielding between steps.
    }
  }
  document.body.dataset.worker = 'no';
  document.body.dataset.workerReady = 'true';
  const handle = checker(bundled, (msg) => onMessage(msg), yieldToPage);
  return (msg) => void handle(msg);
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const status = (text: string) => replace('status', text);

/** The page's controls, and what it is doing. */
interface Page {
  /** Shown before any workbook is chosen. */
  plan: Plan;
  input: HTMLInputElement;
  drop: HTMLElement;
  download: HTMLButtonElement;
  bar: HTMLProgressElement;
  busy: boolean;
  /** When the file was chosen: the time to the result is shown with it. */
  started: number;
}

/** The work asked of the worker is over, whatever its outcome: the page takes a file again. */
function finish(page: Page): void {
  page.busy = false;
  page.bar.hidden = true;
  page.input.disabled = false;
}

function showRefused(page: Page, issues: Issue[]): void {
  const view = refusedView(issues);
  showHeader(page.plan, view, new Date());
  showResults(view, undefined, true);
  $('report').hidden = false;
  status('Không kiểm tra được tệp này.');
  document.body.dataset.state = 'checked';
}

function showProgress(page: Page, msg: Extract<FromWorker, { kind: 'progress' }>): void {
  page.bar.hidden = false;
  page.bar.max = msg.steps;
  page.bar.value = msg.step;
  status(msg.text);
}

function showChecked(page: Page, { view, plan, planNote }: Extract<FromWorker, { kind: 'checked' }>): void {
  const now = new Date();
  showHeader(plan, view, now);
  if (planNote) replace('plan', `Kế hoạch ${plan.id}. ${planNote}`);
  showResults(view, undefined, true);
  $('report').hidden = false;
  page.download.hidden = !view.markable;
  const ms = performance.now() - page.started;
  status(`${statusText(view, now)} (${(ms / 1000).toFixed(1).replace('.', ',')} giây)`);
  // For the benchmark: from the file chosen to the result on screen.
  document.body.dataset.checkMs = ms.toFixed(0);
  document.body.dataset.state = 'checked';
}

/** The marked copy goes to the browser's downloads, under its own name. */
function saveFile(name: string, bytes: ArrayBuffer): void {
  const url = URL.createObjectURL(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
  );
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  status(`Đã tạo "${name}" trong thư mục tải về: cột "Kết quả kiểm tra" và các ô có lỗi đã được tô màu.`);
}

function onWorkerMessage(page: Page, msg: FromWorker): void {
  if (msg.kind === 'ready') return void (document.body.dataset.workerReady = 'true');
  if (msg.kind === 'progress') return showProgress(page, msg);
  finish(page);
  switch (msg.kind) {
    case 'refused':
      return showRefused(page, msg.issues);
    case 'checked':
      return showChecked(page, msg);
    case 'file':
      return saveFile(msg.name, msg.bytes);
    case 'failed':
      return replace('status', ...renderFailure(msg));
  }
}

/** A file chosen or dropped: cleared from the last result, screened by name and size, then sent to be checked. */
async function take(page: Page, post: Post, file: File | undefined): Promise<void> {
  if (!file || page.busy) return;
  page.busy = true;
  page.started = performance.now();
  page.input.disabled = true;
  page.download.hidden = true;
  document.body.dataset.state = 'busy';
  replace('verdict');
  replace('results');
  replace('checklist');
  $('file-name').textContent = file.name;
  // Name and size first: a .xls or a 2 GB file is refused without reading a byte of it.
  const early = [screenName(file.name), screenSize(file.size)].find((r) => !r.ok);
  if (early && !early.ok) {
    finish(page);
    return showRefused(page, [screenIssue(file.name, early)]);
  }
  status('Đang đọc tệp…');
  const bytes = await file.arrayBuffer();
  post({ kind: 'check', name: file.name, bytes }, [bytes]);
}

/** The file input, the drop zone (the whole window) and the download button. */
function listen(page: Page, post: Post): void {
  const { input, drop, download } = page;
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared at once: choosing the same file again after fixing it is a change, and checks it again.
    input.value = '';
    void take(page, post, file);
  });
  download.addEventListener('click', () => {
    if (page.busy) return;
    page.busy = true;
    post({ kind: 'download' });
  });
  // A file dropped anywhere is taken, never opened by the browser in place of the page.
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
  window.addEventListener('dragenter', () => drop.classList.add('over'));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  window.addEventListener('drop', (e) => {
    drop.classList.remove('over');
    void take(page, post, e.dataTransfer?.files[0]);
  });
}

/** `plan`: shown before any workbook is chosen; each workbook is checked against the plan it carries. */
export function startPage(plan: Plan, bundled: readonly Plan[], source: string | null): void {
  const page: Page = {
    plan,
    input: $<HTMLInputElement>('file'),
    drop: $('drop'),
    download: $<HTMLButtonElement>('download'),
    bar: $<HTMLProgressElement>('progress'),
    busy: false,
    started: 0,
  };
  const post = openChannel(bundled, source, (msg) => onWorkerMessage(page, msg));
  listen(page, post);
  showHeader(plan, null, new Date());
}
