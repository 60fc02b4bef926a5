// sync merge: checks its arguments before touching anything (exit 1 writes nothing), merges the inbox,
// writes the master atomically under a lock (keeping the previous one as a backup), then the report.
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';
import { backupPath, removeStaleTemps, writeAtomic, writeFileAtomic } from '../node/atomic.js';
import { parseOptions, runCommand, secondsOption, UsageError } from '../node/cli.js';
import { acquireLock } from '../node/lock.js';
import { readPreviousMaster, writeMaster } from './master/index.js';
import { merge } from './merge.js';
import { loadPlan } from '../node/plan-file.js';
import { buildReport } from './report.js';
import { progress, summary } from './terminal.js';

export const MERGE_USAGE =
  'npm run sync -- merge --inbox THƯ_MỤC --out SỔ_TỔNG_HỢP.xlsx [--report BÁO_CÁO.json] [--include-late] [--plan KẾ_HOẠCH.json] [--wait SỐ_GIÂY]';

async function checkWritableDir(file: string, what: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    await fs.access(dir, fsc.W_OK);
  } catch {
    throw new UsageError(`Không ghi được ${what} "${file}": thư mục "${dir}" không tồn tại hoặc không có quyền ghi.`);
  }
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
  await checkWritableDir(out, 'sổ tổng hợp');
  if (values.report) await checkWritableDir(values.report, 'báo cáo');
  return { ...values, inbox, out, wait, plan: await loadPlan(values.plan) };
}

export const runMerge = (argv: string[]): Promise<number> =>
  runCommand(MERGE_USAGE, async () => {
    const opts = await parseMergeOptions(argv);
    const lock = await acquireLock(opts.out, opts.wait);
    try {
      await removeStaleTemps(opts.out);
      const previous = await readPreviousMaster(opts.out);
      const bar = progress();
      const result = await merge({
        plan: opts.plan,
        inbox: opts.inbox,
        includeLate: opts['include-late'],
        onFile: bar.file,
      });
      bar.done();
      const hadMaster = await fs.stat(opts.out).then(
        () => true,
        () => false,
      );
      const backup = hadMaster ? backupPath(opts.out) : undefined;
      await writeAtomic(opts.out, (tmp) => writeMaster(tmp, result, previous), { backup });
      if (opts.report) await writeFileAtomic(opts.report, `${JSON.stringify(buildReport(result), null, 2)}\n`);
      console.log(summary(result, { master: opts.out, report: opts.report, backup }));
      return result.files.some((f) => f.status === 'rejected') ? 2 : 0;
    } finally {
      await lock.release();
    }
  });
