// Replacing a file so that a crash or a power cut at any moment leaves either the old file or the new
// one, whole: write a temporary file beside it, flush it to disk, rename it over the target, then flush
// the directory so the new name itself survives. Writing (stage) and replacing (commit) are separate
// steps, so a command with several outputs replaces none until all are written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileError } from './fs-errors.js';

/** master.xlsx → master.bak.xlsx: the backup still opens in Excel. */
export const backupPath = (master: string): string => master.replace(/(\.xlsx)?$/i, '.bak.xlsx');

const tempPrefix = (target: string) => `.${path.basename(target)}.`;

/** Removes temporary files a killed run left beside `target`. Call only while holding its lock. */
export async function removeStaleTemps(target: string): Promise<void> {
  const dir = path.dirname(target);
  const prefix = tempPrefix(target);
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) await fs.rm(path.join(dir, name), { force: true });
  }
}

let sequence = 0;
const tempFor = (target: string) =>
  path.join(path.dirname(target), `${tempPrefix(target)}${process.pid}.${Date.now()}.${sequence++}.tmp`);

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a directory's entries (a rename) to disk. Windows cannot open a directory: nothing to do there. */
export async function syncDirectory(dir: string): Promise<void> {
  let handle;
  try {
    handle = await fs.open(dir, 'r');
  } catch {
    return;
  }
  try {
    await handle.sync();
  } catch (e) {
    // Some file systems (and Windows) refuse fsync on a directory; the rename is then as durable as they allow.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF', 'ENOTSUP'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  } finally {
    await handle.close();
  }
}

// exFAT and FAT (USB drives), some network shares: no hard links.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/** Keeps the current `target` as `backup`: a hard link where the file system has them, else a copy. */
async function keepBackup(target: string, backup: string): Promise<void> {
  await fs.rm(backup, { force: true });
  try {
    // A hard link keeps the previous version under the backup name without copying it.
    await fs.link(target, backup);
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    if (code === 'ENOENT') return;
    if (!NO_LINKS.has(code)) throw e;
  }
  const tmp = tempFor(backup);
  try {
    await fs.copyFile(target, tmp);
    await syncFile(tmp);
    await fs.rename(tmp, backup);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
  }
}

async function writableByOwner(file: string): Promise<void> {
  const stat = await fs.stat(file).catch(() => null);
  if (stat && !(stat.mode & 0o200)) await fs.chmod(file, (stat.mode & 0o7777) | 0o200).catch(() => undefined);
}

export interface Staged {
  readonly target: string;
  /** Keeps the backup (if asked) and renames the written file over the target. */
  commit(): Promise<void>;
  /** Removes the written file; the target stays as it was. */
  abort(): Promise<void>;
}

export interface AtomicOptions {
  /** Where to keep the file being replaced. */
  backup?: string;
  /** What the file is, for messages: `sổ tổng hợp`, `báo cáo`. */
  what?: string;
}

/** Writes `target`'s new content beside it and flushes it; nothing visible changes until commit. */
export async function stageAtomic(
  target: string,
  write: (tmpPath: string) => Promise<void>,
  opts: AtomicOptions = {},
): Promise<Staged> {
  const tmp = tempFor(target);
  const doing = `ghi được ${opts.what ?? 'tệp'}`;
  try {
    await write(tmp);
    await syncFile(tmp);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw fileError(e, doing, target);
  }
  return {
    target,
    async commit() {
      try {
        if (opts.backup) await keepBackup(target, opts.backup);
        await fs.rename(tmp, target);
        // A backup of a read-only master would stay read-only and could not be saved once restored.
        if (opts.backup) await writableByOwner(opts.backup);
      } catch (e) {
        await fs.rm(tmp, { force: true });
        throw fileError(e, doing, target);
      }
      await syncDirectory(path.dirname(target));
    },
    abort: () => fs.rm(tmp, { force: true }),
  };
}

export async function writeAtomic(
  target: string,
  write: (tmpPath: string) => Promise<void>,
  opts: AtomicOptions = {},
): Promise<void> {
  await (await stageAtomic(target, write, opts)).commit();
}

export const writeFileAtomic = (target: string, data: string | Buffer, opts: AtomicOptions = {}): Promise<void> =>
  writeAtomic(target, (tmp) => fs.writeFile(tmp, data), opts);
