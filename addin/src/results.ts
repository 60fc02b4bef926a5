// What a check shows, in the task pane and on the offline checker page alike: the unit, plan and deadline
// in the header, then either why the file cannot be checked, or the tallies, the issues by row and the
// readiness checklist. Both pages have the same element ids; only the pane can select a cell.
import type { Plan, WorkbookCheck } from '../../engine/index.js';
import { checklist, deadlineCountdown, groupIssues, statusCounts, type IssueItem } from './summary.js';
import { el, renderChecklist, renderFileIssues, renderIssues, renderStatusCounts, replace } from './view.js';

export function showHeader(plan: Plan, check: WorkbookCheck | null, now: Date): void {
  const unit = check?.unit;
  replace('unit', unit ? `${unit.name} (${unit.code})` : 'Chưa xác định đơn vị');
  replace('plan', `Kế hoạch ${plan.id}`);
  replace('deadline', deadlineCountdown(plan, now));
}

/** Renders a finished check; `onSelect` (the pane) makes every issue a button that selects its cell. */
export function showResults(
  plan: Plan,
  check: WorkbookCheck,
  now: Date,
  onSelect?: (item: IssueItem, check: WorkbookCheck) => void,
): void {
  if (!check.accepted) {
    replace('results', renderFileIssues(check.fileIssues));
    replace('checklist');
    return;
  }
  if (check.empty) {
    replace(
      'results',
      el('p', { class: 'notice' }, 'Chưa có dòng đề nghị nào để kiểm tra. Hãy nhập ở trang "Tập thể" hoặc "Cá nhân".'),
    );
    replace('checklist');
    return;
  }
  const t = statusCounts(plan, check);
  const groups = groupIssues(check);
  replace(
    'results',
    renderStatusCounts('Theo trang', t.bySheet),
    renderStatusCounts('Theo hình thức', t.byForm),
    el('h2', {}, `Các vấn đề (${groups.reduce((n, g) => n + g.items.length, 0)})`),
    renderIssues(groups, onSelect && ((item) => onSelect(item, check))),
  );
  replace('checklist', el('h2', {}, 'Sẵn sàng gửi hồ sơ'), renderChecklist(checklist(plan, check, now)));
}

/** One line under the buttons after a check. */
export function verdictText(check: WorkbookCheck, now: Date): string {
  const n = check.nominations;
  return check.accepted
    ? `Đã kiểm tra ${n.length} đề nghị lúc ${now.toLocaleTimeString('vi-VN')}: ${n.filter((x) => x.status === 'valid').length} hợp lệ.`
    : 'Không kiểm tra được sổ này.';
}
