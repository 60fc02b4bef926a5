// sync merge: checks its arguments before touching anything (exit 1 writes nothing), merges the inbox,
// writes the master atomically under a lock (keeping the previous one as a backup), then the report.
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';
import { backupPath, removeStaleTemps, stageAtomic, type Staged } from '../node/atomic.js';
import { failureText, parseOptions, runCommand, secondsOption, UsageError } from '../node/cli.js';
import { acquireLock } from '../node/lock.js';
import { foreignFiles, makeFolder, nearestExisting, recordWritten, refuseInsideInbox } from '../node/output-folders.js';
import { readPreviousMaster, documentsApprovedOnly, documentsSheetFrom, writeMaster } from './master/index.js';
import type { Plan } from '../engine/index.js';
import { merge } from './merge.js';
import { loadPlan } from '../node/plan-file.js';
import { writeFeedback } from './feedback.js';
import { buildReport } from './report.js';
import { councilFromPrevious, outcomesFromPrevious } from './typed-values/council.js';
import { receivedTimesFromPrevious } from './typed-values/received-time.js';
import type { TypedValues } from './typed-values/master.js';
import type { MergeResult } from './merge-model.js';
import { checkAgainstAwards } from '../engine/index.js';
import { loadPastAwards } from './award-register.js';
import { membersPresent } from './master/documents-sheet.js';
import { progress, summary } from './terminal.js';

export const MERGE_USAGE =
  'npm run sync -- merge --inbox THƯ_MỤC --out SỔ_TỔNG_HỢP.xlsx [--report BÁO_CÁO.json] [--include-late] [--approved-only] [--feedback THƯ_MỤC_PHẢN_HỒI] [--register SỔ_THEO_DÕI_KHEN_THƯỞNG.xlsx] [--plan KẾ_HOẠCH.json] [--wait SỐ_GIÂY]';

/** An existing folder this process may write in. */
async function isWritableDir(dir: string): Promise<boolean> {
  const stat = await fs.stat(dir).catch(() => null);
  if (!stat?.isDirectory()) return false;
  return fs.access(dir, fsc.W_OK).then(
    () => true,
    () => false,
  );
}

/** An output path must name a file (new or existing) in a writable folder, made when missing. */
async function checkOutput(file: string, what: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (stat?.isDirectory())
    throw new UsageError(
      `Không ghi được ${what} "${file}": đây là một thư mục. Hãy ghi cả tên tệp, ví dụ "${path.join(file, what === 'báo cáo' ? 'bao-cao.json' : 'so-tong-hop.xlsx')}".`,
    );
  if (stat && !stat.isFile()) throw new UsageError(`Không ghi được ${what} "${file}": đây không phải một tệp thường.`);
  const dir = await nearestExisting(path.dirname(path.resolve(file)));
  if (!(await isWritableDir(dir)))
    throw new UsageError(`Không ghi được ${what} "${file}": "${dir}" không phải thư mục hoặc không có quyền ghi.`);
}

/** The feedback folder is made when missing; what exists there must be a folder, in a writable parent. */
async function checkFeedbackDir(dir: string): Promise<void> {
  const stat = await fs.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory())
    throw new UsageError(`--feedback "${dir}" phải là một thư mục; đã có một tệp cùng tên. Hãy chọn tên khác.`);
  const target = await nearestExisting(dir);
  if (!(await isWritableDir(target)))
    throw new UsageError(
      `Không ghi được sổ phản hồi vào "${dir}": thư mục "${target}" không tồn tại hoặc không có quyền ghi.`,
    );
}

async function parseMergeOptions(argv: string[]) {
  const values = parseOptions(argv, {
    usage: MERGE_USAGE,
    options: {
      inbox: 'string',
      out: 'string',
      report: 'string',
      plan: 'string',
      'include-late': 'boolean',
      'approved-only': 'boolean',
      feedback: 'string',
      register: 'string',
      wait: 'string',
    },
    required: ['inbox', 'out'],
  });
  const out = values.out!;
  const inbox = values.inbox!;
  if (!/\.xlsx$/i.test(out)) throw new UsageError(`Sổ tổng hợp phải là tệp .xlsx: "${out}".`);
  const wait = secondsOption(values.wait, 'wait', 0);
  const stat = await fs.stat(inbox).catch(() => null);
  if (!stat?.isDirectory()) throw new UsageError(`Không có thư mục hồ sơ "${inbox}".`);
  await checkOutput(out, 'sổ tổng hợp');
  if (values.report) {
    await checkOutput(values.report, 'báo cáo');
    const same = (a: string) => path.resolve(a) === path.resolve(values.report!);
    if (same(out) || same(backupPath(out)))
      throw new UsageError(`--report "${values.report}" trùng với sổ tổng hợp hoặc bản sao của nó: hãy chọn tên khác.`);
  }
  if (values.feedback) await checkFeedbackDir(values.feedback);
  await refuseInsideInbox('--out', out, inbox);
  if (values.report) await refuseInsideInbox('--report', values.report, inbox);
  if (values.feedback) await refuseInsideInbox('--feedback', values.feedback, inbox);
  const plan = await loadPlan(values.plan);
  if (values.feedback) await refuseForeignFeedback(values.feedback, plan);
  const awards = values.register ? await loadPastAwards(values.register) : [];
  return { ...values, inbox, out, wait, awards, plan };
}

