// Submission-level checks (SPEC §4) on the Thông tin sheet: its typed values, the dossier lines, the dates
// and the deadline. Their issues are reported on every nomination of the file.
import { cellText } from '../cells.js';
import { isLate } from '../deadline.js';
import { planFingerprint } from '../plan-sheet.js';
import { LISTS } from '../template.js';
import { submissionCheck } from './types.js';

export const checkSubmissionValues = submissionCheck('submission-values', ['FIELD_INVALID'], (s, ctx, emit) => {
  const dateKeys = [
    ['letterDate', s.dates.letter],
    ['meetingDate', s.dates.meeting],
    ['sentDate', s.dates.sent],
  ] as const;
  for (const [key, d] of dateKeys)
    if (d.kind === 'invalid') emit('FIELD_INVALID', key, { value: d.text, expected: { kind: 'date' } });
  for (const key of ['hasLetter', 'hasMinutes'] as const) {
    const text = cellText(s.info[key].value);
    if (text && ctx.haveNot.get(text) === undefined)
      emit('FIELD_INVALID', key, { value: text, expected: { kind: 'either', values: LISTS.haveNot } });
  }
});

// The dossier: the line must say "Có" and the details that identify the document must be filled in.
export const checkSubmissionDossier = submissionCheck(
  'submission-dossier',
  ['DOSSIER_NO_TOTRINH', 'DOSSIER_NO_BIENBAN'],
  ({ info, dates }, ctx, emit) => {
    const has = (key: 'hasLetter' | 'hasMinutes') => ctx.haveNot.get(cellText(info[key].value)) === true;
    const letterGaps: ('hasLetter' | 'letterNo' | 'letterDate')[] = [];
    if (!has('hasLetter')) letterGaps.push('hasLetter');
    if (!cellText(info.letterNo.value)) letterGaps.push('letterNo');
    if (dates.letter.kind === 'empty') letterGaps.push('letterDate');
    if (letterGaps.length) emit('DOSSIER_NO_TOTRINH', letterGaps[0]!, { gaps: letterGaps });
    const minutesGaps: ('hasMinutes' | 'meetingDate')[] = [];
    if (!has('hasMinutes')) minutesGaps.push('hasMinutes');
    if (dates.meeting.kind === 'empty') minutesGaps.push('meetingDate');
    if (minutesGaps.length) emit('DOSSIER_NO_BIENBAN', minutesGaps[0]!, { gaps: minutesGaps });
  },
);

// Dates compare as ISO strings: 'YYYY-MM-DD' sorts like the calendar.
export const checkSubmissionDates = submissionCheck(
  'submission-dates',
  ['DATE_TOTRINH_AFTER_DEADLINE', 'DATE_OUTSIDE_CAMPAIGN', 'DATE_BIENBAN_AFTER_TOTRINH'],
  ({ dates }, { plan }, emit) => {
    if (dates.letter.kind !== 'ok') return;
    const letterDate = dates.letter.date;
    if (letterDate > plan.deadline)
      emit('DATE_TOTRINH_AFTER_DEADLINE', 'letterDate', { letterDate, deadline: plan.deadline });
    if (letterDate < plan.campaign.start)
      emit('DATE_OUTSIDE_CAMPAIGN', 'letterDate', { letterDate, campaignStart: plan.campaign.start });
    if (dates.meeting.kind === 'ok' && dates.meeting.date > letterDate)
      emit('DATE_BIENBAN_AFTER_TOTRINH', 'meetingDate', { meetingDate: dates.meeting.date, letterDate });
  },
);

export const checkDeadline = submissionCheck('deadline', ['DEADLINE_LATE'], ({ receivedAt }, { plan }, emit) => {
  if (receivedAt && isLate(plan, receivedAt))
    emit('DEADLINE_LATE', 'file', {
      receivedAt: receivedAt.toISOString(),
      timeZone: plan.timeZone,
      deadline: plan.deadline,
    });
});

// A workbook made from an older template carries another plan: it is checked against the Sở's all the same.
export const checkCarriedPlan = submissionCheck(
  'carried-plan',
  ['PLAN_OUTDATED'],
  ({ carriedPlan }, { plan }, emit) => {
    if (carriedPlan.status === 'damaged') emit('PLAN_OUTDATED', 'file', { reason: 'damaged', planId: plan.id });
    else if (carriedPlan.status === 'intact' && carriedPlan.fingerprint !== planFingerprint(plan))
      emit('PLAN_OUTDATED', 'file', { reason: 'differs', planId: plan.id });
  },
);

/** Submission checks in the order their issues are listed. */
export const SUBMISSION_CHECKS = [
  checkSubmissionValues,
  checkSubmissionDossier,
  checkSubmissionDates,
  checkDeadline,
  checkCarriedPlan,
];
