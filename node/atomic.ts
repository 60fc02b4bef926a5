// Replacing a file so that a crash at any moment leaves either the old file or the new one, whole:
// write a temporary file beside it, flush it to disk, then rename it over the target.
import { promises as fs } from 'node:fs';
import path from 'node:path';

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

export async function writeAtomic(
  target: string,
  write: (tmpPath: string) => Promise<void>,
  opts: { backup?: string } = {},
): Promise<void> {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `${tempPrefix(target)}${process.pid}.${Date.now()}.tmp`);
  try {
    await write(tmp);
    const handle = await fs.open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (opts.backup) {
      // A hard link keeps the previous version under the backup name without a moment where none exists.
      await fs.rm(opts.backup, { force: true });
      await fs.link(target, opts.backup).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      });
    }
    await fs.rename(tmp, target);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw error;
  }
}

export const writeFileAtomic = (target: string, data: string | Buffer): Promise<void> =>
  writeAtomic(target, (tmp) => fs.writeFile(tmp, data));
