// Renders the pane's state into the page. Text goes in with textContent only: workbook content is never HTML.
import { formatIssue, NOMINATION_STATUS_LABELS, SEVERITY_LABELS, type Issue } from '../../engine/index.js';
import type { ChecklistItem, IssueGroup, IssueItem, StatusCount } from './summary.js';

type Child = Node | string | null | undefined | false;

export function el(tag: string, attrs: Record<string, string> = {}, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.append(c);
  return node;
}

export function replace(id: string, ...children: Child[]): void {
  const target = document.getElementById(id)!;
  target.replaceChildren(...children.filter((c): c is Node | string => Boolean(c)));
}

export function renderStatusCounts(title: string, rows: StatusCount[]): HTMLElement {
  return el(
    'table',
    { class: 'counts' },
    el('caption', {}, title),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, ''),
        el('th', { scope: 'col' }, NOMINATION_STATUS_LABELS.valid),
        el('th', { scope: 'col' }, 'Có lỗi'),
        el('th', { scope: 'col' }, SEVERITY_LABELS.warning),
      ),
    ),
    el(
      'tbody',
      {},
      ...rows.map((t) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row' }, `${t.label} (${t.total})`),
          el('td', { class: 'ok' }, String(t.valid)),
          el('td', { class: t.errors ? 'bad' : '' }, String(t.errors)),
          el('td', { class: t.warnings ? 'warn' : '' }, String(t.warnings)),
        ),
      ),
    ),
  );
}

export function renderChecklist(items: ChecklistItem[]): HTMLElement {
  return el(
    'ul',
    { class: 'checklist' },
    ...items.map((i) =>
      el(
        'li',
        { class: i.done ? 'done' : 'todo' },
        el('span', { 'aria-hidden': 'true' }, i.done ? '✔' : '✘'),
        ` ${i.label}`,
        el('span', { class: 'sr-only' }, i.done ? ' (đạt)' : ' (chưa đạt)'),
      ),
    ),
  );
}

/** The issues by row; with `onSelect` (the pane) each is a button selecting its cell, else plain text. */
export function renderIssues(groups: IssueGroup[], onSelect?: (item: IssueItem) => void): HTMLElement {
  if (!groups.length) return el('p', { class: 'all-good' }, 'Không có lỗi hay cảnh báo nào.');
  return el(
    'ol',
    { class: 'issues' },
    ...groups.map((g) =>
      el(
        'li',
        { class: 'group' },
        el('h3', {}, g.title),
        el(
          'ul',
          {},
          ...g.items.map((item) => {
            const content = [
              el('span', { class: 'badge' }, SEVERITY_LABELS[item.severity]),
              item.column ? el('strong', {}, ` ${item.column}: `) : ' ',
              item.message,
            ];
            const attrs = { class: `issue ${item.severity}`, 'data-code': item.code };
            if (!onSelect) return el('li', {}, el('div', attrs, ...content));
            const button = el('button', { ...attrs, type: 'button', title: 'Chọn ô này trong trang tính' }, ...content);
            button.addEventListener('click', () => onSelect(item));
            return el('li', {}, button);
          }),
        ),
      ),
    ),
  );
}

/** Why a file cannot be checked: its container (not a readable .xlsx), or a workbook that is not the template. */
export function renderFileIssues(issues: Issue[]): HTMLElement {
  const container = issues.length > 0 && issues.every((i) => i.code.startsWith('FILE_'));
  return el(
    'div',
    { class: 'notice bad', role: 'alert' },
    el('h2', {}, container ? 'Không đọc được tệp này' : 'Sổ này không phải mẫu của kế hoạch'),
    el('p', {}, container ? 'Lý do:' : 'Chỉ kiểm tra được sổ lập từ mẫu Sở gửi. Lý do:'),
    el('ul', {}, ...issues.map((i) => el('li', {}, formatIssue(i)))),
    container
      ? null
      : el('p', {}, 'Hãy mở đúng tệp mẫu của đơn vị (tên tệp là mã đơn vị, ví dụ H-BATO.xlsx) rồi chép dữ liệu sang.'),
  );
}
