// What a check shows, in the task pane and on the offline checker page alike: the verdict first, then
// either why the file cannot be checked, or the issues, the tallies and the readiness checklist; the unit,
// plan and deadline in the header only when the file is known. Both pages have the same element ids; only
// the pane can select a cell.
import { verdictOf, type Issue, type Plan, type Verdict, type WorkbookCheck } from '../../engine/index.js';
import { refusedVerdict } from '../../engine/index.js';
import { checklist, deadlineCountdown, groupIssues, statusCounts, type IssueItem } from './summary.js';
import {
  el,
  renderChecklist,
  renderFileIssues,
  renderIssues,
  renderStatusCounts,
  renderVerdict,
  replace,
} from './view.js';

/** The page's own title, where the pane's header names the unit once it is known. */
const TITLE = 'Kiểm tra hồ sơ khen thưởng';

const show = (id: string, visible: boolean) => {
  document.getElementById(id)!.hidden = !visible;
};

/**
 * The header: the unit, the plan and the deadline. `refused`: the file could not be read as the template,
 * so nothing of it is known and the header does not pretend to.
 */
export function showHeader(plan: Plan, check: WorkbookCheck | 'refused' | null, now: Date): void {
  const refused = check === 'refused' || (check !== null && !check.accepted);
  const unit = check && check !== 'refused' ? check.unit : null;
  const heading = document.getElementById('unit')!;
  // The pane's heading is the page's only h1: it keeps the title; the checker page's h2 just goes away.
  replace('unit', unit ? `${unit.name} (${unit.code})` : heading.tagName === 'H1' ? TITLE : '');
  show('unit', heading.tagName === 'H1' || Boolean(unit));
  replace('plan', `Kế hoạch ${plan.id}`);
  const deadline = deadlineCountdown(plan, now);
  replace('deadline', deadline.text);
  document.getElementById('deadline')!.classList.toggle('late', deadline.late);
  for (const id of ['plan', 'deadline']) show(id, !refused);
}

/** The verdict above everything else; focus moves to it so a keyboard or screen reader user hears it first. */
export function showVerdict(v: Verdict | null, focus = false): void {
  replace('verdict', v && renderVerdict(v));
  if (v && focus) document.getElementById('verdict-text')!.focus();
}

/** A file refused before or while it was opened: the verdict and the refusal, nothing else. */
export function showRefusal(issues: Issue[], focus = false): void {
  showVerdict(refusedVerdict(issues), focus);
  replace('results', renderFileIssues(issues));
  replace('checklist');
}

/** Renders a finished check; `onSelect` (the pane) makes every issue a button that selects its cell. */
export function showResults(
  plan: Plan,
  check: WorkbookCheck,
  now: Date,
  onSelect?: (item: IssueItem, check: WorkbookCheck, button: HTMLElement) => void,
  focus = false,
): void {
  if (!check.accepted) return showRefusal(check.fileIssues, focus);
  showVerdict(verdictOf(check), focus);
  const groups = groupIssues(check);
  const issues = [
    el('h2', {}, `Các vấn đề (${groups.reduce((n, g) => n + g.items.length, 0)})`),
    renderIssues(groups, onSelect && ((item, button) => onSelect(item, check, button))),
  ];
  if (check.empty) {
    const none = el('p', { class: 'notice' }, 'Chưa có dòng đề nghị nào. Hãy nhập ở trang "Tập thể" hoặc "Cá nhân".');
    replace('results', none, ...issues);
  } else {
    const t = statusCounts(plan, check);
    replace(
      'results',
      ...issues,
      renderStatusCounts('Số đề nghị theo trang', 'Trang', t.bySheet),
      renderStatusCounts('Số đề nghị theo hình thức', 'Hình thức', t.byForm),
    );
  }
  replace('checklist', el('h2', {}, 'Điều kiện gửi hồ sơ'), renderChecklist(checklist(plan, check, now)));
}

/** One line under the buttons after a check: when, and how many rows. */
export function statusText(check: WorkbookCheck, now: Date): string {
  return check.accepted
    ? `Đã kiểm tra ${check.nominations.length} đề nghị lúc ${now.toLocaleTimeString('vi-VN')}.`
    : 'Không kiểm tra được sổ này.';
}
