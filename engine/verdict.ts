// The one verdict on a checked workbook (SPEC §8): "Sẵn sàng gửi" when nothing is in error, else
// "Chưa sẵn sàng" with the counts. Computed once here from the engine's result; the task pane, the checker
// page and the feedback workbook's Phản hồi sheet only render it, so the three say the same words.
import type { WorkbookCheck } from './check.js';
import { ISSUE_KINDS, type Issue } from './issues.js';
import type { Nomination } from './nomination.js';

export const READY = 'Sẵn sàng gửi';
export const NOT_READY = 'Chưa sẵn sàng';
/** The add-in's button on Excel's Home tab (manifest.xml's Button.Label): the guide, the pane's notices and
 *  the feedback workbooks tell a clerk to press it by this name. */
export const CHECK_BUTTON = 'Kiểm tra hồ sơ';

/** What a row's own cells say, apart from the dossier: errors, only warnings, or nothing. */
export type RowState = 'error' | 'warning' | 'clean';

/** How a row's own state is said: a row with only warnings is valid. */
export const ROW_STATE_LABELS: Record<RowState, string> = {
  error: 'Có lỗi',
  warning: 'Hợp lệ (có cảnh báo)',
  clean: 'Hợp lệ',
};

/**
 * How the merge treats a file received after the deadline: not considered (the default), or considered all
 * the same when the secretariat merges with --include-late. A check without a received time (the pane, the
 * checker page) is never late, whatever this says.
 */
export interface LateRule {
  includeLate?: boolean;
}

/** What a late row says first, as the secretariat decided. */
export const LATE_LABELS = {
  excluded: 'Gửi muộn – không được xét',
  included: 'Gửi muộn – Văn phòng Sở vẫn xét',
} as const;
export const lateLabel = (rule: LateRule): string => LATE_LABELS[rule.includeLate ? 'included' : 'excluded'];
/** A late row considered with nothing else wrong: not "Hợp lệ", since its status stays "Gửi muộn". */
export const NOTHING_ELSE = 'không có lỗi khác';

/** The issue a late file has on every row: in a verdict it is the secretariat's decision, not a fix. */
const isLateness = (i: Issue) => i.code === 'DEADLINE_LATE';

export interface RowCounts {
  total: number;
  /** Rows with an error in their own cells. */
  errors: number;
  /** Rows with only warnings in their own cells: valid. */
  warnings: number;
  clean: number;
}

export interface Verdict {
  ready: boolean;
  /** READY or NOT_READY: the words in colour. */
  headline: string;
  /** What follows the headline ('' when there is nothing to add): "5/7 đề nghị có lỗi; 1 lỗi ở trang …". */
  detail: string;
  /** Headline and detail in one sentence, for a cell or a status line. */
  text: string;
  /** A second line worth reading, not a reason to wait: warnings on valid rows. */
  note: string;
  rows: RowCounts;
  /** Errors of the whole dossier (Thông tin): each one applies to every row. A late arrival is not one of
   *  them: the verdict says it apart, as the secretariat decided. */
  dossierErrors: number;
}

/** The issues on the nomination's own row (not those of the whole submission). */
export const ownIssues = (n: Nomination): Issue[] =>
  n.issues.filter((i) => i.sheet === n.source.sheet && i.row === n.source.row);

export function rowState(n: Nomination): RowState {
  const own = ownIssues(n);
  if (own.some((i) => i.severity === 'error')) return 'error';
  return own.length ? 'warning' : 'clean';
}

export function rowCounts(nominations: readonly Nomination[]): RowCounts {
  const counts: RowCounts = { total: nominations.length, errors: 0, warnings: 0, clean: 0 };
  for (const n of nominations) {
    const s = rowState(n);
    if (s === 'error') counts.errors++;
    else if (s === 'warning') counts.warnings++;
    else counts.clean++;
  }
  return counts;
}

/** "1 lỗi ở trang Thông tin", "1 lỗi của cả hồ sơ": the dossier's errors by where they are. */
function dossierParts(issues: readonly Issue[]): string[] {
  const bySheet = new Map<string, number>();
  for (const i of issues) if (i.severity === 'error') bySheet.set(i.sheet ?? '', (bySheet.get(i.sheet ?? '') ?? 0) + 1);
  return [...bySheet].map(([sheet, n]) => (sheet ? `${n} lỗi ở trang ${sheet}` : `${n} lỗi của cả hồ sơ`));
}

const verdict = (ready: boolean, detail: string, rest: Omit<Verdict, 'ready' | 'headline' | 'detail' | 'text'>) => {
  const headline = ready ? READY : NOT_READY;
  return { ready, headline, detail, text: detail ? `${headline}: ${detail}` : headline, ...rest };
};

