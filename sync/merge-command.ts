// sync merge: checks its arguments before touching anything (exit 1 writes nothing), merges the inbox,
// writes the master atomically under a lock (keeping the previous one as a backup), then the report.
import { promises as fs, constants as fsc } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { removeStaleTemps, writeAtomic, writeFileAtomic } from './atomic.js';
import { acquireLock } from './lock.js';
import { readPreviousMaster, writeMaster } from './master/index.js';
import { merge } from './merge.js';
import { loadPlan } from './plan-file.js';
import { buildReport } from './report.js';
import { progress, summary } from './terminal.js';

export const MERGE_USAGE =
  'npm run sync -- merge --inbox THƯ_MỤC --out SỔ_TỔNG_HỢP.xlsx [--report BÁO_CÁO.json] [--include-late] [--plan KẾ_HOẠCH.json] [--wait SỐ_GIÂY]';

class UsageError extends Error {}

/** master.xlsx → master.bak.xlsx: the backup still opens in Excel. */
export const backupPath = (master: string): string => master.replace(/(\.xlsx)?$/i, '.bak.xlsx');

async function checkWritableDir(file: string, what: string): Promise<void> {
  const dir = path.dirname(path.resolve(file));
  try {
    await fs.access(dir, fsc.W_OK);
  } catch {
    throw new UsageError(`Không ghi được ${what} "${file}": thư mục "${dir}" không tồn tại hoặc không có quyền ghi.`);
  }
}

export async function runMerge(argv: string[]): Promise<number> {
  let opts;
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        inbox: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        plan: { type: 'string' },
        'include-late': { type: 'boolean' },
        wait: { type: 'string' },
      },
    });
    if (!values.inbox || !values.out) throw new UsageError(`Thiếu ${!values.inbox ? '--inbox' : '--out'}.`);
    if (!/\.xlsx$/i.test(values.out)) throw new UsageError(`Sổ tổng hợp phải là tệp .xlsx: "${values.out}".`);
    const wait = values.wait === undefined ? 0 : Number(values.wait);
    if (!Number.isFinite(wait) || wait < 0) throw new UsageError(`--wait phải là số giây: "${values.wait}".`);
    const stat = await fs.stat(values.inbox).catch(() => null);
    if (!stat?.isDirectory()) throw new UsageError(`Không có thư mục hồ sơ "${values.inbox}".`);
    await checkWritableDir(values.out, 'sổ tổng hợp');
    if (values.report) await checkWritableDir(values.report, 'báo cáo');
    opts = { ...values, inbox: values.inbox, out: values.out, wait, plan: await loadPlan(values.plan) };
  } catch (e) {
    const usage =
      e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
        ? `\nCách dùng: ${MERGE_USAGE}`
        : '';
    console.error(`${(e as Error).message}${usage}`);
    return 1;
  }

  let lock;
  try {
    lock = await acquireLock(opts.out, opts.wait);
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  }
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
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  } finally {
    await lock.release();
  }
}
