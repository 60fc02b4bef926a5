// What a check shows, in the task pane and on the offline checker page alike: the verdict first, then
// either why the file cannot be checked, or the issues, the tallies and the readiness checklist; the unit,
// plan and deadline in the header only when the file is known. Both pages have the same element ids; only
// the pane can select a cell.
import type { Plan, Verdict } from '../../engine/index.js';
import { deadlineCountdown, type CheckView, type IssueItem } from './summary.js';
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

/** What the header knows of a file: a view, or a check before its view is made (the pane's first read). */
export type HeaderFacts = Pick<CheckView, 'accepted' | 'unit'>;

/**
 * The header: the unit, the plan and the deadline. A refused file could not be read as the template, so
 * nothing of it is known and the header does not pretend to; `null`: no file checked yet.
 */
export function showHeader(plan: Plan, view: HeaderFacts | null, now: Date): void {
  const refused = view !== null && !view.accepted;
  const unit = view?.unit ?? null;
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
function showVerdict(v: Verdict | null, focus = false): void {
  replace('verdict', v && renderVerdict(v));
  if (v && focus) document.getElementById('verdict-text')!.focus();
}

/** Renders the view of a check; `onSelect` (the pane) makes every issue a button that selects its cell. */
export function showResults(
  view: CheckView,
  onSelect?: (item: IssueItem, button: HTMLElement) => void,
  focus = false,
): void {
  showVerdict(view.verdict, focus);
  if (!view.accepted) {
    replace('results', renderFileIssues(view.fileIssues));
    return replace('checklist');
  }
  const { groups, counts } = view;
  const issues = [
    el('h2', {}, `Các vấn đề (${groups.reduce((n, g) => n + g.items.length, 0)})`),
    renderIssues(groups, onSelect),
  ];
  if (view.empty) {
    const none = el('p', { class: 'notice' }, 'Chưa có dòng đề nghị nào. Hãy nhập ở trang "Tập thể" hoặc "Cá nhân".');
    replace('results', none, ...issues);
  } else {
    replace(
      'results',
      ...issues,
      renderStatusCounts('Số đề nghị theo trang', 'Trang', counts.bySheet),
      renderStatusCounts('Số đề nghị theo hình thức', 'Hình thức', counts.byForm),
    );
  }
  replace('checklist', el('h2', {}, 'Điều kiện gửi hồ sơ'), renderChecklist(view.checklist));
}

/** One line under the buttons after a check: when, and how many rows. */
export function statusText(view: CheckView, now: Date): string {
  return view.accepted
    ? `Đã kiểm tra ${view.nominations} đề nghị lúc ${now.toLocaleTimeString('vi-VN')}.`
    : 'Không kiểm tra được sổ này.';
}
