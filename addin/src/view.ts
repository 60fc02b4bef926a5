// Renders the pane's state into the page. Text goes in with textContent only: workbook content is never HTML.
import { formatIssue, ROW_STATE_LABELS, SEVERITY_LABELS, type Issue, type Verdict } from '../../engine/index.js';
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

/** Rows by sheet or by form: with errors, valid with warnings, valid — three parts that add up to the total. */
export function renderStatusCounts(title: string, corner: string, rows: StatusCount[]): HTMLElement {
  const states = ['error', 'warning', 'clean'] as const;
  const cls = { error: 'bad', warning: 'warn', clean: 'ok' };
  const value = {
    error: (t: StatusCount) => t.errors,
    warning: (t: StatusCount) => t.warnings,
    clean: (t: StatusCount) => t.clean,
  };
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
        el('th', { scope: 'col' }, corner),
        ...states.map((s) => el('th', { scope: 'col' }, ROW_STATE_LABELS[s])),
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
          ...states.map((s) => el('td', { class: value[s](t) ? cls[s] : '' }, String(value[s](t)))),
        ),
      ),
    ),
  );
}

/** The verdict, first and in colour: a symbol, the headline in bold, then the counts; focusable after a check. */
export function renderVerdict(v: Verdict): HTMLElement {
  return el(
    'div',
    { class: `verdict ${v.ready ? 'ready' : 'not-ready'}`, tabindex: '-1', id: 'verdict-text' },
    el('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, v.ready ? '✔' : '✘'),
    el('p', {}, el('strong', {}, v.headline), v.detail ? `: ${v.detail}` : ''),
    v.note ? el('p', { class: 'verdict-note' }, v.note) : null,
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

/** Rows rendered per step when a group opens, and per "Xem thêm": 5,000 rows stay one screen of groups. */
export const ISSUES_PER_STEP = 50;
/** Up to this many issues in all, every group opens by itself; beyond, the clerk opens them one by one. */
const OPEN_UP_TO = 12;

/**
 * The issues by kind, one <details> per kind with its count; its rows are built when it first opens, a
 * step at a time. With `onSelect` (the pane) each issue is a button selecting its cell, else plain text.
 */
export function renderIssues(
  groups: IssueGroup[],
  onSelect?: (item: IssueItem, button: HTMLElement) => void,
): HTMLElement {
  if (!groups.length) return el('p', { class: 'all-good' }, 'Không có lỗi hay cảnh báo nào.');
  const open = groups.reduce((n, g) => n + g.items.length, 0) <= OPEN_UP_TO;
  return el(
    'ol',
    { class: 'issues' },
    ...groups.map((g) => el('li', { class: 'group' }, renderGroup(g, open, onSelect))),
  );
}

function renderGroup(
  g: IssueGroup,
  open: boolean,
  onSelect?: (item: IssueItem, button: HTMLElement) => void,
): HTMLElement {
  const list = el('ul', {});
  const more = el('button', { type: 'button', class: 'more' });
  let shown = 0;
  const step = () => {
    const next = g.items.slice(shown, shown + ISSUES_PER_STEP);
    list.append(...next.map((item) => el('li', {}, renderItem(item, onSelect))));
    shown += next.length;
    more.hidden = shown >= g.items.length;
    more.textContent = `Xem thêm ${Math.min(ISSUES_PER_STEP, g.items.length - shown)} (còn ${g.items.length - shown})`;
  };
  more.addEventListener('click', step);
  const details = el(
    'details',
    { class: `kind ${g.severity}`, 'data-code': g.code },
    el(
      'summary',
      {},
      el('span', { class: 'badge' }, SEVERITY_LABELS[g.severity]),
      ` ${g.title} `,
      el('span', { class: 'count' }, `(${g.items.length})`),
      g.dossier ? el('span', { class: 'scope' }, ' – áp dụng cho mọi dòng') : null,
    ),
    list,
    more,
  ) as HTMLDetailsElement;
  details.addEventListener('toggle', () => details.open && shown === 0 && step());
  if (open) {
    details.open = true;
    step();
  }
  return details;
}

/** One issue's identity across re-checks: the pane keeps the chosen one highlighted when the list is redrawn. */
export const issueKey = (item: IssueItem): string => `${item.sheet}!${item.row}!${item.column}!${item.code}`;

function renderItem(item: IssueItem, onSelect?: (item: IssueItem, button: HTMLElement) => void): HTMLElement {
  const content = [
    el('span', { class: 'where' }, item.where),
    el('span', { class: 'what' }, item.column ? el('strong', {}, `${item.column}: `) : null, item.message),
  ];
  const attrs = { class: `issue ${item.severity}`, 'data-code': item.code, 'data-key': issueKey(item) };
  if (!onSelect) return el('div', attrs, ...content);
  const button = el('button', { ...attrs, type: 'button', title: 'Chọn ô này trong trang tính' }, ...content);
  button.addEventListener('click', () => onSelect(item, button));
  return button;
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
