// Submission-level checks (SPEC §4) on the Thông tin sheet: the dossier lines, the dates and the deadline.
// Their issues are reported on every nomination of the file.
import { readDate, formatDate, cellText, type DateRead } from '../cells.js';
import { campaignStartText, deadlineText, formatLocalTime, isLate } from '../deadline.js';
import { makeIssue, type Issue, type IssueCode, type IssueParams } from '../issues.js';
import type { PlanContext } from '../model.js';
import type { SubmissionInfo } from '../read.js';
import { INFO_LABELS, LISTS, type InfoKey } from '../template.js';

export interface SubmissionDates {
  letter: DateRead;
  meeting: DateRead;
  sent: DateRead;
}

export function checkSubmission(
  info: SubmissionInfo,
  ctx: PlanContext,
  opts: { file?: string; receivedAt?: Date; date1904?: boolean },
): { issues: Issue[]; dates: SubmissionDates } {
  const { plan } = ctx;
  const issues: Issue[] = [];
  const emit = (code: IssueCode, key: InfoKey, params: IssueParams = {}) =>
    issues.push(
      makeIssue(code, { file: opts.file, sheet: info.sheet, row: info[key].row, column: INFO_LABELS[key] }, params),
    );

  const dates: SubmissionDates = {
    letter: readDate(info.letterDate.value, opts.date1904),
    meeting: readDate(info.meetingDate.value, opts.date1904),
    sent: readDate(info.sentDate.value, opts.date1904),
  };
  const dateKeys: [InfoKey, DateRead][] = [
    ['letterDate', dates.letter],
    ['meetingDate', dates.meeting],
    ['sentDate', dates.sent],
  ];
  for (const [key, d] of dateKeys) {
    if (d.kind === 'invalid')
      emit('FIELD_INVALID', key, { value: d.text, expected: 'Hãy nhập ngày dạng dd/mm/yyyy, ví dụ 05/04/2021.' });
  }
  for (const key of ['hasLetter', 'hasMinutes'] as const) {
    const text = cellText(info[key].value);
    if (text && ctx.haveNot.get(text) === undefined)
      emit('FIELD_INVALID', key, {
        value: text,
        expected: `Hãy chọn "${LISTS.haveNot[0]}" hoặc "${LISTS.haveNot[1]}".`,
      });
  }

  // The dossier: the line must say "Có" and the details that identify the document must be filled in.
  const has = (key: 'hasLetter' | 'hasMinutes') => ctx.haveNot.get(cellText(info[key].value)) === true;
  const letterGaps: [InfoKey, string][] = [];
  if (!has('hasLetter')) letterGaps.push(['hasLetter', `dòng "${INFO_LABELS.hasLetter}" chưa ghi "Có"`]);
  if (!cellText(info.letterNo.value)) letterGaps.push(['letterNo', `thiếu ${INFO_LABELS.letterNo}`]);
  if (dates.letter.kind === 'empty') letterGaps.push(['letterDate', `thiếu ${INFO_LABELS.letterDate}`]);
  if (letterGaps.length)
    emit('DOSSIER_NO_TOTRINH', letterGaps[0]![0], { detail: letterGaps.map((g) => g[1]).join('; ') });
  const minutesGaps: [InfoKey, string][] = [];
  if (!has('hasMinutes')) minutesGaps.push(['hasMinutes', `dòng "${INFO_LABELS.hasMinutes}" chưa ghi "Có"`]);
  if (dates.meeting.kind === 'empty') minutesGaps.push(['meetingDate', `thiếu ${INFO_LABELS.meetingDate}`]);
  if (minutesGaps.length)
    emit('DOSSIER_NO_BIENBAN', minutesGaps[0]![0], { detail: minutesGaps.map((g) => g[1]).join('; ') });

  // Dates compare as ISO strings: 'YYYY-MM-DD' sorts like the calendar.
  if (dates.letter.kind === 'ok') {
    const letter = dates.letter.date;
    if (letter > plan.deadline)
      emit('DATE_TOTRINH_AFTER_DEADLINE', 'letterDate', { value: formatDate(letter), limit: deadlineText(plan) });
    if (letter < plan.campaign.start)
      emit('DATE_OUTSIDE_CAMPAIGN', 'letterDate', { value: formatDate(letter), limit: campaignStartText(plan) });
    if (dates.meeting.kind === 'ok' && dates.meeting.date > letter) {
      emit('DATE_BIENBAN_AFTER_TOTRINH', 'meetingDate', {
        value: formatDate(dates.meeting.date),
        other: formatDate(letter),
      });
    }
  }

  if (opts.receivedAt && isLate(plan, opts.receivedAt)) {
    issues.push(
      makeIssue(
        'DEADLINE_LATE',
        { file: opts.file },
        { value: formatLocalTime(opts.receivedAt, plan.timeZone), limit: deadlineText(plan) },
      ),
    );
  }
  return { issues, dates };
}
