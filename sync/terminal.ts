// What the secretariat sees in the terminal: a progress bar on a TTY (plain lines otherwise, e.g. in CI),
// then a short table per unit, the rejected files and where the outputs are.
import { formatIssue, formatLocalTime, NOMINATION_STATUS_LABELS, SEVERITY_LABELS, type Plan } from '../engine/index.js';
import type { MergeResult } from './merge-model.js';
import { unitStatusLabel } from './master/units.js';
import { noTypedValues, type TypedValues } from './typed-values/master.js';
import { MASTER_SHEETS, RECEIVED_BY_OFFICE_HEADER } from './master/layout.js';
import { terminalSafe } from '../node/terminal-text.js';

export function progress(stream: NodeJS.WriteStream = process.stderr) {
  const tty = Boolean(stream.isTTY);
  return {
    file(index: number, total: number, fileName: string) {
      const name = terminalSafe(fileName);
      if (!tty) {
        stream.write(`Đang đọc ${index + 1}/${total}: ${name}\n`);
        return;
      }
      const width = 24;
      const done = Math.round(((index + 1) / total) * width);
      const label = name.length > 40 ? `${name.slice(0, 37)}...` : name;
      stream.write(`\r[${'█'.repeat(done)}${'░'.repeat(width - done)}] ${index + 1}/${total} ${label}`.padEnd(90));
    },
    done() {
      if (tty) stream.write('\n');
    },
  };
}

const pad = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n));

type SummaryOutputs = { master: string; report?: string; backup?: string; feedback?: { dir: string; files: string[] } };

/** The merge's summary: the table of units and totals, the files set aside, notes on typed values, the outputs. */
export function summary(result: MergeResult, outputs: SummaryOutputs, previous: TypedValues = noTypedValues()): string {
  const lines = [
    ...unitTable(result),
    ...setAsideFiles(result),
    ...typedValueNotes(result, previous),
    ...outputLines(outputs),
  ];
  // Every line may quote a file name or a cell typed by someone: none may drive the terminal.
  return lines.map(terminalSafe).join('\n');
}

/** One line per unit: its status, when it was received and its nominations by status; then the totals. */
function unitTable(result: MergeResult): string[] {
  const plan: Plan = result.plan;
  const lines: string[] = [];
  lines.push('', `Kế hoạch ${plan.id} – tổng hợp lúc ${formatLocalTime(result.generatedAt, plan.timeZone)}`, '');
  lines.push(
    `${pad('Đơn vị', 14)} ${pad('Tình trạng', 26)} ${pad('Nhận lúc', 17)} ${NOMINATION_STATUS_LABELS.valid.padStart(7)} ${SEVERITY_LABELS.error.padStart(5)} ${'Muộn'.padStart(5)}`,
  );
  lines.push('─'.repeat(79));
  for (const u of result.units) {
    const mine = result.nominations.filter((n) => n.unit === u.unit);
    const count = (s: string) => String(mine.filter((n) => n.status === s).length).padStart(s === 'valid' ? 7 : 5);
    lines.push(
      `${pad(u.unit, 14)} ${pad(unitStatusLabel(u, result), 26)} ${pad(u.receivedAt ? formatLocalTime(u.receivedAt, plan.timeZone) : '–', 17)} ${count('valid')} ${count('invalid')} ${count('late')}`,
    );
  }
  const n = result.nominations;
  lines.push('─'.repeat(79));
  lines.push(
    `Tổng: ${result.units.filter((u) => u.status !== 'missing').length}/${result.units.length} đơn vị đã gửi; ${n.length} đề nghị: ${n.filter((x) => x.status === 'valid').length} hợp lệ, ${n.filter((x) => x.status === 'invalid').length} có lỗi, ${n.filter((x) => x.status === 'late').length} gửi muộn.`,
  );
  return lines;
}

/** Files rejected, and files replaced by a later one of the same unit. */
function setAsideFiles(result: MergeResult): string[] {
  const lines: string[] = [];
  const rejected = result.files.filter((f) => f.status === 'rejected');
  const superseded = result.files.filter((f) => f.status === 'superseded');
  if (rejected.length) {
    lines.push('', `Tệp bị từ chối (${rejected.length}):`);
    for (const f of rejected) lines.push(`  ✗ ${f.fileIssues[0] ? formatIssue(f.fileIssues[0]) : f.file}`);
  }
  if (superseded.length) {
    lines.push('', 'Tệp được thay bằng tệp gửi sau của cùng đơn vị:');
    for (const f of superseded) lines.push(`  ↻ ${f.file} (${f.unit})`);
  }
  return lines;
}

/** What the secretariat typed that the merge could not use as it stands. */
function typedValueNotes(result: MergeResult, previous: TypedValues): string[] {
  const lines: string[] = [];
  for (const { unit, text } of result.unreadableReceivedTimes)
    lines.push(
      '',
      `Đơn vị ${unit}: "${text}" ở cột "${RECEIVED_BY_OFFICE_HEADER}" không đọc được là ngày giờ (ví dụ 15/04/2021 16:30) nên dùng thời điểm của tệp.`,
    );
  if (previous.unmatched.length > 0) {
    const fresh = previous.newlyUnmatched;
    lines.push(
      '',
      `Ghi chú không khớp: ${previous.unmatched.length} giá trị Văn phòng đã nhập không còn khớp đúng một dòng${fresh ? ` (${fresh} mới ở lần tổng hợp này)` : ''}; xem trang "${MASTER_SHEETS.unmatched}".`,
    );
  }
  for (const { sheet, columns } of previous.strayColumns)
    lines.push(
      '',
      `Trang "${sheet}": ${columns.map((c) => `cột "${c}"`).join(', ')} không phải cột của sổ (tiêu đề bị đổi, bị xóa hoặc cột thêm vào); các giá trị trong đó đã chuyển sang trang "${MASTER_SHEETS.unmatched}". Nếu đó là cột Văn phòng nhập, hãy chép lại giá trị vào đúng cột.`,
    );
  return lines;
}

function outputLines(outputs: SummaryOutputs): string[] {
  const lines = ['', `Sổ tổng hợp: ${outputs.master}`];
  if (outputs.backup) lines.push(`Bản sao sổ cũ: ${outputs.backup}`);
  if (outputs.report) lines.push(`Báo cáo JSON: ${outputs.report}`);
  if (outputs.feedback)
    lines.push(
      `Phản hồi gửi lại đơn vị: ${outputs.feedback.dir} (${outputs.feedback.files.length} sổ, mỗi đơn vị đã gửi tệp một sổ)`,
    );
  return lines;
}
