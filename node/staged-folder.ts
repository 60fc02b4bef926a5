// A set of files written into a folder all together or not at all: each is written into a hidden staging
// folder beside the output, and only when every one has been written are they moved in (a rename on the same
// disk, which takes no space). A failure while writing leaves the output folder as it was; a failure while
// moving puts back what had been moved. The command that writes the set only lists its outputs, each with
// the function that writes it, so a new kind of paper joins the set without touching how it is written.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { syncDirectory } from './atomic.js';
import { FileError, fileError } from './fs-errors.js';
import { processAlive } from './lock.js';
import { filesUnder, foreignFiles, makeFolder, WRITTEN_LIST, writtenListAfter } from './output-folders.js';

export interface FolderOutput {
  /** Path relative to the output folder, e.g. `to-trinh-BKCT.docx` or `bao-cao-thanh-tich/H-BATO/x.docx`. */
  file: string;
  /** Writes the file's content at `to` (a path in the staging folder). */
  write: (to: string) => Promise<void>;
}

/** An output whose content is already in memory. */
export const bytesOutput = (file: string, data: Uint8Array | string): FolderOutput => ({
  file,
  write: (to) => fs.writeFile(to, data),
});

export interface FolderSetOptions {
  /** Files (relative to the folder) a complete set no longer has: removed with the same all-or-nothing. */
  remove?: readonly string[];
  /** What the files are, for messages: `văn bản`. */
  what?: string;
  /**
   * When given, the set replaces and removes only files an earlier set wrote, as the folder's hidden list
   * records them (output-folders.ts); any other file in the way is handed to this, and its error is thrown
   * before anything is written. The list is then written with the set.
   */
  refuseForeign?: (files: readonly string[]) => Error;
}

const NOTHING_WRITTEN = (folder: string) =>
  `Lệnh chưa ghi tệp nào vào "${folder}"; các tệp đã có ở đó được giữ nguyên.`;
const STAGING_MARK = '.dang-ghi-';
const stagingOf = (out: string) => path.join(path.dirname(out), `.${path.basename(out)}${STAGING_MARK}${process.pid}`);

/** Writes every output under `out` (made when missing), or none of them: see the head of this file. */
export async function writeFolderSet(
  out: string,
  outputs: readonly FolderOutput[],
  opts: FolderSetOptions = {},
): Promise<void> {
  const folder = path.resolve(out);
  if (opts.refuseForeign) await refuseForeign(folder, outputs, opts.remove ?? [], opts.refuseForeign);
  const undoParent = await makeFolder(path.dirname(folder));
  await removeDeadStaging(folder);
  const staging = stagingOf(folder);
  try {
    await stageAll(folder, staging, outputs, opts.what ?? 'tệp');
    const files = outputs.map((o) => o.file);
    if (opts.refuseForeign) files.push(await stageWrittenList(folder, staging, files, opts.remove ?? []));
    const undoOut = await makeFolder(folder);
    try {
      await moveIn(folder, staging, files, opts.remove ?? []);
    } catch (e) {
      await undoOut();
      throw e;
    }
  } catch (e) {
    await undoParent();
    throw e;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Step 0 (refuseForeign): no file the set would replace or remove may be someone else's. */
async function refuseForeign(
  folder: string,
  outputs: readonly FolderOutput[],
  remove: readonly string[],
  refuse: (files: readonly string[]) => Error,
): Promise<void> {
  const removed = await Promise.all(remove.map((rel) => filesUnder(folder, rel)));
  const foreign = await foreignFiles(folder, [...new Set([...outputs.map((o) => o.file), ...removed.flat()])]);
  if (foreign.length) throw refuse(foreign);
}

/** The folder's list of files the command wrote, as it is to be after this set: staged with it. */
async function stageWrittenList(folder: string, staging: string, files: string[], remove: readonly string[]) {
  const list = await writtenListAfter(folder, staging, files, remove);
  const to = path.join(staging, WRITTEN_LIST);
  await fs.writeFile(to, list);
  const handle = await fs.open(to, 'r+');
  await handle.sync().finally(() => handle.close());
  return WRITTEN_LIST;
}

/** Step 1: every output written and flushed in the staging folder; the first failure stops the set. */
async function stageAll(folder: string, staging: string, outputs: readonly FolderOutput[], what: string) {
  await fs.rm(staging, { recursive: true, force: true });
  for (const o of outputs) {
    const to = path.join(staging, o.file);
    try {
      await fs.mkdir(path.dirname(to), { recursive: true });
      await o.write(to);
      const handle = await fs.open(to, 'r+');
      await handle.sync().finally(() => handle.close());
    } catch (e) {
      // Named by where it was to go, so the message points at the folder the user chose.
      const told = fileError(e, `ghi được ${what}`, path.join(folder, o.file));
      throw new FileError(`${told.message} ${NOTHING_WRITTEN(folder)}`, told.code, e);
    }
  }
}

/** Step 2: each replaced or removed file set aside in the staging folder, each new one renamed in; undone on failure. */
async function moveIn(folder: string, staging: string, files: readonly string[], remove: readonly string[]) {
  const aside = path.join(staging, `${STAGING_MARK}cu`);
  const done: { target: string; old?: string }[] = [];
  const setAside = async (rel: string): Promise<string | undefined> => {
    const target = path.join(folder, rel);
    if (!(await fs.lstat(target).catch(() => null))) return undefined;
    const old = path.join(aside, rel);
    await fs.mkdir(path.dirname(old), { recursive: true });
    await fs.rename(target, old);
    return old;
  };
  try {
    for (const rel of remove) done.push({ target: path.join(folder, rel), old: await setAside(rel) });
    for (const file of files) {
      const target = path.join(folder, file);
      await fs.mkdir(path.dirname(target), { recursive: true });
      const old = await setAside(file);
      done.push({ target, old });
      await fs.rename(path.join(staging, file), target);
    }
  } catch (e) {
    for (const d of done.reverse()) {
      if (d.old) await fs.rename(d.old, d.target).catch(() => undefined);
      else await fs.rm(d.target, { force: true });
    }
    const told = fileError(e, 'chuyển được các tệp mới vào thư mục', folder);
    throw new FileError(`${told.message} ${NOTHING_WRITTEN(folder)}`, told.code, e);
  }
  for (const dir of new Set(files.map((f) => path.dirname(path.join(folder, f))))) await syncDirectory(dir);
}

/** Staging folders of runs that were killed (their process is gone) are removed. */
async function removeDeadStaging(folder: string): Promise<void> {
  const prefix = `.${path.basename(folder)}${STAGING_MARK}`;
  const names = await fs.readdir(path.dirname(folder)).catch(() => [] as string[]);
  for (const name of names) {
    const pid = Number(name.slice(prefix.length));
    if (!name.startsWith(prefix) || !Number.isInteger(pid) || pid === process.pid || processAlive(pid)) continue;
    await fs.rm(path.join(path.dirname(folder), name), { recursive: true, force: true });
  }
}
