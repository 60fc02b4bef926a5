// The offline checker page (kiem-tra.html): the clerk picks or drops the unit workbook; it is read and
// checked in this browser, shown as the task pane shows it, and a marked copy can be downloaded. The file
// goes nowhere: the page has no network code, and its worker is made from its own inline script.
import { screenName, screenSize, screenIssue, type Issue, type Plan, type WorkbookCheck } from '../../engine/index.js';
import { showHeader, showRefusal, showResults, statusText } from '../src/results.js';
import { replace } from '../src/view.js';
import { checker, type FromWorker, type ToWorker } from './work.js';

type Post = (msg: ToWorker, transfer?: Transferable[]) => void;

/** A Worker built from the page's own script; when the browser refuses one, the same code on the page. */
function openChannel(bundled: readonly Plan[], source: string | null, onMessage: (msg: FromWorker) => void): Post {
  if (source && typeof Worker !== 'undefined') {
    try {
      const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
      const worker = new Worker(url);
      worker.onmessage = (e: MessageEvent<FromWorker>) => onMessage(e.data);
      document.body.dataset.worker = 'yes';
      return (msg, transfer = []) => worker.postMessage(msg, transfer);
    } catch {
      // Some browsers refuse workers on file:// pages: check on the page, yielding between steps.
    }
  }
  document.body.dataset.worker = 'no';
  const handle = checker(bundled, (msg) => onMessage(msg));
  return (msg) => void handle(msg);
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** `plan`: shown before any workbook is chosen; each workbook is checked against the plan it carries. */
// eslint-disable-next-line max-lines-per-function -- split in progress on another branch
export function startPage(plan: Plan, bundled: readonly Plan[], source: string | null): void {
  const input = $<HTMLInputElement>('file');
  const drop = $('drop');
  const download = $<HTMLButtonElement>('download');
  const bar = $<HTMLProgressElement>('progress');
  const status = (text: string) => replace('status', text);
  let busy = false;
  let started = 0;

  const finish = () => {
    busy = false;
    bar.hidden = true;
    input.disabled = false;
  };
  const showRefused = (issues: Issue[]) => {
    showHeader(plan, 'refused', new Date());
    showRefusal(issues, true);
    $('report').hidden = false;
    status('Không kiểm tra được tệp này.');
    document.body.dataset.state = 'checked';
  };

  const post = openChannel(bundled, source, (msg) => {
    switch (msg.kind) {
      case 'progress':
        bar.hidden = false;
        bar.max = msg.steps;
        bar.value = msg.step;
        status(msg.text);
        return;
      case 'refused':
        finish();
        showRefused(msg.issues);
        return;
      case 'checked': {
        finish();
        const now = new Date();
        const check: WorkbookCheck = msg.check;
        showHeader(msg.plan, check, now);
        if (msg.planNote) replace('plan', `Kế hoạch ${msg.plan.id}. ${msg.planNote}`);
        showResults(msg.plan, check, now, undefined, true);
        $('report').hidden = false;
        download.hidden = !(check.accepted && !check.empty);
        const ms = performance.now() - started;
        status(`${statusText(check, now)} (${(ms / 1000).toFixed(1).replace('.', ',')} giây)`);
        // For the benchmark: from the file chosen to the result on screen.
        document.body.dataset.checkMs = ms.toFixed(0);
        document.body.dataset.state = 'checked';
        return;
      }
      case 'file': {
        finish();
        const url = URL.createObjectURL(
          new Blob([msg.bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
        );
        const a = Object.assign(document.createElement('a'), { href: url, download: msg.name });
        document.body.append(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        status(`Đã tạo "${msg.name}" trong thư mục tải về: cột "Kết quả kiểm tra" và các ô có lỗi đã được tô màu.`);
        return;
      }
      case 'failed':
        finish();
        status(`Lỗi khi kiểm tra: ${msg.message}`);
        return;
    }
  });

  async function take(file: File | undefined): Promise<void> {
    if (!file || busy) return;
    busy = true;
    started = performance.now();
    input.disabled = true;
    download.hidden = true;
    document.body.dataset.state = 'busy';
    replace('verdict');
    replace('results');
    replace('checklist');
    $('file-name').textContent = file.name;
    // Name and size first: a .xls or a 2 GB file is refused without reading a byte of it.
    const early = [screenName(file.name), screenSize(file.size)].find((r) => !r.ok);
    if (early && !early.ok) {
      finish();
      return showRefused([screenIssue(file.name, early)]);
    }
    status('Đang đọc tệp…');
    const bytes = await file.arrayBuffer();
    post({ kind: 'check', name: file.name, bytes }, [bytes]);
  }

  input.addEventListener('change', () => {
    const file = input.files?.[0];
    // Cleared at once: choosing the same file again after fixing it is a change, and checks it again.
    input.value = '';
    void take(file);
  });
  download.addEventListener('click', () => {
    if (busy) return;
    busy = true;
    post({ kind: 'download' });
  });
  // A file dropped anywhere is taken, never opened by the browser in place of the page.
  for (const type of ['dragover', 'drop'] as const) window.addEventListener(type, (e) => e.preventDefault());
  window.addEventListener('dragenter', () => drop.classList.add('over'));
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  window.addEventListener('drop', (e) => {
    drop.classList.remove('over');
    void take(e.dataTransfer?.files[0]);
  });
  showHeader(plan, null, new Date());
}
