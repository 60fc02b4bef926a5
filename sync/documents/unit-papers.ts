// The documents command's step for the papers after the lists (SPEC §8): the council's minutes and the
// notices of results once it has decided something, the reminders while the deadline is open, the answers
// to late units. They own their file and folders in the output: a paper no longer due (a reminder after
// the deadline, a unit that has since sent a usable file) is removed, not left to be sent by mistake.
import path from 'node:path';
import type { Plan } from '../../engine/index.js';
import { toBuffer } from '../../node/official-docx.js';
import type { ListRule } from '../statuses.js';
import {
  buildMinutes,
  buildNotice,
  councilHasMet,
  MINUTES_FILE,
  NOTICE_FOLDER,
  noticeUnits,
} from './council-papers.js';
import type { MasterSnapshot } from './master-read.js';
import type { Papers } from './papers.js';
import {
  buildLateReply,
  buildReminder,
  deadlineOpen,
  LATE_REPLY_FOLDER,
  lateUnits,
  REMINDER_FOLDER,
  unitsToRemind,
} from './unit-letters.js';

/** What these papers own in the output folder: cleared before each run writes them again. */
export const UNIT_PAPER_PATHS = [MINUTES_FILE, NOTICE_FOLDER, REMINDER_FOLDER, LATE_REPLY_FOLDER];

export interface UnitPapersInput {
  plan: Plan;
  snapshot: MasterSnapshot;
  papers: Papers;
  rule: ListRule;
  now: Date;
}

export interface UnitPapers {
  files: { file: string; data: Buffer }[];
  /** What was written, or why not, for the terminal. */
  lines: string[];
}

export async function buildUnitPapers(input: UnitPapersInput): Promise<UnitPapers> {
  const { plan, snapshot } = input;
  const docs = plan.documents!;
  const documentsSheet = snapshot.documentsSheet;
  const { intake } = snapshot;
  const council = {
    plan,
    documentsSheet,
    nominations: snapshot.nominations,
    rule: input.rule,
    outcomes: snapshot.outcomes,
    intake,
    draft: input.papers.draft,
  };
  const out: UnitPapers = { files: [], lines: [] };
  const add = async (file: string, doc: Parameters<typeof toBuffer>[0]) =>
    out.files.push({ file, data: await toBuffer(doc) });
  const met = councilHasMet(council);
  if (met && docs.minutes) await add(MINUTES_FILE, buildMinutes(council));
  if (met && docs.notice)
    for (const unit of noticeUnits(council))
      await add(path.join(NOTICE_FOLDER, `${unit}.docx`), buildNotice(council, unit));
  const letters = { plan, documentsSheet, intake };
  const open = deadlineOpen(plan, input.now);
  const remind = open && docs.reminder ? unitsToRemind(letters) : [];
  for (const u of remind) await add(path.join(REMINDER_FOLDER, `${u.unit}.docx`), buildReminder(letters, u));
  const late = docs.lateReply ? lateUnits(letters) : [];
  for (const u of late) await add(path.join(LATE_REPLY_FOLDER, `${u.unit}.docx`), buildLateReply(letters, u));
  out.lines = tell(out.files, met, open, unitsToRemind(letters).length);
  return out;
}

/** What was written, counted from the files themselves; and why a paper was not. */
function tell(files: UnitPapers['files'], met: boolean, open: boolean, unusable: number): string[] {
  const count = (folder: string) => files.filter((f) => f.file.startsWith(`${folder}${path.sep}`)).length;
  const lines: string[] = [];
  if (files.some((f) => f.file === MINUTES_FILE)) lines.push(`  ${MINUTES_FILE}: biên bản họp Hội đồng`);
  if (count(NOTICE_FOLDER))
    lines.push(`  ${NOTICE_FOLDER}/: thông báo kết quả cho ${count(NOTICE_FOLDER)} đơn vị đã gửi hồ sơ`);
  if (!met) lines.push('  Hội đồng chưa có kết quả xét nào: chưa lập biên bản họp và thông báo kết quả.');
  if (count(REMINDER_FOLDER))
    lines.push(`  ${REMINDER_FOLDER}/: công văn đôn đốc ${count(REMINDER_FOLDER)} đơn vị chưa có hồ sơ dùng được`);
  else if (!open && unusable)
    lines.push(`  Đã hết hạn gửi hồ sơ: không lập công văn đôn đốc cho ${unusable} đơn vị chưa có hồ sơ dùng được.`);
  if (count(LATE_REPLY_FOLDER))
    lines.push(`  ${LATE_REPLY_FOLDER}/: trả lời ${count(LATE_REPLY_FOLDER)} đơn vị gửi hồ sơ sau thời hạn`);
  return lines;
}