/** A label inside a sentence: "Gửi muộn – …" → "gửi muộn – …" (names further on keep their capitals). */
const lowerFirst = (s: string) => `${s.charAt(0).toLocaleLowerCase('vi')}${s.slice(1)}`;

/** A file that could not be checked at all: the refusal is the whole verdict. */
export function refusedVerdict(fileIssues: readonly Issue[]): Verdict {
  const first = fileIssues[0];
  const title = first ? ISSUE_KINDS[first.code].title : 'Không kiểm tra được tệp';
  const detail = `${lowerFirst(title)}, chưa kiểm tra được tệp này`;
  return verdict(false, detail, { note: '', rows: rowCounts([]), dossierErrors: 0 });
}

export function verdictOf(check: WorkbookCheck, rule: LateRule = {}): Verdict {
  if (!check.accepted) return refusedVerdict(check.fileIssues);
  const rows = rowCounts(check.nominations);
  const issues = check.submissionIssues.filter((i) => !isLateness(i));
  const dossier = dossierParts(issues);
  const dossierErrors = issues.filter((i) => i.severity === 'error').length;
  const note = rows.warnings ? `${rows.warnings} đề nghị chỉ có cảnh báo: vẫn hợp lệ, nên xem lại trước khi gửi.` : '';
  const rest = { note, rows, dossierErrors };
  if (check.empty || rows.total === 0) return verdict(false, ['chưa có đề nghị nào', ...dossier].join('; '), rest);
  // Every row of a late file is late: "2/2 đề nghị gửi muộn – không được xét", as the counts say "gửi muộn".
  const late = check.late ? `${rows.total}/${rows.total} đề nghị ${lowerFirst(lateLabel(rule))}` : '';
  if (late && !rule.includeLate) return verdict(false, late, rest);
  const counts = errorCounts(rows, dossier);
  if (counts) return verdict(false, [late, counts].filter(Boolean).join('; '), rest);
  const warned = rows.warnings ? `, ${rows.warnings} có cảnh báo` : '';
  return verdict(true, late ? `${late}, ${NOTHING_ELSE}${warned}` : `${rows.total} đề nghị hợp lệ${warned}`, rest);
}

/** "7/7 đề nghị có lỗi (1 lỗi ở trang Thông tin áp dụng cho mọi dòng; 5 đề nghị có thêm lỗi ở chính dòng
 *  đó)": a dossier error puts every row in error, as the rows' statuses say; '' when no row is. */
function errorCounts(rows: RowCounts, dossier: readonly string[]): string {
  if (!dossier.length) return rows.errors ? `${rows.errors}/${rows.total} đề nghị có lỗi` : '';
  const own = rows.errors ? `; ${rows.errors} đề nghị có thêm lỗi ở chính dòng đó` : '';
  return `${rows.total}/${rows.total} đề nghị có lỗi (${dossier.join(', ')} áp dụng cho mọi dòng${own})`;
}

/**
 * A row's verdict with its reasons in one line, by column and kind: "Không hợp lệ: Năm sinh – Giá trị không
 * hợp lệ; trang Thông tin – Họp bình xét sau Tờ trình". The full sentences are in the issue list and the notes.
 * A late row says first what the secretariat decided: "Gửi muộn – không được xét".
 */
export function rowReason(n: Nomination, rule: LateRule = {}): string {
  const own = ownIssues(n);
  const title = (i: Issue) => ISSUE_KINDS[i.code].title;
  const label = (i: Issue) =>
    own.includes(i)
      ? `${i.column ?? title(i)} – ${title(i)}`
      : `${i.sheet ? `trang ${i.sheet}` : 'cả hồ sơ'} – ${title(i)}`;
  const others = n.issues.filter((i) => !own.includes(i) && !isLateness(i));
  const errors = [...own, ...others].filter((i) => i.severity === 'error');
  const warnings = own.filter((i) => i.severity === 'warning');
  const clean = n.late ? NOTHING_ELSE : ROW_STATE_LABELS.clean;
  const reason = errors.length
    ? `Không hợp lệ: ${[...new Set(errors.map(label))].join('; ')}`
    : warnings.length
      ? `${clean} (có cảnh báo): ${[...new Set(warnings.map(label))].join('; ')}`
      : clean;
  if (!n.late) return reason;
  // Not considered: only an error is worth adding, for the case the secretariat is asked to reconsider.
  return !rule.includeLate && !errors.length ? lateLabel(rule) : `${lateLabel(rule)}; ${reason}`;
}
