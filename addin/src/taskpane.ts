// The task pane page: wires the buttons to the Excel module and the engine, and shows the results.
import { checkWorkbook, type ColumnKey, type WorkbookCheck, type WorkbookPlan } from '../../engine/index.js';
import { BUNDLED_PLANS, DEFAULT_PLAN } from '../../engine/plans/index.js';
import {
  applyMarks,
  capabilities,
  clearMarks,
  readSnapshot,
  selectCell,
  watchChanges,
  type Capabilities,
  type WorkbookSnapshot,
} from './excel.js';
import { computeMarks } from '../../engine/index.js';
import { failure, renderFailure, type Failure } from './failure.js';
import { officeMissing, outsideExcel } from './notices.js';
import { supportLine } from './support.js';
import { showHeader, showResults, statusText, type HeaderFacts } from './results.js';
import { viewOf, type IssueItem } from './summary.js';
import { issueKey, replace } from './view.js';

/** The plan of the last read: the one the workbook carries, or a bundled one (see planForWorkbook). */
let chosen: WorkbookPlan = { plan: DEFAULT_PLAN, source: 'bundled' };
let plan = chosen.plan;
const LIVE_DELAY_MS = 600;
let caps: Capabilities;
let busy = false;
let liveTimer: ReturnType<typeof setTimeout> | undefined;
let watching = false;

const status = (text: string) => replace('status', text);
const told = (f: Failure) => replace('status', ...renderFailure(f));

/** The shared header, then which plan this workbook is checked with: the one it carries, or the add-in's. */
function showPlanHeader(view: HeaderFacts | null, now: Date): void {
  showHeader(plan, view, now);
  replace('plan', `Kế hoạch ${plan.id} (${chosen.source === 'workbook' ? 'lưu trong sổ' : 'có sẵn trong add-in'})`);
  replace('plan-note', chosen.damaged ?? '');
}

function columnIndex(check: WorkbookCheck, item: IssueItem): number {
  if (check.info && item.sheet === check.info.sheet) return 1; // Thông tin: the value is in column B.
  const layout = check.layouts.find((l) => l.sheet === item.sheet);
  return (item.columnKey && layout?.columns[item.columnKey as ColumnKey]) ?? 0;
}

/** The issue last chosen (see issueKey): it stays highlighted while the clerk fixes it, across re-checks. */
let selected: string | undefined;

function highlightSelected(): void {
  const buttons = [...document.querySelectorAll<HTMLElement>('button.issue')];
  for (const b of buttons) b.setAttribute('aria-current', String(b.dataset.key === selected));
}

function select(item: IssueItem, check: WorkbookCheck): void {
  selected = issueKey(item);
  highlightSelected();
  void selectCell(item.sheet, item.row - 1, columnIndex(check, item)).catch((e) => told(failure('select', e)));
}

/** Reads the workbook, takes the plan it is to be checked with, and checks it. */
async function read(): Promise<{ snapshot: WorkbookSnapshot; check: WorkbookCheck }> {
  const snapshot = await readSnapshot(BUNDLED_PLANS, caps);
  chosen = snapshot.plan;
  plan = chosen.plan;
  return { snapshot, check: checkWorkbook(plan, snapshot.grid) };
}

/** `live`: a re-check after an edit, which must not take the focus from the sheet. */
async function runCheck(live = false): Promise<void> {
  if (busy) return;
  busy = true;
  status('Đang kiểm tra…');
  try {
    const { snapshot, check } = await read();
    const now = new Date();
    const view = viewOf(plan, check, now);
    showPlanHeader(view, now);
    if (view.markable) await applyMarks(snapshot, computeMarks(check), caps);
    showResults(view, (item) => select(item, check), !live);
    highlightSelected();
    status(statusText(view, now));
    if (check.accepted) await watch(snapshot.sheetNames);
  } catch (e) {
    told(failure('check', e));
  } finally {
    busy = false;
  }
}

/** Live re-check from the first read that finds the template's sheets on (ExcelApi 1.7 and 1.8). */
async function watch(sheetNames: string[]): Promise<void> {
  if (!caps.live || watching || sheetNames.length === 0) return;
  watching = true;
  await watchChanges(sheetNames, scheduleLiveCheck);
}

function scheduleLiveCheck(): void {
  if (!(document.getElementById('live') as HTMLInputElement).checked || busy) return;
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => void runCheck(true), LIVE_DELAY_MS);
}

async function runClear(): Promise<void> {
  if (busy) return;
  busy = true;
  try {
    const { snapshot, check } = await read();
    await clearMarks(snapshot, computeMarks(check).results, caps);
    replace('verdict');
    replace('results');
    replace('checklist');
    status('Đã xóa đánh dấu; màu nền của các ô đã trở lại như trước.');
  } catch (e) {
    told(failure('clear', e));
  } finally {
    busy = false;
  }
}

export async function start(): Promise<void> {
  // The Internet Explorer webview got its message from the page itself (taskpane.html); nothing runs here.
  if ((window as { tooOldWebview?: boolean }).tooOldWebview) return;
  if (typeof Office === 'undefined') {
    const script = document.querySelector<HTMLScriptElement>('script[src$="office.js"]');
    return replace('app', officeMissing(script?.src ?? null));
  }
  const info = await Office.onReady();
  if (!info.host) return replace('app', outsideExcel());
  caps = capabilities();
  document.getElementById('check')!.addEventListener('click', () => void runCheck());
  document.getElementById('clear')!.addEventListener('click', () => void runClear());
  const live = document.getElementById('live') as HTMLInputElement;
  live.disabled = !caps.live;
  if (!caps.live) live.checked = false;
  replace('support', supportLine(caps));
  showPlanHeader(null, new Date());
  try {
    const { snapshot, check } = await read();
    showPlanHeader(check, new Date());
    await watch(snapshot.sheetNames);
  } catch {
    // The header stays generic; "Kiểm tra" explains what is wrong.
  }
  document.body.dataset.ready = 'true';
}

void start();