/** A feedback workbook is named like the unit's own file (<UNIT>.xlsx): one the merge did not write
 *  there itself — a unit's workbook copied in, a file edited since — is never replaced. */
async function refuseForeignFeedback(dir: string, plan: Plan): Promise<void> {
  const foreign = await foreignFiles(
    dir,
    plan.units.map((u) => `${u.code}.xlsx`),
  );
  if (foreign.length)
    throw new UsageError(
      `Thư mục phản hồi "${dir}" đã có ${foreign.map((f) => `"${f}"`).join(', ')} không do lệnh merge ghi ra (hoặc đã được sửa sau khi ghi), có thể là sổ của đơn vị. Lệnh không ghi đè và không ghi gì: hãy chọn một thư mục phản hồi khác, hoặc chuyển các tệp đó đi rồi chạy lại.`,
    );
}

export const runMerge = (argv: string[]): Promise<number> =>
  runCommand(MERGE_USAGE, async () => {
    const opts = await parseMergeOptions(argv);
    const undo = [await makeFolder(path.dirname(path.resolve(opts.out)))];
    let ran = false;
    const lock = await acquireLock(opts.out, opts.wait);
    try {
      await removeStaleTemps(opts.out);
      const now = new Date();
      const previous = await readPreviousMaster(opts.out, now, opts.plan);
      const result = await mergeInbox(opts, previous, now);
      const backup = await writeMasterAndReport(opts, result, previous, undo);
      const feedback = await writeFeedbackStep(opts, result, previous, backup);
      if (feedback === 'failed') return 1;
      console.log(summary(result, { master: opts.out, report: opts.report, backup, feedback }, previous));
      ran = true;
      return result.files.some((f) => f.status === 'rejected') ? 2 : 0;
    } finally {
      await lock.release();
      // A run that wrote nothing leaves no folder behind either.
      if (!ran) for (const u of undo.reverse()) await u();
    }
  });

type MergeCommandOptions = Awaited<ReturnType<typeof parseMergeOptions>>;

/** The inbox merged with what the secretariat typed in the previous master carried into the result. */
async function mergeInbox(opts: MergeCommandOptions, previous: TypedValues, now: Date): Promise<MergeResult> {
  const bar = progress();
  const documents = documentsSheetFrom(previous);
  const merged = await merge({
    plan: opts.plan,
    inbox: opts.inbox,
    includeLate: opts['include-late'],
    // The lists carry only approved rows when asked here or in the master's Văn bản sheet.
    approvedOnly: opts['approved-only'] || documentsApprovedOnly(documents),
    council: councilFromPrevious(previous),
    onFile: bar.file,
    now,
    officeTimes: receivedTimesFromPrevious(previous, opts.plan.timeZone),
  });
  bar.done();
  checkAgainstAwards(opts.plan, merged.nominations, opts.awards);
  return { ...merged, outcomes: outcomesFromPrevious(previous), membersPresent: membersPresent(documents) };
}

/** The master and the report, each staged before either replaces its file; the backup's path, if any. */
async function writeMasterAndReport(
  opts: MergeCommandOptions,
  result: MergeResult,
  previous: TypedValues,
  undo: (() => Promise<void>)[],
): Promise<string | undefined> {
  const hadMaster = await fs.stat(opts.out).then(
    () => true,
    () => false,
  );
  const backup = hadMaster ? backupPath(opts.out) : undefined;
  // Every output is written before any is replaced: a failure leaves all of them as they were.
  const staged: Staged[] = [];
  try {
    staged.push(
      await stageAtomic(opts.out, (tmp) => writeMaster(tmp, result, previous), { backup, what: 'sổ tổng hợp' }),
    );
    if (opts.report) {
      undo.push(await makeFolder(path.dirname(path.resolve(opts.report))));
      const json = `${JSON.stringify(buildReport(result), null, 2)}\n`;
      staged.push(await stageAtomic(opts.report, (tmp) => fs.writeFile(tmp, json), { what: 'báo cáo' }));
    }
  } catch (e) {
    for (const s of staged) await s.abort();
    throw e;
  }
  for (const s of staged) await s.commit();
  return backup;
}

/** Feedback workbooks come after: each is written atomically, and a failure there keeps the master. */
async function writeFeedbackStep(
  opts: MergeCommandOptions,
  result: MergeResult,
  previous: TypedValues,
  backup: string | undefined,
): Promise<{ dir: string; files: string[] } | undefined | 'failed'> {
  if (!opts.feedback) return undefined;
  try {
    const files = await writeFeedback(opts.feedback, opts.inbox, result, previous);
    await recordWritten(
      opts.feedback,
      files.map((f) => path.basename(f)),
    );
    return { dir: opts.feedback, files };
  } catch (e) {
    console.log(summary(result, { master: opts.out, report: opts.report, backup }, previous));
    console.error(
      `Không ghi được sổ phản hồi vào "${opts.feedback}". ${await failureText(e)} Sổ tổng hợp và báo cáo đã ghi xong; hãy kiểm tra thư mục rồi chạy lại lệnh.`,
    );
    return 'failed';
  }
}
